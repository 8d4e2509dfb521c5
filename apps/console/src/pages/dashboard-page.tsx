// Placeholder: being built.
import { Card } from 'antd';
export function DashboardPage(_props: Record<string, unknown>) {
  return <Card>DashboardPage</Card>;
}

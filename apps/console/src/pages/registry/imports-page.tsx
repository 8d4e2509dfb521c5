// Placeholder: being built.
import { Card } from 'antd';
export function ImportsPage(_props: Record<string, unknown>) {
  return <Card>ImportsPage</Card>;
}

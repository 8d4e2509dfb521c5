// Placeholder: being built.
import { Card } from 'antd';
export function PersonsPage(_props: Record<string, unknown>) {
  return <Card>PersonsPage</Card>;
}
export function PersonDetailPage(_props: Record<string, unknown>) {
  return <Card>PersonDetailPage</Card>;
}

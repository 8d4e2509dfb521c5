// Placeholder: being built.
import { Card } from 'antd';
export function RecordsPage(_props: Record<string, unknown>) {
  return <Card>RecordsPage</Card>;
}
export function RecordDetailPage(_props: Record<string, unknown>) {
  return <Card>RecordDetailPage</Card>;
}

// Placeholder: being built.
import { Card } from 'antd';
export function QualityPage(_props: Record<string, unknown>) {
  return <Card>QualityPage</Card>;
}

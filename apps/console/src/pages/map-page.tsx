// Placeholder: being built.
import { Card } from 'antd';
export function MapPage(_props: Record<string, unknown>) {
  return <Card>MapPage</Card>;
}

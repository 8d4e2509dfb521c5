// The smallest honest field app: React and antd-mobile with a tab bar, a list and a form, and
// nothing of the product.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Form, Input, List, TabBar, Toast } from 'antd-mobile';

function Page() {
  const [tab, setTab] = useState('home');
  return (
    <div>
      <List header="待办">
        <List.Item>路灯不亮</List.Item>
      </List>
      <Form onFinish={() => Toast.show('好')} footer={<Button type="submit">上报</Button>}>
        <Form.Item name="title" label="标题">
          <Input />
        </Form.Item>
      </Form>
      <TabBar activeKey={tab} onChange={setTab}>
        <TabBar.Item key="home" title="首页" />
        <TabBar.Item key="report" title="上报" />
      </TabBar>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Page />);

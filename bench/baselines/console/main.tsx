// The smallest honest console: React and antd in Chinese with the components every console page
// uses (layout, menu, table, form, modal, message), and nothing of the product.
import { createRoot } from 'react-dom/client';
import { App, Button, ConfigProvider, Form, Input, Layout, Menu, Modal, Table } from 'antd';
import zhCN from 'antd/locale/zh_CN';

function Page() {
  const { message } = App.useApp();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider>
        <Menu theme="dark" items={[{ key: '1', label: '事件' }]} />
      </Layout.Sider>
      <Layout.Content>
        <Form onFinish={() => void message.success('好')}>
          <Form.Item name="q" label="查询">
            <Input />
          </Form.Item>
          <Button htmlType="submit">查询</Button>
        </Form>
        <Table
          rowKey="id"
          dataSource={[{ id: '1', title: '路灯' }]}
          columns={[{ title: '标题', dataIndex: 'title' }]}
        />
        <Modal open={false} title="确认" />
      </Layout.Content>
    </Layout>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <ConfigProvider locale={zhCN}>
      <App>
        <Page />
      </App>
    </ConfigProvider>,
  );

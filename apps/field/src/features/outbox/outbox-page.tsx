// Everything made in the field and where it stands; what the server refused waits here for the
// worker to correct, retry or discard it — nothing is dropped silently.
import { useState } from 'react';
import { Button, Dialog, Empty, Form, Input, List, Popup, Space, Tag, TextArea } from 'antd-mobile';
import { flushOutbox } from './outbox.sender.js';
import { discardOutboxItem, putOutboxItem } from './outbox.store.js';
import {
  OUTBOX_STATE_LABELS,
  type OutboxItem,
  type OutboxState,
  type ReportEventItem,
} from './outbox.types.js';
import { useOutbox } from './use-outbox.js';
import { useOnline } from '../../lib/network.js';

const STATE_COLORS: Readonly<Record<OutboxState, string>> = {
  waiting: 'warning',
  sending: 'primary',
  sent: 'success',
  attention: 'danger',
};

const KIND_LABELS: Readonly<Record<OutboxItem['kind'], string>> = {
  report_event: '上报事件',
  event_action: '核查事件',
  verify_person: '人员复核',
  register_arrival: '流动人口来',
  register_departure: '人员离开',
};

export function OutboxStateTag({ state }: { state: OutboxState }) {
  return (
    <Tag color={STATE_COLORS[state]} fill="outline" data-testid="outbox-state">
      {OUTBOX_STATE_LABELS[state]}
    </Tag>
  );
}

async function retry(item: OutboxItem) {
  await putOutboxItem({ ...item, state: 'waiting', message: null });
  void flushOutbox();
}

async function discard(item: OutboxItem) {
  const confirmed = await Dialog.confirm({
    title: '放弃这一项',
    content: `“${item.label}”将从手机上删除，不会上传。确定放弃吗？`,
    confirmText: '放弃',
    cancelText: '保留',
  });
  if (confirmed) await discardOutboxItem(item.key);
}

function EditReport({ item, onClose }: { item: ReportEventItem; onClose: () => void }) {
  return (
    <Form
      name="edit-report"
      layout="vertical"
      initialValues={{ title: item.body.title, description: item.body.description }}
      onFinish={(values: { title: string; description: string }) => {
        void retry({
          ...item,
          label: values.title,
          body: { ...item.body, title: values.title, description: values.description ?? '' },
        }).then(onClose);
      }}
      footer={
        <Button block type="submit" color="primary">
          保存并重新上传
        </Button>
      }
    >
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label="描述">
        <TextArea maxLength={4000} rows={4} />
      </Form.Item>
    </Form>
  );
}

export function OutboxPage() {
  const { items, unsent, pausedForSignIn } = useOutbox();
  const online = useOnline();
  const [editing, setEditing] = useState<ReportEventItem | null>(null);
  const newestFirst = [...items].reverse();
  return (
    <div className="page">
      <p className="hint outbox-summary" data-testid="outbox-summary">
        {unsent > 0
          ? `${unsent} 项未上传${pausedForSignIn ? '：登录失效，重新登录后继续' : online ? '' : '：有信号时自动上传'}`
          : '全部已上传'}
      </p>
      {items.length === 0 && <Empty description="没有待上传的内容" />}
      <List>
        {newestFirst.map((item) => (
          <List.Item
            key={item.key}
            data-testid="outbox-item"
            extra={<OutboxStateTag state={item.state} />}
            description={
              <>
                <span>
                  {KIND_LABELS[item.kind]} ·{' '}
                  {new Date(item.createdAt).toLocaleTimeString('zh-CN', {
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                  {item.photos.length > 0 ? ` · ${item.photos.length} 张照片` : ''}
                </span>
                {item.message && (
                  <span
                    className={item.state === 'attention' ? 'outbox-message attention' : 'outbox-message'}
                  >
                    {item.message}
                  </span>
                )}
                {item.state === 'attention' && (
                  <Space className="outbox-actions">
                    {item.kind === 'report_event' && (
                      <Button size="mini" onClick={() => setEditing(item)}>
                        修改
                      </Button>
                    )}
                    <Button size="mini" color="primary" onClick={() => void retry(item)}>
                      重试
                    </Button>
                    <Button size="mini" color="danger" fill="outline" onClick={() => void discard(item)}>
                      放弃
                    </Button>
                  </Space>
                )}
              </>
            }
          >
            {item.label}
          </List.Item>
        ))}
      </List>
      <Popup
        visible={editing !== null}
        onMaskClick={() => setEditing(null)}
        bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 8 }}
      >
        {editing && <EditReport item={editing} onClose={() => setEditing(null)} />}
      </Popup>
    </div>
  );
}

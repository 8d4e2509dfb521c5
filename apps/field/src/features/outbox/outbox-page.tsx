// Everything made in the field and where it stands; what the server refused waits here for the
// worker to correct, retry or discard it — nothing is dropped silently.
import { useState } from 'react';
import { Button, Dialog, Empty, Form, Input, List, Popup, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { api } from '@gridwork/client';
import { flushOutbox } from './outbox.sender.js';
import { discardOutboxItem, isOwnedBy, putOutboxItem } from './outbox.store.js';
import { rememberedUser } from '../../lib/device-memory.js';
import { RECORD_SEGMENTS } from '../grid/record-kinds.js';
import {
  OUTBOX_STATE_LABELS,
  type OutboxItem,
  type OutboxState,
  type RecordVisitItem,
  type ReportEventItem,
  type VerifyPersonItem,
  type VerifyRecordItem,
} from './outbox.types.js';
import { useOutbox } from './use-outbox.js';
import { messageOf, noteFailure, useOnline } from '../../lib/network.js';
import { fieldLocale, t } from '../../app/i18n.js';
import { EditVisitForm } from '../visits/edit-visit-form.js';

const STATE_COLORS: Readonly<Record<OutboxState, string>> = {
  waiting: 'warning',
  sending: 'primary',
  sent: 'success',
  attention: 'danger',
};

const KIND_LABELS: Readonly<Record<OutboxItem['kind'], string>> = {
  report_event: t('上报事件', 'Event report'),
  event_action: t('核查事件', 'Event check'),
  verify_person: t('人员复核', 'Person verification'),
  verify_record: t('户、房屋、组织复核', 'Record verification'),
  record_visit: t('走访', 'Visit'),
  floating_arrival: t('流动人口来', 'Floating arrival'),
  floating_departure: t('流动人口去', 'Floating departure'),
  register_arrival: t('流动人口来', 'Floating arrival'),
  register_departure: t('人员离开', 'Departure'),
  training_check_in: t('培训签到', 'Training sign-in'),
  survey_answer: t('入户调查', 'Survey answer'),
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
    title: t('放弃这一项', 'Discard this item'),
    content: t(
      `“${item.label}”将从手机上删除，不会上传。确定放弃吗？`,
      `“${item.label}” will be deleted from the phone and not sent. Discard it?`,
    ),
    confirmText: t('放弃', 'Discard'),
    cancelText: t('保留', 'Keep'),
  });
  if (confirmed) await discardOutboxItem(item.key);
}

/**
 * A verification refused because the record changed meanwhile: the worker looks at the record as
 * it is now and sends theirs again on top of it (the corrections re-applied to the latest version).
 */
async function retryOnLatest(item: VerifyPersonItem | VerifyRecordItem) {
  const url =
    item.kind === 'verify_person'
      ? `/api/persons/${item.personId}`
      : `/api/${RECORD_SEGMENTS[item.recordKind]}/${item.recordId}`;
  let latest: { version: number };
  try {
    latest = await api.get<{ version: number }>(url);
  } catch (error) {
    noteFailure(error);
    Toast.show({ content: messageOf(error) });
    return;
  }
  const confirmed = await Dialog.confirm({
    title: t('按最新版本重新提交', 'Send again on the latest version'),
    content: t(
      `这条记录已被他人改为第 ${latest.version} 版。请先确认现在的内容，再把“${item.label}”提交到最新版本上。`,
      `Someone changed this record (now version ${latest.version}). Check it as it is now, then send “${item.label}” on top of it.`,
    ),
    confirmText: t('重新提交', 'Send again'),
    cancelText: t('取消', 'Cancel'),
  });
  if (!confirmed) return;
  const resent: VerifyPersonItem | VerifyRecordItem = {
    ...item,
    body: { ...item.body, version: latest.version },
  };
  await retry(resent);
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
          {t('保存并重新上传', 'Save and send again')}
        </Button>
      }
    >
      <Form.Item
        name="title"
        label={t('标题', 'Title')}
        rules={[{ required: true, message: t('请填写标题', 'Enter a title') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('描述', 'Description')}>
        <TextArea maxLength={4000} rows={4} />
      </Form.Item>
    </Form>
  );
}

export function OutboxPage() {
  const { items: ownItems, othersItems, unsent, pausedForSignIn, others, loaded } = useOutbox();
  // Another worker's items show (unsent only) with whose they are; they are not this worker's to act on.
  const items = [...ownItems, ...othersItems].sort((a, b) => a.seq - b.seq);
  // The signed-in worker's own: another worker's wait for them and are counted apart.
  const mine = unsent - others;
  const online = useOnline();
  const [editing, setEditing] = useState<ReportEventItem | RecordVisitItem | null>(null);
  const newestFirst = [...items].reverse();
  const me = rememberedUser()?.id;
  return (
    <div className="page">
      <p className="hint outbox-summary" data-testid="outbox-summary">
        {!loaded
          ? t('正在读取…', 'Reading…')
          : mine > 0
            ? t(`${mine} 项未上传`, `${mine} not sent`) +
              (pausedForSignIn
                ? t('：登录失效，重新登录后继续', ': signed out, sending resumes after sign-in')
                : online
                  ? ''
                  : t('：有信号时自动上传', ': sent when there is a signal'))
            : others > 0
              ? t('我的已全部上传', 'All of mine sent')
              : t('全部已上传', 'All sent')}
      </p>
      {others > 0 && (
        <p className="hint outbox-others" data-testid="outbox-others">
          {t(
            `${others} 项属于其他网格员，只在其本人登录后上传`,
            `${others} more belong to other workers and are sent only when they sign in`,
          )}
        </p>
      )}
      {items.length === 0 && <Empty description={t('没有待上传的内容', 'Nothing to send')} />}
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
                  {new Date(item.createdAt).toLocaleTimeString(fieldLocale(), {
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                  {item.photos.length > 0
                    ? t(` · ${item.photos.length} 张照片`, ` · ${item.photos.length} photo(s)`)
                    : ''}
                </span>
                {item.state !== 'sent' && !isOwnedBy(item, me) && (
                  <span className="outbox-message attention" data-testid="outbox-owner">
                    {t(
                      `属于 ${item.owner?.name ?? ''}，请用该账号登录后上传`,
                      `Belongs to ${item.owner?.name ?? ''}: sign in as them to send it`,
                    )}
                  </span>
                )}
                {item.message && isOwnedBy(item, me) && (
                  <span
                    className={item.state === 'attention' ? 'outbox-message attention' : 'outbox-message'}
                  >
                    {item.message}
                  </span>
                )}
                {item.state === 'attention' && isOwnedBy(item, me) && (
                  <Space className="outbox-actions" wrap>
                    {(item.kind === 'report_event' || item.kind === 'record_visit') && (
                      <Button size="mini" onClick={() => setEditing(item)}>
                        {t('修改', 'Edit')}
                      </Button>
                    )}
                    {item.kind === 'verify_person' || item.kind === 'verify_record' ? (
                      <Button size="mini" color="primary" onClick={() => void retryOnLatest(item)}>
                        {t('按最新版本重新提交', 'Send on latest version')}
                      </Button>
                    ) : (
                      <Button size="mini" color="primary" onClick={() => void retry(item)}>
                        {t('重试', 'Retry')}
                      </Button>
                    )}
                    <Button size="mini" color="danger" fill="outline" onClick={() => void discard(item)}>
                      {t('放弃', 'Discard')}
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
        {editing?.kind === 'report_event' && <EditReport item={editing} onClose={() => setEditing(null)} />}
        {editing?.kind === 'record_visit' && (
          <EditVisitForm item={editing} onSave={(corrected) => void retry(corrected).then(() => setEditing(null))} />
        )}
      </Popup>
    </div>
  );
}

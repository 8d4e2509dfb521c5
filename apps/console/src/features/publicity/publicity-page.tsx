// 宣传发动: the publicity activities of my villages and townships, newest first, by place, kind
// and month (filters in the URL), with their photos; villages and townships record theirs here,
// a record is corrected (each change kept in its history, shown here) and a mistaken entry is
// withdrawn with a reason (never deleted).
import { useEffect, useState } from 'react';
import { BarChartOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Image, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, can, type PublicityActivity, type PublicityHistoryEntry } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, failureText, useKeysetList } from '../../app/keyset-list.js';
import { PublicityFormModal } from './publicity-form-modal.js';
import { DailyUnitPicker } from './unit-picker.js';

const FILTER_KEYS = ['townshipId', 'villageId', 'kind', 'month', 'status'] as const;

interface SearchValues {
  unitId?: string | null;
  kind?: string;
  month?: Dayjs | null;
  status?: string;
}

export function PublicityPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const list = useKeysetList<PublicityActivity>('/api/publicity', FILTER_KEYS);
  const [form] = Form.useForm<SearchValues>();
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<PublicityActivity | null>(null);
  const [history, setHistory] = useState<PublicityActivity | null>(null);
  const [unitKind, setUnitKind] = useState<string | null>(list.filters['townshipId'] ? 'township' : null);
  const mayWrite = can(user.role, 'publicity.write');

  useEffect(() => {
    form.setFieldsValue({
      unitId: list.filters['villageId'] ?? list.filters['townshipId'] ?? null,
      kind: list.filters['kind'],
      month: list.filters['month'] ? dayjs(`${list.filters['month']}-01`) : null,
      status: list.filters['status'],
    });
  }, [form, list.filters]);

  function withdraw(activity: PublicityActivity) {
    let reason = '';
    Modal.confirm({
      title: t('撤销这条宣传活动？', 'Withdraw this activity?'),
      content: (
        <Input.TextArea aria-label={t('撤销原因', 'Reason')} placeholder={t('撤销原因（必填）', 'Reason (required)')} maxLength={200} onChange={(event) => (reason = event.target.value)} />
      ),
      okText: t('撤销', 'Withdraw'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await api.post(`/api/publicity/${activity.id}/withdraw`, { version: activity.version, reason: reason.trim() });
          message.success(t('已撤销', 'Withdrawn'));
          list.reload();
        } catch (caught) {
          message.error(failureText(caught, t));
          throw caught;
        }
      },
    });
  }

  return (
    <Card
      title={t('宣传发动', 'Publicity')}
      extra={
        <Space wrap>
          <Link to="/daily/publicity/monthly">
            <Button icon={<BarChartOutlined />}>{t('月度统计', 'Monthly counts')}</Button>
          </Link>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t('记录宣传活动', 'Record an activity')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />
        </Space>
      }
    >
      <Form<SearchValues>
        form={form}
        name="publicity-search"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) =>
          list.setFilters({
            townshipId: values.unitId && unitKind === 'township' ? values.unitId : null,
            villageId: values.unitId && unitKind !== 'township' ? values.unitId : null,
            kind: values.kind,
            month: values.month ? values.month.format('YYYY-MM') : null,
            status: values.status,
          })
        }
      >
        <Form.Item name="unitId" label={t('单位', 'Unit')}>
          <DailyUnitPicker aria-label={t('单位', 'Unit')} placeholder={t('全部', 'All')} onChange={(_id, unit) => setUnitKind(unit?.kind ?? null)} />
        </Form.Item>
        <Form.Item name="kind" label={t('形式', 'Kind')}>
          <Select allowClear placeholder={t('全部', 'Any')} style={{ width: 130 }} options={PUBLICITY_KINDS.map((value) => ({ value, label: PUBLICITY_KIND_LABELS[value][locale] }))} />
        </Form.Item>
        <Form.Item name="month" label={t('月份', 'Month')}>
          <DatePicker picker="month" />
        </Form.Item>
        <Form.Item name="status" label={t('状态', 'Status')}>
          <Select allowClear placeholder={t('有效', 'Active')} style={{ width: 100 }} options={[{ value: 'active', label: t('有效', 'Active') }, { value: 'withdrawn', label: t('已撤销', 'Withdrawn') }]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('查询', 'Search')}
            </Button>
            <Button onClick={() => list.setFilters(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}>{t('重置', 'Reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<PublicityActivity>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('没有宣传活动', 'No publicity activities')} /> }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
          { title: t('单位', 'Unit'), key: 'unit', render: (_, row) => (row.unitKind === 'township' ? row.unitName : `${row.townshipName ?? ''} ${row.unitName}`) },
          { title: t('形式', 'Kind'), dataIndex: 'kind', render: (kind: PublicityActivity['kind']) => <Tag color="blue">{PUBLICITY_KIND_LABELS[kind][locale]}</Tag> },
          { title: t('地点', 'Place'), dataIndex: 'place' },
          { title: t('受众/阅读', 'Audience / reads'), dataIndex: 'audience', align: 'right', render: (value: number | null) => value ?? '—' },
          {
            title: t('照片', 'Photos'),
            dataIndex: 'photoIds',
            render: (ids: string[]) =>
              ids.length === 0 ? (
                <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>
              ) : (
                <Image.PreviewGroup>
                  <Space size={4}>
                    {ids.slice(0, 3).map((id) => (
                      <Image key={id} src={`/api/photos/${id}`} width={40} height={40} style={{ objectFit: 'cover' }} alt={t('宣传照片', 'Publicity photo')} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ),
          },
          { title: t('记录人', 'Recorded by'), key: 'by', render: (_, row) => row.recordedBy.name },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (status: string, row) => (status === 'withdrawn' ? <Tag title={row.withdrawnReason ?? ''}>{t('已撤销', 'Withdrawn')}</Tag> : <Tag color="green">{t('有效', 'Active')}</Tag>),
          },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            render: (_: unknown, row: PublicityActivity) => (
              <Space size={4} wrap>
                {mayWrite && row.status === 'active' && (
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('修改', 'Edit')}
                  </Button>
                )}
                <Button size="small" onClick={() => setHistory(row)}>
                  {t('历史', 'History')}
                </Button>
                {mayWrite && row.status === 'active' && (
                  <Button size="small" danger onClick={() => withdraw(row)}>
                    {t('撤销', 'Withdraw')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PageButtons list={list} />
      {editing && (
        <PublicityFormModal
          activity={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
      {history && <PublicityHistoryModal activity={history} onClose={() => setHistory(null)} />}
      {recording && (
        <PublicityFormModal
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

const FIELD_LABELS: Record<string, [string, string]> = {
  unitId: ['单位', 'Unit'],
  kind: ['形式', 'Kind'],
  heldOn: ['日期', 'Date'],
  place: ['地点', 'Place'],
  audience: ['受众/阅读', 'Audience / reads'],
  description: ['内容', 'Description'],
  photoIds: ['照片', 'Photos'],
  reason: ['撤销原因', 'Reason'],
  status: ['状态', 'Status'],
};

/** The record's versions: created, each correction (field: before → after) and a withdrawal. */
function PublicityHistoryModal({ activity, onClose }: { activity: PublicityActivity; onClose(): void }) {
  const { locale, t } = useLocale();
  const [items, setItems] = useState<PublicityHistoryEntry[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let alive = true;
    api.get<{ items: PublicityHistoryEntry[] }>(`/api/publicity/${activity.id}/history`).then(
      (answer) => alive && setItems(answer.items),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [activity.id, t]);
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'kind' && typeof value === 'string' && value in PUBLICITY_KIND_LABELS) return PUBLICITY_KIND_LABELS[value as PublicityActivity['kind']][locale];
    if (field === 'photoIds' && Array.isArray(value)) return t(`${value.length} 张`, `${value.length}`);
    return String(value);
  };
  const actionLabel = (action: string) => (action === 'created' ? t('记录', 'Recorded') : action === 'withdrawn' ? t('撤销', 'Withdrawn') : t('修改', 'Edited'));
  return (
    <Modal open title={`${t('修改历史', 'History')} · ${activity.place}`} footer={null} onCancel={onClose} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {items && (
        <Timeline
          items={items.map((entry) => ({
            key: entry.version,
            color: entry.action === 'withdrawn' ? 'red' : entry.action === 'created' ? 'green' : 'blue',
            children: (
              <div data-version={entry.version}>
                <Typography.Text strong>
                  v{entry.version} {actionLabel(entry.action)}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {entry.changedBy.name} · {dayjs(entry.changedAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
                {entry.action !== 'created' && (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {Object.entries(entry.changes).map(([field, change]) => {
                      const label = FIELD_LABELS[field] ?? [field, field];
                      const [before, after] = Array.isArray(change) && change.length === 2 ? change : [undefined, change];
                      return (
                        <li key={field}>
                          {t(label[0], label[1])}：{show(field, before)} → {show(field, after)}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Modal>
  );
}

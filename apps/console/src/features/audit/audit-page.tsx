// The audit trail, for the audit administrator only: who did what to which record, from where,
// and whether it was allowed; filters in the URL, pages newest first, and a check of the hash
// chain that says whether any entry was changed or removed.
import { useState } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS, ROLE_LABELS, type AuditEntry, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';

const PAGE = 50;

const AUDIT_FILTERS = ['actorUsername', 'action', 'outcome', 'objectType', 'from', 'to'] as const;
/** The trail comes newest first by sequence number: a full page means there may be older entries. */
const AUDIT_PAGES = {
  cursorParam: 'before' as const,
  nextCursorOf: (items: readonly AuditEntry[], size: number) =>
    items.length === size ? String(items.at(-1)?.seq ?? '') || null : null,
};

export function AuditPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const list = useKeysetList<AuditEntry>('/api/audit', AUDIT_FILTERS, PAGE, AUDIT_PAGES);
  const { items, error, filters: query } = list;
  const setFilter = (key: string, value: string | null) => list.setFilters({ [key]: value });
  const [chain, setChain] = useState<{
    entries: number;
    ok: boolean;
    brokenAt: number | null;
    reason: string | null;
  } | null>(null);
  const [checking, setChecking] = useState(false);

  async function verify() {
    setChecking(true);
    try {
      setChain(await api.get('/api/audit/verify'));
    } catch (caught) {
      void message.error(caught instanceof ApiError ? caught.message : t('校验失败', 'The check failed'));
    } finally {
      setChecking(false);
    }
  }

  return (
    <Card
      title={t('审计日志', 'Audit trail')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>
          {t('校验审计链', 'Check the chain')}
        </Button>
      }
    >
      {chain && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={chain.ok ? 'success' : 'error'}
          title={
            chain.ok
              ? t(
                  `审计链完整：共 ${chain.entries} 条，未发现篡改或删除`,
                  `The chain is whole: ${chain.entries} entries, none changed or removed`,
                )
              : t(
                  `审计链在第 ${chain.brokenAt} 条处断开（${chain.reason}）`,
                  `The chain breaks at entry ${chain.brokenAt} (${chain.reason})`,
                )
          }
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('操作人', 'Actor')}
          placeholder={t('操作人用户名', 'Actor username')}
          allowClear
          defaultValue={query.actorUsername}
          onSearch={(value) => setFilter('actorUsername', value.trim() || null)}
          style={{ width: 200 }}
        />
        <Select
          aria-label={t('操作', 'Action')}
          placeholder={t('全部操作', 'Any action')}
          allowClear
          showSearch
          style={{ width: 220 }}
          value={query.action}
          onChange={(value?: string) => setFilter('action', value ?? null)}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: action }))}
        />
        <Select
          aria-label={t('结果', 'Outcome')}
          placeholder={t('全部结果', 'Any outcome')}
          allowClear
          style={{ width: 140 }}
          value={query.outcome}
          onChange={(value?: string) => setFilter('outcome', value ?? null)}
          options={[
            { value: 'ok', label: t('成功', 'OK') },
            { value: 'denied', label: t('拒绝', 'Denied') },
            { value: 'failed', label: t('失败', 'Failed') },
          ]}
        />
        <Input.Search
          aria-label={t('对象类型', 'Object type')}
          placeholder={t('对象类型，如 person', 'Object type, e.g. person')}
          allowClear
          defaultValue={query.objectType}
          onSearch={(value) => setFilter('objectType', value.trim() || null)}
          style={{ width: 200 }}
        />
        <DatePicker.RangePicker
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) =>
            list.setFilters({
              // Whole days of the reader's clock, as instants: the trail is kept in UTC.
              from: range?.[0] ? range[0].startOf('day').toISOString() : null,
              to: range?.[1] ? range[1].endOf('day').toISOString() : null,
            })
          }
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (entry) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {JSON.stringify(entry.details, null, 2)}
              </pre>
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 80 },
          {
            title: t('时间', 'Time'),
            dataIndex: 'at',
            width: 160,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('操作人', 'Actor'),
            render: (_value, entry) =>
              entry.actorUsername
                ? `${entry.actorUsername}${entry.actorRole && Object.hasOwn(ROLE_LABELS, entry.actorRole) ? `（${ROLE_LABELS[entry.actorRole as Role][locale]}）` : ''}`
                : t('系统', 'System'),
          },
          { title: t('操作', 'Action'), dataIndex: 'action' },
          {
            title: t('结果', 'Outcome'),
            dataIndex: 'outcome',
            width: 90,
            render: (outcome: string) => (
              <Tag color={outcome === 'ok' ? 'green' : outcome === 'denied' ? 'orange' : 'red'}>
                {outcome}
              </Tag>
            ),
          },
          {
            title: t('对象', 'Object'),
            render: (_value, entry) => [entry.objectType, entry.objectId].filter(Boolean).join(' ') || '—',
          },
          { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
        ]}
      />
      <PageButtons list={list} />
    </Card>
  );
}

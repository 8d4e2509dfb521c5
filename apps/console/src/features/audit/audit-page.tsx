// The audit trail, for the audit administrator only: who did what to which record, from where,
// and whether it was allowed; filters in the URL, pages newest first, and a check of the hash
// chain that says whether any entry was changed or removed.
import { useEffect, useMemo, useState } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { AUDIT_ACTIONS, ROLE_LABELS, type AuditEntry, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

const PAGE = 50;

export function AuditPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState('');
  const [chain, setChain] = useState<{
    entries: number;
    ok: boolean;
    brokenAt: number | null;
    reason: string | null;
  } | null>(null);
  const [checking, setChecking] = useState(false);

  const query = useMemo(
    () => ({
      actorUsername: params.get('actorUsername') ?? undefined,
      action: params.get('action') ?? undefined,
      outcome: params.get('outcome') ?? undefined,
      objectType: params.get('objectType') ?? undefined,
      from: params.get('from') ? dayjs(params.get('from')).startOf('day').toISOString() : undefined,
      to: params.get('to') ? dayjs(params.get('to')).endOf('day').toISOString() : undefined,
      before: params.get('before') ?? undefined,
    }),
    [params],
  );
  const backs = (params.get('back') ?? '').split(',').filter(Boolean);

  useEffect(() => {
    let alive = true;
    setItems(null);
    api.get<{ items: AuditEntry[] }>('/api/audit', { ...query, limit: PAGE }).then(
      (answer) => alive && (setItems(answer.items), setError('')),
      (caught: unknown) =>
        alive &&
        (setItems([]),
        setError(
          caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
        )),
    );
    return () => {
      alive = false;
    };
  }, [query, t]);

  function setFilter(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('before');
    next.delete('back');
    setParams(next);
  }

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
          value={
            params.get('from') && params.get('to')
              ? [dayjs(params.get('from')), dayjs(params.get('to'))]
              : null
          }
          onChange={(range) => {
            const next = new URLSearchParams(params);
            if (range?.[0] && range[1]) {
              next.set('from', range[0].format('YYYY-MM-DD'));
              next.set('to', range[1].format('YYYY-MM-DD'));
            } else {
              next.delete('from');
              next.delete('to');
            }
            next.delete('before');
            next.delete('back');
            setParams(next);
          }}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={items === null}
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
      <Space style={{ marginTop: 16 }}>
        <Button
          disabled={!query.before}
          onClick={() => {
            const next = new URLSearchParams(params);
            const previous = backs.at(-1);
            if (previous && previous !== '-') next.set('before', previous);
            else next.delete('before');
            const rest = backs.slice(0, -1);
            if (rest.length) next.set('back', rest.join(','));
            else next.delete('back');
            setParams(next);
          }}
        >
          {t('上一页', 'Previous')}
        </Button>
        <Button
          disabled={(items?.length ?? 0) < PAGE}
          onClick={() => {
            const next = new URLSearchParams(params);
            next.set('back', [...backs, query.before ?? '-'].join(','));
            next.set('before', String(items!.at(-1)!.seq));
            setParams(next);
          }}
        >
          {t('下一页', 'Next')}
        </Button>
      </Space>
    </Card>
  );
}

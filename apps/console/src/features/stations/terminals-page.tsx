// 手持终端: the hand-held terminal register of my territory by asset code — unit, holder, state —
// with registering, handing over (one per grid worker unless the county allows more) and each
// terminal's hand-over history.
import { useEffect, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Empty, Form, Input, Select, Space, Table, Tag, Timeline } from 'antd';
import { TERMINAL_STATES, TERMINAL_STATE_LABELS, can, type Terminal, type TerminalDetail } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, failureText, useKeysetList } from '../../app/keyset-list.js';
import { DailyUnitPicker } from '../publicity/unit-picker.js';
import { TERMINAL_STATE_COLORS } from './station-labels.js';
import { EditTerminalModal, HandOverModal, RegisterTerminalModal } from './terminal-modals.js';

const FILTER_KEYS = ['unitId', 'state', 'q'] as const;

interface SearchValues {
  unitId?: string | null;
  state?: string;
  q?: string;
}

export function TerminalsPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const list = useKeysetList<Terminal>('/api/terminals', FILTER_KEYS, 50);
  const [form] = Form.useForm<SearchValues>();
  const [registering, setRegistering] = useState(false);
  const [handing, setHanding] = useState<TerminalDetail | null>(null);
  const [editing, setEditing] = useState<Terminal | null>(null);
  const [detail, setDetail] = useState<TerminalDetail | null>(null);
  const [error, setError] = useState('');
  const mayWrite = can(user.role, 'station.write');

  useEffect(() => {
    form.setFieldsValue({ unitId: list.filters['unitId'] ?? null, state: list.filters['state'], q: list.filters['q'] ?? '' });
  }, [form, list.filters]);

  function open(row: Terminal, then: (terminal: TerminalDetail) => void) {
    setError('');
    api.get<TerminalDetail>(`/api/terminals/${row.id}`).then(then, (caught: unknown) => setError(failureText(caught, t)));
  }

  return (
    <Card
      title={t('手持终端', 'Hand-held terminals')}
      extra={
        <Space wrap>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('登记终端', 'Register a terminal')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />
        </Space>
      }
    >
      <Form<SearchValues> form={form} name="terminal-search" layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={(values) => list.setFilters({ unitId: values.unitId ?? null, state: values.state, q: values.q?.trim() })}>
        <Form.Item name="unitId" label={t('单位', 'Unit')}>
          <DailyUnitPicker aria-label={t('单位', 'Unit')} placeholder={t('全部', 'All')} />
        </Form.Item>
        <Form.Item name="state" label={t('状态', 'State')}>
          <Select allowClear placeholder={t('全部', 'Any')} style={{ width: 110 }} options={TERMINAL_STATES.map((value) => ({ value, label: TERMINAL_STATE_LABELS[value][locale] }))} />
        </Form.Item>
        <Form.Item name="q" label={t('查找', 'Find')}>
          <Input allowClear placeholder={t('编号、串号或持有人', 'Code, IMEI or holder')} style={{ width: 200 }} />
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
      {(list.error || error) && <Alert type="error" showIcon title={list.error || error} style={{ marginBottom: 16 }} />}
      <Table<Terminal>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('没有手持终端', 'No terminals')} /> }}
        columns={[
          {
            title: t('资产编号', 'Asset code'),
            dataIndex: 'assetCode',
            render: (code: string, row) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(row, setDetail)}>
                {code}
              </Button>
            ),
          },
          { title: t('型号', 'Model'), dataIndex: 'model' },
          { title: t('串号 IMEI', 'IMEI'), dataIndex: 'imei' },
          { title: t('所属单位', 'Unit'), dataIndex: 'unitName' },
          { title: t('持有人', 'Held by'), key: 'holder', render: (_, row) => row.holder?.name ?? '—' },
          { title: t('领用日期', 'Issued on'), dataIndex: 'issuedOn', render: (day: string | null) => day ?? '—' },
          { title: t('状态', 'State'), dataIndex: 'state', render: (state: Terminal['state']) => <Tag color={TERMINAL_STATE_COLORS[state]}>{TERMINAL_STATE_LABELS[state][locale]}</Tag> },
          ...(mayWrite
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: 'actions',
                  render: (_: unknown, row: Terminal) =>
                    row.state === 'retired' ? null : (
                      <Space size={4}>
                        <Button size="small" onClick={() => open(row, setHanding)}>
                          {t('交接', 'Hand over')}
                        </Button>
                        <Button size="small" onClick={() => setEditing(row)}>
                          {t('修改', 'Edit')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <PageButtons list={list} />
      {registering && (
        <RegisterTerminalModal
          onClose={() => setRegistering(false)}
          onSaved={() => {
            setRegistering(false);
            list.reload();
          }}
        />
      )}
      {editing && (
        <EditTerminalModal
          terminal={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
      {handing && (
        <HandOverModal
          terminal={handing}
          onClose={() => setHanding(null)}
          onSaved={() => {
            setHanding(null);
            list.reload();
          }}
        />
      )}
      <Drawer open={detail !== null} width={480} title={`${t('交接记录', 'Hand-overs')} · ${detail?.assetCode ?? ''}`} onClose={() => setDetail(null)}>
        {detail && detail.handovers.length === 0 && <Empty description={t('没有交接记录', 'No hand-overs')} />}
        <Timeline
          items={(detail?.handovers ?? []).map((handover, index) => {
            // The newest hand-over of a retired terminal back to the unit is its take-back on retiring.
            const back = detail?.state === 'retired' && index === 0 && handover.to === null ? t('报废收回', 'taken back on retiring') : t('收回单位', 'back to the unit');
            return {
              key: handover.id,
              children: `${handover.handedOn} ${handover.from?.name ?? t('单位', 'unit')} → ${handover.to?.name ?? back}${handover.note ? `（${handover.note}）` : ''} · ${t('经办', 'by')} ${handover.recordedBy.name}`,
            };
          })}
        />
      </Drawer>
    </Card>
  );
}

// The units of one day's check, worst first, with their status tags; those who may chase units
// tick some and send one reminder (一键提醒) to all of them at once.
import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { DailyChecks, DailyNotifyResult, DailyUnitCheck } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { STATUS_COLORS, kindLabel, shanghaiTime, statusLabel } from './daily-check-labels.js';

const keyOf = (item: Pick<DailyUnitCheck, 'kind' | 'id'>) => `${item.kind}:${item.id}`;

export function DailyCheckTable({
  data,
  items,
  mayNotify,
  onNotified,
  pageSize = 20,
  compact = false,
}: {
  data: DailyChecks;
  items: readonly DailyUnitCheck[];
  mayNotify: boolean;
  onNotified: () => void;
  pageSize?: number;
  compact?: boolean;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [sending, setSending] = useState(false);

  async function notify(keys: readonly string[]) {
    const units = items.filter((item) => keys.includes(keyOf(item))).map((item) => ({ kind: item.kind, id: item.id }));
    if (units.length === 0) return;
    setSending(true);
    try {
      const answer = await api.post<DailyNotifyResult>('/api/daily-checks/notify', { date: data.date, units });
      const sent = answer.items.filter((item) => !item.repeated).length;
      const repeated = answer.items.length - sent;
      message.success(
        repeated > 0
          ? t(`已提醒 ${sent} 个单位；${repeated} 个单位 10 分钟内已提醒过，未重复发送`, `Reminded ${sent}; ${repeated} reminded within 10 minutes, not sent again`)
          : t(`已提醒 ${sent} 个单位（站内消息和短信）`, `Reminded ${sent} units (inbox and SMS)`),
      );
      setSelected([]);
      onNotified();
    } catch (caught) {
      message.error(failureText(caught, t));
    } finally {
      setSending(false);
    }
  }

  return (
    <div>
      {mayNotify && (
        <Space style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<BellOutlined />} disabled={selected.length === 0} loading={sending} onClick={() => void notify(selected)}>
            {t(`一键提醒（${selected.length}）`, `Remind (${selected.length})`)}
          </Button>
          <Typography.Text type="secondary">{t('向所选单位的全部账号发送站内消息和短信', 'Inbox message and SMS to every account of the selected units')}</Typography.Text>
        </Space>
      )}
      <Table<DailyUnitCheck>
        rowKey={keyOf}
        size="small"
        dataSource={[...items]}
        pagination={items.length > pageSize ? { pageSize, size: 'small' } : false}
        rowSelection={
          mayNotify
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (item) => ({ disabled: item.status === 'ok', 'aria-label': item.name }),
              }
            : undefined
        }
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'name' },
          // The kind stays in the compact list too: it is how the command center tells a department from a village.
          { title: t('类别', 'Kind'), dataIndex: 'kind', render: (kind: DailyUnitCheck['kind']) => kindLabel(kind, locale) },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (status: DailyUnitCheck['status']) => <Tag variant="solid" color={STATUS_COLORS[status]}>{statusLabel(status, locale)}</Tag>,
          },
          ...(compact ? [] : [{ title: t('首次登录', 'First sign-in'), dataIndex: 'firstSignInAt', render: shanghaiTime }]),
          { title: t('待办事件', 'Waiting'), dataIndex: 'waiting', align: 'right' as const },
          ...(compact
            ? []
            : [
                { title: t('超时签收', 'Signed late'), dataIndex: 'lateSigned', align: 'right' as const },
                { title: t('账号数', 'Accounts'), dataIndex: 'accounts', align: 'right' as const },
              ]),
          {
            title: t('提醒', 'Reminded'),
            dataIndex: 'notifiedAt',
            render: (at: string | null, item) =>
              at ? (
                <Typography.Text type="secondary">{t(`已提醒 ${shanghaiTime(at)}`, `at ${shanghaiTime(at)}`)}</Typography.Text>
              ) : mayNotify && item.status !== 'ok' ? (
                <Button size="small" icon={<BellOutlined />} loading={sending} onClick={() => void notify([keyOf(item)])} aria-label={t(`提醒${item.name}`, `Remind ${item.name}`)}>
                  {t('提醒', 'Remind')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}

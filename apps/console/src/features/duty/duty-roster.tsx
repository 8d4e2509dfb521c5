// A unit's roster for a week or a month: each day (rest days greyed) with the people on each slot,
// who checked in, and — for those who arrange it — adding, removing and swapping people.
import { useCallback, useEffect, useState } from 'react';
import { SwapOutlined } from '@ant-design/icons';
import { Alert, App, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DutyEntry, DutyRoster, DutySlot } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DutySwapModal } from './duty-swap-modal.js';

export interface DutyRosterProps {
  readonly unitId: string;
  readonly from: string;
  readonly to: string;
  readonly today: string;
  readonly mayManage: boolean;
  /** Changes whenever the roster was changed elsewhere (a rota), to read it again. */
  readonly version: number;
}

const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];

export function DutyRosterTable({ unitId, from, to, today, mayManage, version }: DutyRosterProps) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [roster, setRoster] = useState<DutyRoster | null>(null);
  const [error, setError] = useState('');
  const [swapping, setSwapping] = useState<DutyEntry | null>(null);

  const load = useCallback(() => {
    setError('');
    api
      .get<DutyRoster>('/api/duty/roster', { unitId, from, to })
      .then(setRoster, (caught: unknown) => setError(failureText(caught, t)));
  }, [unitId, from, to, t]);
  useEffect(load, [load, version]);

  async function change(action: () => Promise<unknown>) {
    try {
      await action();
      load();
    } catch (caught) {
      message.error(failureText(caught, t));
    }
  }

  const slotCell = (slot: DutySlot, date: string) => {
    const entries = roster?.entries.filter((entry) => entry.date === date && entry.slot === slot.key) ?? [];
    const open = mayManage && date >= today;
    return (
      <Space wrap size={4}>
        {entries.map((entry) => (
          <Tag
            key={entry.id}
            color={entry.checkedInAt ? 'green' : date < today ? 'red' : 'blue'}
            closable={open && !entry.checkedInAt}
            closeIcon={
              <span aria-label={t(`移除 ${entry.account.name}`, `Remove ${entry.account.name}`)}>×</span>
            }
            onClose={(event) => {
              event.preventDefault();
              void change(() => api.del(`/api/duty/roster/entries/${entry.id}`));
            }}
          >
            {entry.account.name}
            {entry.checkedInAt && ` ✓ ${dayjs(entry.checkedInAt).format('HH:mm')}`}
            {open && !entry.checkedInAt && (
              <Tooltip title={t('换班', 'Swap')}>
                <SwapOutlined
                  aria-label={t(`换班 ${entry.account.name}`, `Swap ${entry.account.name}`)}
                  style={{ marginLeft: 4 }}
                  onClick={() => setSwapping(entry)}
                />
              </Tooltip>
            )}
          </Tag>
        ))}
        {open && entries.length < slot.capacity && (
          <Select
            size="small"
            style={{ width: 140 }}
            aria-label={t(`${date} ${slot.name} 排班`, `${date} ${slot.name}: add`)}
            placeholder={t('+ 安排', '+ Add')}
            value={null}
            options={roster?.candidates
              .filter((person) => !entries.some((entry) => entry.account.id === person.id))
              .map((person) => ({ value: person.id, label: person.name }))}
            onChange={(accountId: string) =>
              void change(() =>
                api.post('/api/duty/roster/entries', { unitId, date, slot: slot.key, accountId }),
              )
            }
          />
        )}
      </Space>
    );
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<{ date: string; workday: boolean }>
        size="small"
        rowKey="date"
        pagination={false}
        loading={roster === null && !error}
        dataSource={roster?.days ?? []}
        data-testid="duty-roster"
        rowClassName={(day) => (day.workday ? '' : 'duty-rest-day')}
        onRow={(day) => ({
          style: day.workday
            ? day.date === today
              ? { background: '#fffbe6' }
              : {}
            : { background: '#f5f5f5' },
        })}
        columns={[
          {
            title: t('日期', 'Date'),
            width: 150,
            render: (_, day) => (
              <Typography.Text strong={day.date === today}>
                {day.date} {t(`周${WEEKDAY_ZH[dayjs(day.date).day()] ?? ''}`, dayjs(day.date).format('ddd'))}
              </Typography.Text>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, day) =>
              day.workday ? (
                <Tag>{t('工作日', 'Workday')}</Tag>
              ) : (
                <Tag color="default">{t('休息', 'Rest')}</Tag>
              ),
          },
          ...(roster?.unit.slots ?? []).map((slot) => ({
            title: `${slot.name}${slot.capacity > 1 ? t(`（${slot.capacity}人）`, ` (${slot.capacity})`) : ''}`,
            key: slot.key,
            render: (_: unknown, day: { date: string; workday: boolean }) => slotCell(slot, day.date),
          })),
        ]}
      />
      {swapping && roster && (
        <DutySwapModal
          entry={swapping}
          roster={roster}
          today={today}
          onClose={() => setSwapping(null)}
          onSwapped={() => {
            setSwapping(null);
            load();
          }}
        />
      )}
    </>
  );
}

export function RosterHint() {
  const { t } = useLocale();
  return (
    <Typography.Text type="secondary">
      {t(
        '绿色为已签到，红色为过去未签到；休息日按工作日历显示为灰色。',
        'Green: checked in; red: a past day not checked in; rest days (per the working calendar) are grey.',
      )}
    </Typography.Text>
  );
}

// 每日督查: whether every township sub-center, village and department signed in and signed for on
// a day — today live (before the cut-off it shows the state so far), a past day as stored at its
// cut-off — with the reminder to the units behind; and a month per unit for the assessment.
import { useCallback, useEffect, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Select, Space, Statistic, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DAILY_CHECK_LOOK_BACK_DAYS, DAILY_CHECK_STATUSES, addCalendarDays, can, shanghaiDate, type DailyCheckStatus, type DailyChecks, type DailyUnitKind } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DailyCheckTable } from './daily-check-table.js';
import { statusLabel } from './daily-check-labels.js';
import { DailyKindSelect } from './daily-kind-select.js';
import { DailyMonthlyTable } from './daily-monthly-table.js';
import { DailyCheckSettingsButton } from './daily-check-settings.js';

function DayView() {
  const { locale, t } = useLocale();
  const user = useUser();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [status, setStatus] = useState<DailyCheckStatus | undefined>();
  const [kind, setKind] = useState<DailyUnitKind | undefined>();
  const [data, setData] = useState<DailyChecks | null>(null);
  const [error, setError] = useState('');
  const day = date.format('YYYY-MM-DD');
  const isToday = day === dayjs().format('YYYY-MM-DD');

  const load = useCallback(() => {
    setError('');
    const request = isToday ? api.get<DailyChecks>('/api/daily-checks/today') : api.get<DailyChecks>('/api/daily-checks', { date: day });
    request.then(setData, (caught: unknown) => setError(failureText(caught, t)));
  }, [day, isToday, t]);
  useEffect(load, [load]);

  const items = data?.items.filter((item) => (!status || item.status === status) && (!kind || item.kind === kind)) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker allowClear={false} aria-label={t('日期', 'Date')} value={date} disabledDate={(value) => value.isAfter(dayjs(), 'day')} onChange={(value) => value && setDate(value)} />
        <Select<DailyCheckStatus>
          allowClear
          aria-label={t('状态', 'Status')}
          placeholder={t('全部状态', 'Any status')}
          style={{ width: 200 }}
          value={status}
          onChange={setStatus}
          options={DAILY_CHECK_STATUSES.map((value) => ({ value, label: statusLabel(value, locale) }))}
        />
        <DailyKindSelect value={kind} onChange={setKind} />
        <Button icon={<ReloadOutlined />} onClick={load}>
          {t('刷新', 'Refresh')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Typography.Text type="secondary" data-testid="daily-check-summary">
            {isToday
              ? t(`实时情况（截止时间 ${data.cutoff}）`, `Live (cut-off ${data.cutoff})`)
              : data.items.length === 0
                ? t('当日没有督查结果', 'No results for this day')
                : t(`截止 ${data.cutoff} 的督查结果`, `Results at the ${data.cutoff} cut-off`)}
            {!data.workday && t('，当日为休息日，不做督查', '; a rest day, not checked')}
          </Typography.Text>
          <Space size="large" wrap>
            <Statistic title={t('单位', 'Units')} value={data.counts.units} />
            <Statistic title={t('正常', 'OK')} value={data.counts.ok} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('未登录', 'Not signed in')} value={data.counts.notLoggedIn} styles={{ content: { color: data.counts.notLoggedIn ? '#cf1322' : undefined } }} />
            <Statistic title={t('有未签收事件', 'Events waiting')} value={data.counts.unsigned} styles={{ content: { color: data.counts.unsigned ? '#d46b08' : undefined } }} />
            <Statistic title={t('超时签收', 'Signed late')} value={data.counts.lateSigned} />
          </Space>
          <DailyCheckTable key={data.date} data={data} items={items} mayNotify={can(user.role, 'daily_check.notify') && data.date >= addCalendarDays(shanghaiDate(Date.now()), -DAILY_CHECK_LOOK_BACK_DAYS)} onNotified={load} />
        </>
      )}
    </Space>
  );
}

export function DailyChecksPage() {
  const { t } = useLocale();
  const user = useUser();
  const [revision, setRevision] = useState(0);
  return (
    <Card title={t('每日督查', 'Daily checks')} extra={can(user.role, 'daily_check.manage') && <DailyCheckSettingsButton onSaved={() => setRevision((value) => value + 1)} />}>
      <Tabs
        items={[
          { key: 'day', label: t('逐日督查', 'By day'), children: <DayView key={revision} /> },
          { key: 'month', label: t('月度统计', 'By month'), children: <DailyMonthlyTable /> },
        ]}
      />
    </Card>
  );
}

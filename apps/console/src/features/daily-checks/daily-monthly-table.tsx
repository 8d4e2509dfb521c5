// A month of daily checks per unit: the checked working days, the days it signed in and the days
// it left events waiting — the login rate the assessment counts.
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Progress, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type DailyMonthly, type DailyMonthlyRow, type DailyUnitKind } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { kindLabel } from './daily-check-labels.js';
import { DailyKindSelect } from './daily-kind-select.js';

export function DailyMonthlyTable() {
  const { locale, t } = useLocale();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [kind, setKind] = useState<DailyUnitKind | undefined>();
  const [data, setData] = useState<DailyMonthly | null>(null);
  const [error, setError] = useState('');
  const label = month.format('YYYY-MM');

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<DailyMonthly>('/api/daily-checks/monthly', { month: label, kind }).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [label, kind, t]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" allowClear={false} aria-label={t('月份', 'Month')} value={month} onChange={(value) => value && setMonth(value)} />
        <DailyKindSelect value={kind} onChange={setKind} />
        {data && <Typography.Text type="secondary">{t(`已督查 ${data.checkedDays.length} 个工作日`, `${data.checkedDays.length} working days checked`)}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<DailyMonthlyRow>
        rowKey={(row) => `${row.kind}:${row.id}`}
        size="small"
        loading={data === null && !error}
        dataSource={data?.items ?? []}
        pagination={(data?.items.length ?? 0) > 20 ? { pageSize: 20, size: 'small' } : false}
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'name' },
          { title: t('类别', 'Kind'), dataIndex: 'kind', render: (value: DailyUnitKind) => kindLabel(value, locale) },
          { title: t('工作日', 'Working days'), dataIndex: 'workingDays', align: 'right' },
          { title: t('登录天数', 'Days signed in'), dataIndex: 'daysLoggedIn', align: 'right' },
          { title: t('有未签收事件天数', 'Days with events waiting'), dataIndex: 'daysUnsigned', align: 'right' },
          { title: t('超时签收', 'Signed late'), dataIndex: 'lateSigned', align: 'right' },
          {
            title: t('登录率', 'Login rate'),
            dataIndex: 'loginRate',
            width: 180,
            render: (rate: number | null, row) =>
              rate === null ? '—' : <Progress percent={rate} size="small" status="normal" strokeColor={rate < 80 ? '#cf1322' : undefined} format={(percent) => `${percent ?? 0}%`} aria-label={`${row.name} ${rate}%`} />,
          },
        ]}
      />
    </Space>
  );
}

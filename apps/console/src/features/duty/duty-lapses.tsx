// 值班缺岗: the working days a sub-center had nobody on the roster or nobody checked in, as the
// daily check recorded them, for a month (the assessment counts them).
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DUTY_LAPSE_REASON_LABELS, type DutyLapses } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

type Lapse = DutyLapses['lapses'][number];

export function DutyLapsesView() {
  const { locale, t } = useLocale();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [data, setData] = useState<DutyLapses | null>(null);
  const [error, setError] = useState('');
  const key = month.format('YYYY-MM');

  useEffect(() => {
    setError('');
    api
      .get<DutyLapses>('/api/duty/lapses', { month: key })
      .then(setData, (caught: unknown) => setError(failureText(caught, t)));
  }, [key, t]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <DatePicker
        picker="month"
        allowClear={false}
        aria-label={t('月份', 'Month')}
        value={month}
        onChange={(value) => value && setMonth(value)}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Lapse>
        size="small"
        rowKey="id"
        pagination={false}
        loading={data === null && !error}
        dataSource={data?.lapses ?? []}
        locale={{ emptyText: t('本月没有缺岗', 'No lapses this month') }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'date', width: 120 },
          { title: t('单位', 'Unit'), dataIndex: 'unitName' },
          {
            title: t('情况', 'What'),
            render: (_, lapse) => <Tag color="red">{DUTY_LAPSE_REASON_LABELS[lapse.reason][locale]}</Tag>,
          },
          {
            title: t('记录时间', 'Recorded'),
            render: (_, lapse) => dayjs(lapse.recordedAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Space>
  );
}

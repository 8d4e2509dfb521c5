// 宣传发动月度统计: a month's activities per township and village and kind; the units with none are
// listed (in red), since the plan wants publicity everywhere; narrowed to a township; the same
// table as a workbook.
import { useEffect, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, type PublicityMonthly } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { downloadFile } from '../registry/registry-list.js';
import { DailyUnitPicker } from './unit-picker.js';

type Row = PublicityMonthly['rows'][number];

export function PublicityMonthlyPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [unitId, setUnitId] = useState<string | null>(null);
  const [data, setData] = useState<PublicityMonthly | null>(null);
  const [error, setError] = useState('');
  const monthText = month.format('YYYY-MM');
  const query = { month: monthText, ...(unitId ? { townshipId: unitId } : {}) };
  const key = JSON.stringify(query);

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<PublicityMonthly>('/api/publicity/monthly', JSON.parse(key) as Record<string, string>).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [key, t]);

  return (
    <Card
      title={t('宣传发动月度统计', 'Publicity by month')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadFile('/api/publicity/monthly.xlsx', JSON.parse(key) as Record<string, string>, locale, `publicity-${monthText}.xlsx`).catch((caught: unknown) => message.error(failureText(caught, t)))}
        >
          {t('导出 Excel', 'Export to Excel')}
        </Button>
      }
    >
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <DatePicker picker="month" allowClear={false} aria-label={t('月份', 'Month')} value={month} onChange={(value) => value && setMonth(value)} />
        <DailyUnitPicker aria-label={t('乡镇', 'Township')} placeholder={t('全部乡镇', 'All townships')} value={unitId} onChange={(id) => setUnitId(id)} />
        {data && <Statistic title={t('本月活动', 'Activities')} value={PUBLICITY_KINDS.reduce((sum, kind) => sum + data.totals[kind], 0)} />}
        {data && <Statistic title={t('未开展的单位', 'Units with none')} value={data.unitsWithNone} valueStyle={data.unitsWithNone > 0 ? { color: '#cf1322' } : {}} />}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="unitId"
        size="small"
        loading={data === null && !error}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('乡镇', 'Township'), dataIndex: 'townshipName', fixed: 'left', width: 110 },
          { title: t('单位', 'Unit'), dataIndex: 'unitName', fixed: 'left', width: 190 },
          ...PUBLICITY_KINDS.map((kind) => ({ title: PUBLICITY_KIND_LABELS[kind][locale], key: kind, align: 'right' as const, render: (_: unknown, row: Row) => row.counts[kind] || '' })),
          { title: t('合计', 'Total'), dataIndex: 'total', align: 'right', render: (total: number) => (total === 0 ? <Tag color="red">{t('未开展', 'None')}</Tag> : total) },
          { title: t('受众/阅读', 'Audience / reads'), dataIndex: 'audience', align: 'right' },
        ]}
      />
    </Card>
  );
}

// 走访考核: a month's visits per village and grid worker — on time, late, overdue now, cards — with
// the same table as an Excel workbook.
import { useEffect, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Compliance, ComplianceVillageRow, ComplianceWorkerRow } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { downloadFile } from '../registry/registry-list.js';
import { PlacePicker } from '../registry/registry-territory.js';

function figureColumns(t: (zh: string, en: string) => string) {
  return [
    { title: t('走访次数', 'Visits'), dataIndex: 'visits', align: 'right' as const },
    { title: t('按时', 'On time'), dataIndex: 'onTime', align: 'right' as const },
    { title: t('逾期完成', 'Late'), dataIndex: 'late', align: 'right' as const },
    { title: t('异常走访', 'Flagged'), dataIndex: 'flagged', align: 'right' as const },
    { title: t('当前逾期', 'Overdue now'), dataIndex: 'overdueNow', align: 'right' as const },
    { title: t('黄牌', 'Yellow'), dataIndex: 'yellowCards', align: 'right' as const },
    { title: t('红牌', 'Red'), dataIndex: 'redCards', align: 'right' as const },
    {
      title: t('按时率', 'Compliance'),
      dataIndex: 'complianceRate',
      align: 'right' as const,
      render: (rate: number | null) => (rate === null ? '—' : `${rate}%`),
    },
  ];
}

export function VisitCompliancePage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [place, setPlace] = useState<{ id: string; path: string } | null>(null);
  const [data, setData] = useState<Compliance | null>(null);
  const [error, setError] = useState('');
  const query = { month: month.format('YYYY-MM'), ...(place ? { orgPath: place.path } : {}) };
  const key = JSON.stringify(query);

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<Compliance>('/api/visits/compliance', JSON.parse(key) as Record<string, string>).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [key, t]);

  return (
    <Card
      title={t('走访考核', 'Visit compliance')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadFile(
              '/api/visits/compliance.xlsx',
              JSON.parse(key) as Record<string, string>,
              locale,
              `visit-compliance-${query.month}.xlsx`,
            ).catch((caught: unknown) => message.error(failureText(caught, t)))
          }
        >
          {t('导出 Excel', 'Export to Excel')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('月份', 'Month')}
          value={month}
          onChange={(value) => value && setMonth(value)}
        />
        <PlacePicker
          aria-label={t('乡镇/村', 'Township / village')}
          placeholder={t('全部', 'All')}
          value={place?.id ?? null}
          onChange={(id, unit) => setPlace(id && unit ? { id, path: unit.path } : null)}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('按村（社区）', 'By village')}</Typography.Title>
      <Table<ComplianceVillageRow>
        rowKey="villagePath"
        size="small"
        loading={data === null && !error}
        dataSource={data?.villages ?? []}
        pagination={false}
        columns={[{ title: t('村（社区）', 'Village'), dataIndex: 'villageName' }, ...figureColumns(t)]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('按网格员', 'By grid worker')}
      </Typography.Title>
      <Table<ComplianceWorkerRow>
        rowKey="workerId"
        size="small"
        loading={data === null && !error}
        dataSource={data?.workers ?? []}
        pagination={false}
        columns={[
          { title: t('村（社区）', 'Village'), dataIndex: 'villageName' },
          { title: t('网格员', 'Grid worker'), dataIndex: 'workerName' },
          ...figureColumns(t),
        ]}
      />
    </Card>
  );
}

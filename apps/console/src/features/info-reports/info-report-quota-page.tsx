// 报送考核: a month's information reports per township against the county's quota — count,
// adopted, adoption rate, red where the quota is not met — with the month's workbook, and for the
// county the quota setting itself.
import { useEffect, useState } from 'react';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { INFO_REPORT_QUOTA_MAX, can, type InfoReportQuota, type InfoReportQuotaRow, type InfoReportSettings } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { downloadFile } from '../registry/registry-list.js';

function QuotaSetting({ onSaved }: { onSaved(): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.get<InfoReportSettings>('/api/settings/info-reports').then((settings) => setValue(settings.monthlyQuota), () => undefined);
  }, []);
  return (
    <Space>
      <Typography.Text>{t('每月每乡镇报送任务', 'Reports a township submits a month')}</Typography.Text>
      <InputNumber aria-label={t('每月报送任务数', 'Monthly quota')} min={1} max={INFO_REPORT_QUOTA_MAX} precision={0} value={value} onChange={(next) => setValue(next)} />
      <Button
        loading={busy}
        disabled={value === null}
        onClick={() => {
          setBusy(true);
          api
            .put<InfoReportSettings>('/api/settings/info-reports', { monthlyQuota: value })
            .then(
              () => {
                message.success(t('报送任务已保存', 'Quota saved'));
                onSaved();
              },
              (caught: unknown) => message.error(failureText(caught, t)),
            )
            .finally(() => setBusy(false));
        }}
      >
        {t('保存', 'Save')}
      </Button>
    </Space>
  );
}

export function InfoReportQuotaPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [data, setData] = useState<InfoReportQuota | null>(null);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  const monthText = month.format('YYYY-MM');

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<InfoReportQuota>('/api/info-reports/quota', { month: monthText }).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [monthText, reloads, t]);

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate('/daily/info-reports')} />
          {t('信息报送考核', 'Information report quota')}
        </Space>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadFile('/api/info-reports/export.xlsx', { month: monthText }, locale, `info-reports-${monthText}.xlsx`).catch((caught: unknown) => message.error(failureText(caught, t)))}
        >
          {t('导出 Excel', 'Export to Excel')}
        </Button>
      }
    >
      <div style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <DatePicker picker="month" allowClear={false} aria-label={t('月份', 'Month')} value={month} onChange={(value) => value && setMonth(value)} />
          {can(user.role, 'info_report.review') && <QuotaSetting onSaved={() => setReloads((count) => count + 1)} />}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data && (
        <Space size={48} style={{ display: 'flex', marginBottom: 16 }} wrap>
          <Statistic title={t('报送数', 'Submitted')} value={data.submitted} />
          <Statistic title={t('采用数', 'Adopted')} value={data.adopted} />
          <Statistic title={t('采用率', 'Adoption rate')} value={data.adoptionRate ?? '—'} suffix={data.adoptionRate === null ? undefined : '%'} />
          <Statistic title={t('未完成任务的乡镇', 'Townships below quota')} value={data.belowQuota} styles={{ content: { color: data.belowQuota > 0 ? '#cf1322' : undefined } }} />
        </Space>
      )}
      <Table<InfoReportQuotaRow>
        rowKey="townshipId"
        size="small"
        loading={data === null && !error}
        dataSource={data?.townships ?? []}
        pagination={false}
        data-testid="quota-table"
        onRow={(row) => ({ 'data-testid': `quota-${row.townshipName}`, style: row.met ? undefined : { background: '#fff1f0' } })}
        columns={[
          { title: t('乡镇', 'Township'), dataIndex: 'townshipName' },
          { title: t('报送数', 'Submitted'), dataIndex: 'submitted', align: 'right', render: (value: number, row) => <span style={{ color: row.met ? undefined : '#cf1322', fontWeight: row.met ? undefined : 600 }}>{value}</span> },
          { title: t('任务数', 'Quota'), dataIndex: 'quota', align: 'right' },
          { title: t('采用数', 'Adopted'), dataIndex: 'adopted', align: 'right' },
          { title: t('采用率', 'Adoption rate'), dataIndex: 'adoptionRate', align: 'right', render: (rate: number | null) => (rate === null ? '—' : `${rate}%`) },
          { title: t('完成情况', 'Quota met'), dataIndex: 'met', render: (met: boolean) => (met ? <Tag color="green">{t('已完成', 'Met')}</Tag> : <Tag color="red">{t('未完成', 'Below quota')}</Tag>) },
        ]}
      />
    </Card>
  );
}

// The dashboard's 信息报送 panel: this month's reports and adoption rate, and the townships still
// below the monthly quota, for whoever may read information reports.
import { useEffect, useState } from 'react';
import { Card, Col, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { can, type InfoReportQuota } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';

export function InfoReportDashboardPanel() {
  const { t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const allowed = can(user.role, 'info_report.read');
  const [data, setData] = useState<InfoReportQuota | null>(null);
  useEffect(() => {
    if (!allowed) return;
    let alive = true;
    api.get<InfoReportQuota>('/api/info-reports/quota').then(
      (answer) => alive && setData(answer),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [allowed]);
  if (!allowed) return null;
  const below = data?.townships.filter((row) => !row.met) ?? [];
  return (
    <Col xs={24} lg={8}>
      <Card title={t(`本月信息报送（${data?.month ?? ''}）`, `Information reports (${data?.month ?? ''})`)} size="small" hoverable onClick={() => navigate('/daily/info-reports/quota')} data-testid="info-report-panel" loading={!data}>
        {data && (
          <>
            <Space size="large">
              <Statistic title={t('报送数', 'Submitted')} value={data.submitted} />
              <Statistic title={t('采用率', 'Adoption rate')} value={data.adoptionRate ?? '—'} suffix={data.adoptionRate === null ? undefined : '%'} />
              <Statistic title={t('未完成乡镇', 'Below quota')} value={data.belowQuota} styles={{ content: { color: data.belowQuota > 0 ? '#cf1322' : undefined } }} />
            </Space>
            <div style={{ marginTop: 12 }}>
              {below.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('各乡镇均已完成本月任务', 'Every township met this month’s quota')} />
              ) : (
                <>
                  <Typography.Text type="secondary">{t(`未完成每月 ${data.quota} 篇任务：`, `Below the quota of ${data.quota}: `)}</Typography.Text>
                  <Space wrap size={[4, 4]}>
                    {below.map((row) => (
                      <Tag color="red" key={row.townshipId}>
                        {row.townshipName} {row.submitted}/{row.quota}
                      </Tag>
                    ))}
                  </Space>
                </>
              )}
            </div>
          </>
        )}
      </Card>
    </Col>
  );
}

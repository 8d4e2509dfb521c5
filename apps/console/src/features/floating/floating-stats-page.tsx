// 流动人口统计: how many live here now by village, grid and province of origin, and arrivals and
// departures month by month over the last year (charts drawn by ECharts, loaded on first use).
import { useEffect, useMemo, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Statistic, Table } from 'antd';
import type { FloatingStats } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DashboardChart } from '../dashboard/dashboard-chart.js';
import { presentBarsOption, trendOption } from './floating-stats-options.js';

export function FloatingStatsPage() {
  const { t } = useLocale();
  const [stats, setStats] = useState<FloatingStats | null>(null);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    api.get<FloatingStats>('/api/floating/stats', { months: 12 }).then(setStats, (caught: unknown) => setError(failureText(caught, t)));
  }, [t, reloads]);
  const words = useMemo(() => ({ arrivals: t('来', 'Arrivals'), departures: t('去', 'Departures'), present: t('在住人数', 'Present') }), [t]);
  const trend = useMemo(() => (stats ? trendOption(stats.monthly, words) : null), [stats, words]);
  const origins = useMemo(() => (stats ? presentBarsOption(stats.byOriginProvince, words) : null), [stats, words]);
  const villages = useMemo(() => (stats ? presentBarsOption(stats.byVillage, words) : null), [stats, words]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!stats || !trend || !origins || !villages) return <Skeleton active />;
  const present = stats.byVillage.reduce((sum, row) => sum + row.present, 0);
  const year = stats.monthly.reduce((sum, row) => ({ arrivals: sum.arrivals + row.arrivals, departures: sum.departures + row.departures }), { arrivals: 0, departures: 0 });
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('流动人口统计', 'Floating population statistics')} extra={<Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={() => setReloads((n) => n + 1)} />}>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('现在住', 'Present now')} value={present} />
            </Col>
            <Col span={6}>
              <Statistic title={t('来源省份', 'Provinces of origin')} value={stats.byOriginProvince.length} />
            </Col>
            <Col span={6}>
              <Statistic title={t('近 12 个月来', 'Arrivals, 12 months')} value={year.arrivals} />
            </Col>
            <Col span={6}>
              <Statistic title={t('近 12 个月去', 'Departures, 12 months')} value={year.departures} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('每月来去趋势', 'Arrivals and departures per month')}>
          <DashboardChart option={trend} label={t('每月来去趋势图', 'Chart of arrivals and departures per month')} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('按来源省份', 'By province of origin')}>
          {stats.byOriginProvince.length === 0 ? <Empty /> : <DashboardChart option={origins} label={t('按来源省份的在住人数', 'People present by province of origin')} />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('按村（社区）', 'By village')}>
          {stats.byVillage.length === 0 ? <Empty /> : <DashboardChart option={villages} label={t('按村的在住人数', 'People present by village')} />}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('按网格', 'By grid')}>
          <Table
            rowKey="gridId"
            size="small"
            pagination={false}
            dataSource={stats.byGrid}
            columns={[
              { title: t('网格', 'Grid'), dataIndex: 'name' },
              { title: t('村（社区）', 'Village'), dataIndex: 'villageName' },
              { title: t('在住人数', 'Present'), dataIndex: 'present', align: 'right' as const },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

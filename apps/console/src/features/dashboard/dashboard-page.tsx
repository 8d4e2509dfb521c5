// 指挥中心: the county's (or a township's) one look at its events today: statistic cards, charts
// of the open events by category, village and department and of twelve months' reports and
// closures (ECharts, loaded on first use), this month's cards, who has not signed in, and the
// grid workers' quotas. A bar leads to the events it counts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { can, shortUnitName, type Dashboard, type DashboardCount } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { DashboardChart } from './dashboard-chart.js';
import { openBarsOption, rowOfBar, trendOption } from './dashboard-options.js';
import { CardsByUnit, QuotaProgress, UnitsToChase } from './dashboard-panels.js';
import { useLocale } from '../../app/i18n.js';
import { useUser } from '../auth/auth.js';
import { InfoReportDashboardPanel } from '../info-reports/info-report-dashboard-panel.js';
import { DailyCheckPanel } from '../daily-checks/daily-check-panel.js';

function OpenBars({
  title,
  rows,
  unnamed,
  onOpen,
}: {
  title: string;
  rows: readonly DashboardCount[];
  unnamed: string;
  onOpen?: (row: DashboardCount) => void;
}) {
  const { t } = useLocale();
  const option = useMemo(
    () => openBarsOption(rows, { onTime: t('未超时', 'In time'), overdue: t('已超时', 'Overdue'), unnamed }),
    [rows, t, unnamed],
  );
  return (
    <Card title={title} size="small" data-testid={`chart-${title}`}>
      {rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('没有办理中的事件', 'No open events')}
          style={{ height: 248 }}
        />
      ) : (
        <DashboardChart
          label={title}
          option={option}
          onSelect={
            onOpen &&
            ((index) => {
              const row = rowOfBar(rows, index);
              if (row) onOpen(row);
            })
          }
        />
      )}
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  // Who may read the daily check sees one list of today's stragglers, with its reminders (the
  // daily-check panel); the others keep the dashboard's own sign-in card.
  const dailyCheck = can(useUser().role, 'daily_check.read');
  const side = dailyCheck ? 12 : 8;
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get<Dashboard>('/api/dashboard'));
      setError('');
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
      );
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const villages = useMemo(
    () => data?.byVillage.map((row) => ({ ...row, name: shortUnitName(row.name) })) ?? [],
    [data],
  );
  const trend = useMemo(
    () =>
      data ? trendOption(data.trend, { reported: t('上报', 'Reported'), closed: t('结案', 'Closed') }) : null,
    [data, t],
  );
  const cardTotals = useMemo(
    () =>
      data?.cards.reduce((sum, row) => ({ yellow: sum.yellow + row.yellow, red: sum.red + row.red }), {
        yellow: 0,
        red: 0,
      }),
    [data],
  );

  const refresh = (
    <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
      {t('刷新', 'Refresh')}
    </Button>
  );
  if (error && !data)
    return (
      <Card title={t('指挥中心', 'Command center')}>
        <Alert type="error" showIcon title={error} action={refresh} />
      </Card>
    );
  if (!data || !trend || !cardTotals)
    return (
      <Card title={t('指挥中心', 'Command center')}>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );

  const stat = (title: string, value: number, testId: string, to?: string, danger = false) => (
    <Col xs={12} lg={6}>
      <Card
        size="small"
        hoverable={Boolean(to)}
        onClick={to ? () => navigate(to) : undefined}
        data-testid={testId}
      >
        <Statistic
          title={title}
          value={value}
          styles={{ content: { color: danger && value > 0 ? '#cf1322' : undefined } }}
        />
      </Card>
    </Col>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('指挥中心', 'Command center')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            {data.date}
          </Typography.Text>
        </Typography.Title>
        {refresh}
      </Space>
      {error && <Alert type="warning" showIcon title={error} />}
      <Row gutter={[16, 16]}>
        {stat(t('今日新增事件', 'Reported today'), data.today.reported, 'stat-today')}
        {stat(t('办理中事件', 'Open events'), data.today.open, 'stat-open', '/events')}
        {stat(
          t('超时事件', 'Overdue events'),
          data.today.overdue,
          'stat-overdue',
          '/events?overdue=true',
          true,
        )}
        <Col xs={12} lg={6}>
          <Card size="small" data-testid="stat-cards">
            <Statistic
              title={t('本月黄牌 / 红牌', 'Yellow / red cards this month')}
              value={`${cardTotals.yellow} / ${cardTotals.red}`}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <OpenBars
            title={t('办理中事件（按类别）', 'Open events by category')}
            rows={data.byCategory}
            unnamed={t('其他', 'Other')}
            onOpen={(row) => row.key && navigate(`/events?categoryCode=${encodeURIComponent(row.key)}`)}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('近 12 个月上报与结案', 'Reported and closed, last 12 months')}
            size="small"
            data-testid="chart-trend"
          >
            <DashboardChart
              label={t('近 12 个月上报与结案', 'Reported and closed, last 12 months')}
              option={trend}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <OpenBars
            title={t('办理中事件（按村社区）', 'Open events by village')}
            rows={villages}
            unnamed={t('乡镇直报', 'Filed at the township')}
            onOpen={(row) => row.key && navigate(`/events?villageId=${encodeURIComponent(row.key)}`)}
          />
        </Col>
        <Col xs={24} xl={12}>
          <OpenBars
            title={t('办理中事件（按牵头部门）', 'Open events by lead department')}
            rows={data.byDepartment}
            unnamed={t('未知部门', 'Unknown department')}
          />
        </Col>
        <Col xs={24} lg={side}>
          <Card title={t(`本月亮牌（${data.month}）`, `Cards in ${data.month}`)} size="small">
            <CardsByUnit cards={data.cards} />
          </Card>
        </Col>
        {!dailyCheck && (
          <Col xs={24} lg={8}>
            <Card title={t('今日登录与签收', 'Sign-ins and sign-fors today')} size="small">
              <Typography.Text type="secondary">
                {t('村（社区）与乡镇', 'Villages and townships')}
              </Typography.Text>
              <UnitsToChase
                units={data.units}
                waitingLabel={t('待核查', 'To verify')}
                testId="units-to-chase"
              />
              <Typography.Text type="secondary">{t('职能部门', 'Departments')}</Typography.Text>
              <UnitsToChase
                units={data.departments}
                waitingLabel={t('待签收', 'To sign for')}
                testId="departments-to-chase"
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={side}>
          <Card title={t('网格员本月上报任务', 'Grid workers’ reports this month')} size="small">
            <QuotaProgress quotas={data.quotas} />
          </Card>
        </Col>
        {dailyCheck && (
          <Col xs={24}>
            <DailyCheckPanel />
          </Col>
        )}
        <InfoReportDashboardPanel />
      </Row>
    </Space>
  );
}

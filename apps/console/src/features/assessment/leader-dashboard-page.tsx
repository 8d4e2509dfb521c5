// 领导驾驶舱: a month at a glance for leaders, read-only and printable (A4 landscape): the totals,
// village and department rankings (top 10, bottom 5), cards per township, twelve months of
// average scores, survey rates per township of the year, and the latest bulletins to download.
import { useEffect, useMemo, useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, List, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate, type LeaderDashboard } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DashboardChart } from '../dashboard/dashboard-chart.js';
import { LeaderRankingCard } from './leader-ranking-card.js';
import { cardsOption, scoreTrendOption } from './leader-dashboard-options.js';
import './leader-dashboard.css';

type SurveyRow = LeaderDashboard['surveys']['townships'][number];
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function Totals({ data }: { data: LeaderDashboard }) {
  const { t } = useLocale();
  const { overview } = data;
  const items: [string, string | number, string?][] = [
    [t('受理事件', 'Events reported'), overview.eventsReported],
    [t('当期结案', 'Closed'), overview.eventsClosed],
    [t('结案率', 'Closure rate'), percent(overview.closureRate)],
    [t('黄牌', 'Yellow cards'), overview.yellowCards, '#d4b106'],
    [t('红牌', 'Red cards'), overview.redCards, '#cf1322'],
    [t('信息报送 / 采用', 'Reports / adopted'), `${overview.reportsSubmitted} / ${overview.reportsAdopted}`],
  ];
  return (
    <Card size="small" data-testid="leader-totals">
      <Row gutter={[16, 16]}>
        {items.map(([title, value, color]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function LeaderDashboardPage() {
  const { t } = useLocale();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(shanghaiDate(Date.now())).subtract(1, 'month'));
  const [data, setData] = useState<LeaderDashboard | null>(null);
  const [error, setError] = useState('');
  const period = month.format('YYYY-MM');

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<LeaderDashboard>('/api/assessment/leader-dashboard', { period }).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [period, t]);

  const cards = useMemo(() => (data ? cardsOption(data.cardsByTownship, { yellow: t('黄牌', 'Yellow cards'), red: t('红牌', 'Red cards') }) : null), [data, t]);
  const trend = useMemo(() => (data ? scoreTrendOption(data.trend, { villages: t('村（社区）平均分', 'Villages, average'), departments: t('职能部门平均分', 'Departments, average') }) : null), [data, t]);

  return (
    <Space orientation="vertical" size={16} style={{ display: 'flex' }} className="leader-dashboard">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`领导驾驶舱 · ${month.format('YYYY年M月')}`, `Leader dashboard · ${period}`)}
        </Typography.Title>
        <Space className="leader-no-print">
          <DatePicker picker="month" allowClear={false} aria-label={t('月份', 'Month')} value={month} disabledDate={(day) => day.isAfter(dayjs(), 'month')} onChange={(value) => value && setMonth(value)} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('打印', 'Print')}
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {!data && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && cards && trend && (
        <>
          <Totals data={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <LeaderRankingCard title={t('村（社区）考核排名', 'Village ranking')} ranking={data.villages} parentTitle={t('所属乡镇', 'Township')} testId="leader-villages" />
            </Col>
            <Col xs={24} xl={12}>
              <LeaderRankingCard title={t('职能部门考核排名', 'Department ranking')} ranking={data.departments} parentTitle={t('服务区域', 'Serves')} testId="leader-departments" />
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('各乡镇黄牌红牌', 'Cards per township')} size="small" data-testid="leader-cards">
                {data.cardsByTownship.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <DashboardChart label={t('各乡镇黄牌红牌', 'Cards per township')} option={cards} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('近 12 个月平均得分', 'Average score, last 12 months')} size="small" data-testid="leader-trend">
                <DashboardChart label={t('近 12 个月平均得分', 'Average score, last 12 months')} option={trend} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t(`各乡镇知晓率、满意率（${data.surveys.year} 年）`, `Survey rates per township (${data.surveys.year})`)} size="small" data-testid="leader-surveys">
                <Table<SurveyRow>
                  size="small"
                  rowKey="townshipName"
                  pagination={false}
                  dataSource={data.surveys.townships.filter((row) => row.awarenessRespondents + row.satisfactionRespondents > 0)}
                  locale={{ emptyText: t('本年度尚无结束的调查', 'No survey has ended this year') }}
                  columns={[
                    { title: t('乡镇', 'Township'), dataIndex: 'townshipName' },
                    { title: t('知晓率', 'Awareness'), dataIndex: 'awareness', align: 'right', render: (rate: number | null, row) => `${percent(rate)}（${row.awarenessRespondents}）` },
                    { title: t('满意率', 'Satisfaction'), dataIndex: 'satisfaction', align: 'right', render: (rate: number | null, row) => `${percent(rate)}（${row.satisfactionRespondents}）` },
                  ]}
                />
                <Typography.Text type="secondary">{t('括号内为受访人数；未列出的乡镇本年度没有答卷', 'Respondents in brackets; townships not listed have no answers this year')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('最新通报', 'Latest bulletins')} size="small" data-testid="leader-bulletins">
                <List
                  dataSource={data.bulletins}
                  locale={{ emptyText: t('暂无通报', 'No bulletins yet') }}
                  renderItem={(bulletin) => (
                    <List.Item
                      actions={[
                        <a key="docx" href={bulletin.docx.url} download={bulletin.docx.name}>
                          Word
                        </a>,
                        <a key="xlsx" href={bulletin.xlsx.url} download={bulletin.xlsx.name}>
                          Excel
                        </a>,
                      ]}
                    >
                      <List.Item.Meta title={bulletin.title} description={dayjs(bulletin.createdAt).format('YYYY-MM-DD HH:mm')} />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}

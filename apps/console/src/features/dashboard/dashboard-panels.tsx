// The command center's lists: this month's cards by unit, who has not signed in or has events
// waiting today, and each grid worker's progress on the monthly report quota.
import { Empty, List, Progress, Space, Table, Tag, Typography } from 'antd';
import { shortUnitName, type Dashboard, type DashboardUnitStatus } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

export function CardsByUnit({ cards }: { cards: Dashboard['cards'] }) {
  const { t } = useLocale();
  return (
    <Table<Dashboard['cards'][number]>
      rowKey={(row) => `${row.unitPath}:${row.name}`}
      size="small"
      pagination={cards.length > 8 ? { pageSize: 8, size: 'small' } : false}
      dataSource={cards}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('本月没有亮牌', 'No cards this month')}
          />
        ),
      }}
      columns={[
        { title: t('单位', 'Unit'), dataIndex: 'name' },
        {
          title: t('黄牌', 'Yellow'),
          dataIndex: 'yellow',
          width: 80,
          align: 'right',
          render: (count: number) => (count ? <Tag color="gold">{count}</Tag> : 0),
        },
        {
          title: t('红牌', 'Red'),
          dataIndex: 'red',
          width: 80,
          align: 'right',
          render: (count: number) => (count ? <Tag color="red">{count}</Tag> : 0),
        },
      ]}
    />
  );
}

/**
 * Units needing a call today: not signed in, or with events waiting for them. Units without any
 * account yet are only counted: a county has many, and no call reaches them.
 */
export function UnitsToChase({
  units,
  waitingLabel,
  testId,
}: {
  units: readonly DashboardUnitStatus[];
  waitingLabel: string;
  testId: string;
}) {
  const { t } = useLocale();
  const behind = units.filter((unit) => (unit.accounts > 0 && !unit.signedIn) || unit.waiting > 0);
  const withoutAccounts = units.filter((unit) => unit.accounts === 0).length;
  const footnote = withoutAccounts > 0 && (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t(`另有 ${withoutAccounts} 个单位尚未开通账号`, `${withoutAccounts} more have no accounts yet`)}
    </Typography.Text>
  );
  if (behind.length === 0)
    return (
      <div data-testid={testId} style={{ padding: '8px 0 12px' }}>
        <Typography.Text type="success">
          {t('今日均已登录，无待办积压', 'All signed in today, nothing waiting')}
        </Typography.Text>
        <div>{footnote}</div>
      </div>
    );
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <List<DashboardUnitStatus>
        size="small"
        dataSource={behind}
        pagination={behind.length > 6 ? { pageSize: 6, size: 'small', align: 'center' } : false}
        renderItem={(unit) => (
          <List.Item>
            <Typography.Text ellipsis style={{ maxWidth: '55%' }} title={unit.name}>
              {shortUnitName(unit.name)}
            </Typography.Text>
            <Space size={4}>
              {unit.accounts > 0 && !unit.signedIn && (
                <Tag color="red">{t('今日未登录', 'Not signed in')}</Tag>
              )}
              {unit.accounts === 0 && <Tag>{t('无账号', 'No accounts')}</Tag>}
              {unit.waiting > 0 && <Tag color="orange">{`${waitingLabel} ${unit.waiting}`}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {footnote}
    </div>
  );
}

export function QuotaProgress({ quotas }: { quotas: Dashboard['quotas'] }) {
  const { t } = useLocale();
  if (quotas.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('范围内没有网格员', 'No grid workers in scope')}
      />
    );
  const sorted = [...quotas].sort(
    (a, b) => a.reported / Math.max(a.target, 1) - b.reported / Math.max(b.target, 1),
  );
  return (
    <List<Dashboard['quotas'][number]>
      size="small"
      data-testid="quota-list"
      dataSource={sorted}
      pagination={sorted.length > 8 ? { pageSize: 8, size: 'small', align: 'center' } : false}
      renderItem={(row) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Text>{row.displayName}</Typography.Text>
            <Progress
              percent={row.target === 0 ? 100 : Math.min(100, Math.round((row.reported / row.target) * 100))}
              status={row.met ? 'success' : 'normal'}
              format={() => `${row.reported}/${row.target}`}
              size="small"
              aria-label={`${row.displayName} ${row.reported}/${row.target}`}
            />
          </div>
        </List.Item>
      )}
    />
  );
}

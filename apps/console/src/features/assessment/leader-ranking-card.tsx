// One ranking of the leader dashboard: the top units and, below a divider, the bottom ones, with
// county ranks (a reader's scope may hide units in between).
import { Card, Divider, Empty, Table, Typography } from 'antd';
import type { BulletinRanking, BulletinUnitLine } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

function Lines({ lines, parentTitle, testId }: { lines: readonly BulletinUnitLine[]; parentTitle: string; testId: string }) {
  const { t } = useLocale();
  return (
    <Table<BulletinUnitLine>
      size="small"
      rowKey="unitId"
      pagination={false}
      dataSource={[...lines]}
      data-testid={testId}
      columns={[
        { title: t('名次', 'Rank'), dataIndex: 'rank', width: 64, align: 'center' },
        { title: t('单位', 'Unit'), dataIndex: 'unitName' },
        { title: parentTitle, dataIndex: 'parentName', render: (name: string | null) => name ?? '—' },
        { title: t('得分', 'Score'), dataIndex: 'score', width: 80, align: 'right', render: (score: number) => score.toFixed(1) },
      ]}
    />
  );
}

export function LeaderRankingCard({ title, ranking, parentTitle, testId }: { title: string; ranking: BulletinRanking; parentTitle: string; testId: string }) {
  const { t } = useLocale();
  const summary =
    ranking.average === null
      ? t(`参与排名 ${ranking.ranked} 个`, `${ranking.ranked} ranked`)
      : t(`参与排名 ${ranking.ranked} 个，平均 ${ranking.average.toFixed(1)} 分`, `${ranking.ranked} ranked, average ${ranking.average.toFixed(1)}`);
  return (
    <Card title={title} size="small" extra={<Typography.Text type="secondary">{summary}</Typography.Text>} data-testid={testId}>
      {ranking.ranked === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(`均因样本不足未予排名（${ranking.tooFew} 个）`, `None ranked: too few cases (${ranking.tooFew})`)}
        />
      ) : (
        <>
          <Typography.Text strong>{t(`前 ${ranking.top.length} 名`, `Top ${ranking.top.length}`)}</Typography.Text>
          <Lines lines={ranking.top} parentTitle={parentTitle} testId={`${testId}-top`} />
          {ranking.bottom.length > 0 && (
            <>
              <Divider style={{ margin: '12px 0' }} />
              <Typography.Text strong>{t(`后 ${ranking.bottom.length} 名`, `Bottom ${ranking.bottom.length}`)}</Typography.Text>
              <Lines lines={ranking.bottom} parentTitle={parentTitle} testId={`${testId}-bottom`} />
            </>
          )}
        </>
      )}
    </Card>
  );
}

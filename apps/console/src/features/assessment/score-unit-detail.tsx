// 得分明细: the facts behind one unit's score, shown when its ranking row opens — each item's
// figure (numerator over denominator, opening the facts behind it), weight and points, and how
// it earned them (its own figure, the average of the others, not measured this period); each
// deduction with the value that triggered it and the month it judged; the cap.
import { useEffect, useState } from 'react';
import { Alert, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { INDICATORS, type AssessedUnitKind, type UnitScoreDetail } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import type { FactsTarget } from './indicator-facts-drawer.js';
import { percent } from './score-labels.js';

type Item = UnitScoreDetail['items'][number];
type Deduction = UnitScoreDetail['deductions'][number];

export function ScoreUnitDetail({ period, unitKind, unitId, onFacts }: { period: string; unitKind: AssessedUnitKind; unitId: string; onFacts: (target: FactsTarget) => void }) {
  const { locale, t } = useLocale();
  const [detail, setDetail] = useState<UnitScoreDetail | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    api.get<UnitScoreDetail>('/api/assessment/scores/unit', { period, unitKind, unitId }).then(
      (answer) => alive && setDetail(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [period, unitKind, unitId, t]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!detail) return <Typography.Text type="secondary">{t('正在读取得分明细…', 'Loading the score…')}</Typography.Text>;

  const basisTag = (item: Item) =>
    item.basis === 'average' ? (
      <Tooltip title={t('本单位样本不足或无数据，取其他单位该项的平均得分', 'Too few cases or no data here: the average of the other units')}>
        <Tag color="gold">{t('取平均', 'Average')}</Tag>
      </Tooltip>
    ) : item.basis === 'not_measured' ? (
      <Tooltip title={t('本期没有任何单位有该项数据，不计分，其余项折算到 100 分', 'No unit has data this period: left out, the others scaled to 100')}>
        <Tag>{t('本期不计', 'Not measured')}</Tag>
      </Tooltip>
    ) : null;

  const items = (
    <Table<Item>
      rowKey="indicator"
      size="small"
      pagination={false}
      dataSource={detail.items}
      columns={[
        {
          title: t('考核项', 'Item'),
          dataIndex: 'indicator',
          render: (code: Item['indicator']) => <Tooltip title={INDICATORS[code].formula[locale]}>{INDICATORS[code].name[locale]}</Tooltip>,
        },
        {
          title: t('指标值', 'Value'),
          key: 'value',
          render: (_: unknown, item: Item) =>
            item.figure ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onFacts({ unitId: detail.unitId, unitName: detail.unitName, code: item.indicator })}>
                {percent(item.figure.value)}
                {item.figure.denominator !== null && item.figure.denominator > 0 && ` (${item.figure.numerator}/${item.figure.denominator})`}
                {item.figure.tooFew && item.figure.value !== null && ` ${t('样本不足', 'too few')}`}
              </Button>
            ) : (
              '—'
            ),
        },
        { title: t('权重', 'Weight'), dataIndex: 'weight', align: 'right', render: (weight: number, item: Item) => (weight === item.schemeWeight ? weight : t(`${weight}（方案 ${item.schemeWeight}）`, `${weight} (scheme ${item.schemeWeight})`)) },
        { title: t('得分', 'Points'), dataIndex: 'points', align: 'right' },
        { title: t('说明', 'Note'), key: 'basis', render: (_: unknown, item: Item) => basisTag(item) },
      ]}
    />
  );

  const deductions = (
    <Table<Deduction>
      rowKey={(row) => `${row.ruleId}-${row.period ?? ''}`}
      size="small"
      pagination={false}
      dataSource={detail.deductions}
      locale={{ emptyText: t('无扣分', 'No deductions') }}
      columns={[
        { title: t('扣分规则', 'Rule'), dataIndex: 'label', render: (label: string, row: Deduction) => (row.ruleId === '_cap' ? t(`扣分封顶（上限 ${detail.cap} 分）`, `Cap reached (at most ${detail.cap})`) : label) },
        {
          title: t('依据', 'Because of'),
          key: 'value',
          render: (_: unknown, row: Deduction) =>
            row.ruleId === '_cap' ? (
              t(`扣分合计 ${row.value}`, `${row.value} before the cap`)
            ) : (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onFacts({ unitId: detail.unitId, unitName: detail.unitName, code: row.indicator })}>
                {`${INDICATORS[row.indicator].name[locale]} ${row.measure === 'shortfall' ? t(`缺 ${row.value}`, `${row.value} missing`) : INDICATORS[row.indicator].kind === 'rate' ? percent(row.value) : row.value}`}
              </Button>
            ),
        },
        { title: t('月份', 'Month'), dataIndex: 'period', render: (month: string | null) => month ?? '—' },
        { title: t('分值', 'Points'), dataIndex: 'points', align: 'right', render: (points: number) => (points > 0 ? `+${points}` : points) },
      ]}
    />
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="score-detail">
      <Typography.Text>
        {t(
          `考核项得分 ${detail.itemPoints} − 扣分 ${detail.deductionPoints} = ${detail.score} 分；${detail.rank === null ? '样本不足，不参与排名' : `全县第 ${detail.rank} 名（共 ${detail.rankedUnits} 个参与排名）`}`,
          `Items ${detail.itemPoints} − deductions ${detail.deductionPoints} = ${detail.score}; ${detail.rank === null ? 'too few cases to rank' : `rank ${detail.rank} of ${detail.rankedUnits} in the county`}`,
        )}
      </Typography.Text>
      {items}
      {deductions}
    </Space>
  );
}

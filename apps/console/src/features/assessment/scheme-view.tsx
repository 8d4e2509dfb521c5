// A version of the scheme as the reader sees it, per unit kind: the items and weights, the
// deduction rules in words, the cap.
import { Descriptions, Table, Tabs, Tooltip, Typography } from 'antd';
import { INDICATORS, type AssessedUnitKind, type DeductionRule, type ScoreSchemeBody, type UnitScheme } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import { UNIT_KIND_LABELS, ruleText } from './score-labels.js';

function UnitSchemeView({ scheme }: { scheme: UnitScheme }) {
  const { locale, t } = useLocale();
  return (
    <>
      <Table
        rowKey="indicator"
        size="small"
        pagination={false}
        dataSource={[...scheme.items]}
        columns={[
          {
            title: t('考核项', 'Item'),
            dataIndex: 'indicator',
            render: (code: keyof typeof INDICATORS) => <Tooltip title={INDICATORS[code].formula[locale]}>{INDICATORS[code].name[locale]}</Tooltip>,
          },
          { title: t('方向', 'Better'), dataIndex: 'indicator', key: 'direction', render: (code: keyof typeof INDICATORS) => (INDICATORS[code].higherIsBetter ? t('越高越好', 'higher') : t('越低越好', 'lower')) },
          { title: t('权重（分）', 'Weight (points)'), dataIndex: 'weight', align: 'right' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('合计', 'Total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {Math.round(scheme.items.reduce((sum, item) => sum + item.weight, 0) * 100) / 100}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('扣分规则', 'Deduction rules')}
      </Typography.Title>
      <Table<DeductionRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...scheme.deductions]}
        locale={{ emptyText: t('无扣分规则', 'No deduction rules') }}
        columns={[
          { title: t('规则', 'Rule'), dataIndex: 'label' },
          { title: t('计算', 'How'), key: 'how', render: (_: unknown, rule: DeductionRule) => ruleText(rule, locale, t) },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>{t(`每期扣分最多 ${scheme.cap} 分。`, `At most ${scheme.cap} points off a period.`)}</Typography.Paragraph>
    </>
  );
}

export function SchemeView({ body }: { body: ScoreSchemeBody }) {
  const { t } = useLocale();
  const kinds = Object.keys(body.units) as AssessedUnitKind[];
  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('最少样本数', 'Minimum cases')}>{t(`${body.minCases} 件（人、次）以下的比率为“样本不足”`, `rates over fewer than ${body.minCases} cases are too few to rank`)}</Descriptions.Item>
      </Descriptions>
      <Tabs items={kinds.map((kind) => ({ key: kind, label: t(...UNIT_KIND_LABELS[kind]), children: <UnitSchemeView scheme={body.units[kind]!} /> }))} />
    </>
  );
}

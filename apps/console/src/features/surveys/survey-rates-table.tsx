// The survey's results per village or per township: sample size, answers, response rate, and the
// awareness (and in the second half satisfaction) rate with its 95% interval as a range bar.
import { useState } from 'react';
import { Button, Segmented, Table, Typography } from 'antd';
import type { SurveyRateRow, SurveyRates } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import { RateBar } from './rate-bar.js';
import { percent } from './survey-labels.js';

export function SurveyRatesTable({ rates, onOpenVillage }: { rates: SurveyRates; onOpenVillage: (villageId: string) => void }) {
  const { t } = useLocale();
  const [by, setBy] = useState<'village' | 'township'>('village');
  const satisfaction = rates.half === 'H2';
  const rows = by === 'village' ? rates.villages : rates.townships;
  return (
    <>
      <Segmented<'village' | 'township'>
        style={{ marginBottom: 12 }}
        value={by}
        onChange={(value) => setBy(value)}
        options={[
          { value: 'village', label: t('按村（社区）', 'By village') },
          { value: 'township', label: t('按乡镇', 'By township') },
        ]}
      />
      <Table<SurveyRateRow>
        rowKey="unitId"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1040 }}
        summary={() => (
          <Table.Summary fixed="top">
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={by === 'village' ? 2 : 1}>
                <strong>{t('合计', 'Total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{rates.total.sampleSize}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{rates.total.respondents}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{percent(rates.total.responseRate)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5}>
                <RateBar rate={rates.total.awarenessRate} interval={rates.total.awarenessInterval} count={rates.total.aware} asked={rates.total.awarenessAsked} testId="total-awareness" />
              </Table.Summary.Cell>
              {satisfaction && (
                <Table.Summary.Cell index={6}>
                  <RateBar rate={rates.total.satisfactionRate} interval={rates.total.satisfactionInterval} count={rates.total.satisfied} asked={rates.total.satisfactionAsked} testId="total-satisfaction" />
                </Table.Summary.Cell>
              )}
            </Table.Summary.Row>
          </Table.Summary>
        )}
        columns={[
          {
            title: by === 'village' ? t('村（社区）', 'Village') : t('乡镇', 'Township'),
            dataIndex: 'unitName',
            width: 140,
            render: (name: string, row) =>
              by === 'village' ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenVillage(row.unitId)}>
                  {name}
                </Button>
              ) : (
                name
              ),
          },
          ...(by === 'village' ? [{ title: t('乡镇', 'Township'), dataIndex: 'parentName', width: 110, render: (name: string | null) => name ?? '—' }] : []),
          { title: t('样本量', 'Sample'), dataIndex: 'sampleSize', width: 90, align: 'right' as const },
          {
            title: t('已答', 'Answers'),
            dataIndex: 'respondents',
            width: 90,
            align: 'right' as const,
            render: (count: number, row) => <span title={t(`其中抽样对象 ${row.sampledRespondents} 人`, `${row.sampledRespondents} of them sampled`)}>{count}</span>,
          },
          { title: t('应答率', 'Response'), dataIndex: 'responseRate', width: 90, align: 'right' as const, render: (rate: number | null) => percent(rate) },
          {
            title: t('知晓率（95% 区间）', 'Awareness (95% interval)'),
            key: 'awareness',
            width: 260,
            render: (_: unknown, row) => <RateBar rate={row.awarenessRate} interval={row.awarenessInterval} count={row.aware} asked={row.awarenessAsked} testId={`awareness-${row.unitName}`} />,
          },
          ...(satisfaction
            ? [
                {
                  title: t('满意率（95% 区间）', 'Satisfaction (95% interval)'),
                  key: 'satisfaction',
                  width: 260,
                  render: (_: unknown, row: SurveyRateRow) => (
                    <RateBar rate={row.satisfactionRate} interval={row.satisfactionInterval} count={row.satisfied} asked={row.satisfactionAsked} testId={`satisfaction-${row.unitName}`} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {/* How to read the figures, in the words of someone who did not study statistics. */}
      <Typography.Paragraph className="survey-rates-note" data-testid="survey-rates-note">
        {satisfaction
          ? t('知晓率（满意率）= 计为知晓（满意）的人数 ÷ 回答了知晓（满意）题的人数，含电话、入户和扫码自填。', 'Awareness (satisfaction) = people counted aware (satisfied) ÷ people who answered those questions, by phone, at the door or on the QR form.')
          : t('知晓率 = 计为知晓的人数 ÷ 回答了知晓题的人数，含电话、入户和扫码自填。', 'Awareness = people counted aware ÷ people who answered the awareness questions, by phone, at the door or on the QR form.')}
        {t(
          '蓝色条是 95% 置信区间：按回答人数推算，真实比例有 95% 的把握在这个范围内；回答的人越少，区间越宽。两个村的区间有重叠时，高低之分可能只是抽样造成的，不宜据此排名。',
          ' The blue band is the 95% range: from the answers so far, the true share lies inside it with 95% confidence; the fewer the answers, the wider it is. When two villages’ bands overlap, the difference may be chance alone: do not rank them on it.',
        )}
        {t('应答率 = 抽中的人里已回答的人数 ÷ 样本量。', ' Response = sampled people who answered ÷ sample size.')}
      </Typography.Paragraph>
    </>
  );
}

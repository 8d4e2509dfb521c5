// 指标明细: the facts behind one unit's figure (events, visits, verifications, people, reports,
// days, answers), counted or not, each opening its own page where it has one.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { INDICATORS, type AssessedUnitKind, type IndicatorCode, type IndicatorFact, type IndicatorFacts } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { figureText } from './indicator-figure.js';

export interface FactsTarget {
  readonly unitId: string;
  readonly unitName: string;
  readonly code: IndicatorCode;
}

/** A date stays a date; an instant shows in the reader's clock to the minute. */
const when = (at: string | null) => (at === null ? '—' : at.length <= 10 ? at : dayjs(at).format('YYYY-MM-DD HH:mm'));

export function IndicatorFactsDrawer({ period, unitKind, target, onClose }: { period: string; unitKind: AssessedUnitKind; target: FactsTarget | null; onClose: () => void }) {
  const { locale, t } = useLocale();
  const [data, setData] = useState<IndicatorFacts | null>(null);
  const [error, setError] = useState('');
  const key = target ? JSON.stringify({ period, unitKind, unitId: target.unitId, indicator: target.code }) : '';

  useEffect(() => {
    if (!key) return;
    let alive = true;
    setData(null);
    setError('');
    api.get<IndicatorFacts>('/api/assessment/indicators/facts', JSON.parse(key) as Record<string, string>).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [key, t]);

  const definition = target ? INDICATORS[target.code] : null;
  const rate = definition?.kind === 'rate';
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size="large"
      title={target && definition ? `${target.unitName} · ${definition.name[locale]}` : ''}
      destroyOnHidden
    >
      {definition && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('数值', 'Value')}>
            {data ? figureText(data.figure, rate) : '…'}
            {data && rate && data.figure.denominator !== null && (
              <Typography.Text type="secondary">{`  (${data.figure.numerator} / ${data.figure.denominator})`}</Typography.Text>
            )}
            {data?.figure.tooFew && <Tag style={{ marginLeft: 8 }}>{t('样本不足', 'Too few to rank')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('计算方法', 'Formula')}>{definition.formula[locale]}</Descriptions.Item>
        </Descriptions>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data?.truncated && <Alert type="info" showIcon title={t('仅列出前 500 条', 'Only the first 500 are listed')} style={{ marginBottom: 16 }} />}
      <Table<IndicatorFact>
        rowKey={(fact) => `${fact.kind}:${fact.id}`}
        size="small"
        loading={data === null && !error}
        dataSource={data?.facts ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: t('计入', 'Counted'),
            dataIndex: 'counted',
            width: 96,
            render: (counted: boolean) =>
              counted ? <Tag color="green">{rate ? t('计入分子', 'Numerator') : t('计入', 'Counted')}</Tag> : <Tag>{t('仅计分母', 'Denominator')}</Tag>,
          },
          {
            title: t('事项', 'Fact'),
            dataIndex: 'label',
            render: (label: string, fact) => (fact.link ? <Link to={fact.link}>{label}</Link> : label),
          },
          { title: t('时间', 'When'), dataIndex: 'at', width: 150, render: when },
          { title: t('说明', 'Note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
        ]}
      />
    </Drawer>
  );
}

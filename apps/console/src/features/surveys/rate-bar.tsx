// A rate with its 95% confidence interval drawn as a range on a 0–100% track: the shaded span is
// the interval, the dark tick the rate itself. A village of 30 answers shows a wide span, which is
// the honest reading of a small sample.
import { Tooltip } from 'antd';
import type { SurveyRateRow } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import { percent } from './survey-labels.js';

interface RateBarProps {
  readonly rate: number | null;
  readonly interval: SurveyRateRow['awarenessInterval'];
  readonly count: number;
  readonly asked: number;
  readonly testId?: string;
}

export function RateBar({ rate, interval, count, asked, testId }: RateBarProps) {
  const { t } = useLocale();
  if (rate === null || asked === 0) return <span data-testid={testId}>—</span>;
  const range = interval ? `${percent(interval.low)}–${percent(interval.high)}` : '—';
  return (
    <Tooltip title={t(`${count}/${asked} 人，95% 置信区间 ${range}`, `${count} of ${asked}, 95% interval ${range}`)}>
      <div className="survey-rate" role="img" data-testid={testId} aria-label={t(`${percent(rate)}，95% 置信区间 ${range}`, `${percent(rate)}, 95% interval ${range}`)}>
        <span className="survey-rate-value">{percent(rate)}</span>
        <span className="survey-rate-track" aria-hidden="true">
          {interval && <span className="survey-rate-range" style={{ left: `${interval.low * 100}%`, width: `${(interval.high - interval.low) * 100}%` }} />}
          <span className="survey-rate-point" style={{ left: `${rate * 100}%` }} />
        </span>
        <span className="survey-rate-interval">
          <span>{t(`${count}/${asked} 人`, `${count} of ${asked}`)}</span>
          <span>{range}</span>
        </span>
      </div>
    </Tooltip>
  );
}

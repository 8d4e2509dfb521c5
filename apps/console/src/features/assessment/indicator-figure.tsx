// One figure of the indicator table: a rate as a percentage (numerator over denominator in its
// tooltip) or a count, the 样本不足 tag when some but too few cases to rank (none at all reads —),
// and which figures of a column stand out (the best and the worst among the units that rank).
import { Button, Tag, Tooltip } from 'antd';
import { INDICATORS, type IndicatorCode, type IndicatorFigure, type IndicatorRow } from '@gridwork/core';

export function figureText(figure: IndicatorFigure, rate: boolean): string {
  if (figure.value === null) return '—';
  return rate ? `${(figure.value * 100).toFixed(1)}%` : String(figure.value);
}

/** The best and worst values of a column among units that rank (two or more distinct values). */
export function columnExtremes(rows: readonly IndicatorRow[], code: IndicatorCode): { best: number; worst: number } | null {
  const values = rows.flatMap((row) => {
    const figure = row.figures[code];
    return figure && !figure.tooFew && figure.value !== null ? [figure.value] : [];
  });
  if (new Set(values).size < 2) return null;
  const high = Math.max(...values);
  const low = Math.min(...values);
  return INDICATORS[code].higherIsBetter ? { best: high, worst: low } : { best: low, worst: high };
}

export function FigureCell({
  figure,
  code,
  extremes,
  t,
  onOpen,
}: {
  figure: IndicatorFigure | undefined;
  code: IndicatorCode;
  extremes: { best: number; worst: number } | null;
  t: (zh: string, en: string) => string;
  onOpen: () => void;
}) {
  if (!figure) return null;
  const rate = INDICATORS[code].kind === 'rate';
  const standout = !figure.tooFew && figure.value !== null && extremes ? (figure.value === extremes.best ? 'best' : figure.value === extremes.worst ? 'worst' : null) : null;
  const text = figureText(figure, rate);
  const button = (
    <Button
      type="link"
      size="small"
      onClick={onOpen}
      style={{ padding: 0, fontWeight: standout ? 600 : undefined, color: standout === 'best' ? '#237804' : standout === 'worst' ? '#a8071a' : undefined }}
      aria-label={`${text} ${t('查看明细', 'show the facts')}`}
    >
      {text}
    </Button>
  );
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {rate && figure.denominator !== null ? <Tooltip title={`${figure.numerator} / ${figure.denominator}`}>{button}</Tooltip> : button}
      {figure.tooFew && figure.value !== null && (
        <Tag style={{ marginLeft: 4, marginRight: 0 }} variant="filled">
          {t('样本不足', 'Too few')}
        </Tag>
      )}
    </span>
  );
}

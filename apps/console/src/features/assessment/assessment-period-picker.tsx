// The period and the unit kind an assessment page reads (考核指标, 考核排名): a month or a year
// picked on a calendar, and the kind of unit (a department's leader: his departments only).
import { DatePicker, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ASSESSED_UNIT_KINDS, type AssessedUnitKind } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import { UNIT_KIND_LABELS } from './score-labels.js';

export type PeriodMode = 'month' | 'year';

/** The period's key as the server reads it: 2026-11 or 2026. */
export const periodOf = (date: Dayjs, mode: PeriodMode): string => date.format(mode === 'month' ? 'YYYY-MM' : 'YYYY');

export function PeriodPicker({ mode, date, onMode, onDate, noFuture = false }: { mode: PeriodMode; date: Dayjs; onMode: (mode: PeriodMode) => void; onDate: (date: Dayjs) => void; noFuture?: boolean }) {
  const { t } = useLocale();
  return (
    <>
      <Segmented<PeriodMode>
        aria-label={t('期间', 'Period')}
        value={mode}
        onChange={onMode}
        options={[
          { value: 'month', label: t('月度', 'Month') },
          { value: 'year', label: t('年度', 'Year') },
        ]}
      />
      <DatePicker
        picker={mode}
        allowClear={false}
        aria-label={mode === 'month' ? t('月份', 'Month') : t('年度', 'Year')}
        value={date}
        {...(noFuture ? { disabledDate: (day: Dayjs) => day.isAfter(dayjs(), mode) } : {})}
        onChange={(value) => value && onDate(value)}
      />
    </>
  );
}

export function UnitKindSelect({ value, onChange, departmentOnly, labels = UNIT_KIND_LABELS }: { value: AssessedUnitKind; onChange: (kind: AssessedUnitKind) => void; departmentOnly: boolean; labels?: Record<AssessedUnitKind, [string, string]> }) {
  const { t } = useLocale();
  return (
    <Select<AssessedUnitKind>
      aria-label={t('考核对象', 'Units')}
      style={{ width: 140 }}
      value={value}
      disabled={departmentOnly}
      onChange={onChange}
      options={(departmentOnly ? (['department'] as const) : ASSESSED_UNIT_KINDS).map((kind) => ({ value: kind, label: t(...labels[kind]) }))}
    />
  );
}

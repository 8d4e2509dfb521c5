// The unit-kind filter of the daily check's lists (a day, a month): township, village, department.
import { Select } from 'antd';
import { DAILY_UNIT_KINDS, type DailyUnitKind } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import { kindLabel } from './daily-check-labels.js';

export function DailyKindSelect({
  value,
  onChange,
}: {
  value: DailyUnitKind | undefined;
  onChange: (kind: DailyUnitKind | undefined) => void;
}) {
  const { locale, t } = useLocale();
  return (
    <Select<DailyUnitKind>
      allowClear
      aria-label={t('类别', 'Kind')}
      placeholder={t('全部单位', 'Every kind')}
      style={{ width: 160 }}
      value={value}
      onChange={onChange}
      options={DAILY_UNIT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind, locale) }))}
    />
  );
}

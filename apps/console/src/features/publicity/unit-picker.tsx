// A township or village (村/社区) of the caller's territory, for publicity, inspections and
// terminals: the territory cascader without grids, refusing any other level.
import { PlacePicker } from '../registry/registry-territory.js';
import type { OrgUnit } from '@gridwork/core';

export const DAILY_UNIT_KINDS: readonly string[] = ['township', 'village', 'community'];

export function isDailyUnit(unit: OrgUnit | undefined): boolean {
  return unit !== undefined && DAILY_UNIT_KINDS.includes(unit.kind);
}

export function DailyUnitPicker({ value, onChange, id, placeholder, 'aria-label': ariaLabel }: { value?: string | null; onChange?: (unitId: string | null, unit?: OrgUnit) => void; id?: string; placeholder?: string; 'aria-label'?: string }) {
  return (
    <PlacePicker
      {...(id ? { id } : {})}
      {...(placeholder ? { placeholder } : {})}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      value={value ?? null}
      onChange={(unitId, unit) => onChange?.(unit && isDailyUnit(unit) ? unitId : null, unit)}
    />
  );
}

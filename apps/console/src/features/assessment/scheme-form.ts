// The scheme as the editor's form holds it (a rule's condition in two plain fields) and back, and
// where a server error's field path (units.village.deductions[1].indicator) sits in the form.
import type { AssessedUnitKind, DeductionBasis, DeductionMeasure, DeductionOp, IndicatorCode, ScoreSchemeBody, UnitScheme } from '@gridwork/core';

export interface RuleFields {
  id: string;
  label: string;
  indicator: IndicatorCode;
  measure: DeductionMeasure;
  op: DeductionOp | null;
  threshold: number | null;
  per: number | null;
  points: number;
  basis: DeductionBasis;
}

export interface UnitFields {
  items: { indicator: IndicatorCode; weight: number }[];
  deductions: RuleFields[];
  cap: number;
}

export interface SchemeFields {
  minCases: number;
  note: string;
  units: Partial<Record<AssessedUnitKind, UnitFields>>;
}

export function toFields(body: ScoreSchemeBody): SchemeFields {
  const units: SchemeFields['units'] = {};
  for (const [kind, scheme] of Object.entries(body.units) as [AssessedUnitKind, UnitScheme][]) {
    units[kind] = {
      items: scheme.items.map((item) => ({ ...item })),
      deductions: scheme.deductions.map((rule) => ({
        id: rule.id,
        label: rule.label,
        indicator: rule.indicator,
        measure: rule.measure ?? 'value',
        op: rule.when?.op ?? null,
        threshold: rule.when?.value ?? null,
        per: rule.per ?? null,
        points: rule.points,
        basis: rule.basis ?? 'period',
      })),
      cap: scheme.cap,
    };
  }
  return { minCases: body.minCases, note: '', units };
}

export function toBody(fields: SchemeFields): ScoreSchemeBody {
  const units: Partial<Record<AssessedUnitKind, UnitScheme>> = {};
  for (const [kind, unit] of Object.entries(fields.units) as [AssessedUnitKind, UnitFields][]) {
    units[kind] = {
      items: (unit.items ?? []).map((item) => ({ indicator: item.indicator, weight: Number(item.weight) })),
      deductions: (unit.deductions ?? []).map((rule) => ({
        id: rule.id,
        label: rule.label,
        indicator: rule.indicator,
        measure: rule.measure,
        ...(rule.op && rule.threshold !== null && rule.threshold !== undefined ? { when: { op: rule.op, value: Number(rule.threshold) } } : {}),
        ...(rule.per !== null && rule.per !== undefined ? { per: Number(rule.per) } : {}),
        points: Number(rule.points),
        basis: rule.basis,
      })),
      cap: Number(unit.cap),
    };
  }
  return { minCases: Number(fields.minCases), units };
}

/** The form field of a server error's path: units.village.items[1].indicator → ['units', 'village', 'items', 1, 'indicator']. */
export function formPath(field: string): (string | number)[] {
  const parts = field
    .replace(/^(body\.)+/, '')
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  // A rule's condition is two fields in the form: the comparison and its threshold.
  const at = parts.indexOf('when');
  if (at >= 0) return [...parts.slice(0, at), parts[at + 1] === 'value' ? 'threshold' : 'op'];
  return parts;
}

/** The unit kind a field path is about, to open its tab. */
export function unitKindOf(path: readonly (string | number)[]): AssessedUnitKind | null {
  return path[0] === 'units' && typeof path[1] === 'string' ? (path[1] as AssessedUnitKind) : null;
}

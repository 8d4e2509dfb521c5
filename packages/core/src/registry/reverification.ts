// How often each kind of registry record falls due for re-verification (复核). The county sets a
// number of days per kind (key groups of people more often); a kind it never set keeps the
// installation's default, so an installation that never touches the setting behaves as before.
import type { Locale } from '../i18n/locale.js';
import { RECORD_KIND_DEFINITIONS } from './registry-kinds.js';

/** People split into the ordinary and the key groups, then the registry's other kinds. */
export const REVERIFY_KINDS = ['person', 'person_key', 'household', 'house', 'organisation', 'place', 'facility'] as const;
export type ReverifyKind = (typeof REVERIFY_KINDS)[number];

export const REVERIFY_DAYS_MIN = 1;
/** Ten years: longer is no re-verification at all. */
export const REVERIFY_DAYS_MAX = 3650;

export const REVERIFY_KIND_LABELS: Readonly<Record<ReverifyKind, Readonly<Record<Locale, string>>>> = {
  person: { 'zh-CN': '一般人员', 'en-US': 'People (ordinary)' },
  person_key: { 'zh-CN': '重点人群（流动、境外、重点关注人员）', 'en-US': 'Key groups (floating, overseas, tagged people)' },
  household: RECORD_KIND_DEFINITIONS.household.label,
  house: RECORD_KIND_DEFINITIONS.house.label,
  organisation: RECORD_KIND_DEFINITIONS.organisation.label,
  place: RECORD_KIND_DEFINITIONS.place.label,
  facility: RECORD_KIND_DEFINITIONS.facility.label,
};

/** Days between verifications, per kind. */
export type ReverifyDays = Readonly<Record<ReverifyKind, number>>;

/** Records of a kind verified before its instant (or never) are due again. */
export type ReverifyCutoffs = Readonly<Record<ReverifyKind, string>>;

/** The installation's configured intervals: everyone and every record, and the key groups. */
export interface ReverifyIntervals {
  readonly normalDays: number;
  readonly keyDays: number;
}

export function isReverifyKind(value: unknown): value is ReverifyKind {
  return typeof value === 'string' && (REVERIFY_KINDS as readonly string[]).includes(value);
}

export function isReverifyDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= REVERIFY_DAYS_MIN && value <= REVERIFY_DAYS_MAX;
}

/** The defaults: key groups at `keyDays`, people and every other kind at `normalDays`. */
export function defaultReverifyDays(intervals: ReverifyIntervals): ReverifyDays {
  const { normalDays: normal, keyDays: key } = intervals;
  return { person: normal, person_key: key, household: normal, house: normal, organisation: normal, place: normal, facility: normal };
}

/** The defaults overridden by what the county set; a value out of range is ignored. */
export function reverifyDaysWith(defaults: ReverifyDays, set: Readonly<Partial<Record<ReverifyKind, unknown>>>): ReverifyDays {
  const days: Record<ReverifyKind, number> = { ...defaults };
  for (const kind of REVERIFY_KINDS) {
    const value = set[kind];
    if (isReverifyDays(value)) days[kind] = value;
  }
  return days;
}

/** The instant before which a record of each kind is due, `nowMs` minus that kind's days. */
export function reverifyCutoffs(nowMs: number, days: ReverifyDays): ReverifyCutoffs {
  const day = 24 * 3600 * 1000;
  const cutoff = (kind: ReverifyKind) => new Date(nowMs - days[kind] * day).toISOString();
  return {
    person: cutoff('person'),
    person_key: cutoff('person_key'),
    household: cutoff('household'),
    house: cutoff('house'),
    organisation: cutoff('organisation'),
    place: cutoff('place'),
    facility: cutoff('facility'),
  };
}

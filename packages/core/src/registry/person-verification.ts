// Verification (复核) of the registry: a grid worker confirms a person's record as it stands or
// corrects it. Key groups are verified more often; the share of verifications that needed no
// correction is the registry's measured accuracy, which the work plan wants at 100%.
import type { ResidenceStatus } from '../schemas/person.schema.js';

export const VERIFICATION_OUTCOMES = ['confirmed', 'corrected'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** Tagged people (left-behind, living alone, disabled, …), the floating population and people overseas. */
export function isKeyPerson(person: { readonly tags: readonly string[]; readonly residenceStatus: ResidenceStatus }): boolean {
  return person.tags.length > 0 || person.residenceStatus !== 'registered';
}

export interface ReverifyIntervals {
  /** Days between verifications of everyone else. */
  readonly normalDays: number;
  /** Days between verifications of key groups. */
  readonly keyDays: number;
}

/** Records verified before these instants (or never) are due again. */
export function reverifyCutoffs(nowMs: number, intervals: ReverifyIntervals): { normal: string; key: string } {
  const day = 24 * 3600 * 1000;
  return { normal: new Date(nowMs - intervals.normalDays * day).toISOString(), key: new Date(nowMs - intervals.keyDays * day).toISOString() };
}

/** A share as a whole percentage with one decimal, or null when there is nothing to measure. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

// Verification (复核) of the registry: a grid worker confirms a person's record as it stands or
// corrects it. Key groups are verified more often; the share of verifications that needed no
// correction is the registry's measured accuracy, which the work plan wants at 100%. How often
// each kind falls due is in reverification.ts.
import type { ResidenceStatus } from '../schemas/person.schema.js';

export const VERIFICATION_OUTCOMES = ['confirmed', 'corrected'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** Tagged people (left-behind, living alone, disabled, …), the floating population and people overseas. */
export function isKeyPerson(person: { readonly tags: readonly string[]; readonly residenceStatus: ResidenceStatus }): boolean {
  return person.tags.length > 0 || person.residenceStatus !== 'registered';
}

/** A share as a whole percentage with one decimal, or null when there is nothing to measure. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

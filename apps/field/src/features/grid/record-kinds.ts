// The registry's kinds a grid worker searches and verifies on the phone besides people: households,
// houses and organisations, with their URL segments and their words in the app's language.
import { RECORD_KIND_DEFINITIONS, type RecordKind } from '@gridwork/core';
import { fieldLocale } from '../../app/i18n.js';

export const FIELD_RECORD_KINDS = [
  'household',
  'house',
  'organisation',
] as const satisfies readonly RecordKind[];
export type FieldRecordKind = (typeof FIELD_RECORD_KINDS)[number];

/** The API's (and the app's) path segment of each kind. */
export const RECORD_SEGMENTS: Readonly<Record<FieldRecordKind, string>> = {
  household: 'households',
  house: 'houses',
  organisation: 'organisations',
};

export function kindOfSegment(segment: string | undefined): FieldRecordKind | null {
  return FIELD_RECORD_KINDS.find((kind) => RECORD_SEGMENTS[kind] === segment) ?? null;
}

export function isFieldRecordKind(kind: string): kind is FieldRecordKind {
  return (FIELD_RECORD_KINDS as readonly string[]).includes(kind);
}

export function kindLabel(kind: RecordKind): string {
  return RECORD_KIND_DEFINITIONS[kind].label[fieldLocale()];
}

export function categoryLabel(kind: RecordKind, category: string): string {
  return RECORD_KIND_DEFINITIONS[kind].categories[category]?.[fieldLocale()] ?? category;
}

export function stateLabel(kind: RecordKind, state: string): string {
  return RECORD_KIND_DEFINITIONS[kind].states[state]?.[fieldLocale()] ?? state;
}

export function relationLabel(kind: RecordKind, relation: string): string {
  return RECORD_KIND_DEFINITIONS[kind].members?.relations[relation]?.[fieldLocale()] ?? relation;
}

/** The record's own page in the app. */
export function recordPath(kind: FieldRecordKind, id: string): string {
  return `/grid/${RECORD_SEGMENTS[kind]}/${id}`;
}

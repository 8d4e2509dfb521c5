// Whom a visit is for, found on the phone first (the kept due list, then the kept person), so the
// visit form opens at once and with no signal.
import { withQuery } from '@gridwork/client';
import type { CurrentUser, PersonView } from '@gridwork/core';
import { cachedGet } from '../../lib/cached-read.js';
import { loadRead } from '../../lib/field-db.js';
import { loadMyGrids, peopleOfGrid } from '../grid/my-grids.js';
import { DUE_VISITS_QUERY, DUE_VISITS_URL } from './due-visits.js';
import type { DueVisit } from '@gridwork/core';

export interface VisitSubject {
  readonly personId: string;
  readonly name: string;
  readonly gridId: string | null;
  readonly address: string | null;
  /** The schedule this visit answers, when opened from the due list. */
  readonly due: DueVisit | null;
}

async function keptPerson(user: CurrentUser, personId: string): Promise<PersonView | null> {
  try {
    return (await cachedGet<PersonView>(`/api/persons/${personId}`)).data;
  } catch {
    const { mine } = await loadMyGrids(user);
    for (const grid of mine) {
      const found = (await peopleOfGrid(grid.id).catch(() => [])).find((person) => person.id === personId);
      if (found) return found;
    }
    return null;
  }
}

export async function findVisitSubject(
  user: CurrentUser,
  personId: string,
  scheduleId: string | null,
): Promise<VisitSubject | null> {
  const kept = await loadRead<{ items: DueVisit[] }>(withQuery(DUE_VISITS_URL, DUE_VISITS_QUERY));
  const dues = kept?.value.items.filter((item) => item.personId === personId) ?? [];
  const due = dues.find((item) => item.scheduleId === scheduleId) ?? null;
  const person = await keptPerson(user, personId);
  if (person) return { personId, name: person.name, gridId: person.gridId, address: person.address, due };
  const known = due ?? dues[0];
  if (!known) return null;
  return { personId, name: known.personName, gridId: known.gridId, address: null, due };
}

// The grids this worker looks after and the people, households, houses and organisations in them,
// kept on the phone for reading with no signal. The server scopes every answer to the worker; the app only keeps what it was given.
import { useEffect, useState } from 'react';
import type { CurrentUser, Grid, OrgUnit, PersonView, RecordView } from '@gridwork/core';
import { cachedGet } from '../../lib/cached-read.js';
import { loadRead } from '../../lib/field-db.js';
import { FIELD_RECORD_KINDS, RECORD_SEGMENTS, type FieldRecordKind } from './record-kinds.js';

/** A member of a household or house, as /members answers. */
export interface RecordMember {
  readonly personId: string;
  readonly name: string;
  readonly idNumber: string | null;
  readonly relation: string;
  readonly since: string;
}

/** People of a grid kept for offline reading: the first page, which covers a grid of a few hundred. */
export const PEOPLE_PER_GRID = 100;

/** The grids of my village(s) that name me as their worker; every grid of my unit if none does. */
export async function loadMyGrids(user: CurrentUser): Promise<{ mine: Grid[]; all: Grid[] }> {
  const { data: units } = await cachedGet<{ items: OrgUnit[] }>('/api/org-units');
  const villages = units.items.filter((unit) => unit.kind !== 'county' && unit.kind !== 'township');
  const all: Grid[] = [];
  for (const village of villages)
    all.push(...(await cachedGet<{ items: Grid[] }>('/api/grids', { villageId: village.id })).data.items);
  const mine = all.filter((grid) => grid.workers.some((worker) => worker.id === user.id));
  return { mine: mine.length > 0 ? mine : all, all };
}

export function useMyGrids(user: CurrentUser): { mine: Grid[]; all: Grid[] } | null {
  const [grids, setGrids] = useState<{ mine: Grid[]; all: Grid[] } | null>(null);
  useEffect(() => {
    loadMyGrids(user).then(setGrids, () => setGrids({ mine: [], all: [] }));
  }, [user]);
  return grids;
}

export async function peopleOfGrid(gridId: string): Promise<PersonView[]> {
  return (await cachedGet<{ items: PersonView[] }>('/api/persons', { gridId, limit: PEOPLE_PER_GRID })).data
    .items;
}

/** Fetches (and so keeps) the people of my grids while there is a signal. */
export async function keepMyPeople(user: CurrentUser): Promise<number> {
  const { mine } = await loadMyGrids(user);
  let count = 0;
  for (const grid of mine) count += (await peopleOfGrid(grid.id).catch(() => [])).length;
  return count;
}

const MEMBERS_FRESH_MS = 12 * 3600 * 1000;

/** Households, houses or organisations of a grid kept for offline reading: the first 100 of each. */
export async function recordsOfGrid(kind: FieldRecordKind, gridId: string): Promise<RecordView[]> {
  return (
    await cachedGet<{ items: RecordView[] }>(`/api/${RECORD_SEGMENTS[kind]}`, { gridId, limit: PEOPLE_PER_GRID })
  ).data.items;
}

/** The members of a household or house (kept once read). */
export async function membersOf(kind: FieldRecordKind, id: string): Promise<RecordMember[]> {
  return (await cachedGet<{ items: RecordMember[] }>(`/api/${RECORD_SEGMENTS[kind]}/${id}/members`)).data.items;
}

/**
 * Fetches (and so keeps) the households, houses and organisations of my grids — only mine — and
 * the members of the households and houses, while there is a signal.
 */
export async function keepMyRecords(user: CurrentUser): Promise<number> {
  const { mine } = await loadMyGrids(user);
  let count = 0;
  for (const kind of FIELD_RECORD_KINDS)
    for (const grid of mine) {
      const records = await recordsOfGrid(kind, grid.id).catch(() => []);
      count += records.length;
      if (kind === 'organisation') continue;
      for (const record of records) {
        // Members change seldom: a copy kept in the last half day is fresh enough.
        const kept = await loadRead(`/api/${RECORD_SEGMENTS[kind]}/${record.id}/members`);
        if (kept && Date.now() - Date.parse(kept.savedAt) < MEMBERS_FRESH_MS) continue;
        await membersOf(kind, record.id).catch(() => []);
      }
    }
  return count;
}

let keeping: { userId: string; done: Promise<void> } | null = null;

/**
 * Keeps my grids' people and records on the phone, once a page load per worker (the home page
 * asks each time it opens); a failed round (no signal) is tried again next time.
 */
export function keepMyGridsOnce(user: CurrentUser): Promise<void> {
  if (keeping?.userId === user.id) return keeping.done;
  const done = keepMyPeople(user)
    .then(() => keepMyRecords(user))
    .then(
      () => undefined,
      () => {
        keeping = null;
      },
    );
  keeping = { userId: user.id, done };
  return done;
}

/** After a wipe: the next home page keeps them again. */
export function forgetKeptGrids(): void {
  keeping = null;
}

/** One record of my grids: the server's when there is a signal, else the kept copy. */
export async function findRecord(user: CurrentUser, kind: FieldRecordKind, id: string): Promise<RecordView | null> {
  try {
    return (await cachedGet<RecordView>(`/api/${RECORD_SEGMENTS[kind]}/${id}`)).data;
  } catch {
    const { mine } = await loadMyGrids(user).catch(() => ({ mine: [] as Grid[] }));
    for (const grid of mine) {
      const record = (await recordsOfGrid(kind, grid.id).catch(() => [])).find((candidate) => candidate.id === id);
      if (record) return record;
    }
    return null;
  }
}

/** Ray casting on the outer ring, in degrees: enough for grids a few hundred metres across. */
export function gridContaining(grids: readonly Grid[], lon: number, lat: number): Grid | null {
  for (const grid of grids) {
    const ring = grid.boundary?.coordinates[0];
    if (!ring) continue;
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (inside) return grid;
  }
  return null;
}

// The grids this worker looks after and the people in them, kept on the phone for reading with no
// signal. The server scopes every answer to the worker; the app only keeps what it was given.
import { useEffect, useState } from 'react';
import type { CurrentUser, Grid, OrgUnit, PersonView } from '@gridwork/core';
import { cachedGet } from '../../lib/cached-read.js';

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

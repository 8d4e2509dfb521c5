// What the visit and arrival forms need with no signal, kept on the phone while there is one: the
// event categories (for an event raised on a visit) and the rental houses (出租屋) of my grids.
import type { Category, CurrentUser, Grid, RecordView } from '@gridwork/core';
import { cachedGet } from '../../lib/cached-read.js';
import { loadMyGrids } from '../grid/my-grids.js';

/** Rental houses kept per grid: the first page covers a village grid. */
const HOUSES_PER_GRID = 100;

export async function rentalHousesOf(grids: readonly Grid[]): Promise<RecordView[]> {
  const houses: RecordView[] = [];
  for (const grid of grids) {
    const answer = await cachedGet<{ items: RecordView[] }>('/api/houses', {
      gridId: grid.id,
      category: 'rental',
      limit: HOUSES_PER_GRID,
    }).catch(() => null);
    houses.push(...(answer?.data.items ?? []));
  }
  return houses;
}

export async function keepForFieldWork(user: CurrentUser): Promise<void> {
  await cachedGet<{ items: Category[] }>('/api/event-categories');
  await rentalHousesOf((await loadMyGrids(user)).mine);
}

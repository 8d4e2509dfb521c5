// The grid a GPS point lies in: the server's answer when there is a signal, else the boundaries of
// the worker's grids kept on the phone.
import { api } from '@gridwork/client';
import type { Grid } from '@gridwork/core';
import { gridContaining } from '../grid/my-grids.js';
import { isOnline } from '../../lib/network.js';

export async function locateGrid(lon: number, lat: number, keptGrids: readonly Grid[]): Promise<Grid | null> {
  if (isOnline()) {
    try {
      return (await api.get<{ grid: Grid | null }>('/api/grids/locate', { lon, lat })).grid;
    } catch {
      // fall through to the kept boundaries
    }
  }
  return gridContaining(keptGrids, lon, lat);
}

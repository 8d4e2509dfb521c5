// Signing out of a shared or handed-over phone leaves nothing of the worker on it: the outbox and
// every kept copy are wiped (after the worker agreed to lose what has not gone up yet).
import { api } from '@gridwork/client';
import { wipeFieldDb } from '../../lib/field-db.js';
import { forgetUser } from '../../lib/device-memory.js';
import { forgetKeptGrids } from '../grid/my-grids.js';

export async function signOutAndWipe(): Promise<void> {
  // With no signal the session ends at its expiry; the phone forgets it now.
  await api.signOut().catch(() => undefined);
  await wipeFieldDb();
  forgetKeptGrids();
  forgetUser();
}

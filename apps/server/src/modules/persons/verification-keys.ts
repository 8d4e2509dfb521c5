// A verification (复核) sent with the outbox's client key lands once: a repeat by the same worker of
// the same record is "already applied by you" (answered with the record as it is now), whereas a
// stale version without a known key is someone else's change (409). A key met on another record
// or from another account is a client's mistake, named as such.
import { DomainError } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { findVerificationKey, insertVerificationKey } from './verification-keys.repo.js';

/** Whether this worker's verification with this key already landed on this record. */
export async function appliedBefore(trx: Executor, session: AuthenticatedSession, objectId: string, clientKey: string): Promise<boolean> {
  const seen = await findVerificationKey(trx, clientKey);
  if (!seen) return false;
  if (seen.object_id !== objectId || seen.actor_id !== session.user.id) throw new DomainError('VALIDATION_FAILED', { field: 'clientKey', summary: 'clientKey' });
  return true;
}

/**
 * Runs a verification; when it fails (a 409 or the key's unique row) while a twin request with the
 * same key committed first — a phone resending after a reload, the first still in flight — the
 * twin's result stands: the record as it is now, not a conflict with itself.
 */
export async function verifyOnce<T>(
  db: Executor,
  session: AuthenticatedSession,
  objectId: string,
  clientKey: string | undefined,
  verify: () => Promise<T>,
  current: () => Promise<T>,
): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    if (!clientKey || (error instanceof DomainError && error.code !== 'PERSON_CHANGED' && error.code !== 'RECORD_CHANGED')) throw error;
    const seen = await findVerificationKey(db, clientKey);
    if (seen?.object_id === objectId && seen.actor_id === session.user.id) return current();
    throw error;
  }
}

export { insertVerificationKey };

// The phone's own store: the outbox of writes waiting for a signal, and copies of what the worker
// reads (their grids, people, events) so the app still shows them with no signal. Both are wiped
// at sign-out; photos wait here as blobs until they are uploaded.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from '../features/outbox/outbox.types.js';

export interface CachedRead {
  readonly key: string;
  readonly value: unknown;
  readonly savedAt: string;
}

interface FieldDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  reads: { key: string; value: CachedRead };
}

let opening: Promise<IDBPDatabase<FieldDb>> | null = null;

export function fieldDb(): Promise<IDBPDatabase<FieldDb>> {
  opening ??= openDB<FieldDb>('gridwork-field', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' });
      db.createObjectStore('reads', { keyPath: 'key' });
    },
  });
  return opening;
}

export async function saveRead(key: string, value: unknown): Promise<void> {
  await (await fieldDb()).put('reads', { key, value, savedAt: new Date().toISOString() });
}

export async function loadRead<T>(key: string): Promise<{ value: T; savedAt: string } | null> {
  const row = await (await fieldDb()).get('reads', key);
  return row ? { value: row.value as T, savedAt: row.savedAt } : null;
}

/**
 * Everything this device keeps of the worker — kept records, people and events, the outbox and the
 * photos waiting in it: at sign-out, nothing of theirs stays on the phone.
 */
export async function wipeFieldDb(): Promise<void> {
  const db = await fieldDb();
  for (const store of [...db.objectStoreNames]) await db.clear(store);
}

/**
 * The copies kept for reading (not the outbox): when another worker signs in on this phone they
 * must not read the previous worker's grids; the previous worker's outbox stays, unsent, for them.
 */
export async function wipeKeptReads(): Promise<void> {
  await (await fieldDb()).clear('reads');
}

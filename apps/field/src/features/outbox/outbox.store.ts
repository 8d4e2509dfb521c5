// The outbox in IndexedDB: items are added by the screens, changed by the sender, and every change
// is announced so that badges and lists follow.
import { fieldDb } from '../../lib/field-db.js';
import { rememberedUser } from '../../lib/device-memory.js';
import type { OutboxItem, PendingPhoto } from './outbox.types.js';

const changes = new EventTarget();
let lastSeq = 0;

export function onOutboxChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

function announce(): void {
  changes.dispatchEvent(new Event('change'));
}

/** A sequence number that orders items even when two are made in the same millisecond. */
export function nextSeq(): number {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  return lastSeq;
}

export function newClientKey(): string {
  return crypto.randomUUID();
}

/** What every new item starts with: its key, its place in the order, its label and photos, waiting, untried. */
export function freshOutboxFields(label: string, key: string = newClientKey(), photos: readonly Blob[] = []) {
  return {
    key,
    seq: nextSeq(),
    label,
    state: 'waiting' as const,
    message: null,
    attempts: 0,
    createdAt: new Date().toISOString(),
    sentAt: null,
    photos: pendingPhotos(photos),
  };
}

export function pendingPhotos(blobs: readonly Blob[]): PendingPhoto[] {
  return blobs.map((blob) => ({ blob, uploadedId: null }));
}

export async function listOutbox(): Promise<OutboxItem[]> {
  const items = await (await fieldDb()).getAll('outbox');
  return items.sort((a, b) => a.seq - b.seq);
}

export async function getOutboxItem(key: string): Promise<OutboxItem | undefined> {
  return (await fieldDb()).get('outbox', key);
}

/**
 * Saves an item (new or changed). A new item without its maker is stamped with the worker signed
 * in on this phone: only that worker's session sends it.
 */
export async function putOutboxItem(item: OutboxItem): Promise<void> {
  const user = item.owner ? null : rememberedUser();
  await (await fieldDb()).put('outbox', user ? { ...item, owner: { id: user.id, name: user.displayName } } : item);
  announce();
}

/** Whether the signed-in worker may send the item (their own, or one made before items had owners). */
export function isOwnedBy(item: OutboxItem, userId: string | undefined): boolean {
  return !item.owner || item.owner.id === userId;
}

export async function discardOutboxItem(key: string): Promise<void> {
  await (await fieldDb()).delete('outbox', key);
  announce();
}

/** Sent items stay listed for a day so the worker sees them go through, then leave. */
export async function pruneSentItems(now = Date.now()): Promise<void> {
  const db = await fieldDb();
  const dayAgo = now - 24 * 3600 * 1000;
  const old = (await db.getAll('outbox')).filter(
    (item) => item.state === 'sent' && item.sentAt && Date.parse(item.sentAt) < dayAgo,
  );
  for (const item of old) await db.delete('outbox', item.key);
  if (old.length > 0) announce();
}

export function announceOutboxChange(): void {
  announce();
}

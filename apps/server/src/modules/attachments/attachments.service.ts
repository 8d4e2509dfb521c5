// What records that carry attachments need: checking that the ids a caller names are theirs to
// attach, and the references to show.
import { DomainError, attachmentUrl, type AttachmentRef } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import * as repo from './attachments.repo.js';

/**
 * Throws ATTACHMENT_NOT_FOUND (naming the first bad id) unless every id exists and was uploaded by
 * the caller — or is already held by the record being edited (`alreadyHeld`).
 */
export async function requireOwnAttachments(db: Executor, ids: readonly string[], accountId: string, alreadyHeld: readonly string[] = []): Promise<void> {
  const wanted = ids.filter((id) => !alreadyHeld.includes(id));
  const found = new Set((await repo.attachmentsUploadedBy(db, wanted, accountId)).map((row) => row.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw new DomainError('ATTACHMENT_NOT_FOUND', { attachmentId: missing });
}

/** The references of the given attachments, in the order of `ids`. */
export async function attachmentRefs(db: Executor, ids: readonly string[]): Promise<AttachmentRef[]> {
  const rows = new Map((await repo.attachmentsByIds(db, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [{ id: row.id, name: row.name, mime: row.mime, bytes: row.bytes, url: attachmentUrl(row.id) }] : [];
  });
}

// Attachment rows: who uploaded which content under which name.
import type { Executor } from '../../db/schema.js';
import type { AttachmentTable } from '../../db/tables/calendar.table.js';

export async function insertAttachment(db: Executor, row: AttachmentTable): Promise<void> {
  await db.insertInto('attachment').values(row).execute();
}

export function findAttachment(db: Executor, id: string) {
  return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The attachments among `ids` that exist and were uploaded by `accountId`: what a record being written may refer to. */
export function attachmentsUploadedBy(db: Executor, ids: readonly string[], accountId: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachment').selectAll().where('id', 'in', ids).where('uploaded_by', '=', accountId).execute();
}

/** Attachments by id, for showing the ones a record holds. */
export function attachmentsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachment').selectAll().where('id', 'in', ids).execute();
}

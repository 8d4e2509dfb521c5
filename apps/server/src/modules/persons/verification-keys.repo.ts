// The client keys of verifications (people and registry records alike).
import type { Executor } from '../../db/schema.js';
import type { VerificationKeyTable } from '../../db/tables/verification-key.table.js';

export function findVerificationKey(db: Executor, clientKey: string) {
  return db.selectFrom('verification_key').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
}

export async function insertVerificationKey(db: Executor, row: VerificationKeyTable): Promise<void> {
  await db.insertInto('verification_key').values(row).execute();
}

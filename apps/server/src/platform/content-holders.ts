// Who may open a photo or an attachment: the one who uploaded it, or anyone who may see a record
// holding it. Each capability that keeps photos or attachments contributes a holder check (a
// query of its own repo within the caller's scope); the file routes ask them in turn.
import type { AuthenticatedSession } from '../modules/auth/auth.service.js';
import type { Executor } from '../db/schema.js';

export type ContentHolder = (db: Executor, session: AuthenticatedSession, id: string) => Promise<boolean>;

/** Whether any holder lets the caller see the content. */
export async function anyHolderAllows(holders: readonly ContentHolder[], db: Executor, session: AuthenticatedSession, id: string): Promise<boolean> {
  for (const holder of holders) {
    if (await holder(db, session, id)) return true;
  }
  return false;
}

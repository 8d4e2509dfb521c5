// Who may open a photo of a publicity activity: a caller who may read publicity and has the
// activity within their scope (registered among the app's photo holder checks).
import { can } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { scopeHoldsPhoto } from './publicity.repo.js';

export async function publicityPhotoHolder(db: Executor, session: AuthenticatedSession, photoId: string): Promise<boolean> {
  if (!can(session.user.role, 'publicity.read')) return false;
  return scopeHoldsPhoto(db, session.user.orgPath, photoId);
}

// Who may open a photo of a station inspection: a caller who may read station standards and has
// the inspection within their scope (registered among the app's photo holder checks).
import { can } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { scopeHoldsPhoto } from './stations.repo.js';

export async function stationPhotoHolder(db: Executor, session: AuthenticatedSession, photoId: string): Promise<boolean> {
  if (!can(session.user.role, 'station.read')) return false;
  return scopeHoldsPhoto(db, session.user.orgPath, photoId);
}

// Who may open a training material: whoever reads the session (its organisers and readers within
// scope), and the trainees it invites or who attended it.
import { can, isInvited } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { ContentHolder } from '../../platform/content-holders.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './training.repo.js';
import { visibilityOf } from './training.service.js';
import { audienceOf } from './training-views.js';

export const trainingAttachmentHolder: ContentHolder = async (db: Executor, session: AuthenticatedSession, id: string) => {
  const sessions = await repo.sessionsHoldingAttachment(db, id);
  if (sessions.length === 0) return false;
  const { above, within } = visibilityOf(session);
  const user = session.user;
  for (const row of sessions) {
    const organisedAbove = above.includes(row.organiser_path);
    if (can(user.role, 'training.read') && (organisedAbove || row.organiser_path.startsWith(within))) return true;
    if (!can(user.role, 'training.attend') || !organisedAbove) continue;
    if (isInvited(audienceOf(row), { role: user.role, orgPath: user.orgPath, departmentId: session.departmentId })) return true;
    if (await repo.findAttendance(db, row.id, user.id)) return true;
  }
  return false;
};

// Who may open a photo or attachment of an information report besides its uploader: anyone who
// may read a report holding it (its township, and the county once it was submitted).
import { can } from '@gridwork/core';
import type { ContentHolder } from '../../platform/content-holders.js';
import * as repo from './info-reports.repo.js';
import { reportViewOf } from './info-reports.service.js';

export const infoReportPhotoHolder: ContentHolder = async (db, session, photoId) =>
  can(session.user.role, 'info_report.read') && (await repo.visibleReportWithPhoto(db, reportViewOf(session), photoId));

export const infoReportAttachmentHolder: ContentHolder = async (db, session, attachmentId) =>
  can(session.user.role, 'info_report.read') && (await repo.visibleReportWithAttachment(db, reportViewOf(session), attachmentId));

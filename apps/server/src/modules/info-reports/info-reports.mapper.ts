// An information report as the API shows it: names beside ids, photo and attachment links, history.
import { attachmentUrl, type InfoReport, type InfoReportHistoryEntry, type InfoReportSummary } from '@gridwork/core';
import type { InfoReportHistoryTable, InfoReportTable } from '../../db/tables/info-report.table.js';
import { photoUrl } from '../events/events.mapper.js';

/** Names looked up once for a page of reports. */
export interface ReportNames {
  readonly units: ReadonlyMap<string, string>;
  readonly accounts: ReadonlyMap<string, string>;
}

export function toInfoReportSummary(row: InfoReportTable, names: ReportNames): InfoReportSummary {
  return {
    id: row.id,
    townshipId: row.township_id,
    townshipName: names.units.get(row.township_id) ?? '',
    path: row.path,
    title: row.title,
    category: row.category,
    status: row.status,
    level: row.level,
    subjectAccountId: row.subject_account_id,
    subjectName: row.subject_account_id ? (names.accounts.get(row.subject_account_id) ?? null) : null,
    authorId: row.author_id,
    authorName: names.accounts.get(row.author_id) ?? '',
    submittedAt: row.submitted_at,
    firstSubmittedAt: row.first_submitted_at,
    adoptedAt: row.adopted_at,
    returnedNote: row.returned_note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toInfoReport(
  row: InfoReportTable,
  names: ReportNames,
  photoIds: readonly string[],
  attachments: readonly { id: string; name: string; mime: string; bytes: number }[],
  history: readonly (InfoReportHistoryTable & { actor_name: string })[],
): InfoReport {
  return {
    ...toInfoReportSummary(row, names),
    body: row.body,
    photos: photoIds.map((id) => ({ id, url: photoUrl(id) })),
    attachments: attachments.map((file) => ({ id: file.id, name: file.name, mime: file.mime, bytes: Number(file.bytes), url: attachmentUrl(file.id) })),
    history: history.map(
      (entry): InfoReportHistoryEntry => ({
        action: entry.action,
        fromStatus: entry.from_status,
        toStatus: entry.to_status,
        level: entry.level,
        note: entry.note,
        actorId: entry.actor_id,
        actorName: entry.actor_name,
        at: entry.at,
        version: entry.version,
      }),
    ),
  };
}

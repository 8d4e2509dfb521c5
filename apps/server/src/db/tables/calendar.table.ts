// The working calendar's exceptions and the attachments of daily-operations records. See migration 0015.
import type { CalendarDayKind } from '@gridwork/core';

export interface WorkingDayTable {
  /** Shanghai date, YYYY-MM-DD. */
  date: string;
  kind: CalendarDayKind;
  /** e.g. 国庆节, 春节调休. */
  name: string;
  updated_by: string | null;
  updated_at: string;
}

export interface AttachmentTable {
  /** UUIDv7. */
  id: string;
  /** Names the stored file (one copy per content). */
  sha256: string;
  /** The file name the uploader gave, shown and used on download. */
  name: string;
  mime: string;
  bytes: number;
  uploaded_by: string;
  created_at: string;
}

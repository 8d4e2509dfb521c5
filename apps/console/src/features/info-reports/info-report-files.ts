// Uploads for an information report: each photo (POST /api/photos) and attachment
// (POST /api/attachments) is sent on its own before the report that lists their ids.
import { ApiError } from '@gridwork/client';
import type { AttachmentRef } from '@gridwork/core';

async function send<T>(url: string, file: File, contentType: string): Promise<T> {
  const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': contentType }, body: file });
  const payload = (await response.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!response.ok || payload.error) throw new ApiError(response.status, payload.error?.code ?? 'INTERNAL', payload.error?.message ?? response.statusText);
  return payload;
}

export async function uploadReportPhoto(file: File): Promise<string> {
  return (await send<{ id: string }>('/api/photos', file, file.type || 'application/octet-stream')).id;
}

export async function uploadReportAttachment(file: File): Promise<AttachmentRef> {
  return send<AttachmentRef>(`/api/attachments?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
}

/** The status colours the list, the detail and the quota share. */
export const STATUS_COLORS = { draft: 'default', submitted: 'blue', adopted: 'green', returned: 'red' } as const;

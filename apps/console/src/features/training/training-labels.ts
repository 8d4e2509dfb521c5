// What the training pages share: status colours, uploads of materials, and a session's date line.
import { ApiError } from '@gridwork/client';
import type { AttachmentRef, TrainingSession } from '@gridwork/core';

export const TRAINING_STATUS_COLORS = { planned: 'blue', held: 'green', cancelled: 'default' } as const;

/** A material goes up on its own (POST /api/attachments) before the session that lists its id. */
export async function uploadMaterial(file: File): Promise<AttachmentRef> {
  const response = await fetch(`/api/attachments?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  const payload = (await response.json().catch(() => ({}))) as AttachmentRef & { error?: { code: string; message: string } };
  if (!response.ok || payload.error)
    throw new ApiError(response.status, payload.error?.code ?? 'INTERNAL', payload.error?.message ?? response.statusText);
  return payload;
}

export function whenOf(session: Pick<TrainingSession, 'date' | 'startTime' | 'endTime'>): string {
  return `${session.date} ${session.startTime}–${session.endTime}`;
}

/** The address the session's QR code holds: the field app's check-in page. */
export function checkInUrl(session: Pick<TrainingSession, 'id' | 'signInToken'>): string {
  return `${location.origin}/m/training/check-in?s=${encodeURIComponent(session.id)}&t=${encodeURIComponent(session.signInToken ?? '')}`;
}

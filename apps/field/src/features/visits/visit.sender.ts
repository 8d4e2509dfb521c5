// Sends a visit from the outbox: its photos, then the event raised from it (if the situation was
// abnormal; the event's own client key makes a repeat harmless and its id is kept at once), then
// the visit naming that event. The visit's client key makes a repeated send land once; a refusal
// (out of my grids, a time the server does not accept) waits for the worker as 需处理.
import { ApiError, api } from '@gridwork/client';
import type { EventView, Visit } from '@gridwork/core';
import type { PendingPhoto, RecordVisitItem } from '../outbox/outbox.types.js';

export type UploadPhotos = (
  photos: readonly PendingPhoto[],
  saved: (photos: PendingPhoto[]) => Promise<void>,
) => Promise<string[]>;

export async function deliverVisit(
  item: RecordVisitItem,
  save: (item: RecordVisitItem) => Promise<void>,
  uploadPhotos: UploadPhotos,
): Promise<Visit> {
  let current = item;
  const photoIds = await uploadPhotos(current.photos, async (photos) =>
    save((current = { ...current, photos })),
  );
  const raised = current.raisedEvent;
  if (raised && !raised.eventId) {
    const event = await api.post<EventView>('/api/events', {
      ...raised.body,
      ...(photoIds.length > 0 ? { photoIds } : {}),
    });
    await save((current = { ...current, raisedEvent: { ...raised, eventId: event.id } }));
  }
  const eventId = current.raisedEvent?.eventId;
  const send = () =>
    api.post<Visit>('/api/visits', {
      ...current.body,
      ...(eventId ? { eventId } : {}),
      ...(photoIds.length > 0 ? { photoIds } : {}),
    });
  try {
    return await send();
  } catch (error) {
    // The visit took place: when its schedule closed meanwhile (another visit, a plan change), it
    // counts for the person's open schedules instead of waiting for the worker.
    if (!(error instanceof ApiError) || error.code !== 'VISIT_SCHEDULE_INVALID' || !current.body.scheduleId)
      throw error;
    const { scheduleId: _closed, ...unscheduled } = current.body;
    await save((current = { ...current, body: unscheduled }));
    return send();
  }
}

// Sends the outbox in order whenever there is a signal. Photos go up first (their ids are the
// SHA-256 of the bytes, so a repeat is harmless), then the write itself with its client key. A
// refusal from the server waits for the worker (需处理), never silently dropped; no signal keeps the
// item waiting and tries again with growing pauses and at the `online` event; 401 stops everything
// until the worker signs in again.
import { ApiError, api } from '@gridwork/client';
import type { EventTimelineEntry, EventView, PersonView, RecordView } from '@gridwork/core';
import { fieldLocale, t } from '../../app/i18n.js';
import { rememberedUser } from '../../lib/device-memory.js';
import { RECORD_SEGMENTS } from '../grid/record-kinds.js';
import {
  isOnline,
  isTransient,
  messageOf,
  noteFailure,
  onReachable,
  reportNetworkSuccess,
} from '../../lib/network.js';
import {
  announceOutboxChange,
  getOutboxItem,
  isOwnedBy,
  listOutbox,
  pruneSentItems,
  putOutboxItem,
} from './outbox.store.js';
import {
  isPending,
  type EventActionItem,
  type OutboxItem,
  type PendingPhoto,
  type RegisterArrivalItem,
  type RegisterDepartureItem,
  type ReportEventItem,
  type VerifyPersonItem,
  type VerifyRecordItem,
} from './outbox.types.js';
import { deliverVisit } from '../visits/visit.sender.js';
import { deliverFloatingArrival, deliverFloatingDeparture } from '../floating/floating.sender.js';
import { deliverTrainingCheckIn } from '../training/training.sender.js';
import { deliverSurveyAnswer } from '../surveys/survey.sender.js';

const MAX_PAUSE_MS = 60_000;

let running = false;
let again = false;
let pausedForSignIn = false;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

export function isPausedForSignIn(): boolean {
  return pausedForSignIn;
}

/** After the worker signed in again: sending resumes. */
export function resumeAfterSignIn(): void {
  pausedForSignIn = false;
  announceOutboxChange();
  void flushOutbox();
}

/** Sends what waits; a call while sending makes one more pass afterwards. */
export async function flushOutbox(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      await sendWaitingItems();
    } while (again);
  } finally {
    running = false;
  }
}

/** Starts the sender for this page: now, when the signal comes back, and when the app is shown again. */
export function startOutboxSender(): () => void {
  const kick = () => {
    failures = 0;
    void flushOutbox();
  };
  const onVisible = () => document.visibilityState === 'visible' && kick();
  const stopListening = onReachable(kick);
  document.addEventListener('visibilitychange', onVisible);
  void pruneSentItems();
  kick();
  return () => {
    stopListening();
    document.removeEventListener('visibilitychange', onVisible);
    clearTimeout(retryTimer);
  };
}

function retryLater(): void {
  failures += 1;
  const pause = Math.min(MAX_PAUSE_MS, 2000 * 2 ** (failures - 1)) * (0.75 + Math.random() / 2);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushOutbox(), pause);
}

async function sendWaitingItems(): Promise<void> {
  if (pausedForSignIn || !isOnline()) return;
  // Only the signed-in worker's items: another worker's wait for them to sign in on this phone.
  const me = rememberedUser()?.id;
  const items = (await listOutbox()).filter((item) => isPending(item) && isOwnedBy(item, me));
  for (const listed of items) {
    // The worker may have discarded or edited it meanwhile.
    const item = await getOutboxItem(listed.key);
    if (!item || !isPending(item) || !isOwnedBy(item, me)) continue;
    const outcome = await sendItem(item);
    if (outcome === 'stop') return;
  }
  failures = 0;
}

async function sendItem(item: OutboxItem): Promise<'next' | 'stop'> {
  let current: OutboxItem = { ...item, state: 'sending', attempts: item.attempts + 1 };
  await putOutboxItem(current);
  const save = async (next: OutboxItem) => {
    current = next;
    await putOutboxItem(next);
  };
  try {
    await deliver(current, save);
    reportNetworkSuccess();
    await putOutboxItem({
      ...stripBlobs(current),
      state: 'sent',
      message: null,
      sentAt: new Date().toISOString(),
    });
    return 'next';
  } catch (error) {
    noteFailure(error);
    if (error instanceof ApiError && error.status === 401) {
      pausedForSignIn = true;
      await putOutboxItem({
        ...current,
        state: 'waiting',
        message: t('登录已失效，重新登录后继续上传', 'Signed out: sending resumes after you sign in again'),
      });
      return 'stop';
    }
    if (isTransient(error)) {
      await putOutboxItem({ ...current, state: 'waiting', message: messageOf(error) });
      retryLater();
      return 'stop';
    }
    if (error instanceof ApiError && error.status === 409 && (await landedEarlier(current))) {
      await putOutboxItem({
        ...stripBlobs(current),
        state: 'sent',
        message: null,
        sentAt: new Date().toISOString(),
      });
      return 'next';
    }
    await putOutboxItem({ ...current, state: 'attention', message: messageOf(error) });
    return 'next';
  }
}

function stripBlobs<T extends OutboxItem>(item: T): T {
  const strip = (photos: readonly PendingPhoto[]) =>
    photos.map((photo) => ({ blob: null, uploadedId: photo.uploadedId }));
  if (item.kind === 'report_event')
    return {
      ...item,
      photos: strip(item.photos),
      onSpot: item.onSpot && { ...item.onSpot, photos: strip(item.onSpot.photos) },
    };
  return { ...item, photos: strip(item.photos) };
}

type Save = (item: OutboxItem) => Promise<void>;

async function deliver(item: OutboxItem, save: Save): Promise<void> {
  switch (item.kind) {
    case 'report_event':
      return deliverReport(item, save);
    case 'event_action':
      return deliverEventAction(item, save);
    case 'verify_person':
      return deliverPersonVerification(item);
    case 'verify_record':
      return deliverRecordVerification(item);
    case 'record_visit':
      return void (await deliverVisit(item, save, uploadPhotos));
    case 'floating_arrival':
      return void (await deliverFloatingArrival(item));
    case 'floating_departure':
      return void (await deliverFloatingDeparture(item));
    case 'register_arrival':
      return deliverArrival(item, save);
    case 'register_departure':
      return deliverDeparture(item);
    case 'training_check_in':
      return void (await deliverTrainingCheckIn(item));
    case 'survey_answer':
      return void (await deliverSurveyAnswer(item));
    default:
      return assertNever(item);
  }
}

function assertNever(value: never): never {
  throw new TypeError(`unknown outbox item ${JSON.stringify(value)}`);
}

async function uploadPhotos(
  photos: readonly PendingPhoto[],
  saved: (photos: PendingPhoto[]) => Promise<void>,
): Promise<string[]> {
  const done = [...photos];
  for (const [index, photo] of done.entries()) {
    if (photo.uploadedId || !photo.blob) continue;
    done[index] = { ...photo, uploadedId: await uploadPhoto(photo.blob) };
    await saved(done);
  }
  return done.flatMap((photo) => (photo.uploadedId ? [photo.uploadedId] : []));
}

/** One photo as its bare bytes (the server reads the type from them). */
async function uploadPhoto(blob: Blob): Promise<string> {
  const response = await fetch('/api/photos', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Accept-Language': fieldLocale(),
      'Content-Type':
        blob.type === 'image/jpeg' || blob.type === 'image/png' || blob.type === 'image/webp'
          ? blob.type
          : 'application/octet-stream',
    },
    body: blob,
  });
  const payload = (await response.json().catch(() => null)) as {
    id?: string;
    error?: { code: string; message: string };
  } | null;
  if (!response.ok || !payload?.id)
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'INTERNAL',
      payload?.error?.message ?? response.statusText,
    );
  return payload.id;
}

async function deliverReport(item: ReportEventItem, save: Save): Promise<void> {
  let current = item;
  if (!current.eventId) {
    const photoIds = await uploadPhotos(current.photos, async (photos) =>
      save((current = { ...current, photos })),
    );
    const event = await api.post<EventView>('/api/events', {
      ...current.body,
      ...(photoIds.length > 0 ? { photoIds } : {}),
    });
    await save((current = { ...current, eventId: event.id }));
  }
  if (current.onSpot && current.eventId) {
    const onSpot = current.onSpot;
    const photoIds = await uploadPhotos(onSpot.photos, async (photos) =>
      save((current = { ...current, onSpot: { ...onSpot, photos } })),
    );
    await api.post<EventView>(`/api/events/${current.eventId}/actions`, {
      action: 'resolve_on_spot',
      result: onSpot.result,
      photoIds,
    });
  }
}

async function deliverEventAction(item: EventActionItem, save: Save): Promise<void> {
  let current = item;
  const photoIds = await uploadPhotos(current.photos, async (photos) =>
    save((current = { ...current, photos })),
  );
  await api.post<EventView>(`/api/events/${item.eventId}/actions`, {
    ...item.body,
    ...(photoIds.length > 0 ? { photoIds } : {}),
  });
}

/**
 * Registers the person, then (if named) adds them to the rental house as tenant. A document number
 * already registered in my area is this arrival landing earlier (its answer lost): the person found
 * by it carries on; one registered elsewhere is the server's refusal for the worker to see.
 */
async function deliverArrival(item: RegisterArrivalItem, save: Save): Promise<void> {
  let current = item;
  if (!current.personId) {
    let personId: string;
    try {
      personId = (await api.post<PersonView>('/api/persons', current.body)).id;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      const { items } = await api.get<{ items: PersonView[] }>('/api/persons', {
        idNumber: current.body.idNumber,
        limit: 1,
      });
      if (!items[0] || items[0].name !== current.body.name) throw error;
      personId = items[0].id;
    }
    await save((current = { ...current, personId }));
  }
  if (current.houseId && current.personId) {
    const { items } = await api.get<{ items: { personId: string; relation: string }[] }>(
      `/api/houses/${current.houseId}/members`,
    );
    if (!items.some((member) => member.personId === current.personId)) {
      await api.put(`/api/houses/${current.houseId}/members`, {
        members: [
          ...items.map((member) => ({ personId: member.personId, relation: member.relation })),
          { personId: current.personId, relation: 'tenant' },
        ],
      });
    }
  }
}

async function deliverDeparture(item: RegisterDepartureItem): Promise<void> {
  await api.patch<PersonView>(`/api/persons/${item.personId}`, item.body);
}

/**
 * Verifications carry the item's key as their client key: a repeat of one that landed (its answer
 * lost) is answered as done, so a 409 is always someone else's change, for the worker to resolve.
 */
async function deliverPersonVerification(item: VerifyPersonItem): Promise<void> {
  await api.post<PersonView>(`/api/persons/${item.personId}/verify`, { ...item.body, clientKey: item.key });
}

async function deliverRecordVerification(item: VerifyRecordItem): Promise<void> {
  await api.post<RecordView>(`/api/${RECORD_SEGMENTS[item.recordKind]}/${item.recordId}/verify`, {
    ...item.body,
    clientKey: item.key,
  });
}

/**
 * A 409 after an earlier attempt may only mean that attempt landed and its answer was lost on the
 * way back (actions and verifications carry no client key): check before troubling the worker.
 */
async function landedEarlier(item: OutboxItem): Promise<boolean> {
  if (item.attempts < 2) return false;
  try {
    switch (item.kind) {
      case 'report_event': {
        if (!item.eventId || !item.onSpot) return false;
        const event = await api.get<EventView>(`/api/events/${item.eventId}`);
        return event.status === 'closed';
      }
      case 'event_action': {
        const { items } = await api.get<{ items: EventTimelineEntry[] }>(
          `/api/events/${item.eventId}/timeline`,
        );
        // Mine landed when the step out of 处置完毕 (handled) was this very check, made by me: no
        // comparison with the phone's clock, which may be off.
        const left = items.filter((entry) => entry.fromStatus === 'handled').at(-1);
        return left?.action === item.body.action && left.actor?.id === rememberedUser()?.id;
      }
      // Sent with client keys: a landed repeat is answered as done, never a 409.
      case 'verify_person':
      case 'verify_record':
        return false;
      // These carry client keys: a repeat is answered with the first result, never a 409.
      case 'record_visit':
      case 'floating_arrival':
      case 'floating_departure':
      case 'register_arrival':
      case 'training_check_in':
      case 'survey_answer':
        return false;
      case 'register_departure': {
        const person = await api.get<PersonView>(`/api/persons/${item.personId}`);
        return person.status === 'moved_out';
      }
      default:
        return assertNever(item);
    }
  } catch {
    return false;
  }
}

// What waits in the outbox: every write the worker makes in the field, with the client key that
// makes a retry harmless and the photos (as blobs) that go up before it.
import type { CreatePersonBody, ReportEventBody, VerifyPersonBody } from '@gridwork/core';

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'attention';

export const OUTBOX_STATE_LABELS: Readonly<Record<OutboxState, string>> = {
  waiting: '等待上传',
  sending: '上传中',
  sent: '已上传',
  attention: '需处理',
};

export interface PendingPhoto {
  /** The compressed JPEG; dropped once the item is sent. */
  readonly blob: Blob | null;
  /** The server's id (the SHA-256 of the bytes) once uploaded. */
  readonly uploadedId: string | null;
}

interface OutboxBase {
  /** The client key: the report's clientKey, and the item's key in IndexedDB. */
  readonly key: string;
  /** Order of making: items are sent oldest first. */
  readonly seq: number;
  /** What the worker sees in the outbox. */
  readonly label: string;
  readonly state: OutboxState;
  /** The server's words when it refused, or the last network trouble. */
  readonly message: string | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly photos: readonly PendingPhoto[];
}

export interface ReportEventItem extends OutboxBase {
  readonly kind: 'report_event';
  readonly body: Omit<ReportEventBody, 'photoIds'>;
  /** Resolved on the spot (自行处置): the result and the after photos. */
  readonly onSpot: { readonly result: string; readonly photos: readonly PendingPhoto[] } | null;
  /** The event's id once the report landed (the on-the-spot step then follows). */
  readonly eventId: string | null;
  readonly gridName: string | null;
}

export type VerifyEventAction = 'verify_pass' | 'verify_fail';

export interface EventActionItem extends OutboxBase {
  readonly kind: 'event_action';
  readonly eventId: string;
  readonly body: { readonly action: VerifyEventAction; readonly note?: string };
}

export interface VerifyPersonItem extends OutboxBase {
  readonly kind: 'verify_person';
  readonly personId: string;
  readonly body: VerifyPersonBody;
}

/** A floating person's arrival (来): registered in my grid, and as tenant of a rental house when one is named. */
export interface RegisterArrivalItem extends OutboxBase {
  readonly kind: 'register_arrival';
  readonly body: CreatePersonBody;
  readonly houseId: string | null;
  /** The person's id once registered (the tenancy then follows). */
  readonly personId: string | null;
}

/** A departure (去): the person moved out, with where to. */
export interface RegisterDepartureItem extends OutboxBase {
  readonly kind: 'register_departure';
  readonly personId: string;
  readonly body: { readonly version: number; readonly status: 'moved_out'; readonly reason: string };
}

export type OutboxItem =
  ReportEventItem | EventActionItem | VerifyPersonItem | RegisterArrivalItem | RegisterDepartureItem;

/** An item still to go: not sent, and not waiting for the worker's decision. */
export function isPending(item: OutboxItem): boolean {
  return item.state === 'waiting' || item.state === 'sending';
}

/** An item the worker would lose at sign-out. */
export function isUnsent(item: OutboxItem): boolean {
  return item.state !== 'sent';
}

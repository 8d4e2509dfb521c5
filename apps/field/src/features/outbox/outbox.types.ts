// What waits in the outbox: every write the worker makes in the field, with the client key that
// makes a retry harmless and the photos (as blobs) that go up before it.
import type {
  ArrivalBody,
  CheckInBody,
  CreatePersonBody,
  CreateSurveyAnswerBody,
  DepartureBody,
  RecordVisitBody,
  ReportEventBody,
  VerifyPersonBody,
  VerifyRecordBody,
} from '@gridwork/core';
import { t } from '../../app/i18n.js';
import type { FieldRecordKind } from '../grid/record-kinds.js';

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'attention';

export const OUTBOX_STATE_LABELS: Readonly<Record<OutboxState, string>> = {
  waiting: t('等待上传', 'Waiting'),
  sending: t('上传中', 'Sending'),
  sent: t('已上传', 'Sent'),
  attention: t('需处理', 'Needs attention'),
};

/** The worker who made an item: only their session sends it. */
export interface OutboxOwner {
  readonly id: string;
  readonly name: string;
}

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
  /** Who made it (stamped by the store when left out); another worker's session never sends it. */
  readonly owner?: OutboxOwner;
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

/** A household's, house's or organisation's verification (复核), its corrections made in the same step. */
export interface VerifyRecordItem extends OutboxBase {
  readonly kind: 'verify_record';
  readonly recordKind: FieldRecordKind;
  readonly recordId: string;
  /** Sent with the item's key as its client key: a repeat is answered as done, not as a conflict. */
  readonly body: Omit<VerifyRecordBody, 'clientKey'>;
}

/** A visit (走访); an abnormal one may raise an event, which goes first (its own client key) and is named by the visit. */
export interface RecordVisitItem extends OutboxBase {
  readonly kind: 'record_visit';
  readonly body: Omit<RecordVisitBody, 'photoIds' | 'eventId'>;
  readonly personName: string;
  /** The event raised from the visit, with the visit's photos; its id once it landed. */
  readonly raisedEvent: { readonly body: Omit<ReportEventBody, 'photoIds'>; readonly eventId: string | null } | null;
}

/** A floating person's arrival (来) through /api/floating/arrivals. */
export interface FloatingArrivalItem extends OutboxBase {
  readonly kind: 'floating_arrival';
  readonly body: ArrivalBody;
}

/** A floating person's departure (去) through /api/floating/departures. */
export interface FloatingDepartureItem extends OutboxBase {
  readonly kind: 'floating_departure';
  readonly personId: string;
  readonly body: DepartureBody;
}

/** Before issue 9 (still sent when found on a phone): an arrival as a new person and a tenancy. */
export interface RegisterArrivalItem extends OutboxBase {
  readonly kind: 'register_arrival';
  readonly body: CreatePersonBody;
  readonly houseId: string | null;
  /** The person's id once registered (the tenancy then follows). */
  readonly personId: string | null;
}

/** Before issue 9 (still sent when found on a phone): a departure as the person moving out. */
export interface RegisterDepartureItem extends OutboxBase {
  readonly kind: 'register_departure';
  readonly personId: string;
  readonly body: { readonly version: number; readonly status: 'moved_out'; readonly reason: string };
}

/** A QR sign-in to a training session (扫码签到); `body.at` is when the worker tapped 签到. */
export interface TrainingCheckInItem extends OutboxBase {
  readonly kind: 'training_check_in';
  readonly body: CheckInBody;
}

/** A survey answer from a visit to a sampled person (入户调查), sent with the item's key as its client key. */
export interface SurveyAnswerItem extends OutboxBase {
  readonly kind: 'survey_answer';
  readonly surveyId: string;
  readonly personName: string;
  readonly body: Omit<CreateSurveyAnswerBody, 'clientKey'>;
}

export type OutboxItem =
  | ReportEventItem
  | EventActionItem
  | VerifyPersonItem
  | VerifyRecordItem
  | RecordVisitItem
  | FloatingArrivalItem
  | FloatingDepartureItem
  | RegisterArrivalItem
  | RegisterDepartureItem
  | TrainingCheckInItem
  | SurveyAnswerItem;

/** An item still to go: not sent, and not waiting for the worker's decision. */
export function isPending(item: OutboxItem): boolean {
  return item.state === 'waiting' || item.state === 'sending';
}

/** An item the worker would lose at sign-out. */
export function isUnsent(item: OutboxItem): boolean {
  return item.state !== 'sent';
}

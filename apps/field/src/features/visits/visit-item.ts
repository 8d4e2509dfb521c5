// A recorded visit as it waits in the outbox: the visit with its own client key and, when the
// worker raised an event from it, the event (its own client key, the visit's place, the person's
// grid and address) that goes up first.
import type { Category, VisitMet, VisitSituation } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { freshOutboxFields, newClientKey } from '../outbox/outbox.store.js';
import type { RecordVisitItem } from '../outbox/outbox.types.js';
import type { Position } from '../report/use-position.js';
import { situationLabel } from './visit-labels.js';
import type { VisitSubject } from './visit-subject.js';

export interface VisitRecord {
  readonly subject: VisitSubject;
  readonly scheduleId: string | null;
  readonly visitedAt: Date;
  readonly position: Position | null;
  readonly met: VisitMet;
  readonly situation: VisitSituation;
  readonly notes: string;
  readonly photos: readonly Blob[];
  /** The category of the event raised from an abnormal visit, and its description (the notes if empty). */
  readonly raise: { readonly category: Category; readonly description: string } | null;
}

function eventTitle(category: Category, name: string): string {
  return t(`走访发现异常：${name}（${category.name}）`, `Found on a visit: ${name} (${category.name})`).slice(
    0,
    100,
  );
}

export function visitItem(record: VisitRecord): RecordVisitItem {
  const { subject, position: fix, raise } = record;
  const key = newClientKey();
  const notes = record.notes.trim();
  const situation = situationLabel(record.situation);
  return {
    kind: 'record_visit',
    ...freshOutboxFields(t(`走访：${subject.name}（${situation}）`, `Visit: ${subject.name} (${situation})`), key, record.photos),
    personName: subject.name,
    body: {
      clientKey: key,
      personId: subject.personId,
      ...(record.scheduleId ? { scheduleId: record.scheduleId } : {}),
      visitedAt: record.visitedAt.toISOString(),
      ...(fix ? { location: { lon: fix.lon, lat: fix.lat, accuracy: fix.accuracy } } : {}),
      met: record.met,
      situation: record.situation,
      ...(notes ? { notes: notes.slice(0, 2000) } : {}),
    },
    raisedEvent: raise
      ? {
          eventId: null,
          body: {
            clientKey: newClientKey(),
            title: eventTitle(raise.category, subject.name),
            description: (raise.description.trim() || notes).slice(0, 4000),
            categoryCode: raise.category.code,
            ...(fix ? { lon: fix.lon, lat: fix.lat } : {}),
            ...(subject.address ? { address: subject.address.slice(0, 200) } : {}),
            ...(subject.gridId ? { gridId: subject.gridId } : {}),
          },
        }
      : null,
  };
}

// The public's side of the event workflow through GeoReport v2: the categories open to the
// public, a new report (filed in the grid of its point, or at the county when it has none), and
// what became of public reports. A reporter's contact details are never shown back.
import {
  EVENT_STATUS_LABELS,
  OPEN_EVENT_STATUSES,
  cellOf,
  containsPoint,
  newId,
  open311Status,
  type GridPolygon,
} from '@gridwork/core';
import type { NewEvent } from '../../db/tables/event.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { detectImageType, stripMetadata, type PhotoStore } from '../../platform/photos.js';
import * as events from '../events/events.repo.js';
import { requestHash } from '../events/events.service.js';
import * as territory from '../territory/territory.repo.js';
import { shanghaiIso, type Open311Error } from './open311.format.js';

export class Open311Failure extends Error {
  constructor(readonly errors: readonly Open311Error[]) {
    super(errors.map((error) => error.description).join('; '));
  }
}

const fail = (code: number, description: string) => new Open311Failure([{ code, description }]);

export const MAX_SPAN_MS = 90 * 86_400_000;
export const MAX_REQUESTS = 1000;

export interface NewRequest {
  readonly serviceCode: string;
  readonly lat: number | null;
  readonly long: number | null;
  readonly addressString: string | null;
  readonly description: string;
  /** Photos sent as multipart `media`: stored without their metadata (where and by whom). */
  readonly media: readonly Buffer[];
  /** Who reported and how to reach them (email, phone, names, device and account ids); sealed at rest. */
  readonly contact: Readonly<Record<string, string>>;
}

export interface Open311ListArgs {
  readonly jurisdictionId: string | undefined;
  readonly ids: readonly string[] | null;
  readonly serviceCodes: readonly string[];
  readonly start: number | null;
  readonly end: number | null;
  readonly status: 'open' | 'closed' | null;
  readonly page: number;
  readonly pageSize: number;
}

export function createOpen311Service(ctx: AppContext, photos: PhotoStore) {
  const { db, clock, audit } = ctx;

  /** The county this instance serves; an unknown jurisdiction_id is a 404. */
  async function county(jurisdictionId: string | undefined) {
    const counties = await events.countyUnits(db.kysely);
    const found = jurisdictionId ? counties.find((unit) => unit.code === jurisdictionId) : counties[0];
    if (!found)
      throw fail(
        404,
        jurisdictionId ? `jurisdiction_id ${jurisdictionId} not found` : 'no jurisdiction is configured',
      );
    return found;
  }

  async function services() {
    return (await events.listCategories(db.kysely)).filter(
      (row) => row.public_allowed === 1 && row.disabled_at === null,
    );
  }

  async function service(code: string) {
    const row = (await services()).find((candidate) => candidate.code === code);
    if (!row) throw fail(404, `service_code ${code} not found`);
    return row;
  }

  async function createRequest(
    jurisdictionId: string | undefined,
    actor: AuditActor,
    input: NewRequest,
  ): Promise<string> {
    const area = await county(jurisdictionId);
    const category = await service(input.serviceCode).catch(() => {
      throw fail(400, `service_code ${input.serviceCode} is not a service of this jurisdiction`);
    });
    const stored = input.media.map((bytes, index) => {
      const mime = detectImageType(bytes);
      if (!mime) throw fail(400, `media ${index + 1} is not a JPEG, PNG or WebP image`);
      return photos.put(stripMetadata(bytes, mime), mime);
    });
    const now = new Date(clock()).toISOString();
    return db.write(async (trx) => {
      let grid: Awaited<ReturnType<typeof territory.gridsWhoseBoxHolds>>[number] | undefined;
      if (input.long !== null && input.lat !== null) {
        const { long, lat } = input;
        const candidates = await territory.gridsWhoseBoxHolds(trx, area.path, cellOf(long, lat), long, lat);
        grid = candidates.find(
          (row) => row.boundary !== null && containsPoint(JSON.parse(row.boundary) as GridPolygon, long, lat),
        );
      }
      const description = input.description.trim();
      const row: NewEvent = {
        id: newId(),
        client_key: newId(),
        client_owner: 'open311',
        request_hash: requestHash({ ...input, media: input.media.length, contact: Object.keys(input.contact) }),
        title: `${category.name_zh}${description ? `：${[...description].slice(0, 30).join('')}` : ''}`.slice(
          0,
          100,
        ),
        description,
        category_code: category.code,
        status: 'reported',
        source: 'public',
        path: grid?.path ?? area.path,
        grid_id: grid?.id ?? null,
        lon: input.long,
        lat: input.lat,
        address: input.addressString,
        reporter_account_id: null,
        caller_name: null,
        contact_sealed: Object.keys(input.contact).length > 0 ? ctx.fieldCrypto().seal(JSON.stringify(input.contact)) : null,
        lead_department_id: null,
        duplicate_of_id: null,
        escalated_at: null,
        step: null,
        step_seq: 0,
        step_started_at: null,
        step_deadline: null,
        next_card_at: null,
        remind_at: null,
        reported_at: now,
        updated_at: now,
        closed_at: null,
      };
      await events.insertEvent(trx, row);
      await events.insertTimeline(trx, {
        event_id: row.id,
        seq: 1,
        action: 'report',
        from_status: null,
        to_status: 'reported',
        actor_id: null,
        actor_name: '群众（Open311）',
        actor_role: null,
        note: null,
        details: JSON.stringify({ source: 'public', gridId: row.grid_id }),
        at: now,
      });
      for (const photo of stored) {
        await events.insertPhotoIfAbsent(trx, { id: photo.id, mime: photo.mime, bytes: photo.bytes, uploaded_by: 'open311', created_at: now });
      }
      await events.attachPhotos(trx, row.id, [...new Set(stored.map((photo) => photo.id))], 'report', 1);
      await audit.append(trx, actor, {
        action: 'event.reported',
        objectType: 'event',
        objectId: row.id,
        orgPath: row.path,
        details: { category: row.category_code, source: 'public', photos: stored.length },
      });
      return row.id;
    });
  }

  async function requests(args: Open311ListArgs) {
    const area = await county(args.jurisdictionId);
    const now = clock();
    const end = args.end ?? now;
    const start = args.start ?? end - MAX_SPAN_MS;
    if (end - start > MAX_SPAN_MS) throw fail(400, 'start_date and end_date may span at most 90 days');
    if (end < start) throw fail(400, 'end_date is before start_date');
    const rows = await events.publicRequests(
      db.kysely,
      area.path,
      args.ids
        ? { ids: args.ids }
        : {
            serviceCodes: args.serviceCodes,
            from: new Date(start).toISOString(),
            before: new Date(end + 1).toISOString(),
            ...(args.status === 'open'
              ? { statuses: OPEN_EVENT_STATUSES }
              : args.status === 'closed'
                ? { statuses: ['closed', 'rejected', 'merged'] }
                : {}),
          },
      Math.min(args.pageSize, MAX_REQUESTS),
      (args.page - 1) * args.pageSize,
    );
    return rows.map((row) => ({
      service_request_id: row.id,
      status: open311Status(row.status),
      status_notes: EVENT_STATUS_LABELS[row.status]['zh-CN'],
      service_name: row.category_name,
      service_code: row.category_code,
      description: row.description,
      agency_responsible: row.department_name ?? '',
      service_notice: '',
      requested_datetime: shanghaiIso(row.reported_at),
      updated_datetime: shanghaiIso(row.updated_at),
      expected_datetime: shanghaiIso(row.step_deadline),
      address: row.address ?? '',
      address_id: '',
      zipcode: '',
      lat: row.lat,
      long: row.lon,
      media_url: '',
    }));
  }

  return { county, services, service, createRequest, requests };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;

// GeoReport v2 under /open311/v2, for civic apps and QR-code forms: every route answers .json and
// .xml, POST bodies are form-encoded, errors are the spec's list of {code, description}, and bad
// input is never a 5xx. See shared/design/OPEN311.md for what real clients rely on.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { Type } from 'typebox';
import { MAX_EVENT_PHOTOS } from '@gridwork/core';
import { MAX_PHOTO_BYTES } from '../../platform/photos.js';
import type { AppConfig } from '../../platform/config.js';
import { originOf } from '../../platform/auth.js';
import {
  errorsBody,
  isFormat,
  parseOpen311Date,
  toXml,
  type Open311Format,
  type XmlValue,
} from './open311.format.js';
import { MAX_REQUESTS, Open311Failure, type Open311Service } from './open311.service.js';

type Query = Record<string, string | string[] | undefined>;
const tags = ['open311'];
const FormatParams = Type.Object({ format: Type.String() });
const CHANGESET = '2026-11-25T00:00:00+08:00';

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function formatOf(params: unknown): Open311Format {
  const format = (params as { format?: string }).format ?? '';
  if (!isFormat(format))
    throw new Open311Failure([
      { code: 404, description: `format .${format} is not served: use .json or .xml` },
    ]);
  return format;
}

function send(reply: FastifyReply, format: Open311Format, status: number, json: unknown, xml: () => string) {
  if (format === 'json')
    return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(json));
  return reply.code(status).type('text/xml; charset=utf-8').send(xml());
}

function parseForm(body: string): Query {
  const result: Query = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = result[key];
    result[key] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return result;
}

const CONTACT_FIELDS = ['email', 'phone', 'first_name', 'last_name', 'device_id', 'account_id'] as const;

/** The reporter's contact details as sent (each at most 200 characters). */
function contactOf(form: Query): Record<string, string> {
  const contact: Record<string, string> = {};
  for (const field of CONTACT_FIELDS) {
    const value = first(form[field]);
    if (value) contact[field] = [...value].slice(0, 200).join('');
  }
  return contact;
}

/** The fields of a form-encoded or multipart POST, and the photos of a multipart one. */
async function readRequest(request: FastifyRequest): Promise<{ form: Query; media: Buffer[] }> {
  if (!request.isMultipart()) return { form: (request.body ?? {}) as Query, media: [] };
  const form: Query = {};
  const media: Buffer[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'media' || part.fieldname === 'media[]') media.push(bytes);
        continue;
      }
      const value = String(part.value);
      const existing = form[part.fieldname];
      form[part.fieldname] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new Open311Failure([{ code: 400, description: 'media may be at most 10 MB each' }]);
    if (code.startsWith('FST_')) throw new Open311Failure([{ code: 400, description: `the multipart body is not valid (${code})` }]);
    throw error;
  }
  return { form, media };
}

export function registerOpen311Routes(
  app: FastifyInstance,
  service: Open311Service,
  config: Pick<AppConfig, 'open311ApiKeys'>,
): void {
  app.register(async (scoped) => {
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, parseForm(String(body))),
    );
    // Civic apps (FixMyStreet among them) send photos as multipart `media` files.
    await scoped.register(fastifyMultipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_EVENT_PHOTOS, fields: 50, fieldSize: 8192 } });

    /** Runs a handler, answering Open311 errors in the requested format. */
    const handle =
      (run: (request: FastifyRequest, reply: FastifyReply, format: Open311Format) => Promise<unknown>) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const format = isFormat((request.params as { format?: string }).format ?? '')
          ? formatOf(request.params)
          : 'json';
        try {
          return await run(request, reply, formatOf(request.params));
        } catch (error) {
          if (!(error instanceof Open311Failure)) throw error;
          const status = error.errors[0]?.code ?? 400;
          return reply
            .code(status)
            .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
            .send(errorsBody(format, error.errors));
        }
      };
    const schema = (summary: string, extra: Record<string, unknown> = {}) => ({
      tags,
      summary,
      params: FormatParams,
      ...extra,
    });

    scoped.get(
      '/open311/v2/discovery.:format',
      { schema: schema('Open311 discovery') },
      handle(async (request, reply, format) => {
        const base = `${request.protocol}://${request.host}/open311/v2`;
        const endpoint = {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: base,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        };
        const body = {
          changeset: CHANGESET,
          contact: '县网格化服务管理中心',
          key_service: '向县网格化服务管理中心申请 api_key',
          endpoints: [endpoint],
        };
        return send(reply, format, 200, body, () =>
          toXml('discovery', body as unknown as XmlValue, { endpoints: 'endpoint', formats: 'format' }),
        );
      }),
    );

    scoped.get(
      '/open311/v2/services.:format',
      { schema: schema('Open311 services: the event categories open to the public') },
      handle(async (request, reply, format) => {
        await service.county(first((request.query as Query)['jurisdiction_id']));
        const items = (await service.services()).map((row) => ({
          service_code: row.code,
          service_name: row.name_zh,
          description: row.name_en,
          metadata: false,
          type: 'realtime',
          keywords: '',
          group: row.parent_code ?? row.code,
        }));
        return send(reply, format, 200, items, () => toXml('services', items, { services: 'service' }));
      }),
    );

    scoped.get(
      '/open311/v2/services/:code.:format',
      {
        schema: {
          tags,
          summary: 'Open311 service definition',
          params: Type.Object({ code: Type.String(), format: Type.String() }),
        },
      },
      handle(async (request, reply, format) => {
        await service.county(first((request.query as Query)['jurisdiction_id']));
        const row = await service.service((request.params as { code: string }).code);
        const body = { service_code: row.code, attributes: [] };
        return send(reply, format, 200, body, () =>
          toXml('service_definition', body, { attributes: 'attribute' }),
        );
      }),
    );

    scoped.post(
      '/open311/v2/requests.:format',
      {
        schema: schema('Open311 new service request (application/x-www-form-urlencoded)', {
          consumes: ['application/x-www-form-urlencoded'],
        }),
      },
      handle(async (request, reply, format) => {
        const { form, media } = await readRequest(request);
        if (config.open311ApiKeys.length > 0) {
          const key = first(form['api_key']) ?? first((request.query as Query)['api_key']);
          if (!key || !config.open311ApiKeys.includes(key))
            throw new Open311Failure([{ code: 403, description: 'api_key is missing or not valid' }]);
        }
        const problems: { code: number; description: string }[] = [];
        const serviceCode = first(form['service_code']);
        if (!serviceCode) problems.push({ code: 400, description: 'service_code is required' });
        const latText = first(form['lat']);
        const longText = first(form['long']);
        const address = first(form['address_string']) ?? first(form['address_id']) ?? null;
        const lat = latText === undefined ? null : Number(latText);
        const long = longText === undefined ? null : Number(longText);
        if ((lat === null) !== (long === null))
          problems.push({ code: 400, description: 'lat and long go together' });
        if (lat !== null && (!Number.isFinite(lat) || lat < -90 || lat > 90))
          problems.push({ code: 400, description: 'lat must be a WGS84 latitude' });
        if (long !== null && (!Number.isFinite(long) || long < -180 || long > 180))
          problems.push({ code: 400, description: 'long must be a WGS84 longitude' });
        if (lat === null && !address)
          problems.push({
            code: 400,
            description: 'a location is required: lat and long, address_string or address_id',
          });
        const description = first(form['description']) ?? '';
        if ([...description].length > 4000)
          problems.push({ code: 400, description: 'description may be at most 4000 characters' });
        if (address && [...address].length > 200)
          problems.push({ code: 400, description: 'address_string may be at most 200 characters' });
        if (problems.length > 0 || !serviceCode) throw new Open311Failure(problems);
        const origin = originOf(request);
        const id = await service.createRequest(
          first(form['jurisdiction_id']),
          { id: null, username: 'open311', role: null, ip: origin.ip, userAgent: origin.userAgent },
          {
            serviceCode,
            lat,
            long,
            addressString: address,
            description,
            media,
            contact: contactOf(form),
          },
        );
        const items = [
          { service_request_id: id, service_notice: '已收到，网格化服务管理中心将尽快受理', account_id: '' },
        ];
        return send(reply, format, 201, items, () =>
          toXml('service_requests', items, { service_requests: 'request' }),
        );
      }),
    );

    scoped.get(
      '/open311/v2/tokens/:token.:format',
      {
        schema: {
          tags,
          summary: 'Open311 token: requests are given their id at once, so a token is that id',
          params: Type.Object({ token: Type.String(), format: Type.String() }),
        },
      },
      handle(async (request, reply, format) => {
        const token = (request.params as { token: string }).token;
        const found = await service.requests({
          jurisdictionId: first((request.query as Query)['jurisdiction_id']),
          ids: [token],
          serviceCodes: [],
          start: null,
          end: null,
          status: null,
          page: 1,
          pageSize: 1,
        });
        if (found.length === 0)
          throw new Open311Failure([{ code: 404, description: `token ${token} not found` }]);
        const items = [{ service_request_id: token, token }];
        return send(reply, format, 200, items, () =>
          toXml('service_requests', items, { service_requests: 'request' }),
        );
      }),
    );

    const listArgs = (query: Query) => {
      const problems: { code: number; description: string }[] = [];
      const date = (name: string) => {
        const text = first(query[name]);
        if (!text) return null;
        const ms = parseOpen311Date(text);
        if (ms === null) problems.push({ code: 400, description: `${name} must be an ISO 8601 date` });
        return ms;
      };
      const whole = (name: string, fallback: number, max: number) => {
        const text = first(query[name]);
        if (!text) return fallback;
        const value = Number(text);
        if (!Number.isInteger(value) || value < 1 || value > max)
          problems.push({ code: 400, description: `${name} must be a whole number from 1 to ${max}` });
        return value;
      };
      const status = first(query['status']);
      const statusValue: 'open' | 'closed' | null | undefined =
        status === undefined || status === 'open,closed' || status === 'closed,open'
          ? null
          : status === 'open' || status === 'closed'
            ? status
            : undefined;
      if (statusValue === undefined)
        problems.push({ code: 400, description: 'status must be open or closed' });
      const ids = first(query['service_request_id']);
      const args = {
        jurisdictionId: first(query['jurisdiction_id']),
        ids: ids
          ? ids
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean)
          : null,
        serviceCodes: (first(query['service_code']) ?? '')
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean),
        start: date('start_date'),
        end: date('end_date'),
        status: statusValue ?? null,
        page: whole('page', 1, 100_000),
        pageSize: whole('page_size', MAX_REQUESTS, MAX_REQUESTS),
      };
      if (problems.length > 0) throw new Open311Failure(problems);
      return args;
    };

    scoped.get(
      '/open311/v2/requests.:format',
      {
        schema: schema(
          'Open311 service requests: filters service_request_id, service_code, start_date, end_date, status; page, page_size',
        ),
      },
      handle(async (request, reply, format) => {
        const items = await service.requests(listArgs(request.query as Query));
        return send(reply, format, 200, items, () =>
          toXml('service_requests', items, { service_requests: 'request' }),
        );
      }),
    );

    scoped.get(
      '/open311/v2/requests/:id.:format',
      {
        schema: {
          tags,
          summary: 'Open311 one service request (still a list of one)',
          params: Type.Object({ id: Type.String(), format: Type.String() }),
        },
      },
      handle(async (request, reply, format) => {
        const id = (request.params as { id: string }).id;
        const items = await service.requests({
          jurisdictionId: first((request.query as Query)['jurisdiction_id']),
          ids: [id],
          serviceCodes: [],
          start: null,
          end: null,
          status: null,
          page: 1,
          pageSize: 1,
        });
        if (items.length === 0)
          throw new Open311Failure([{ code: 404, description: `service_request_id ${id} not found` }]);
        return send(reply, format, 200, items, () =>
          toXml('service_requests', items, { service_requests: 'request' }),
        );
      }),
    );
  });
}

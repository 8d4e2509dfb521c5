// The public reports through Open311 GeoReport v2 as civic apps and QR-code forms speak it: form
// bodies, .json and .xml, the spec's error lists, and what became of a report, without anyone's
// contact details.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { aDepartment, anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

const form = (fields: Record<string, string>): InjectOptions => ({
  method: 'POST',
  url: '/open311/v2/requests.json',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describeEachDialect('Open311 GeoReport v2', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'o3_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    const center = as(t.app, await signInCookie(t.app, 'o3_center'));
    const village = await t.ctx.db.kysely
      .selectFrom('org_unit')
      .select('id')
      .where('path', '=', '/511124/511124101/511124101001/')
      .executeTakeFirstOrThrow();
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [104.0, 29.5],
          [104.01, 29.5],
          [104.01, 29.51],
          [104.0, 29.51],
          [104.0, 29.5],
        ],
      ],
    };
    await center({
      method: 'POST',
      url: '/api/grids',
      payload: { villageId: village.id, name: '一组网格', boundary: square },
    });
  });
  afterAll(async () => t.close());

  it('lists the services open to the public as a bare JSON array and as XML', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    const items = json.json() as {
      service_code: string;
      service_name: string;
      metadata: boolean;
      type: string;
    }[];
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service_code: 'sanitation',
          service_name: '环境卫生',
          metadata: false,
          type: 'realtime',
        }),
      ]),
    );
    expect(items.some((item) => item.service_code === 'special_population')).toBe(false);
    const xml = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(
      xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>'),
    ).toBe(true);
    const definition = await t.app.inject({ method: 'GET', url: '/open311/v2/services/sanitation.xml' });
    expect(definition.body).toContain(
      '<service_definition><service_code>sanitation</service_code><attributes></attributes></service_definition>',
    );
  });

  it('answers an unknown format, service or jurisdiction with 404 in the spec’s error list', async () => {
    const html = await t.app.inject({ method: 'GET', url: '/open311/v2/services.html' });
    expect(html.statusCode).toBe(404);
    expect(html.json()).toEqual([{ code: 404, description: expect.stringContaining('.html') }]);
    const jurisdiction = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/services.xml?jurisdiction_id=110101',
    });
    expect(jurisdiction.statusCode).toBe(404);
    expect(jurisdiction.body).toContain('<errors><error><code>404</code><description>');
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/services/ufo.json' })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=511124' }))
        .statusCode,
    ).toBe(200);
  });

  it('files a form-encoded report in the grid of its point, and shows it back without the contact', async () => {
    const created = await t.app.inject(
      form({
        service_code: 'sanitation',
        lat: '29.505',
        long: '104.005',
        description: '河边垃圾成堆',
        email: 'a@example.com',
        phone: '13800000000',
        first_name: '张',
      }),
    );
    expect(created.statusCode).toBe(201);
    const [request] = created.json() as { service_request_id: string; service_notice: string }[];
    const id = request?.service_request_id ?? '';
    const row = await t.ctx.db.kysely
      .selectFrom('event')
      .select(['source', 'path', 'status', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: 'public',
      path: '/511124/511124101/511124101001/G01/',
      status: 'reported',
      title: '环境卫生：河边垃圾成堆',
    });
    const one = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
    const [shown] = one.json() as Record<string, unknown>[];
    expect(shown).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '待受理',
      service_code: 'sanitation',
      lat: 29.505,
      long: 104.005,
    });
    expect(String(shown?.['requested_datetime'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(JSON.stringify(shown)).not.toMatch(/example\.com|13800000000|张/);
    // Kept for the center to call back, sealed: the database holds no readable phone number.
    const sealed = await t.ctx.db.kysely.selectFrom('event').select('contact_sealed').where('id', '=', id).executeTakeFirstOrThrow();
    expect(sealed.contact_sealed).not.toContain('13800000000');
    expect(JSON.parse(t.ctx.fieldCrypto().open(sealed.contact_sealed ?? ''))).toEqual({ email: 'a@example.com', phone: '13800000000', first_name: '张' });
    const xml = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.xml` });
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${id}</service_request_id>`);
    const token = await t.app.inject({ method: 'GET', url: `/open311/v2/tokens/${id}.json` });
    expect(token.json()).toEqual([{ service_request_id: id, token: id }]);
  });

  it('shows the department and the deadline once the county has dispatched it', async () => {
    // Without a point the report sits at the county, so a county department takes it.
    const bureau = await aDepartment(t.ctx, '县生态环境局', '/511124/');
    const id =
      (
        (
          await t.app.inject(form({ service_code: 'sanitation', address_string: '马踏村村委会门口' }))
        ).json() as { service_request_id: string }[]
      )[0]?.service_request_id ?? '';
    await anAccount(t.ctx, { username: 'o3_county', role: 'county_admin', orgPath: '/511124/' });
    const county = as(t.app, await signInCookie(t.app, 'o3_county'));
    await county({ method: 'POST', url: `/api/events/${id}/actions`, payload: { action: 'accept' } });
    await county({
      method: 'POST',
      url: `/api/events/${id}/actions`,
      payload: { action: 'dispatch', leadDepartmentId: bureau },
    });
    const [shown] = (
      await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` })
    ).json() as Record<string, unknown>[];
    expect(shown).toMatchObject({
      agency_responsible: '县生态环境局',
      status_notes: '已派遣待签收',
      address: '马踏村村委会门口',
    });
    expect(shown?.['expected_datetime']).toMatch(/\+08:00$/);
  });

  it('takes photos as multipart media, stripped of the GPS position the phone wrote into them', async () => {
    const exif = Buffer.from('Exif\0\0GPS 29.5N 104.0E home', 'latin1');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2]), exif, Buffer.from([0xff, 0xda, 0, 2, 1, 2, 0xff, 0xd9])]);
    const boundary = 'gridworkboundary';
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(field('service_code', 'sanitation') + field('address_string', '马踏场镇') + field('description', '污水横流')),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      jpeg,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const created = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { service_request_id: string }[])[0]?.service_request_id ?? '';
    const photo = await t.ctx.db.kysely.selectFrom('event_photo').innerJoin('photo', 'photo.id', 'event_photo.photo_id').select(['photo.id', 'photo.mime']).where('event_photo.event_id', '=', id).executeTakeFirstOrThrow();
    expect(photo.mime).toBe('image/jpeg');
    const stored = fs.readFileSync(path.join(t.ctx.config.dataDir, 'photos', photo.id.slice(0, 2), photo.id));
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
    expect(stored.subarray(-4)).toEqual(Buffer.from([1, 2, 0xff, 0xd9]));
    const notImage = Buffer.concat([Buffer.from(field('service_code', 'sanitation') + field('address_string', 'x')), Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\n\r\nhello\r\n--${boundary}--\r\n`)]);
    const refused = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: notImage });
    expect(refused.json()).toEqual([{ code: 400, description: 'media 1 is not a JPEG, PNG or WebP image' }]);
  });

  it('refuses a report without a service code or a place, listing every problem', async () => {
    const response = await t.app.inject(form({ description: 'x' }));
    expect(response.statusCode).toBe(400);
    expect((response.json() as { code: number }[]).map((error) => error.code)).toEqual([400, 400]);
    const private_ = await t.app.inject(form({ service_code: 'special_population', address_string: '某处' }));
    expect(private_.statusCode).toBe(400);
    const badLat = await t.app.inject(form({ service_code: 'sanitation', lat: 'north', long: '104' }));
    expect(badLat.json()).toEqual([{ code: 400, description: 'lat must be a WGS84 latitude' }]);
  });

  it('filters requests by id, service, dates and status, and refuses a span over 90 days', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json() as {
      service_request_id: string;
      status: string;
    }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const closed = (
      await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=closed' })
    ).json() as unknown[];
    expect(closed).toEqual([]);
    const byId = (
      await t.app.inject({
        method: 'GET',
        url: `/open311/v2/requests.json?service_request_id=${all[0]?.service_request_id}&status=closed`,
      })
    ).json() as unknown[];
    expect(byId).toHaveLength(1);
    const other = (
      await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=dispute' })
    ).json() as unknown[];
    expect(other).toEqual([]);
    const span = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/requests.json?start_date=2026-01-01&end_date=2026-11-24',
    });
    expect(span.statusCode).toBe(400);
    const badDate = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/requests.xml?start_date=yesterday',
    });
    expect(badDate.body).toContain('<description>start_date must be an ISO 8601 date</description>');
    const page = (
      await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?page=1&page_size=1' })
    ).json() as unknown[];
    expect(page).toHaveLength(1);
    const discovery = (await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.json' })).json() as {
      endpoints: { specification: string }[];
    };
    expect(discovery.endpoints[0]?.specification).toBe('http://wiki.open311.org/GeoReport_v2');
  });
});

describeEachDialect('Open311 with api keys', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { open311ApiKeys: ['qr-form-key'] });
    await aSmallCounty(t.ctx);
  });
  afterAll(async () => t.close());

  it('takes posts only with a configured key, and answers 403 otherwise', async () => {
    const fields = { service_code: 'sanitation', address_string: '马踏村' };
    expect((await t.app.inject(form(fields))).statusCode).toBe(403);
    expect((await t.app.inject(form({ ...fields, api_key: 'wrong' }))).json()).toEqual([
      { code: 403, description: 'api_key is missing or not valid' },
    ]);
    expect((await t.app.inject(form({ ...fields, api_key: 'qr-form-key' }))).statusCode).toBe(201);
  });
});

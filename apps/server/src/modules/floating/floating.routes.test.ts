// The floating population as grid workers and the center register it: an arrival from a county
// elsewhere in China into a rental house, retried by a phone without doubling, refused with the
// field named when the origin is unknown or the person never arrived, a departure that ends the
// tenancy, the landlord's page, the counts, and nothing of it visible from another township.
import { idNumberCheckCharacter, maskIdNumber } from '@gridwork/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createPermitRemindersService } from './floating-permits.service.js';

type Call = ReturnType<typeof as>;

/** A valid resident ID number born on `birth` (YYYYMMDD) with sequence `seq` (3 digits), from 四川省 乐山市 井研县. */
const idNumber = (birth: string, seq: string) => `511124${birth}${seq}${idNumberCheckCharacter(`511124${birth}${seq}`)}`;

describeEachDialect('the floating population', (dialect) => {
  let t: TestApp;
  let center: Call;
  let worker: Call;
  let otherCenter: Call;
  let gridId: string;
  let workerId: string;
  let houseId: string;
  let ownerId: string;
  let arrival: { id: string; personId: string };
  let keySeq = 0;
  const key = () => `test-key-${(keySeq += 1).toString().padStart(4, '0')}`;
  const count = async (table: 'person' | 'floating_registration') => Number((await t.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const newcomer = (name: string, id: string) => ({ gridId, name, idType: 'resident_id', idNumber: id, phone: '13800001111' });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'fl_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    workerId = (await anAccount(t.ctx, { username: 'fl_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' })).id;
    await anAccount(t.ctx, { username: 'fl_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    center = as(t.app, await signInCookie(t.app, 'fl_center'));
    worker = as(t.app, await signInCookie(t.app, 'fl_worker'));
    otherCenter = as(t.app, await signInCookie(t.app, 'fl_zy'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    gridId = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组网格' } })).json().id as string;
    expect((await center({ method: 'PUT', url: `/api/grids/${gridId}/workers`, payload: { accountIds: [workerId] } })).statusCode).toBe(200);
    ownerId = (await center({ method: 'POST', url: '/api/persons', payload: { gridId, name: '房东王', idType: 'resident_id', idNumber: idNumber('19650302', '011'), residenceStatus: 'registered' } })).json().id as string;
    const house = await center({ method: 'POST', url: '/api/houses', payload: { gridId, name: '马踏村一组 8 号', address: '马踏村一组 8 号', category: 'rental' } });
    expect(house.statusCode).toBe(201);
    houseId = house.json().id as string;
    expect((await center({ method: 'PUT', url: `/api/houses/${houseId}/members`, payload: { members: [{ personId: ownerId, relation: 'owner' }] } })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('registers a newcomer from 井研县 into a rental house: the person is floating and the house’s tenant', async () => {
    const response = await worker({
      method: 'POST',
      url: '/api/floating/arrivals',
      payload: {
        clientKey: 'arrival-zhao-0001',
        person: newcomer('赵流动', idNumber('19900512', '021')),
        originCode: '511124',
        reason: 'work',
        arrivedOn: '2026-11-20',
        expectedStayUntil: '2027-06-30',
        houseId,
        employer: '井研县食品厂',
        residencePermit: { number: idNumber('19900512', '021'), issuedOn: '2026-01-10', expiresOn: '2026-12-10' },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      personName: '赵流动',
      gridId,
      gridName: '一组网格',
      originCode: '511124',
      originName: '四川省 乐山市 井研县',
      reason: 'work',
      arrivedOn: '2026-11-20',
      houseId,
      houseAddress: '马踏村一组 8 号',
      isRental: true,
      landlordId: ownerId,
      landlordName: '房东王',
      employer: '井研县食品厂',
      residencePermit: { number: maskIdNumber(idNumber('19900512', '021')), issuedOn: '2026-01-10', expiresOn: '2026-12-10' },
      status: 'present',
      version: 1,
    });
    arrival = response.json();
    const person = (await worker({ method: 'GET', url: `/api/persons/${arrival.personId}` })).json();
    expect(person).toMatchObject({ residenceStatus: 'floating', status: 'active' });
    const tenants = (await worker({ method: 'GET', url: `/api/houses/${houseId}/tenants` })).json().items;
    expect(tenants).toEqual([expect.objectContaining({ personId: arrival.personId, personName: '赵流动', registrationId: arrival.id, originName: '四川省 乐山市 井研县', permitExpiresOn: '2026-12-10' })]);
    const members = (await worker({ method: 'GET', url: `/api/houses/${houseId}/members` })).json().items as { personId: string; relation: string }[];
    expect(members.map((member) => [member.personId, member.relation])).toEqual(expect.arrayContaining([[ownerId, 'owner'], [arrival.personId, 'tenant']]));
    const row = await t.ctx.db.kysely.selectFrom('floating_registration').select(['permit_sealed']).where('id', '=', arrival.id).executeTakeFirstOrThrow();
    expect(row.permit_sealed).not.toContain(idNumber('19900512', '021'));
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', 'in', [arrival.id, arrival.personId]).execute();
    expect(trail.map((entry) => entry.action).sort()).toEqual(['floating.arrived', 'person.created']);
  });

  it('answers a repeated clientKey with the first registration and writes nothing new; another payload under it is 422', async () => {
    const [people, registrations] = [await count('person'), await count('floating_registration')];
    const payload = { clientKey: 'arrival-zhao-0001', person: newcomer('赵流动', idNumber('19900512', '021')), originCode: '511124', reason: 'work', arrivedOn: '2026-11-20', expectedStayUntil: '2027-06-30', houseId, employer: '井研县食品厂', residencePermit: { number: idNumber('19900512', '021'), issuedOn: '2026-01-10', expiresOn: '2026-12-10' } };
    const again = await worker({ method: 'POST', url: '/api/floating/arrivals', payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(arrival.id);
    expect([await count('person'), await count('floating_registration')]).toEqual([people, registrations]);
    const reused = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { ...payload, reason: 'study' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses an unknown origin with 422 naming originCode, in Chinese and in English, and writes nothing', async () => {
    const [people, registrations] = [await count('person'), await count('floating_registration')];
    const payload = { clientKey: key(), person: newcomer('钱未知', idNumber('19880101', '031')), originCode: '519999', reason: 'work', arrivedOn: '2026-11-20' };
    const zh = await worker({ method: 'POST', url: '/api/floating/arrivals', payload });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({ code: 'DIVISION_UNKNOWN', details: { field: 'originCode', code: '519999' } });
    expect(zh.json().error.message).toBe('行政区划代码“519999”不存在，请从省、市、县中选择');
    const en = await worker({ method: 'POST', url: '/api/floating/arrivals', headers: { 'accept-language': 'en-US' }, payload: { ...payload, clientKey: key() } });
    expect(en.json().error.message).toBe('There is no division with the code 519999; pick a province, city and county');
    const destination = await worker({ method: 'POST', url: '/api/floating/departures', payload: { clientKey: key(), personId: arrival.personId, departedOn: '2026-11-21', destinationCode: '99' } });
    expect(destination.json().error).toMatchObject({ code: 'DIVISION_UNKNOWN', details: { field: 'destinationCode' } });
    expect([await count('person'), await count('floating_registration')]).toEqual([people, registrations]);
  });

  it('names the field of every other bad arrival: dates in the future or out of order, both or neither person, a missing reason', async () => {
    const base = { person: newcomer('孙日期', idNumber('19870101', '041')), originCode: '44', reason: 'family', arrivedOn: '2026-11-20' };
    const future = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { ...base, clientKey: key(), arrivedOn: '2026-11-25' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'FLOATING_DATE_IN_FUTURE', details: { field: 'arrivedOn' } });
    const stay = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { ...base, clientKey: key(), expectedStayUntil: '2026-11-01' } });
    expect(stay.json().error).toMatchObject({ code: 'FLOATING_DATE_ORDER', details: { field: 'expectedStayUntil' } });
    const permit = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { ...base, clientKey: key(), residencePermit: { issuedOn: '2026-10-01', expiresOn: '2026-09-01' } } });
    expect(permit.json().error.details.field).toBe('residencePermit.expiresOn');
    const both = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { ...base, clientKey: key(), personId: ownerId } });
    expect(both.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'person' } });
    const { reason: _reason, ...noReason } = base;
    const missing = await worker({ method: 'POST', url: '/api/floating/arrivals', headers: { 'accept-language': 'en-US' }, payload: { ...noReason, clientKey: key() } });
    expect(missing.statusCode).toBe(400);
    expect((missing.json().error.details.fields as { field: string }[]).map((field) => field.field)).toContain('body.reason');
    expect(missing.json().error.message).toMatch(/^The request is invalid/);
    const badId = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { ...base, clientKey: key(), person: newcomer('孙证件', '511124198701010411') } });
    expect(badId.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', details: { field: 'idNumber' } });
  });

  it('leaves nothing behind when an arrival fails after the new person was made (a house outside the scope)', async () => {
    const [people, registrations] = [await count('person'), await count('floating_registration')];
    const response = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey: key(), person: newcomer('周回滚', idNumber('19920202', '051')), originCode: '5111', reason: 'work', arrivedOn: '2026-11-20', houseId: 'no-such-house' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details).toEqual({ houseId: 'no-such-house' });
    expect([await count('person'), await count('floating_registration')]).toEqual([people, registrations]);
  });

  it('refuses the departure of someone who never arrived with 409 naming personId, and a second arrival of someone present', async () => {
    const response = await worker({ method: 'POST', url: '/api/floating/departures', payload: { clientKey: key(), personId: ownerId, departedOn: '2026-11-21' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'FLOATING_NOT_ARRIVED', details: { field: 'personId' } });
    expect(response.json().error.message).toBe('此人没有在住的流动人口登记，无法登记离开');
    const en = await worker({ method: 'POST', url: '/api/floating/departures', headers: { 'accept-language': 'en-US' }, payload: { clientKey: key(), personId: ownerId, departedOn: '2026-11-21' } });
    expect(en.json().error.message).toBe('This person has no arrival on record, so no departure can be registered');
    const twice = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey: key(), personId: arrival.personId, originCode: '51', reason: 'work', arrivedOn: '2026-11-21' } });
    expect(twice.json().error).toMatchObject({ code: 'FLOATING_ALREADY_PRESENT', details: { field: 'personId' } });
  });

  it('shows the landlord’s houses with their tenants, and lists, searches and pages the registrations', async () => {
    const landlord = (await center({ method: 'GET', url: `/api/landlords/${ownerId}` })).json();
    expect(landlord).toMatchObject({ personId: ownerId, name: '房东王', houses: [{ id: houseId, category: 'rental', tenants: [expect.objectContaining({ personId: arrival.personId })] }] });
    const second = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey: key(), person: newcomer('吴广东', idNumber('19950808', '061')), originCode: '440305', reason: 'business', arrivedOn: '2026-10-03' } });
    expect(second.json()).toMatchObject({ originName: '广东省 深圳市 南山区', houseId: null, isRental: false, residencePermit: null });
    const byName = (await center({ method: 'GET', url: `/api/floating?q=${encodeURIComponent('广东')}` })).json();
    expect(byName.items.map((item: { personName: string }) => item.personName)).toEqual(['吴广东']);
    const expiring = (await center({ method: 'GET', url: '/api/floating?permitExpiringWithinDays=30' })).json();
    expect(expiring.items.map((item: { id: string }) => item.id)).toEqual([arrival.id]);
    const first = (await center({ method: 'GET', url: '/api/floating?limit=1' })).json();
    expect(first.items).toHaveLength(1);
    const next = (await center({ method: 'GET', url: `/api/floating?limit=1&cursor=${first.nextCursor}` })).json();
    expect(next.items[0].id).not.toBe(first.items[0].id);
    const village = (await center({ method: 'GET', url: '/api/floating?orgPath=/511124/511124101/511124101001/' })).json();
    expect(village.items).toHaveLength(2);
  });

  it('changes the permit dates with the version read, and refuses a stale version', async () => {
    const changed = await center({ method: 'PATCH', url: `/api/floating/${arrival.id}`, payload: { version: 1, residencePermit: { issuedOn: '2026-01-10', expiresOn: '2026-12-20' } } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, residencePermit: { issuedOn: '2026-01-10', expiresOn: '2026-12-20', number: maskIdNumber(idNumber('19900512', '021')) } });
    const stale = await center({ method: 'PATCH', url: `/api/floating/${arrival.id}`, payload: { version: 1, employer: '别处' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RECORD_CHANGED');
    const bad = await center({ method: 'PATCH', url: `/api/floating/${arrival.id}`, payload: { version: 2, expectedStayUntil: '2020-01-01' } });
    expect(bad.json().error).toMatchObject({ code: 'FLOATING_DATE_ORDER', details: { field: 'expectedStayUntil' } });
  });

  it('reminds the grid’s workers of a permit expiring within 30 days, once', async () => {
    const reminders = createPermitRemindersService(t.ctx);
    const now = new Date(t.clock()).toISOString();
    expect(await reminders.remind(now)).toEqual({ reminded: 1 });
    expect(await reminders.remind(now)).toEqual({ reminded: 0 });
    const inbox = (await worker({ method: 'GET', url: '/api/inbox' })).json().items as { kind: string; text: string; eventId: string | null }[];
    expect(inbox.filter((message) => message.kind === 'permit_expiring')).toEqual([expect.objectContaining({ eventId: null, text: '流动人口“赵流动”的居住证将于 2026-12-20 到期，请提醒其及时续签' })]);
  });

  it('registers the departure: the stay, the tenancy and the residence end; a retry answers the same', async () => {
    const payload = { clientKey: 'departure-zhao-01', personId: arrival.personId, departedOn: '2026-11-23', destinationCode: '440000', destinationText: '回广东打工' };
    const response = await worker({ method: 'POST', url: '/api/floating/departures', payload });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: arrival.id, status: 'departed', departedOn: '2026-11-23', destinationCode: '44', destinationName: '广东省', version: 3 });
    const again = await worker({ method: 'POST', url: '/api/floating/departures', payload });
    expect(again.json()).toMatchObject({ id: arrival.id, status: 'departed', version: 3 });
    expect((await worker({ method: 'GET', url: `/api/houses/${houseId}/tenants` })).json().items).toEqual([]);
    expect((await worker({ method: 'GET', url: `/api/persons/${arrival.personId}` })).json()).toMatchObject({ status: 'moved_out' });
    const later = await worker({ method: 'POST', url: '/api/floating/departures', payload: { ...payload, clientKey: key() } });
    expect(later.json().error.code).toBe('FLOATING_NOT_ARRIVED');
  });

  it('welcomes back someone who left: the same person, active and floating again', async () => {
    const back = await worker({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey: key(), personId: arrival.personId, originCode: '44', reason: 'work', arrivedOn: '2026-11-24', houseId } });
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({ personId: arrival.personId, status: 'present', isRental: true });
    expect((await worker({ method: 'GET', url: `/api/persons/${arrival.personId}` })).json()).toMatchObject({ status: 'active', residenceStatus: 'floating' });
  });

  it('counts the people present by village, grid and origin province, and arrivals and departures per month', async () => {
    const stats = (await center({ method: 'GET', url: '/api/floating/stats?months=3' })).json();
    expect(stats.byVillage).toEqual([{ code: '511124101001', name: '马踏村', present: 2 }]);
    expect(stats.byGrid).toEqual([{ gridId, name: '一组网格', villageName: '马踏村', present: 2 }]);
    expect(stats.byOriginProvince).toEqual([{ code: '44', name: '广东省', present: 2 }]);
    expect(stats.monthly).toEqual([
      { month: '2026-09', arrivals: 0, departures: 0 },
      { month: '2026-10', arrivals: 1, departures: 0 },
      { month: '2026-11', arrivals: 2, departures: 1 },
    ]);
  });

  describe('from another township', () => {
    it('sees none of it: 404 for one registration, a house’s tenants, a landlord, a departure; empty lists and counts', async () => {
      expect((await otherCenter({ method: 'GET', url: `/api/floating/${arrival.id}` })).statusCode).toBe(404);
      expect((await otherCenter({ method: 'PATCH', url: `/api/floating/${arrival.id}`, payload: { version: 3, employer: 'x' } })).statusCode).toBe(404);
      expect((await otherCenter({ method: 'GET', url: `/api/houses/${houseId}/tenants` })).statusCode).toBe(404);
      expect((await otherCenter({ method: 'GET', url: `/api/landlords/${ownerId}` })).statusCode).toBe(404);
      const departure = await otherCenter({ method: 'POST', url: '/api/floating/departures', payload: { clientKey: key(), personId: arrival.personId, departedOn: '2026-11-24' } });
      expect(departure.statusCode).toBe(404);
      const arrivalThere = await otherCenter({ method: 'POST', url: '/api/floating/arrivals', payload: { clientKey: key(), personId: ownerId, originCode: '44', reason: 'work', arrivedOn: '2026-11-24' } });
      expect(arrivalThere.statusCode).toBe(404);
      expect((await otherCenter({ method: 'GET', url: '/api/floating' })).json()).toEqual({ items: [], nextCursor: null });
      expect((await otherCenter({ method: 'GET', url: '/api/floating?orgPath=/511124/511124101/' })).statusCode).toBe(404);
      const stats = (await otherCenter({ method: 'GET', url: '/api/floating/stats' })).json();
      expect([stats.byVillage, stats.byGrid, stats.byOriginProvince]).toEqual([[], [], []]);
    });
  });
});

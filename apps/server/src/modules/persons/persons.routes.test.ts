// The registry's people as a grid worker keeps them: registered with a checked ID number,
// found by name, ID number or phone, shown masked, unmasked only on purpose and on the record,
// changed with history, never deleted, and invisible outside the caller's area.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

describeEachDialect('people in the registry', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let otherCenter: Call;
  let leader: Call;
  let dept: Call;
  let gridId: string;
  let zhangId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'pr_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'pr_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'pr_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'pr_leader', role: 'leader', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'pr_dept', role: 'dept_handler', orgPath: '/511124/511124101/' });
    worker = as(t.app, await signInCookie(t.app, 'pr_worker'));
    otherCenter = as(t.app, await signInCookie(t.app, 'pr_zy'));
    leader = as(t.app, await signInCookie(t.app, 'pr_leader'));
    dept = as(t.app, await signInCookie(t.app, 'pr_dept'));
    const center = as(t.app, await signInCookie(t.app, 'pr_center'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    gridId = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组网格' } })).json().id as string;
  });
  afterAll(async () => t.close());

  const zhang = () => ({ gridId, name: '张三', idType: 'resident_id', idNumber: '５１１１２４ 19800101 0010', phone: '+86 138-0000-1234', residenceStatus: 'registered', tags: ['disabled'] });

  it('registers a person, reading birth date and gender from the ID number, showing both masked', async () => {
    const response = await worker({ method: 'POST', url: '/api/persons', payload: zhang() });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: '张三', birthDate: '1980-01-01', gender: 'male', idNumber: '511124********0010', phone: '138****1234', path: '/511124/511124101/511124101001/G01/', version: 1, tags: ['disabled'] });
    zhangId = response.json().id as string;
    const row = await t.ctx.db.kysely.selectFrom('person').select(['id_sealed', 'phone_sealed']).where('id', '=', zhangId).executeTakeFirstOrThrow();
    expect(`${row.id_sealed}${row.phone_sealed}`).not.toMatch(/511124198001010010|13800001234/);
  });

  it('refuses a wrong check digit, a bad phone and the same ID number twice, naming the field', async () => {
    const wrong = await worker({ method: 'POST', url: '/api/persons', payload: { ...zhang(), idNumber: '511124198001010011' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', details: { field: 'idNumber', problem: 'check_digit' } });
    expect(wrong.json().error.message).toBe('证件号码不正确：校验码不符，请核对每一位');
    const phone = await worker({ method: 'POST', url: '/api/persons', payload: { ...zhang(), idNumber: '511124198001010029', phone: '12345' } });
    expect(phone.json().error).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
    const twice = await worker({ method: 'POST', url: '/api/persons', payload: { ...zhang(), name: '张三丰' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PERSON_DUPLICATE');
    const missing = await worker({ method: 'POST', url: '/api/persons', payload: { gridId, name: '' } });
    expect((missing.json().error.details.fields as { field: string }[]).map((field) => field.field)).toEqual(expect.arrayContaining(['body.name', 'body.idType']));
  });

  it('finds a person by name prefix, by part of the name, by exact ID number and by phone', async () => {
    await worker({ method: 'POST', url: '/api/persons', payload: { ...zhang(), name: '李四', idNumber: '511124198001010029', phone: '13900005678' } });
    const byPrefix = await worker({ method: 'GET', url: `/api/persons?name=${encodeURIComponent('张')}` });
    expect((byPrefix.json().items as { name: string }[]).map((item) => item.name)).toEqual(['张三']);
    const byPart = await worker({ method: 'GET', url: `/api/persons?nameContains=${encodeURIComponent('四')}` });
    expect((byPart.json().items as { name: string }[]).map((item) => item.name)).toEqual(['李四']);
    const byId = await worker({ method: 'GET', url: '/api/persons?idNumber=511124198001010010' });
    expect(byId.json().items).toEqual([expect.objectContaining({ id: zhangId })]);
    const byPhone = await worker({ method: 'GET', url: '/api/persons?phone=13800001234' });
    expect(byPhone.json().items).toEqual([expect.objectContaining({ id: zhangId })]);
    const page = await worker({ method: 'GET', url: '/api/persons?limit=1' });
    const next = await worker({ method: 'GET', url: `/api/persons?limit=1&after=${page.json().nextCursor}` });
    expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
  });

  it('lists a name search by name, page after page, and refuses a cursor it did not make', async () => {
    await worker({ method: 'POST', url: '/api/persons', payload: { ...zhang(), name: '张二', idNumber: '51112420150615003X', phone: '13900000001' } });
    await worker({ method: 'POST', url: '/api/persons', payload: { ...zhang(), name: '张一', idNumber: '511124195212300049', phone: '13900000002' } });
    const first = (await worker({ method: 'GET', url: `/api/persons?limit=2&name=${encodeURIComponent('张')}` })).json();
    // By code point, as the index holds them: 一 (U+4E00), 三 (U+4E09), 二 (U+4E8C).
    expect(first.items.map((item: { name: string }) => item.name)).toEqual(['张一', '张三']);
    const second = (await worker({ method: 'GET', url: `/api/persons?limit=2&name=${encodeURIComponent('张')}&after=${first.nextCursor}` })).json();
    expect(second).toEqual({ items: [expect.objectContaining({ name: '张二' })], nextCursor: null });
    const forged = await worker({ method: 'GET', url: `/api/persons?name=${encodeURIComponent('张')}&after=nonsense` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'after' } });
  });

  it('shows the plain ID number and phone only through unmask, with the purpose on the audit trail', async () => {
    const plain = await worker({ method: 'POST', url: `/api/persons/${zhangId}/unmask`, payload: { purpose: '走访联系' } });
    expect(plain.json()).toEqual({ id: zhangId, name: '张三', idNumber: '511124198001010010', phone: '13800001234' });
    const trail = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', 'sensitive.unmasked').where('object_id', '=', zhangId).execute();
    expect(trail.map((row) => [row.actor_username, JSON.parse(row.details).purpose])).toEqual([['pr_worker', '走访联系']]);
    expect((await leader({ method: 'POST', url: `/api/persons/${zhangId}/unmask`, payload: { purpose: '查看' } })).statusCode).toBe(403);
    expect((await leader({ method: 'GET', url: `/api/persons/${zhangId}` })).json().idNumber).toBe('511124********0010');
  });

  it('keeps every change with before and after, refuses a stale version, and needs a reason to move someone out', async () => {
    const changed = await worker({ method: 'PATCH', url: `/api/persons/${zhangId}`, payload: { version: 1, address: '马踏村一组 12 号', phone: '13700007777' } });
    expect(changed.json()).toMatchObject({ version: 2, address: '马踏村一组 12 号', phone: '137****7777' });
    const stale = await worker({ method: 'PATCH', url: `/api/persons/${zhangId}`, payload: { version: 1, address: 'x' } });
    expect(stale.json().error.code).toBe('PERSON_CHANGED');
    const noReason = await worker({ method: 'PATCH', url: `/api/persons/${zhangId}`, payload: { version: 2, status: 'moved_out' } });
    expect(noReason.json().error.code).toBe('PERSON_REASON_REQUIRED');
    const moved = await worker({ method: 'PATCH', url: `/api/persons/${zhangId}`, payload: { version: 2, status: 'moved_out', reason: '迁往成都' } });
    expect(moved.json()).toMatchObject({ status: 'moved_out', version: 3 });
    const history = await worker({ method: 'GET', url: `/api/persons/${zhangId}/history` });
    const items = history.json().items as { version: number; action: string; reason: string | null; changes: Record<string, unknown> }[];
    expect(items.map((item) => [item.version, item.action, item.reason])).toEqual([
      [1, 'created', null],
      [2, 'updated', null],
      [3, 'moved_out', '迁往成都'],
    ]);
    expect(items[1]?.changes).toEqual({ phone: ['138****1234', '137****7777'], address: [null, '马踏村一组 12 号'] });
  });

  it('hides people outside the caller’s area, and from roles without the registry', async () => {
    expect((await otherCenter({ method: 'GET', url: `/api/persons/${zhangId}` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'POST', url: `/api/persons/${zhangId}/unmask`, payload: { purpose: '查看' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'PATCH', url: `/api/persons/${zhangId}`, payload: { version: 3, address: 'x' } })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: '/api/persons?idNumber=511124198001010010' })).json().items).toEqual([]);
    expect((await otherCenter({ method: 'POST', url: '/api/persons', payload: { ...zhang(), idNumber: '51112420150615003X' } })).json().error.code).toBe('EVENT_GRID_INVALID');
    expect((await dept({ method: 'GET', url: '/api/persons' })).statusCode).toBe(403);
  });
});

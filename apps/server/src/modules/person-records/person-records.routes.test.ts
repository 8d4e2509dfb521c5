// Special populations and assistance targets first, the plan says. A special-population record's
// category and details are sealed at rest, seen only by the roles that work with them, every read
// on the audit trail; records end with a reason and are never deleted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anAccount, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

describeEachDialect('special populations and assistance', (dialect) => {
  let t: TestApp;
  let worker: Call;
  let parttime: Call;
  let leader: Call;
  let otherCenter: Call;
  let personId: string;
  let specialId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await aSmallCounty(t.ctx);
    await anAccount(t.ctx, { username: 'sp_worker', role: 'grid_worker_fulltime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'sp_part', role: 'grid_worker_parttime', orgPath: '/511124/511124101/511124101001/' });
    await anAccount(t.ctx, { username: 'sp_center', role: 'center_operator', orgPath: '/511124/511124101/' });
    await anAccount(t.ctx, { username: 'sp_zy', role: 'center_operator', orgPath: '/511124/511124102/' });
    await anAccount(t.ctx, { username: 'sp_leader', role: 'leader', orgPath: '/511124/' });
    worker = as(t.app, await signInCookie(t.app, 'sp_worker'));
    parttime = as(t.app, await signInCookie(t.app, 'sp_part'));
    leader = as(t.app, await signInCookie(t.app, 'sp_leader'));
    otherCenter = as(t.app, await signInCookie(t.app, 'sp_zy'));
    const center = as(t.app, await signInCookie(t.app, 'sp_center'));
    const village = await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', '/511124/511124101/511124101001/').executeTakeFirstOrThrow();
    const gridId = (await center({ method: 'POST', url: '/api/grids', payload: { villageId: village.id, name: '一组' } })).json().id as string;
    personId = (await worker({ method: 'POST', url: '/api/persons', payload: { gridId, name: '赵六', idType: 'resident_id', idNumber: '511124198001010010', residenceStatus: 'registered' } })).json().id as string;
  });
  afterAll(async () => t.close());

  it('records a special population with its category and details sealed at rest', async () => {
    const created = await worker({ method: 'POST', url: `/api/persons/${personId}/special-populations`, payload: { category: 'community_correction', riskLevel: 'medium', supervisingUnit: '马踏镇司法所', startDate: '2026-03-01', endDate: '2027-03-01', details: '每月到司法所报到' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ personName: '赵六', idNumber: '511124********0010', category: 'community_correction', riskLevel: 'medium', details: '每月到司法所报到', active: true, version: 1 });
    specialId = created.json().id as string;
    const row = await t.ctx.db.kysely.selectFrom('special_population').selectAll().where('id', '=', specialId).executeTakeFirstOrThrow();
    expect(`${row.category_sealed}${row.details_sealed}`).not.toMatch(/community_correction|司法所报到/);
    const created_trail = await t.ctx.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'special_population.created').executeTakeFirstOrThrow();
    expect(created_trail.details).not.toContain('community_correction');
  });

  it('shows the records only to roles that work with them, and puts every read on the trail', async () => {
    const list = await worker({ method: 'GET', url: '/api/special-populations?category=community_correction&active=true' });
    expect(list.json().items).toEqual([expect.objectContaining({ id: specialId })]);
    expect((await worker({ method: 'GET', url: '/api/special-populations?category=drug_user' })).json().items).toEqual([]);
    expect((await worker({ method: 'GET', url: `/api/persons/${personId}/special-populations` })).json().items).toHaveLength(1);
    const reads = await t.ctx.db.kysely.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', 'sensitive.unmasked').where('object_type', '=', 'special_population').execute();
    expect(reads.map((read) => [read.actor_username, JSON.parse(read.details).purpose])).toEqual([
      ['sp_worker', 'list'],
      ['sp_worker', 'person'],
    ]);
    expect((await parttime({ method: 'GET', url: '/api/special-populations' })).statusCode).toBe(403);
    expect((await leader({ method: 'GET', url: `/api/persons/${personId}/special-populations` })).statusCode).toBe(403);
    expect((await otherCenter({ method: 'GET', url: `/api/persons/${personId}/special-populations` })).statusCode).toBe(404);
    expect((await otherCenter({ method: 'GET', url: '/api/special-populations' })).json().items).toEqual([]);
  });

  it('ends a record only with a reason, refuses dates out of order and stale versions', async () => {
    const noReason = await worker({ method: 'PATCH', url: `/api/special-populations/${specialId}`, payload: { version: 1, endDate: '2026-11-01' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'RECORD_END_REASON_REQUIRED', details: { field: 'reason' } });
    const backwards = await worker({ method: 'PATCH', url: `/api/special-populations/${specialId}`, payload: { version: 1, endDate: '2025-01-01', reason: '解矫' } });
    expect(backwards.json().error.code).toBe('RECORD_DATES_INVALID');
    const ended = await worker({ method: 'PATCH', url: `/api/special-populations/${specialId}`, payload: { version: 1, endDate: '2026-11-01', reason: '矫正期满解除' } });
    expect(ended.json()).toMatchObject({ active: false, endReason: '矫正期满解除', version: 2 });
    expect((await worker({ method: 'PATCH', url: `/api/special-populations/${specialId}`, payload: { version: 1, riskLevel: 'low' } })).json().error.code).toBe('RECORD_CHANGED');
    expect((await worker({ method: 'GET', url: '/api/special-populations?active=false' })).json().items).toEqual([expect.objectContaining({ id: specialId })]);
    const wrong = await worker({ method: 'POST', url: `/api/persons/${personId}/special-populations`, payload: { category: 'gambler', riskLevel: 'medium', supervisingUnit: 'x', startDate: '2026-03-01' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.category' })]));
  });

  it('keeps assistance records with their measures, ending them with a reason', async () => {
    const created = await parttime({ method: 'POST', url: `/api/persons/${personId}/assistance`, payload: { kind: 'minimum_living', measures: '每月低保金 600 元，每季度走访', startDate: '2026-01-01' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const ended = await parttime({ method: 'PATCH', url: `/api/assistance/${id}`, payload: { version: 1, endDate: '2026-10-31', reason: '家庭收入已超过低保线' } });
    expect(ended.json()).toMatchObject({ active: false, endReason: '家庭收入已超过低保线', version: 2 });
    expect((await leader({ method: 'GET', url: `/api/persons/${personId}/assistance` })).json().items).toEqual([expect.objectContaining({ id, kind: 'minimum_living' })]);
    expect((await otherCenter({ method: 'PATCH', url: `/api/assistance/${id}`, payload: { version: 2, measures: 'x' } })).statusCode).toBe(404);
    expect((await parttime({ method: 'POST', url: `/api/persons/${personId}/assistance`, payload: { kind: 'minimum_living', measures: '', startDate: '2026-13-01' } })).statusCode).toBe(400);
  });
});

// Surveys of awareness and satisfaction: the county defines a questionnaire (no satisfaction
// question in the first half-year), opening draws each village's sample from its adult residents
// (reproducible with the seed, without replacement; too few adults refuses the whole opening),
// interviewers answer for drawn people within their village, residents answer the public QR form
// once per phone within a rate limit, and the rates carry 95% Wilson intervals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample, maskPhone, newId, parsePhone } from '@gridwork/core';
import { unitCodeColumns } from '../../db/sql-helpers.js';
import type { AppContext } from '../../platform/context.js';
import { anAccount, anOrgUnit, aSmallCounty } from '../../test-support/builders.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Call = ReturnType<typeof as>;

const MATA = '/511124/511124101/511124101001/';
const YANGLIU = '/511124/511124101/511124101002/';
const ZHUYUAN = '/511124/511124102/511124102001/';

/** A resident written straight into the registry, so that each test controls birth date, residence and status. */
async function aResident(ctx: AppContext, input: { gridPath: string; name: string; birthDate: string | null; status?: 'active' | 'moved_out' | 'deceased'; residenceStatus?: 'registered' | 'floating' | 'overseas'; phone?: string }): Promise<string> {
  const id = newId();
  const now = new Date(ctx.clock()).toISOString();
  const phone = input.phone ? parsePhone(input.phone) : null;
  const phoneValue = phone?.ok ? phone.value : null;
  const crypto = ctx.fieldCrypto();
  await ctx.db.kysely
    .insertInto('person')
    .values({
      id,
      path: input.gridPath,
      ...unitCodeColumns(input.gridPath),
      grid_id: null,
      name: input.name,
      gender: null,
      ethnicity: null,
      birth_date: input.birthDate,
      id_type: 'resident_id',
      id_sealed: null,
      id_index: null,
      id_masked: null,
      phone_sealed: phoneValue ? crypto.seal(phoneValue) : null,
      phone_index: phoneValue ? crypto.blindIndex('phone', phoneValue) : null,
      phone_masked: phoneValue ? maskPhone(phoneValue) : null,
      hukou_place: null,
      address: `${input.name}家`,
      residence_status: input.residenceStatus ?? 'registered',
      tags: '[]',
      status: input.status ?? 'active',
      status_reason: null,
      version: 1,
      key_group: 0,
      verified_at: null,
      verified_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

const YES_NO = [
  { label: '知道', positive: true },
  { label: '不知道', positive: false },
];
const AWARENESS = [
  { id: 'a1', kind: 'awareness', text: '您知道您所在网格的网格员吗？', options: YES_NO },
  { id: 'a2', kind: 'awareness', text: '您知道怎样向网格员反映问题吗？', options: YES_NO },
];
const SATISFACTION = { id: 's1', kind: 'satisfaction', text: '您对网格员的服务满意吗？', options: [{ label: '满意', positive: true }, { label: '不满意', positive: false }] };
const FREE = { id: 'f1', kind: 'free', text: '您的意见和建议' };

describeEachDialect('surveys', (dialect) => {
  let t: TestApp;
  let county: Call;
  let mataAdmin: Call;
  let zhuyuanAdmin: Call;
  let worker: Call;
  let leader: Call;
  const villages = new Map<string, string>();
  const adults = new Map<string, string[]>();
  let keys = 0;
  const key = (label = 'k') => `sv-${dialect}-${label}-${(keys += 1)}`;

  const createSurvey = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    county({
      method: 'POST',
      url: '/api/surveys',
      headers,
      payload: { clientKey: key('survey'), title: '2026年下半年平安建设知晓率满意率调查', year: 2026, half: 'H2', startsOn: '2026-07-01', endsOn: '2026-12-31', samplePerVillage: 5, seed: 'seed-a', questions: [...AWARENESS, SATISFACTION, FREE], villageIds: [villages.get(MATA), villages.get(ZHUYUAN)], ...payload },
    });
  const openSurvey = async (payload: Record<string, unknown> = {}) => {
    const created = await createSurvey(payload);
    expect(created.statusCode).toBe(201);
    const opened = await county({ method: 'POST', url: `/api/surveys/${created.json().id}/open` });
    expect(opened.statusCode).toBe(200);
    return opened.json() as { id: string; status: string; villages: { id: string; name: string; publicCode: string; adultPopulation: number; sampleSize: number; answered: number; sampled: number }[] };
  };
  const sampleOf = async (call: Call, surveyId: string, villagePath: string) => call({ method: 'GET', url: `/api/surveys/${surveyId}/sample?villageId=${villages.get(villagePath)}` });
  const answer = (call: Call, surveyId: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call({ method: 'POST', url: `/api/surveys/${surveyId}/answers`, headers, payload: { clientKey: key('answer'), villageId: villages.get(MATA), channel: 'phone', answers: { a1: 0, a2: 0, s1: 0 }, ...payload } });
  let ips = 0;
  const publicAnswer = (code: string, payload: Record<string, unknown>, ip = `10.0.${(ips += 1)}.1`, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/public/surveys/${code}/answers`, remoteAddress: ip, headers, payload: { clientKey: key('public'), phone: '13900000000', answers: { a1: 0, a2: 0, s1: 0 }, ...payload } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-07-10T02:00:00.000Z');
    await aSmallCounty(t.ctx);
    await anOrgUnit(t.ctx, YANGLIU, 'village', '杨柳村');
    for (const path of [MATA, YANGLIU, ZHUYUAN]) {
      villages.set(path, (await t.ctx.db.kysely.selectFrom('org_unit').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id);
      await anOrgUnit(t.ctx, `${path}G01/`, 'grid', '第一网格');
    }
    // 马踏村: 12 adults on 1 July 2026 (one turned 18 that very day), and six who are not in the
    // frame: a 17-year-old, one turning 18 the day after, one moved out, one deceased, one abroad,
    // one without a birth date.
    const mata: string[] = [];
    for (let i = 0; i < 11; i += 1) mata.push(await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: `马踏居民${i}`, birthDate: `19${60 + i}-03-0${(i % 9) + 1}`, phone: `1380000${String(i).padStart(4, '0')}` }));
    mata.push(await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '刚成年', birthDate: '2008-07-01' }));
    await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '未成年', birthDate: '2009-01-01' });
    await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '明天成年', birthDate: '2008-07-02' });
    await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '已迁出', birthDate: '1970-01-01', status: 'moved_out' });
    await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '已去世', birthDate: '1940-01-01', status: 'deceased' });
    await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '在国外', birthDate: '1980-01-01', residenceStatus: 'overseas' });
    await aResident(t.ctx, { gridPath: `${MATA}G01/`, name: '无生日', birthDate: null });
    adults.set(MATA, mata);
    const zhuyuan: string[] = [];
    for (let i = 0; i < 8; i += 1) zhuyuan.push(await aResident(t.ctx, { gridPath: `${ZHUYUAN}G01/`, name: `竹园居民${i}`, birthDate: `1975-0${(i % 9) + 1}-15`, residenceStatus: i % 2 ? 'floating' : 'registered' }));
    adults.set(ZHUYUAN, zhuyuan);
    for (let i = 0; i < 3; i += 1) await aResident(t.ctx, { gridPath: `${YANGLIU}G01/`, name: `杨柳居民${i}`, birthDate: '1990-05-05' });

    await anAccount(t.ctx, { username: 'sv_county', role: 'county_admin', orgPath: '/511124/' });
    await anAccount(t.ctx, { username: 'sv_mata', role: 'village_admin', orgPath: MATA });
    await anAccount(t.ctx, { username: 'sv_zhuyuan', role: 'village_admin', orgPath: ZHUYUAN });
    await anAccount(t.ctx, { username: 'sv_worker', role: 'grid_worker_parttime', orgPath: `${MATA}G01/` });
    await anAccount(t.ctx, { username: 'sv_leader', role: 'leader', orgPath: '/511124/' });
    county = as(t.app, await signInCookie(t.app, 'sv_county'));
    mataAdmin = as(t.app, await signInCookie(t.app, 'sv_mata'));
    zhuyuanAdmin = as(t.app, await signInCookie(t.app, 'sv_zhuyuan'));
    worker = as(t.app, await signInCookie(t.app, 'sv_worker'));
    leader = as(t.app, await signInCookie(t.app, 'sv_leader'));
  });
  afterAll(async () => t.close());

  describe('drawing the sample', () => {
    it('draws the same adults of the village with the same seed, other ones with another seed', async () => {
      const first = await openSurvey();
      const mata = first.villages.find((village) => village.id === villages.get(MATA));
      expect(mata).toMatchObject({ adultPopulation: 12, sampleSize: 5, answered: 0, sampled: 0 });
      const drawn = (await sampleOf(county, first.id, MATA)).json() as { people: { personId: string; ordinal: number; answered: boolean }[] };
      const ids = drawn.people.map((person) => person.personId);
      expect(drawn.people.map((person) => person.ordinal)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(ids).size).toBe(5);
      expect(ids.every((id) => adults.get(MATA)?.includes(id))).toBe(true);
      // The draw is core's, over the village's adults: the registry's frame and the seed decide it.
      expect(ids).toEqual(drawSample(adults.get(MATA) ?? [], 5, 'seed-a', villages.get(MATA) ?? ''));

      const again = await openSurvey();
      expect(((await sampleOf(county, again.id, MATA)).json() as typeof drawn).people.map((person) => person.personId)).toEqual(ids);
      const other = await openSurvey({ seed: 'seed-b' });
      const otherIds = ((await sampleOf(county, other.id, MATA)).json() as typeof drawn).people.map((person) => person.personId);
      expect(otherIds).not.toEqual(ids);
      expect(otherIds.every((id) => adults.get(MATA)?.includes(id))).toBe(true);
      // 竹园村 has exactly 8 adults (registered and floating alike): a sample of 8 takes them all.
      const everyone = await openSurvey({ samplePerVillage: 8 });
      const zhuyuanIds = ((await sampleOf(county, everyone.id, ZHUYUAN)).json() as typeof drawn).people.map((person) => person.personId);
      expect(new Set(zhuyuanIds)).toEqual(new Set(adults.get(ZHUYUAN)));
    });

    it('refuses a sample larger than a village’s adults, naming the village, and draws nothing', async () => {
      const created = await createSurvey({ villageIds: [villages.get(MATA), villages.get(YANGLIU)] });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const zh = await county({ method: 'POST', url: `/api/surveys/${id}/open` });
      const en = await county({ method: 'POST', url: `/api/surveys/${id}/open`, headers: { 'accept-language': 'en-US' } });
      expect(zh.statusCode).toBe(422);
      expect(zh.json().error).toMatchObject({ code: 'SURVEY_SAMPLE_TOO_LARGE', details: { field: 'samplePerVillage', villageName: '杨柳村', adults: 3, sample: 5 } });
      expect(zh.json().error.message).toContain('杨柳村');
      expect(en.json().error.message).toContain('only 3 adult residents');
      const after = (await county({ method: 'GET', url: `/api/surveys/${id}` })).json();
      expect(after.status).toBe('draft');
      expect(after.villages.map((village: { sampleSize: number }) => village.sampleSize)).toEqual([0, 0]);
      const rows = await t.ctx.db.kysely.selectFrom('survey_sample').select('person_id').where('survey_id', '=', id).execute();
      expect(rows).toEqual([]);
      // Lowering the sample in the draft lets it open.
      const patched = await county({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version: after.version, samplePerVillage: 3 } });
      expect(patched.statusCode).toBe(200);
      const opened = await county({ method: 'POST', url: `/api/surveys/${id}/open` });
      expect(opened.statusCode).toBe(200);
      expect(opened.json().villages.map((village: { sampleSize: number }) => village.sampleSize)).toEqual([3, 3]);
      const late = await county({ method: 'PATCH', url: `/api/surveys/${id}`, payload: { version: opened.json().version, title: '改名' } });
      expect(late.json().error.code).toBe('SURVEY_NOT_DRAFT');
    });
  });

  describe('bad input', () => {
    const surveyCount = async () => Number((await t.ctx.db.kysely.selectFrom('survey').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const refused = async (payload: Record<string, unknown>, status: number, code: string, field: string) => {
      const before = await surveyCount();
      const zh = await createSurvey(payload);
      const en = await createSurvey(payload, { 'accept-language': 'en-US' });
      expect({ zh: zh.statusCode, en: en.statusCode, code: zh.json().error.code }).toEqual({ zh: status, en: status, code });
      expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(JSON.stringify(zh.json().error)).toContain(field);
      expect(en.json().error.message).toContain(field);
      expect(await surveyCount()).toBe(before);
    };

    it('a first-half survey asking satisfaction is refused, naming the question', async () => {
      await refused({ half: 'H1', startsOn: '2026-03-01', endsOn: '2026-06-30' }, 422, 'SURVEY_SATISFACTION_IN_H1', 'questions[2].kind');
    });

    it('schema violations, bad questions, dates and villages name their field', async () => {
      await refused({ samplePerVillage: 0 }, 400, 'VALIDATION_FAILED', 'samplePerVillage');
      await refused({ half: 'H3' }, 400, 'VALIDATION_FAILED', 'half');
      await refused({ questions: [{ ...AWARENESS[0], options: [YES_NO[1]] }] }, 422, 'SURVEY_QUESTION_INVALID', 'questions[0].options');
      await refused({ questions: [AWARENESS[0], AWARENESS[0]] }, 422, 'SURVEY_QUESTION_INVALID', 'questions[1].id');
      await refused({ endsOn: '2026-06-30' }, 422, 'SURVEY_DATES_INVALID', 'endsOn');
      await refused({ villageIds: [villages.get(MATA), newId()] }, 422, 'SURVEY_VILLAGE_INVALID', 'villageIds[1]');
    });

    it('an answer sheet missing a question or out of range names it', async () => {
      const survey = await openSurvey();
      const missing = await answer(county, survey.id, { phone: '13700000001', answers: { a1: 0, s1: 0 } });
      expect(missing.json().error).toMatchObject({ code: 'SURVEY_ANSWER_INVALID', details: { field: 'answers.a2' } });
      const en = await answer(county, survey.id, { phone: '13700000001', answers: { a1: 0, a2: 2, s1: 0 } }, { 'accept-language': 'en-US' });
      expect(en.statusCode).toBe(422);
      expect(en.json().error.message).toContain('answers.a2');
      const phone = await answer(county, survey.id, { phone: '12345' });
      expect(phone.json().error).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
      const nobody = await answer(county, survey.id, {});
      expect(nobody.json().error).toMatchObject({ code: 'SURVEY_RESPONDENT_INVALID', details: { field: 'personId' } });
      const stranger = await answer(county, survey.id, { personId: adults.get(ZHUYUAN)?.[0] });
      expect(stranger.json().error).toMatchObject({ code: 'SURVEY_RESPONDENT_INVALID', details: { field: 'personId' } });
      const schema = await answer(county, survey.id, { channel: 'public' }, { 'accept-language': 'en-US' });
      expect(schema.statusCode).toBe(400);
      expect(schema.json().error.message).toContain('channel');
    });
  });

  describe('answers', () => {
    it('takes one answer per person and per phone; a retried client key answers the first', async () => {
      const survey = await openSurvey();
      const drawn = ((await sampleOf(worker, survey.id, MATA)).json() as { people: { personId: string; phoneMasked: string | null }[] }).people;
      // A drawn person with a phone in the registry (刚成年 has none).
      const person = drawn.find((entry) => entry.phoneMasked !== null)!;
      const clientKey = key('retry');
      const first = await answer(worker, survey.id, { clientKey, channel: 'field', personId: person.personId });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ channel: 'field', personId: person.personId, aware: true, satisfied: true });
      const retry = await answer(worker, survey.id, { clientKey, channel: 'field', personId: person.personId });
      expect(retry.statusCode).toBe(200);
      expect(retry.json().id).toBe(first.json().id);
      const second = await answer(mataAdmin, survey.id, { personId: person.personId });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
      // The person's registry phone stands for them on the public form too.
      const code = survey.villages.find((village) => village.id === villages.get(MATA))?.publicCode ?? '';
      const index = adults.get(MATA)?.indexOf(person.personId) ?? -1;
      const viaForm = await publicAnswer(code, { phone: `1380000${String(index).padStart(4, '0')}` });
      expect(viaForm.statusCode).toBe(409);
      // A phone interview with a number: the same number typed otherwise is the same phone.
      expect((await answer(county, survey.id, { phone: '13912345678' })).statusCode).toBe(201);
      const sameFromForm = await publicAnswer(code, { phone: '+86 139-1234-5678' });
      expect(sameFromForm.statusCode).toBe(409);
      expect(sameFromForm.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
      const row = await t.ctx.db.kysely.selectFrom('survey_answer').selectAll().where('survey_id', '=', survey.id).where('person_id', 'is', null).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain('13912345678');
      expect(row.phone_index).toMatch(/^[0-9a-f]{16,}$/u);
      const listed = ((await sampleOf(county, survey.id, MATA)).json() as { people: { personId: string; answered: boolean; answeredChannel: string | null }[] }).people;
      expect(listed.find((entry) => entry.personId === person.personId)).toMatchObject({ answered: true, answeredChannel: 'field' });
      const audits = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', survey.id).execute();
      expect(audits.map((entry) => entry.action).sort()).toEqual(['survey.answered', 'survey.answered', 'survey.created', 'survey.opened']);
    });

    it('keeps one answer per person and per phone when two arrive at the same moment (409, never 500)', async () => {
      const survey = await openSurvey();
      const drawn = ((await sampleOf(county, survey.id, MATA)).json() as { people: { personId: string }[] }).people;
      // The same drawn person entered by two interviewers at once, each typing another number:
      // only the person holds the two apart (no unique key on person_id).
      for (const person of drawn.slice(0, 3)) {
        const both = await Promise.all([
          answer(worker, survey.id, { channel: 'field', personId: person.personId, phone: `1371111${String(drawn.indexOf(person)).padStart(4, '0')}` }),
          answer(mataAdmin, survey.id, { personId: person.personId, phone: `1372222${String(drawn.indexOf(person)).padStart(4, '0')}` }),
        ]);
        expect(both.map((response) => response.statusCode).sort()).toEqual([201, 409]);
        expect(both.find((response) => response.statusCode === 409)?.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
      }
      const perPerson = await t.ctx.db.kysely.selectFrom('survey_answer').select('person_id').where('survey_id', '=', survey.id).where('person_id', 'is not', null).execute();
      expect(perPerson).toHaveLength(3);
      // Two residents' forms with the same phone at once: the unique phone index answers 409.
      const code = survey.villages.find((village) => village.id === villages.get(MATA))?.publicCode ?? '';
      for (let round = 0; round < 3; round += 1) {
        const forms = await Promise.all([publicAnswer(code, { phone: `1365555000${round}` }), publicAnswer(code, { phone: `136 5555 000${round}` })]);
        expect(forms.map((response) => response.statusCode).sort()).toEqual([201, 409]);
        expect(forms.find((response) => response.statusCode === 409)?.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
      }
      const audits = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', survey.id).where('action', '=', 'survey.answered').execute();
      expect(audits).toHaveLength(6);
    });

    it('keeps a village admin, a grid worker and their reads to their own village', async () => {
      const survey = await openSurvey();
      expect((await sampleOf(zhuyuanAdmin, survey.id, MATA)).statusCode).toBe(404);
      expect((await sampleOf(worker, survey.id, ZHUYUAN)).statusCode).toBe(404);
      const foreign = await answer(zhuyuanAdmin, survey.id, { phone: '13811112222' });
      expect(foreign.statusCode).toBe(404);
      const zhuyuanPerson = ((await sampleOf(zhuyuanAdmin, survey.id, ZHUYUAN)).json() as { people: { personId: string }[] }).people[0]!.personId;
      expect((await answer(mataAdmin, survey.id, { villageId: villages.get(ZHUYUAN), personId: zhuyuanPerson })).statusCode).toBe(404);
      const seen = (await mataAdmin({ method: 'GET', url: `/api/surveys/${survey.id}` })).json();
      expect(seen.villages.map((village: { name: string }) => village.name)).toEqual(['马踏村']);
      const rates = (await zhuyuanAdmin({ method: 'GET', url: `/api/surveys/${survey.id}/rates` })).json();
      expect(rates.villages.map((village: { unitName: string }) => village.unitName)).toEqual(['竹园村']);
      // A survey of 竹园村 alone is not 马踏村's to see.
      const created = await createSurvey({ villageIds: [villages.get(ZHUYUAN)] });
      expect((await mataAdmin({ method: 'GET', url: `/api/surveys/${created.json().id}` })).statusCode).toBe(404);
      expect((await mataAdmin({ method: 'GET', url: `/api/surveys/${created.json().id}/rates` })).statusCode).toBe(404);
      const list = (await mataAdmin({ method: 'GET', url: '/api/surveys?year=2026' })).json() as { items: { id: string }[] };
      expect(list.items.map((item) => item.id)).not.toContain(created.json().id);
      expect(list.items.map((item) => item.id)).toContain(survey.id);
      // Interviewers' list of open surveys: questions and their own villages only.
      const open = (await zhuyuanAdmin({ method: 'GET', url: '/api/surveys/open' })).json() as { items: { id: string; questions: unknown[]; villages: { name: string }[] }[] };
      expect(open.items.map((item) => item.id)).toContain(survey.id);
      expect(open.items.find((item) => item.id === survey.id)).toMatchObject({ questions: expect.arrayContaining([expect.objectContaining({ id: 's1' })]), villages: [{ name: '竹园村' }] });
      expect((await mataAdmin({ method: 'GET', url: '/api/surveys/open' })).json().items.map((item: { id: string }) => item.id)).not.toContain(created.json().id);
    });

    it('refuses answers once the survey is closed', async () => {
      const survey = await openSurvey();
      expect((await county({ method: 'POST', url: `/api/surveys/${survey.id}/close` })).json().status).toBe('closed');
      const late = await answer(county, survey.id, { phone: '13722223333' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('SURVEY_NOT_OPEN');
      expect((await county({ method: 'POST', url: `/api/surveys/${survey.id}/close` })).statusCode).toBe(409);
    });
  });

  describe('the public form', () => {
    it('shows an open village questionnaire without the positive flags, and 404 for unknown, draft or closed codes', async () => {
      const survey = await openSurvey();
      const code = survey.villages[0]!.publicCode;
      const form = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}` });
      expect(form.statusCode).toBe(200);
      expect(form.json()).toMatchObject({ code, villageName: '马踏村', townshipName: '马踏镇', half: 'H2' });
      expect(JSON.stringify(form.json())).not.toContain('positive');
      expect((await t.app.inject({ method: 'GET', url: '/api/public/surveys/nosuchcode' })).statusCode).toBe(404);
      const draft = (await createSurvey({})).json();
      expect((await t.app.inject({ method: 'GET', url: `/api/public/surveys/${draft.villages[0].publicCode}` })).statusCode).toBe(404);
      await county({ method: 'POST', url: `/api/surveys/${survey.id}/close` });
      expect((await t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}` })).statusCode).toBe(404);
      expect((await publicAnswer(code, { phone: '13655556666' })).statusCode).toBe(404);
    });

    it('takes one answer per phone, checks the phone and the answers, naming the field', async () => {
      const survey = await openSurvey();
      const code = survey.villages[0]!.publicCode;
      const clientKey = key('form');
      const first = await publicAnswer(code, { clientKey, phone: '13655557777' });
      expect(first.statusCode).toBe(201);
      const retry = await publicAnswer(code, { clientKey, phone: '13655557777' });
      expect(retry.statusCode).toBe(200);
      expect(retry.json().id).toBe(first.json().id);
      const again = await publicAnswer(code, { phone: '136 5555 7777' });
      expect(again.statusCode).toBe(409);
      for (const headers of [{}, { 'accept-language': 'en-US' }] as Record<string, string>[]) {
        const badPhone = await publicAnswer(code, { phone: '1234' }, undefined, headers);
        expect(badPhone.json().error).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
        const badAnswer = await publicAnswer(code, { phone: '13655558888', answers: { a1: 0 } }, undefined, headers);
        expect(badAnswer.json().error).toMatchObject({ code: 'SURVEY_ANSWER_INVALID', details: { field: 'answers.a2' } });
        expect(badAnswer.json().error.message).toContain('answers.a2');
        const noPhone = await t.app.inject({ method: 'POST', url: `/api/public/surveys/${code}/answers`, remoteAddress: '10.9.9.9', headers, payload: { clientKey: key(), answers: {} } });
        expect(noPhone.statusCode).toBe(400);
        expect(noPhone.json().error.message).toContain('phone');
      }
      const rows = await t.ctx.db.kysely.selectFrom('survey_answer').selectAll().where('survey_id', '=', survey.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ channel: 'public', person_id: null, entered_by: null, aware: 1, satisfied: 1 });
    });

    it('limits answers per IP address, saying when to try again', async () => {
      const survey = await openSurvey();
      const code = survey.villages[0]!.publicCode;
      for (let i = 0; i < 5; i += 1) expect((await publicAnswer(code, { phone: `1350000100${i}` }, '10.200.0.1')).statusCode).toBe(201);
      const limited = await publicAnswer(code, { phone: '13500001009' }, '10.200.0.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBe(600);
      // Without GRIDWORK_TRUST_PROXY a client cannot pick its address with X-Forwarded-For.
      const spoofed = await publicAnswer(code, { phone: '13500001008' }, '10.200.0.1', { 'x-forwarded-for': '203.0.113.7' });
      expect(spoofed.statusCode).toBe(429);
      // Another address is not held back; ten minutes later the first one may answer again.
      expect((await publicAnswer(code, { phone: '13500001010' }, '10.200.0.2')).statusCode).toBe(201);
      t.clock.advance(5 * 60_000);
      expect(Number((await publicAnswer(code, { phone: '13500001011' }, '10.200.0.1')).headers['retry-after'])).toBe(300);
      t.clock.advance(5 * 60_000 + 1000);
      expect((await publicAnswer(code, { phone: '13500001012' }, '10.200.0.1')).statusCode).toBe(201);
    });
  });

  it('computes the rates per village and township with Wilson intervals, by hand', async () => {
    const survey = await openSurvey({ villageIds: [villages.get(MATA), villages.get(YANGLIU), villages.get(ZHUYUAN)], samplePerVillage: 3 });
    const mata = ((await sampleOf(county, survey.id, MATA)).json() as { people: { personId: string }[] }).people.map((person) => person.personId);
    const yangliu = ((await sampleOf(county, survey.id, YANGLIU)).json() as { people: { personId: string }[] }).people.map((person) => person.personId);
    // 马踏村: three drawn people answer (aware, aware, not aware; satisfied, not, satisfied) and one
    // phone respondent (aware, satisfied): aware 3 of 4, satisfied 3 of 4, 3 of 3 drawn answered.
    await answer(county, survey.id, { personId: mata[0], answers: { a1: 0, a2: 0, s1: 0 } });
    await answer(county, survey.id, { personId: mata[1], answers: { a1: 0, a2: 1, s1: 1 } });
    await answer(county, survey.id, { personId: mata[2], answers: { a1: 1, a2: 1, s1: 0 } });
    await answer(county, survey.id, { phone: '13788889999', answers: { a1: 0, a2: 0, s1: 0 } });
    // 杨柳村: one drawn person, aware and not satisfied: 1 of 1, 0 of 1, 1 of 3 drawn answered.
    await answer(county, survey.id, { villageId: villages.get(YANGLIU), personId: yangliu[0], answers: { a1: 0, a2: 0, s1: 1 } });
    const rates = (await leader({ method: 'GET', url: `/api/surveys/${survey.id}/rates` })).json();
    const mataRow = rates.villages.find((row: { unitName: string }) => row.unitName === '马踏村');
    expect(mataRow).toMatchObject({ parentName: '马踏镇', sampleSize: 3, respondents: 4, sampledRespondents: 3, responseRate: 1, awarenessAsked: 4, aware: 3, awarenessRate: 0.75, satisfactionAsked: 4, satisfied: 3, satisfactionRate: 0.75 });
    // Wilson 95% for 3 of 4: 0.3006 to 0.9544.
    expect(mataRow.awarenessInterval.low).toBeCloseTo(0.3006, 4);
    expect(mataRow.awarenessInterval.high).toBeCloseTo(0.9544, 4);
    const township = rates.townships.find((row: { unitName: string }) => row.unitName === '马踏镇');
    // 马踏镇 = 马踏村 + 杨柳村: aware 4 of 5 (0.3755 to 0.9638), satisfied 3 of 5, drawn 6, answered 4 of them.
    expect(township).toMatchObject({ sampleSize: 6, respondents: 5, sampledRespondents: 4, aware: 4, awarenessAsked: 5, satisfied: 3, satisfactionAsked: 5 });
    expect(township.responseRate).toBeCloseTo(4 / 6, 10);
    expect(township.awarenessInterval.low).toBeCloseTo(0.3755, 4);
    expect(township.awarenessInterval.high).toBeCloseTo(0.9638, 4);
    const zhuyuan = rates.townships.find((row: { unitName: string }) => row.unitName === '竹园镇');
    expect(zhuyuan).toMatchObject({ respondents: 0, responseRate: 0, awarenessRate: null, awarenessInterval: null });
    expect(rates.total).toMatchObject({ unitName: '井研县', sampleSize: 9, respondents: 5, aware: 4 });
    // An H1 survey asks no satisfaction: nobody is counted for it.
    const h1 = await openSurvey({ half: 'H1', startsOn: '2026-03-01', endsOn: '2026-06-30', questions: AWARENESS });
    await answer(county, h1.id, { phone: '13788880000', answers: { a1: 0, a2: 1 } });
    const h1Rates = (await county({ method: 'GET', url: `/api/surveys/${h1.id}/rates` })).json();
    expect(h1Rates.total).toMatchObject({ aware: 1, awarenessAsked: 1, satisfactionAsked: 0, satisfactionRate: null, satisfactionInterval: null });
  });
});

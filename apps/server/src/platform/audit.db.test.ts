// The audit trail is append-only and hash-chained: a changed, removed or re-linked entry is found
// by verification, on both databases and with both hash suites.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount } from '../test-support/builders.js';
import { as, signInCookie } from '../test-support/http.js';
import { describeEachDialect } from '../test-support/test-db.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { GENESIS_HASH, verifyAuditChain } from './audit.js';

const actor = { id: null, username: 'tester', role: null, ip: '127.0.0.1', userAgent: 'vitest' };

describeEachDialect('the audit chain', (dialect) => {
  for (const suite of ['intl', 'sm'] as const) {
    describe(`with the ${suite} crypto suite`, () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await createTestApp(dialect, { cryptoSuite: suite });
        for (let i = 0; i < 5; i += 1) {
          await t.ctx.audit.appendAlone(actor, {
            action: 'org_unit.updated',
            objectType: 'org_unit',
            objectId: `u${i}`,
            details: { after: { name: `村${i}` } },
          });
        }
      });
      afterAll(async () => t.close());

      it('links every entry to the one before, from the genesis hash', async () => {
        const rows = await t.ctx.db.kysely
          .selectFrom('audit_log')
          .select(['seq', 'prev_hash', 'hash', 'hash_alg'])
          .orderBy('seq')
          .execute();
        expect(rows.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5]);
        expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
        for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
        expect(new Set(rows.map((row) => row.hash_alg))).toEqual(
          new Set([suite === 'sm' ? 'sm3' : 'sha256']),
        );
        expect(await verifyAuditChain(t.ctx.db.kysely, 2)).toEqual({
          entries: 5,
          ok: true,
          brokenAt: null,
          reason: null,
        });
      });

      it('finds an entry whose details were changed afterwards', async () => {
        const original = await t.ctx.db.kysely
          .selectFrom('audit_log')
          .select('details')
          .where('seq', '=', 3)
          .executeTakeFirstOrThrow();
        await t.ctx.db.kysely
          .updateTable('audit_log')
          .set({ details: '{"after":{"name":"改过"}}' })
          .where('seq', '=', 3)
          .execute();
        expect(await verifyAuditChain(t.ctx.db.kysely)).toEqual({
          entries: 2,
          ok: false,
          brokenAt: 3,
          reason: 'hash_mismatch',
        });
        await t.ctx.db.kysely
          .updateTable('audit_log')
          .set({ details: original.details })
          .where('seq', '=', 3)
          .execute();
        expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
      });

      it('finds a removed entry', async () => {
        const row = await t.ctx.db.kysely
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '=', 2)
          .executeTakeFirstOrThrow();
        await t.ctx.db.kysely.deleteFrom('audit_log').where('seq', '=', 2).execute();
        expect(await verifyAuditChain(t.ctx.db.kysely)).toEqual({
          entries: 1,
          ok: false,
          brokenAt: 2,
          reason: 'missing_entry',
        });
        await t.ctx.db.kysely.insertInto('audit_log').values(row).execute();
      });

      it('finds an entry rewritten with a fresh hash but the old link', async () => {
        await sql`update audit_log set prev_hash = ${'f'.repeat(64)} where seq = 4`.execute(t.ctx.db.kysely);
        const report = await verifyAuditChain(t.ctx.db.kysely);
        expect(report).toMatchObject({ ok: false, brokenAt: 4, reason: 'broken_link' });
      });
    });
  }
});

describeEachDialect('the audit administrator', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await anAccount(t.ctx, { username: 'auditor', role: 'audit_admin', orgPath: '/' });
    await anAccount(t.ctx, { username: 'clerk', role: 'dept_handler', orgPath: '/511124/' });
  });
  afterAll(async () => t.close());

  it('searches the trail by account, action and time, newest first, and verifies it', async () => {
    const clerk = as(t.app, await signInCookie(t.app, 'clerk'));
    const denied = await clerk({ method: 'GET', url: '/api/accounts' });
    expect(denied.statusCode).toBe(403);
    const auditor = as(t.app, await signInCookie(t.app, 'auditor'));
    const search = await auditor({
      method: 'GET',
      url: '/api/audit?actorUsername=clerk&action=access.denied',
    });
    expect(search.statusCode).toBe(200);
    const items = search.json().items as {
      action: string;
      outcome: string;
      details: Record<string, unknown>;
      ip: string;
    }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: 'access.denied',
      outcome: 'denied',
      details: { permission: 'account.read', route: 'GET /api/accounts' },
    });
    const all = await auditor({ method: 'GET', url: '/api/audit?limit=3' });
    const seqs = (all.json().items as { seq: number }[]).map((item) => item.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const page2 = await auditor({ method: 'GET', url: `/api/audit?limit=3&before=${seqs.at(-1)}` });
    expect((page2.json().items as { seq: number }[])[0]?.seq).toBe((seqs.at(-1) ?? 0) - 1);
    const future = await auditor({ method: 'GET', url: '/api/audit?from=2099-01-01T00:00:00Z' });
    expect(future.json().items).toEqual([]);
    const badDate = await auditor({ method: 'GET', url: '/api/audit?from=yesterday' });
    expect(badDate.json().error.details.fields[0]).toMatchObject({
      field: 'querystring.from',
      rule: 'format',
    });
    const verify = await auditor({ method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('no other role reads the trail, and the attempt is itself recorded', async () => {
    const clerk = as(t.app, await signInCookie(t.app, 'clerk'));
    expect((await clerk({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await clerk({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(403);
    const rows = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'access.denied')
      .where('actor_username', '=', 'clerk')
      .execute();
    expect(rows.map((row) => JSON.parse(row.details).permission)).toContain('audit.read');
  });
});

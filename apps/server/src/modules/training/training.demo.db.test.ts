// The demo's training year on both databases: sessions of every kind before today, attendance by
// sheet and by QR code, and grid workers and department staff who fall short of the rules.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.js';
import { as, signInCookie } from '../../test-support/http.js';
import { describeEachDialect } from '../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describeEachDialect('the demo training year', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.ctx);
  }, 240_000);
  afterAll(async () => t.close());

  it('has a year of sessions, some workers short, and today’s session ready to scan', async () => {
    const county = as(t.app, await signInCookie(t.app, 'county', 'Grid@2026'));
    const sessions = (await county({ method: 'GET', url: '/api/training/sessions?limit=200' })).json().items as { kind: string; date: string; attendanceCount: number; signInToken: string | null }[];
    // The test clock is 2026-11-24: every session of the year, today's and next week's.
    expect(new Set(sessions.map((session) => session.kind))).toEqual(new Set(['ethics', 'skills', 'department', 'hierarchical', 'study_visit']));
    expect(sessions.find((session) => session.date === '2026-11-24')).toMatchObject({ attendanceCount: 0 });
    expect(sessions.filter((session) => session.attendanceCount > 0).length).toBeGreaterThanOrEqual(9);
    const compliance = (await county({ method: 'GET', url: '/api/training/compliance?year=2026' })).json();
    const names = (compliance.short as { name: string }[]).map((person) => person.name);
    expect(names).toEqual(expect.arrayContaining(['兼职网格员', '李强', '赵敏', '派出所分管领导']));
    expect(names).not.toContain('张丽');
    const worker = as(t.app, await signInCookie(t.app, 'worker', 'Grid@2026'));
    const mine = (await worker({ method: 'GET', url: '/api/training/mine' })).json();
    expect(mine.attended.map((item: { how: string }) => item.how)).toEqual(['qr', 'sheet', 'sheet', 'sheet', 'qr']);
    expect(mine.compliance.find((rule: { kind: string }) => rule.kind === 'skills')).toMatchObject({ shortBy: 1 });
  });
});

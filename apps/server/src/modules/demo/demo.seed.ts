// The demo county that `npm start` creates on first run, so a new user can sign in at once.
// Later capabilities add their own demo data here (territory, events, registry).
import type { Role } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { countAccounts } from '../auth/auth.repo.js';

export const DEMO_PASSWORD = 'Grid@2026';
export const DEMO_COUNTY_PATH = '/511124/';

export interface DemoLogin {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'county', displayName: '县中心管理员', role: 'county_admin' },
  { username: 'center', displayName: '乡分中心值班员', role: 'center_operator' },
  { username: 'village', displayName: '村网格负责人', role: 'village_admin' },
  { username: 'worker', displayName: '专职网格员', role: 'grid_worker_fulltime' },
  { username: 'parttime', displayName: '兼职网格员', role: 'grid_worker_parttime' },
  { username: 'dept', displayName: '部门经办人', role: 'dept_handler' },
  { username: 'deptlead', displayName: '部门分管领导', role: 'dept_leader' },
  { username: 'leader', displayName: '县委领导', role: 'leader' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin' },
  { username: 'auditor', displayName: '安全审计员', role: 'audit_admin' },
];

/** Seeds the demo once: a database that already has accounts is left as it is. */
export async function seedDemo(ctx: AppContext): Promise<{ seeded: boolean }> {
  if ((await countAccounts(ctx.db.kysely)) > 0) return { seeded: false };
  const accounts = createAccountsService(ctx);
  for (const login of DEMO_LOGINS) {
    await accounts.createAccountAsSystem({
      username: login.username,
      displayName: login.displayName,
      password: DEMO_PASSWORD,
      role: login.role,
      orgPath: DEMO_COUNTY_PATH,
      mustChangePassword: false,
    });
  }
  return { seeded: true };
}

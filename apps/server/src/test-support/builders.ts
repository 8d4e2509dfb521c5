// Fixtures for tests, built through the real services so they obey the same rules as users' data.
import type { Role } from '@gridwork/core';
import { createAuthService } from '../modules/auth/auth.service.js';
import type { AppContext } from '../platform/context.js';

export const TEST_PASSWORD = 'Test@2026pw';

export async function anAccount(
  ctx: AppContext,
  overrides: Partial<{ username: string; role: Role; orgPath: string; mustChangePassword: boolean }> = {},
): Promise<{ id: string; username: string; password: string }> {
  const username = overrides.username ?? `user${Math.random().toString(36).slice(2, 8)}`;
  const id = await createAuthService(ctx).createAccount({
    username,
    displayName: `测试用户 ${username}`,
    password: TEST_PASSWORD,
    role: overrides.role ?? 'center_operator',
    orgPath: overrides.orgPath ?? '/511124/',
    mustChangePassword: overrides.mustChangePassword ?? false,
  });
  return { id, username, password: TEST_PASSWORD };
}

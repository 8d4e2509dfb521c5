// The sign-in and session payloads the console and the field app send and receive.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.js';
import {
  ChangePasswordBodySchema,
  CurrentUserSchema,
  LocaleSchema,
  RoleSchema,
  SessionSchema,
  SignInBodySchema,
} from './auth.schema.js';

describe('SignInBodySchema', () => {
  it('accepts a username and a password', () => {
    expect(Value.Check(SignInBodySchema, { username: 'grid01', password: 'Wg#2026shequ' })).toBe(true);
  });

  it('refuses an empty username', () => {
    expect(Value.Check(SignInBodySchema, { username: '', password: 'Wg#2026shequ' })).toBe(false);
  });

  it('refuses an empty password', () => {
    expect(Value.Check(SignInBodySchema, { username: 'grid01', password: '' })).toBe(false);
  });

  it('refuses a body without a password', () => {
    expect(Value.Check(SignInBodySchema, { username: 'grid01' })).toBe(false);
  });

  it('refuses a body without a username', () => {
    expect(Value.Check(SignInBodySchema, { password: 'Wg#2026shequ' })).toBe(false);
  });

  it('refuses a field it does not know, such as a smuggled role', () => {
    expect(
      Value.Check(SignInBodySchema, { username: 'grid01', password: 'Wg#2026shequ', role: 'county_admin' }),
    ).toBe(false);
  });

  it('refuses a username over 64 characters and a password over 128', () => {
    expect(Value.Check(SignInBodySchema, { username: 'u'.repeat(64), password: 'p' })).toBe(true);
    expect(Value.Check(SignInBodySchema, { username: 'u'.repeat(65), password: 'p' })).toBe(false);
    expect(Value.Check(SignInBodySchema, { username: 'u', password: 'p'.repeat(128) })).toBe(true);
    expect(Value.Check(SignInBodySchema, { username: 'u', password: 'p'.repeat(129) })).toBe(false);
  });

  it('refuses values that are not text', () => {
    expect(Value.Check(SignInBodySchema, { username: 1, password: 'x' })).toBe(false);
    expect(Value.Check(SignInBodySchema, null)).toBe(false);
    expect(Value.Check(SignInBodySchema, 'grid01:secret')).toBe(false);
  });
});

describe('RoleSchema', () => {
  it('accepts a role of the domain such as county_admin', () => {
    expect(Value.Check(RoleSchema, 'county_admin')).toBe(true);
  });

  it('accepts every role of the domain', () => {
    for (const role of ROLES) expect(Value.Check(RoleSchema, role)).toBe(true);
  });

  it('refuses a role the domain does not have, such as mayor', () => {
    expect(Value.Check(RoleSchema, 'mayor')).toBe(false);
    expect(Value.Check(RoleSchema, '')).toBe(false);
    expect(Value.Check(RoleSchema, 'COUNTY_ADMIN')).toBe(false);
  });
});

describe('LocaleSchema', () => {
  it('accepts the two locales and nothing else', () => {
    expect(Value.Check(LocaleSchema, 'zh-CN')).toBe(true);
    expect(Value.Check(LocaleSchema, 'en-US')).toBe(true);
    expect(Value.Check(LocaleSchema, 'en-GB')).toBe(false);
    expect(Value.Check(LocaleSchema, 'zh')).toBe(false);
  });
});

describe('CurrentUserSchema', () => {
  const user = {
    id: '01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8b',
    username: 'grid01',
    displayName: '张三',
    role: 'grid_worker_parttime',
    orgPath: '/511124/511124100/',
    mustChangePassword: false,
    locale: 'zh-CN',
  };

  it('describes a part-time grid worker who signed in', () => {
    expect(Value.Check(CurrentUserSchema, user)).toBe(true);
  });

  it('refuses a user with an unknown role or locale', () => {
    expect(Value.Check(CurrentUserSchema, { ...user, role: 'mayor' })).toBe(false);
    expect(Value.Check(CurrentUserSchema, { ...user, locale: 'fr-FR' })).toBe(false);
  });
});

describe('SessionSchema', () => {
  const session = {
    id: 's1',
    createdAt: '2026-11-24T01:30:00.000Z',
    lastSeenAt: '2026-11-24T01:45:00.000Z',
    expiresAt: '2026-11-24T09:30:00.000Z',
    ip: '10.0.0.8',
    userAgent: 'Mozilla/5.0',
    current: true,
  };

  it('accepts a session with date-time stamps', () => {
    expect(Value.Check(SessionSchema, session)).toBe(true);
  });

  it('refuses a session whose times are not date-times', () => {
    expect(Value.Check(SessionSchema, { ...session, expiresAt: 'tomorrow' })).toBe(false);
  });
});

describe('ChangePasswordBodySchema', () => {
  it('needs both the current and the new password, and nothing more', () => {
    expect(Value.Check(ChangePasswordBodySchema, { currentPassword: 'a', newPassword: 'b' })).toBe(true);
    expect(Value.Check(ChangePasswordBodySchema, { newPassword: 'b' })).toBe(false);
    expect(Value.Check(ChangePasswordBodySchema, { currentPassword: 'a', newPassword: '' })).toBe(false);
    expect(
      Value.Check(ChangePasswordBodySchema, { currentPassword: 'a', newPassword: 'b', confirm: 'b' }),
    ).toBe(false);
  });
});

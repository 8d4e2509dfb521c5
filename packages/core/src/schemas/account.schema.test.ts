// Account administration: what the system administrator may send to create and change accounts.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  AccountListQuerySchema,
  AssignRoleBodySchema,
  CreateAccountBodySchema,
  ORG_PATH_PATTERN,
  UpdateAccountBodySchema,
  USERNAME_PATTERN,
} from './account.schema.js';

const username = new RegExp(USERNAME_PATTERN);
const orgPath = new RegExp(ORG_PATH_PATTERN);

describe('USERNAME_PATTERN', () => {
  it.each(['grid01', 'zhang.san', 'center_07', 'dept-handler', 'abc', 'a'.repeat(64)])(
    'accepts %s',
    (value) => {
      expect(username.test(value)).toBe(true);
    },
  );

  it.each(['ab', 'a'.repeat(65), 'zhang san', '张三', 'grid01@town', '', 'grid01\n'])(
    'refuses %j',
    (value) => {
      expect(username.test(value)).toBe(false);
    },
  );
});

describe('ORG_PATH_PATTERN', () => {
  it.each(['/', '/511124/', '/511124/511124100/', '/511124/511124100/511124100201/'])(
    'accepts %s',
    (value) => {
      expect(orgPath.test(value)).toBe(true);
    },
  );

  it.each(['', '511124/', '/511124', '//', '/511124//', '/五一/', '/511 124/'])('refuses %j', (value) => {
    expect(orgPath.test(value)).toBe(false);
  });
});

describe('CreateAccountBodySchema', () => {
  const partTimeGridWorker = {
    username: 'grid01',
    displayName: '张三',
    role: 'grid_worker_parttime',
    orgPath: '/511124/511124100/511124100201/',
    password: 'Initial#2026',
  };

  it('accepts a part-time grid worker of a village', () => {
    expect(Value.Check(CreateAccountBodySchema, partTimeGridWorker)).toBe(true);
  });

  it('accepts a department handler with a department', () => {
    expect(
      Value.Check(CreateAccountBodySchema, {
        ...partTimeGridWorker,
        role: 'dept_handler',
        departmentId: '01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8b',
      }),
    ).toBe(true);
  });

  it('refuses a username with spaces, an unknown role, a malformed org path and an extra field', () => {
    expect(Value.Check(CreateAccountBodySchema, { ...partTimeGridWorker, username: 'zhang san' })).toBe(
      false,
    );
    expect(Value.Check(CreateAccountBodySchema, { ...partTimeGridWorker, role: 'mayor' })).toBe(false);
    expect(Value.Check(CreateAccountBodySchema, { ...partTimeGridWorker, orgPath: '511124' })).toBe(false);
    expect(Value.Check(CreateAccountBodySchema, { ...partTimeGridWorker, locked: false })).toBe(false);
  });

  it('refuses an account without an initial password or a display name', () => {
    const { password: _password, ...withoutPassword } = partTimeGridWorker;
    expect(Value.Check(CreateAccountBodySchema, withoutPassword)).toBe(false);
    expect(Value.Check(CreateAccountBodySchema, { ...partTimeGridWorker, displayName: '' })).toBe(false);
  });
});

describe('UpdateAccountBodySchema', () => {
  it('needs at least one change', () => {
    expect(Value.Check(UpdateAccountBodySchema, {})).toBe(false);
    expect(Value.Check(UpdateAccountBodySchema, { displayName: '李四' })).toBe(true);
  });

  it('can take an account out of its department with null', () => {
    expect(Value.Check(UpdateAccountBodySchema, { departmentId: null })).toBe(true);
  });

  it('does not change the role, which has its own endpoint', () => {
    expect(Value.Check(UpdateAccountBodySchema, { role: 'leader' })).toBe(false);
  });
});

describe('AssignRoleBodySchema', () => {
  it('takes exactly one role of the domain', () => {
    expect(Value.Check(AssignRoleBodySchema, { role: 'village_admin' })).toBe(true);
    expect(Value.Check(AssignRoleBodySchema, { role: 'mayor' })).toBe(false);
    expect(Value.Check(AssignRoleBodySchema, {})).toBe(false);
  });
});

describe('AccountListQuerySchema', () => {
  it('accepts an empty query and a full one', () => {
    expect(Value.Check(AccountListQuerySchema, {})).toBe(true);
    expect(
      Value.Check(AccountListQuerySchema, {
        role: 'grid_worker_fulltime',
        orgPath: '/511124/',
        q: '张',
        includeDisabled: true,
        after: 'grid01',
        limit: 200,
      }),
    ).toBe(true);
  });

  it('keeps a page between 1 and 200 rows', () => {
    expect(Value.Check(AccountListQuerySchema, { limit: 0 })).toBe(false);
    expect(Value.Check(AccountListQuerySchema, { limit: 201 })).toBe(false);
    expect(Value.Check(AccountListQuerySchema, { limit: 1.5 })).toBe(false);
  });
});

// Account rows as the API shows them: never the password hash.
import type { Account } from '@gridwork/core';
import type { AccountTable } from '../../db/tables/account.table.js';

export function toAccount(row: AccountTable, nowMs: number): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgPath: row.org_path,
    departmentId: row.department_id,
    disabled: row.disabled_at !== null,
    locked: row.locked_until !== null && Date.parse(row.locked_until) > nowMs,
    mustChangePassword: row.must_change_password === 1,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  };
}

// People who sign in. Issue-level detail (org units, departments) hangs on org_path and role.
import type { Role } from '@gridwork/core';

/** 0/1 flags: one representation on SQLite (no boolean type) and PostgreSQL. */
export type Flag = 0 | 1;

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  /** Materialised org path of the unit the account belongs to, e.g. `/511124/511124100/`. */
  org_path: string;
  locale: string;
  must_change_password: Flag;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  /** Failed sign-ins in a row; five lock the account for 15 minutes. */
  failed_sign_ins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  /** For department staff: the department whose inbox they work. */
  department_id: string | null;
  created_at: string;
  updated_at: string;
}

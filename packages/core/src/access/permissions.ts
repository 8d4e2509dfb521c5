// The one table of what each role may do, used by the server's checks and by the apps to decide
// which menus and buttons to show. Where a record is (data scope) is checked separately.
import type { Role } from './roles.js';

export const PERMISSIONS = [
  'territory.read',
  'territory.import',
  'grid.manage',
  'department.read',
  'department.manage',
  'account.read',
  'account.manage',
  'account.assign_role',
  'session.revoke',
  'handover.perform',
  'sign_in_status.read',
  'audit.read',
  'event.read',
  'event.report',
  'event.act',
  'event.catalogue.manage',
  'card.read',
  'photo.upload',
  'person.read',
  'person.write',
  'person.unmask',
  /** Special-population records (刑满释放、社区矫正、吸毒、严重精神障碍…): only the roles that work with them. */
  'person.special',
  /** The county's registry settings (how often each kind falls due for re-verification). */
  'registry.settings.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * The three administrators (三员) are separated: the system administrator runs accounts and
 * configuration but cannot read the audit trail or grant roles; the security administrator grants
 * roles and ends sessions; the audit administrator only reads the trail.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  county_admin: [
    'territory.read',
    'grid.manage',
    'department.read',
    'department.manage',
    'account.read',
    'handover.perform',
    'sign_in_status.read',
    'event.read',
    'event.report',
    'event.act',
    'photo.upload',
    'event.catalogue.manage',
    'card.read',
    'person.read',
    'person.write',
    'person.unmask',
    'person.special',
    'registry.settings.manage',
  ],
  center_operator: [
    'territory.read',
    'grid.manage',
    'department.read',
    'account.read',
    'sign_in_status.read',
    'event.read',
    'event.report',
    'event.act',
    'photo.upload',
    'card.read',
    'person.read',
    'person.write',
    'person.unmask',
    'person.special',
  ],
  village_admin: [
    'territory.read',
    'grid.manage',
    'department.read',
    'account.read',
    'event.read',
    'event.report',
    'card.read',
    'photo.upload',
    'person.read',
    'person.write',
    'person.unmask',
    'person.special',
  ],
  grid_worker_fulltime: [
    'territory.read',
    'department.read',
    'event.read',
    'event.report',
    'event.act',
    'photo.upload',
    'person.read',
    'person.write',
    'person.unmask',
    'person.special',
  ],
  grid_worker_parttime: [
    'territory.read',
    'department.read',
    'event.read',
    'event.report',
    'event.act',
    'photo.upload',
    'person.read',
    'person.write',
    'person.unmask',
  ],
  dept_handler: ['territory.read', 'department.read', 'event.read', 'event.act', 'photo.upload'],
  dept_leader: [
    'territory.read',
    'department.read',
    'account.read',
    'sign_in_status.read',
    'event.read',
    'event.act',
    'photo.upload',
    'card.read',
  ],
  leader: [
    'territory.read',
    'department.read',
    'sign_in_status.read',
    'event.read',
    'card.read',
    'person.read',
  ],
  system_admin: [
    'territory.read',
    'territory.import',
    'department.read',
    'department.manage',
    'account.read',
    'account.manage',
    'handover.perform',
  ],
  security_admin: ['territory.read', 'account.read', 'account.assign_role', 'session.revoke'],
  audit_admin: ['audit.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that only the security administrator may grant (a system administrator cannot make one). */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

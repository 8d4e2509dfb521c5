// The roles of the grid platform, from the county centre down to the part-time grid worker.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import { isRole, ROLE_LABELS, ROLES } from './roles.js';

const CJK = /[\u4e00-\u9fff]/u;

describe('the roles of the domain', () => {
  it('are the eleven roles of DOMAIN.md, each named once', () => {
    expect([...ROLES].sort()).toEqual(
      [
        'county_admin',
        'center_operator',
        'village_admin',
        'grid_worker_fulltime',
        'grid_worker_parttime',
        'dept_handler',
        'dept_leader',
        'leader',
        'system_admin',
        'security_admin',
        'audit_admin',
      ].sort(),
    );
    expect(new Set(ROLES).size).toBe(11);
  });

  it('keep the three administrators of 等保 (system, security, audit) apart', () => {
    expect(ROLES).toContain('system_admin');
    expect(ROLES).toContain('security_admin');
    expect(ROLES).toContain('audit_admin');
  });

  describe.each(ROLES)('%s', (role) => {
    it('has a Chinese label and an English label', () => {
      for (const locale of LOCALES) expect(ROLE_LABELS[role][locale].trim()).not.toBe('');
      expect(ROLE_LABELS[role]['zh-CN']).toMatch(CJK);
      expect(ROLE_LABELS[role]['en-US']).not.toMatch(CJK);
    });
  });

  it('label nothing but the roles', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });

  it('have labels a reader can tell apart in each language', () => {
    for (const locale of LOCALES) {
      const labels = ROLES.map((role) => ROLE_LABELS[role][locale]);
      expect(new Set(labels).size).toBe(ROLES.length);
    }
  });

  it('call a part-time grid worker 兼职网格员 and a full-time one 专职网格员', () => {
    expect(ROLE_LABELS.grid_worker_parttime['zh-CN']).toBe('兼职网格员');
    expect(ROLE_LABELS.grid_worker_fulltime['zh-CN']).toBe('专职网格员');
  });
});

describe('isRole', () => {
  it('accepts every role', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
  });

  it.each(['mayor', '', 'County_Admin', 'county_admin ', '兼职网格员', 'toString'])('refuses %j', (value) => {
    expect(isRole(value)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isRole(undefined)).toBe(false);
    expect(isRole(null)).toBe(false);
    expect(isRole(1)).toBe(false);
    expect(isRole(['county_admin'])).toBe(false);
  });
});

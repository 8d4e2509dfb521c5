// Official statistical division codes (统计用区划代码) and the org paths built from them.
// A county has 6 digits (省2 市2 县2), a township 9 (county + 3), a village or community 12
// (township + 3). A grid's code is local to its village (G01, G02, …). The org path of a unit
// is its chain of codes, `/511124/511124101/511124101201/G01/`, so that everything under a unit
// is a prefix scan.
import type { Locale } from '../i18n/locale.js';

export const ORG_UNIT_KINDS = ['county', 'township', 'village', 'community', 'resident_group', 'grid'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Readonly<Record<OrgUnitKind, Record<Locale, string>>> = {
  county: { 'zh-CN': '县（市、区）', 'en-US': 'county' },
  township: { 'zh-CN': '乡镇（街道）', 'en-US': 'township' },
  village: { 'zh-CN': '行政村', 'en-US': 'village' },
  community: { 'zh-CN': '社区', 'en-US': 'community' },
  resident_group: { 'zh-CN': '独立居民小组', 'en-US': 'independent resident group' },
  grid: { 'zh-CN': '网格', 'en-US': 'grid' },
};

/** Province-level prefixes of the national standard (GB/T 2260): 11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门. */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

function hasProvincePrefix(code: string): boolean {
  return PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/** A county-level code: 6 digits, a real province, a city and county part that are not zero. */
export function isCountyCode(code: string): boolean {
  return /^\d{6}$/.test(code) && hasProvincePrefix(code) && code.slice(4, 6) !== '00';
}

/** A township-level code: a county code followed by 3 digits that are not 000. */
export function isTownshipCode(code: string): boolean {
  return /^\d{9}$/.test(code) && isCountyCode(code.slice(0, 6)) && code.slice(6) !== '000';
}

/** A village-level code: a township code followed by 3 digits that are not 000. */
export function isVillageCode(code: string): boolean {
  return /^\d{12}$/.test(code) && isTownshipCode(code.slice(0, 9)) && code.slice(9) !== '000';
}

/** The code one level up: township → county, village → township; null for a county or other. */
export function parentCode(code: string): string | null {
  if (isVillageCode(code)) return code.slice(0, 9);
  if (isTownshipCode(code)) return code.slice(0, 6);
  return null;
}

/** Whether `child` is directly under `parent` (a township of the county, a village of the township). */
export function isChildCode(child: string, parent: string): boolean {
  return parentCode(child) === parent;
}

/** A grid's code inside its village: G followed by two or more digits. */
export function isGridCode(code: string): boolean {
  return /^G\d{2,}$/.test(code);
}

/** The next free grid code of a village, given every code it has ever used (retired ones too). */
export function nextGridCode(existing: readonly string[]): string {
  let highest = 0;
  for (const code of existing) {
    if (isGridCode(code)) highest = Math.max(highest, Number(code.slice(1)));
  }
  return `G${String(highest + 1).padStart(2, '0')}`;
}

/** The org path of a chain of codes from the county down. */
export function orgPath(codes: readonly string[]): string {
  if (codes.length === 0) return '/';
  for (const code of codes) {
    if (code.length === 0 || code.includes('/')) throw new RangeError(`not a unit code: ${JSON.stringify(code)}`);
  }
  return `/${codes.join('/')}/`;
}

/** The chain of codes in an org path; null when the text is not an org path. */
export function parseOrgPath(path: string): string[] | null {
  if (path === '/') return [];
  if (!/^\/([^/]+\/)+$/.test(path)) return null;
  return path.slice(1, -1).split('/');
}

/** How many levels below the root: `/` is 0, a county 1, a township 2, a village 3, a grid 4. */
export function orgPathDepth(path: string): number {
  return parseOrgPath(path)?.length ?? 0;
}

/** The path itself and every path above it, root first: `/a/b/` → `/`, `/a/`, `/a/b/`. */
export function ancestorPaths(path: string): string[] {
  const codes = parseOrgPath(path);
  if (codes === null) return [];
  return codes.reduce<string[]>((paths, code) => [...paths, `${paths.at(-1) ?? '/'}${code}/`], ['/']);
}

/** Whether a unit at `path` lies within a caller's scope (the scope itself included). */
export function isWithinScope(path: string, scope: string): boolean {
  return parseOrgPath(path) !== null && parseOrgPath(scope) !== null && path.startsWith(scope);
}

/**
 * The county, township and village codes of a row's path, stored beside the path on large tables
 * (events, the registry): a list of a township's newest rows is then an equality on an indexed
 * column followed by the id, read in order from one B-tree, where a range on the path would make
 * the database sort every row of the township first.
 */
export interface UnitCodes {
  readonly countyCode: string | null;
  readonly townshipCode: string | null;
  readonly villageCode: string | null;
}

export function unitCodesOfPath(path: string): UnitCodes {
  const codes = parseOrgPath(path) ?? [];
  return { countyCode: codes[0] ?? null, townshipCode: codes[1] ?? null, villageCode: codes[2] ?? null };
}

/** How a scope is matched on a large table: everything, one level's code, a grid's path, or a path prefix. */
export type ScopeMatch =
  | { readonly level: 'all' }
  | { readonly level: 'county' | 'township' | 'village'; readonly code: string }
  | { readonly level: 'grid'; readonly path: string }
  | { readonly level: 'path'; readonly path: string };

const SCOPE_LEVELS = ['county', 'township', 'village'] as const;

export function scopeMatchOf(scopePath: string): ScopeMatch {
  const codes = parseOrgPath(scopePath);
  if (codes === null || codes.length === 0) return scopePath === '/' || scopePath === '' ? { level: 'all' } : { level: 'path', path: scopePath };
  const level = SCOPE_LEVELS[codes.length - 1];
  if (level) return { level, code: codes[codes.length - 1]! };
  // A grid is a leaf: its rows carry exactly its path, read in id order from the (path, id) index.
  return codes.length === 4 ? { level: 'grid', path: scopePath } : { level: 'path', path: scopePath };
}

/** The kind of a 12-digit unit, read from its name as the statistics office writes it. */
export function villageKindFromName(name: string): 'village' | 'community' | 'resident_group' {
  if (name.endsWith('居民小组')) return 'resident_group';
  if (name.endsWith('社区') || name.endsWith('居委会') || name.endsWith('居民委员会')) return 'community';
  return 'village';
}

/**
 * The name people use: the statistics office writes 马踏镇团结村村民委员会 or 研城街道办事处;
 * people say 团结村, 研城街道.
 */
export function shortUnitName(name: string): string {
  const trimmed = name.trim();
  for (const [suffix, replacement] of [
    ['社区居民委员会', '社区'],
    ['居民委员会', '社区'],
    ['村民委员会', '村'],
    ['村委会', '村'],
    ['居委会', '社区'],
    ['街道办事处', '街道'],
  ] as const) {
    if (trimmed.endsWith(suffix) && trimmed.length > suffix.length) {
      const stem = trimmed.slice(0, -suffix.length);
      return stem.endsWith(replacement) ? stem : stem + replacement;
    }
  }
  return trimmed;
}

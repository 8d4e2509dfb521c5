// The columns of the workbooks of households, houses, organisations, key places and facilities:
// as for people, one definition per kind drives the template (headers, notes, drop-down lists),
// the import (which header is which field, how a cell is read and checked) and the export, so
// that an exported workbook imports back unchanged. The system number (系统编号) of an exported
// row finds the same record again; without it a row is matched by its key (household number,
// credit code, facility code) or, for kinds without one, by grid, name and address.
import type { Locale } from '../i18n/locale.js';
import { parseCreditCode } from './credit-code.js';
import { cleanText, mapHeaders, normaliseGridText, valueOfLabel, type CellProblemCode } from './person-columns.js';
import { parsePhone } from './phone.js';
import { ENDING_STATES, RECORD_KIND_DEFINITIONS, type RecordKind } from './registry-kinds.js';

type Labels = Readonly<Record<Locale, string>>;

export const RECORD_COLUMN_KEYS = [
  'id',
  'name',
  'category',
  'key',
  'address',
  'village',
  'grid',
  'state',
  'stateReason',
  'contactName',
  'contactPhone',
  'legalRepresentative',
  'staffCount',
  'lon',
  'lat',
] as const;
export type RecordColumnKey = (typeof RECORD_COLUMN_KEYS)[number];

export interface RecordColumn {
  readonly key: RecordColumnKey;
  readonly header: Labels;
  readonly required: boolean;
  readonly maxLength: number;
  readonly note: Labels;
  readonly choices?: (locale: Locale) => string[];
}

/** Why a record row was refused beside the cell problems shared with people. */
export type RecordCellProblemCode = CellProblemCode | 'number' | 'coordinates' | 'end_reason_required' | 'length' | 'characters' | 'check_character';
export type RecordRowProblemCode = 'village_unknown' | 'grid_unknown' | 'record_duplicate_in_file' | 'record_unknown' | 'key_elsewhere' | 'changed_meanwhile';

const NAME_HEADERS: Readonly<Record<RecordKind, Labels>> = {
  household: { 'zh-CN': '户名', 'en-US': 'Household name' },
  house: { 'zh-CN': '房屋名称', 'en-US': 'House name' },
  organisation: { 'zh-CN': '组织名称', 'en-US': 'Organisation name' },
  place: { 'zh-CN': '场所名称', 'en-US': 'Place name' },
  facility: { 'zh-CN': '部件名称', 'en-US': 'Facility name' },
};

const CATEGORY_HEADERS: Readonly<Record<RecordKind, Labels>> = {
  household: { 'zh-CN': '户类型', 'en-US': 'Household type' },
  house: { 'zh-CN': '房屋用途', 'en-US': 'Use' },
  organisation: { 'zh-CN': '组织类型', 'en-US': 'Organisation type' },
  place: { 'zh-CN': '场所类型', 'en-US': 'Place type' },
  facility: { 'zh-CN': '部件类型', 'en-US': 'Facility type' },
};

const SHEET_NAMES: Readonly<Record<RecordKind, Labels>> = {
  household: { 'zh-CN': '户信息', 'en-US': 'Households' },
  house: { 'zh-CN': '房屋信息', 'en-US': 'Houses' },
  organisation: { 'zh-CN': '组织信息', 'en-US': 'Organisations' },
  place: { 'zh-CN': '重点场所', 'en-US': 'Key places' },
  facility: { 'zh-CN': '部件信息', 'en-US': 'Facilities' },
};

export function recordSheetName(kind: RecordKind, locale: Locale): string {
  return SHEET_NAMES[kind][locale];
}

const labelsOf = (labels: Readonly<Record<string, Labels>>) => (locale: Locale) => Object.values(labels).map((label) => label[locale]);

/** The columns of one kind's workbook, in their order. */
export function recordColumns(kind: RecordKind): readonly RecordColumn[] {
  const definition = RECORD_KIND_DEFINITIONS[kind];
  const columns: RecordColumn[] = [
    { key: 'id', header: { 'zh-CN': '系统编号', 'en-US': 'System number' }, required: false, maxLength: 36, note: { 'zh-CN': '新登记的不填；导出的表格带此编号，修改后再导入即更新原记录', 'en-US': 'Leave empty for new records; an exported workbook carries it, so that a corrected row updates its record' } },
    { key: 'name', header: NAME_HEADERS[kind], required: true, maxLength: 100, note: { 'zh-CN': '必填', 'en-US': 'Required' } },
    { key: 'category', header: CATEGORY_HEADERS[kind], required: true, maxLength: 30, note: { 'zh-CN': '必填，从下拉列表选', 'en-US': 'Required; pick from the list' }, choices: labelsOf(definition.categories) },
  ];
  if (definition.key) {
    columns.push({
      key: 'key',
      header: definition.key.label,
      required: definition.key.required,
      maxLength: 40,
      note:
        kind === 'organisation'
          ? { 'zh-CN': '18 位，按 GB 32100 校验码核对；同一代码再次导入即更新', 'en-US': '18 characters, checked by the GB 32100 check character; importing the same code again updates the organisation' }
          : { 'zh-CN': '同一编号再次导入即更新', 'en-US': 'Importing the same number again updates the record' },
    });
  }
  columns.push(
    { key: 'address', header: { 'zh-CN': '地址', 'en-US': 'Address' }, required: false, maxLength: 200, note: { 'zh-CN': '门牌地址', 'en-US': 'Street address' } },
    { key: 'village', header: { 'zh-CN': '村（社区）', 'en-US': 'Village (community)' }, required: true, maxLength: 60, note: { 'zh-CN': '必填：12 位区划代码或村名', 'en-US': 'Required: the 12-digit code or the name' } },
    { key: 'grid', header: { 'zh-CN': '网格', 'en-US': 'Grid' }, required: true, maxLength: 60, note: { 'zh-CN': '必填：网格编号（如 G01）或网格名称', 'en-US': 'Required: the grid code (e.g. G01) or its name' } },
    { key: 'state', header: { 'zh-CN': '状态', 'en-US': 'State' }, required: false, maxLength: 20, note: { 'zh-CN': '不填即正常在用；注销、拆除、关闭须填原因', 'en-US': 'Empty means active; ending a record needs a reason' }, choices: labelsOf(definition.states) },
    { key: 'stateReason', header: { 'zh-CN': '状态原因', 'en-US': 'Reason for the state' }, required: false, maxLength: 200, note: { 'zh-CN': '如：整体拆迁', 'en-US': 'e.g. demolished for redevelopment' } },
    { key: 'contactName', header: { 'zh-CN': '联系人', 'en-US': 'Contact' }, required: false, maxLength: 50, note: { 'zh-CN': '', 'en-US': '' } },
    { key: 'contactPhone', header: { 'zh-CN': '联系电话', 'en-US': 'Contact phone' }, required: false, maxLength: 30, note: { 'zh-CN': '手机 11 位，座机带区号；导出时按权限脱敏', 'en-US': '11-digit mobile, or landline with area code; masked in exports' } },
  );
  if (kind === 'organisation') {
    columns.push(
      { key: 'legalRepresentative', header: { 'zh-CN': '法定代表人', 'en-US': 'Legal representative' }, required: false, maxLength: 50, note: { 'zh-CN': '', 'en-US': '' } },
      { key: 'staffCount', header: { 'zh-CN': '从业人数', 'en-US': 'Staff' }, required: false, maxLength: 10, note: { 'zh-CN': '整数', 'en-US': 'A whole number' } },
    );
  }
  columns.push(
    { key: 'lon', header: { 'zh-CN': '经度', 'en-US': 'Longitude' }, required: false, maxLength: 20, note: { 'zh-CN': '如 104.0151（WGS-84）', 'en-US': 'e.g. 104.0151 (WGS-84)' } },
    { key: 'lat', header: { 'zh-CN': '纬度', 'en-US': 'Latitude' }, required: false, maxLength: 20, note: { 'zh-CN': '如 29.5042（WGS-84）', 'en-US': 'e.g. 29.5042 (WGS-84)' } },
  );
  return columns;
}

/** A record row as read and checked, before the server resolves its village, grid and identity. */
export interface RecordImportRow {
  readonly id: string | null;
  readonly name: string;
  readonly category: string;
  readonly key: string | null;
  readonly address: string | null;
  readonly village: string;
  readonly grid: string;
  /** null: not given (a new record is active, a known one keeps its state). */
  readonly state: string | null;
  readonly stateReason: string | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  /** A phone as a masked export shows it (138****1234): it keeps the stored number if it matches. */
  readonly contactPhoneMasked: string | null;
  readonly legalRepresentative: string | null;
  readonly staffCount: number | null;
  readonly lon: number | null;
  readonly lat: number | null;
}

export interface RecordCellProblem {
  readonly column: RecordColumnKey;
  readonly problem: RecordCellProblemCode;
}

/** Which column of the file holds which field: headers in Chinese, English, or the field keys. */
export function mapRecordHeaders(kind: RecordKind, headers: readonly string[]): { columns: Partial<Record<RecordColumnKey, number>>; missing: RecordColumnKey[] } {
  return mapHeaders(recordColumns(kind), headers);
}

function readNumber(text: string): number | null {
  const plain = text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/** Reads one row of `kind` (cells by field) and checks every cell, reporting all problems at once. */
export function readRecordRow(kind: RecordKind, cells: Partial<Record<RecordColumnKey, string>>): { ok: true; row: RecordImportRow } | { ok: false; problems: RecordCellProblem[] } {
  const definition = RECORD_KIND_DEFINITIONS[kind];
  const all = recordColumns(kind);
  const problems: RecordCellProblem[] = [];
  const text = (key: RecordColumnKey): string => {
    const column = all.find((candidate) => candidate.key === key);
    if (!column) return '';
    const value = cleanText(cells[key]);
    if (column.required && value === '') problems.push({ column: key, problem: 'required' });
    else if (value.length > column.maxLength) problems.push({ column: key, problem: 'too_long' });
    return value;
  };
  const id = text('id');
  const name = text('name');
  const categoryText = text('category');
  const category = categoryText === '' ? undefined : valueOfLabel(definition.categories, categoryText);
  if (categoryText !== '' && category === undefined) problems.push({ column: 'category', problem: 'unknown_value' });
  let key: string | null = text('key') || null;
  if (key !== null && kind === 'organisation') {
    const parsed = parseCreditCode(key);
    if (parsed.ok) key = parsed.value;
    else problems.push({ column: 'key', problem: parsed.problem });
  }
  const stateText = text('state');
  const state = stateText === '' ? null : (valueOfLabel(definition.states, stateText) ?? undefined);
  if (state === undefined) problems.push({ column: 'state', problem: 'unknown_value' });
  const stateReason = text('stateReason') || null;
  if (state && ENDING_STATES.includes(state) && stateReason === null) problems.push({ column: 'stateReason', problem: 'end_reason_required' });
  const phoneText = text('contactPhone');
  let contactPhone: string | null = null;
  const contactPhoneMasked = phoneText.includes('*') ? phoneText.replace(/\s/g, '') : null;
  if (phoneText !== '' && contactPhoneMasked === null) {
    const parsed = parsePhone(phoneText);
    if (parsed.ok) contactPhone = parsed.value;
    else problems.push({ column: 'contactPhone', problem: parsed.problem });
  }
  const staffText = text('staffCount');
  const staffCount = staffText === '' ? null : readNumber(staffText);
  if (staffText !== '' && (staffCount === null || !Number.isInteger(staffCount) || staffCount < 0 || staffCount > 10_000_000)) problems.push({ column: 'staffCount', problem: 'number' });
  const coordinate = (column: 'lon' | 'lat', min: number, max: number): number | null => {
    const raw = text(column);
    if (raw === '') return null;
    const value = readNumber(raw);
    if (value === null || value < min || value > max) {
      problems.push({ column, problem: 'coordinates' });
      return null;
    }
    return value;
  };
  const lon = coordinate('lon', 73, 136);
  const lat = coordinate('lat', 3, 54);
  if ((lon === null) !== (lat === null) && !problems.some((problem) => problem.column === 'lon' || problem.column === 'lat')) problems.push({ column: lon === null ? 'lon' : 'lat', problem: 'required' });
  const address = text('address');
  const village = text('village');
  const grid = normaliseGridText(text('grid'));
  const contactName = text('contactName');
  const legalRepresentative = text('legalRepresentative');
  if (problems.length > 0 || category === undefined || state === undefined) return { ok: false, problems };
  return {
    ok: true,
    row: {
      id: id || null,
      name,
      category,
      key,
      address: address || null,
      village,
      grid,
      state,
      stateReason,
      contactName: contactName || null,
      contactPhone,
      contactPhoneMasked,
      legalRepresentative: legalRepresentative || null,
      staffCount,
      lon,
      lat,
    },
  };
}

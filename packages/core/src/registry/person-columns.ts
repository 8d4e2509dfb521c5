// The columns of the people workbook that township offices fill in: one definition drives the
// template (headers, notes, drop-down lists), the import (which header is which field, how a cell
// is read and checked) and the export, so the three always agree.
import type { Locale } from '../i18n/locale.js';
import type { IdType, PERSON_TAGS, PersonStatus, ResidenceStatus } from '../schemas/person.schema.js';
import { normaliseDocumentText, parseIdNumber, type IdNumberProblem } from './id-number.js';
import { parsePhone, type PhoneProblem } from './phone.js';

type Labels = Readonly<Record<Locale, string>>;

export const ID_TYPE_LABELS: Readonly<Record<IdType, Labels>> = {
  resident_id: { 'zh-CN': '居民身份证', 'en-US': 'Resident ID card' },
  passport: { 'zh-CN': '护照', 'en-US': 'Passport' },
  hk_macao_permit: { 'zh-CN': '港澳居民来往内地通行证', 'en-US': 'Hong Kong/Macao permit' },
  taiwan_permit: { 'zh-CN': '台湾居民来往大陆通行证', 'en-US': 'Taiwan permit' },
  foreign_permanent: { 'zh-CN': '外国人永久居留身份证', 'en-US': 'Foreign permanent residence ID' },
  other: { 'zh-CN': '其他证件', 'en-US': 'Other document' },
};

export const RESIDENCE_STATUS_LABELS: Readonly<Record<ResidenceStatus, Labels>> = {
  registered: { 'zh-CN': '户籍人口', 'en-US': 'Registered resident' },
  floating: { 'zh-CN': '流动人口', 'en-US': 'Floating population' },
  overseas: { 'zh-CN': '境外人员', 'en-US': 'Overseas' },
};

export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, Labels>> = {
  active: { 'zh-CN': '在册', 'en-US': 'Active' },
  moved_out: { 'zh-CN': '已迁出', 'en-US': 'Moved out' },
  deceased: { 'zh-CN': '已死亡', 'en-US': 'Deceased' },
};

export type PersonTag = (typeof PERSON_TAGS)[number];

export const PERSON_TAG_LABELS: Readonly<Record<PersonTag, Labels>> = {
  left_behind_child: { 'zh-CN': '留守儿童', 'en-US': 'Left-behind child' },
  left_behind_elderly: { 'zh-CN': '留守老人', 'en-US': 'Left-behind elderly' },
  elderly_alone: { 'zh-CN': '独居老人', 'en-US': 'Elderly living alone' },
  disabled: { 'zh-CN': '残疾人', 'en-US': 'Disabled' },
  low_income: { 'zh-CN': '低保对象', 'en-US': 'Low-income (dibao)' },
  veteran: { 'zh-CN': '退役军人', 'en-US': 'Veteran' },
};

export const GENDER_LABELS: Readonly<Record<'male' | 'female', Labels>> = {
  male: { 'zh-CN': '男', 'en-US': 'Male' },
  female: { 'zh-CN': '女', 'en-US': 'Female' },
};

export const PERSON_COLUMN_KEYS = [
  'name',
  'idType',
  'idNumber',
  'gender',
  'ethnicity',
  'birthDate',
  'phone',
  'hukouPlace',
  'address',
  'residenceStatus',
  'tags',
  'village',
  'grid',
] as const;
export type PersonColumnKey = (typeof PERSON_COLUMN_KEYS)[number];

export interface PersonColumn {
  readonly key: PersonColumnKey;
  readonly header: Labels;
  readonly required: boolean;
  readonly maxLength: number;
  readonly note: Labels;
  /** The allowed values, for a drop-down list; tags allow several, separated by 、 or a comma. */
  readonly choices?: (locale: Locale) => string[];
}

const labelsOf = <K extends string>(labels: Readonly<Record<K, Labels>>) => (locale: Locale) => (Object.values(labels) as Labels[]).map((label) => label[locale]);

export const PERSON_COLUMNS: readonly PersonColumn[] = [
  { key: 'name', header: { 'zh-CN': '姓名', 'en-US': 'Name' }, required: true, maxLength: 50, note: { 'zh-CN': '必填', 'en-US': 'Required' } },
  { key: 'idType', header: { 'zh-CN': '证件类型', 'en-US': 'Document type' }, required: false, maxLength: 30, note: { 'zh-CN': '不填即居民身份证', 'en-US': 'Empty means resident ID card' }, choices: labelsOf(ID_TYPE_LABELS) },
  { key: 'idNumber', header: { 'zh-CN': '证件号码', 'en-US': 'Document number' }, required: true, maxLength: 40, note: { 'zh-CN': '必填；身份证 18 位（旧 15 位自动升级），按校验码核对；同一号码再次导入即更新', 'en-US': 'Required; an ID card has 18 digits (15-digit ones are upgraded) and is checked by its check digit; importing the same number again updates the person' } },
  { key: 'gender', header: { 'zh-CN': '性别', 'en-US': 'Gender' }, required: false, maxLength: 10, note: { 'zh-CN': '身份证可不填，由号码得出', 'en-US': 'May stay empty for an ID card: read from the number' }, choices: labelsOf(GENDER_LABELS) },
  { key: 'ethnicity', header: { 'zh-CN': '民族', 'en-US': 'Ethnicity' }, required: false, maxLength: 20, note: { 'zh-CN': '如：汉族', 'en-US': 'e.g. Han' } },
  { key: 'birthDate', header: { 'zh-CN': '出生日期', 'en-US': 'Birth date' }, required: false, maxLength: 20, note: { 'zh-CN': '身份证可不填；格式 1980-01-31', 'en-US': 'May stay empty for an ID card; as 1980-01-31' } },
  { key: 'phone', header: { 'zh-CN': '联系电话', 'en-US': 'Phone' }, required: false, maxLength: 30, note: { 'zh-CN': '手机 11 位，座机带区号', 'en-US': '11-digit mobile, or landline with area code' } },
  { key: 'hukouPlace', header: { 'zh-CN': '户籍地', 'en-US': 'Household registration place' }, required: false, maxLength: 200, note: { 'zh-CN': '户口所在地', 'en-US': 'Where the hukou is' } },
  { key: 'address', header: { 'zh-CN': '现住址', 'en-US': 'Current address' }, required: false, maxLength: 200, note: { 'zh-CN': '实际居住地址', 'en-US': 'Where the person actually lives' } },
  { key: 'residenceStatus', header: { 'zh-CN': '人口类型', 'en-US': 'Residence status' }, required: true, maxLength: 20, note: { 'zh-CN': '必填，从下拉列表选', 'en-US': 'Required; pick from the list' }, choices: labelsOf(RESIDENCE_STATUS_LABELS) },
  { key: 'tags', header: { 'zh-CN': '人员标签', 'en-US': 'Tags' }, required: false, maxLength: 200, note: { 'zh-CN': '可多个，用顿号分隔：' + Object.values(PERSON_TAG_LABELS).map((label) => label['zh-CN']).join('、'), 'en-US': 'Several allowed, separated by commas' } },
  { key: 'village', header: { 'zh-CN': '村（社区）', 'en-US': 'Village (community)' }, required: true, maxLength: 60, note: { 'zh-CN': '必填：12 位区划代码或村名', 'en-US': 'Required: the 12-digit code or the name' } },
  { key: 'grid', header: { 'zh-CN': '网格', 'en-US': 'Grid' }, required: true, maxLength: 60, note: { 'zh-CN': '必填：网格编号（如 G01）或网格名称', 'en-US': 'Required: the grid code (e.g. G01) or its name' } },
];

/** Why a cell was refused; phrased for people by REGISTRY_PROBLEM_LABELS. */
export type CellProblemCode = 'required' | 'too_long' | 'unknown_value' | 'date' | 'gender_mismatch' | IdNumberProblem | PhoneProblem;

/** Why the server refused a row that reads well: where it belongs, or who already has it. */
export type RowProblemCode = 'village_unknown' | 'grid_unknown' | 'duplicate_in_file' | 'registered_elsewhere' | 'changed_meanwhile';

export interface CellProblem {
  readonly column: PersonColumnKey;
  readonly problem: CellProblemCode;
}

/** A row as read and checked, before the server resolves its village and grid. */
export interface PersonImportRow {
  readonly name: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly gender: 'male' | 'female' | null;
  readonly ethnicity: string | null;
  readonly birthDate: string | null;
  readonly phone: string | null;
  readonly hukouPlace: string | null;
  readonly address: string | null;
  readonly residenceStatus: ResidenceStatus;
  readonly tags: PersonTag[];
  readonly village: string;
  readonly grid: string;
}

/** Which column of the file holds which field: headers in Chinese, English, or the field keys (a leading * allowed). */
export function mapHeaders<K extends string>(all: readonly { key: K; header: Labels; required: boolean }[], headers: readonly string[]): { columns: Partial<Record<K, number>>; missing: K[] } {
  const columns: Partial<Record<K, number>> = {};
  headers.forEach((raw, index) => {
    const header = cleanText(raw).replace(/[*＊]/g, '').toLowerCase();
    const column = all.find((candidate) => [candidate.key.toLowerCase(), candidate.header['zh-CN'], candidate.header['en-US'].toLowerCase()].includes(header));
    if (column && columns[column.key] === undefined) columns[column.key] = index;
  });
  return { columns, missing: all.filter((column) => column.required && columns[column.key] === undefined).map((column) => column.key) };
}

export function mapPersonHeaders(headers: readonly string[]): { columns: Partial<Record<PersonColumnKey, number>>; missing: PersonColumnKey[] } {
  return mapHeaders(PERSON_COLUMNS, headers);
}

/** Text as typed in Excel: full-width spaces and runs of blanks made one space, ends trimmed. */
export function cleanText(text: string | undefined | null): string {
  return (text ?? '').replace(/[\s\u3000]+/g, ' ').trim();
}

/** The key whose label (Chinese or English) or key the cell holds. */
export function valueOfLabel<K extends string>(labels: Readonly<Record<K, Labels>>, text: string): K | undefined {
  const wanted = text.toLowerCase();
  return (Object.keys(labels) as K[]).find((key) => key.toLowerCase() === wanted || labels[key]['zh-CN'] === text || labels[key]['en-US'].toLowerCase() === wanted);
}

function readDate(text: string): string | null {
  const plain = text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .replace(/日$/, '')
    .replace(/[年月/.]/g, '-');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(plain) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads one row (cells by field) and checks every cell, reporting all problems of the row at once,
 * so that one round of corrections is enough. `today` (YYYY-MM-DD) bounds birth dates.
 */
export function readPersonRow(cells: Partial<Record<PersonColumnKey, string>>, today: string): { ok: true; row: PersonImportRow } | { ok: false; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const text = (key: PersonColumnKey): string => {
    const value = cleanText(cells[key]);
    const column = PERSON_COLUMNS.find((candidate) => candidate.key === key)!;
    if (column.required && value === '') problems.push({ column: key, problem: 'required' });
    else if (value.length > column.maxLength) problems.push({ column: key, problem: 'too_long' });
    return value;
  };
  const name = text('name');
  const idTypeText = text('idType');
  const idType = idTypeText === '' ? 'resident_id' : (valueOfLabel(ID_TYPE_LABELS, idTypeText) ?? (['身份证', '二代身份证'].includes(idTypeText) ? 'resident_id' : undefined));
  if (idType === undefined) problems.push({ column: 'idType', problem: 'unknown_value' });
  let idNumber = text('idNumber');
  let gender: 'male' | 'female' | null = null;
  let birthDate: string | null = null;
  const genderText = text('gender');
  const givenGender = genderText === '' ? null : (valueOfLabel(GENDER_LABELS, genderText) ?? null);
  if (genderText !== '' && givenGender === null) problems.push({ column: 'gender', problem: 'unknown_value' });
  const birthText = text('birthDate');
  const givenBirth = birthText === '' ? null : readDate(birthText);
  if (birthText !== '' && (givenBirth === null || givenBirth > today)) problems.push({ column: 'birthDate', problem: 'date' });
  if (idNumber !== '' && idType === 'resident_id') {
    const parsed = parseIdNumber(idNumber, today);
    if (!parsed.ok) problems.push({ column: 'idNumber', problem: parsed.problem });
    else {
      idNumber = parsed.value;
      gender = parsed.gender;
      birthDate = parsed.birthDate;
      if (givenGender !== null && givenGender !== gender) problems.push({ column: 'gender', problem: 'gender_mismatch' });
    }
  } else if (idNumber !== '') {
    idNumber = normaliseDocumentText(idNumber);
    if (idNumber.length < 4) problems.push({ column: 'idNumber', problem: 'length' });
    gender = givenGender;
    birthDate = givenBirth;
  }
  const phoneText = text('phone');
  let phone: string | null = null;
  if (phoneText !== '') {
    const parsed = parsePhone(phoneText);
    if (parsed.ok) phone = parsed.value;
    else problems.push({ column: 'phone', problem: parsed.problem });
  }
  const residenceText = text('residenceStatus');
  const residenceStatus = valueOfLabel(RESIDENCE_STATUS_LABELS, residenceText);
  if (residenceText !== '' && residenceStatus === undefined) problems.push({ column: 'residenceStatus', problem: 'unknown_value' });
  const tagTexts = text('tags').split(/[、,，;；\s]+/).filter(Boolean);
  const tags = [...new Set(tagTexts.map((tag) => valueOfLabel(PERSON_TAG_LABELS, tag)))];
  if (tags.includes(undefined)) problems.push({ column: 'tags', problem: 'unknown_value' });
  const ethnicity = text('ethnicity');
  const hukouPlace = text('hukouPlace');
  const address = text('address');
  const village = text('village');
  const grid = normaliseGridText(text('grid'));
  if (problems.length > 0 || idType === undefined || residenceStatus === undefined) return { ok: false, problems };
  return {
    ok: true,
    row: {
      name,
      idType,
      idNumber,
      gender,
      ethnicity: ethnicity || null,
      birthDate,
      phone,
      hukouPlace: hukouPlace || null,
      address: address || null,
      residenceStatus,
      tags: tags.filter((tag): tag is PersonTag => tag !== undefined),
      village,
      grid,
    },
  };
}

/** `g1`, `Ｇ０１` and `G01` are the same grid code. */
export function normaliseGridText(text: string): string {
  const plain = normaliseDocumentText(text);
  const code = /^G(\d+)$/.exec(plain);
  return code ? `G${code[1]!.padStart(2, '0')}` : text;
}

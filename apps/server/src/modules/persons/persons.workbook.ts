// The people workbook in its three forms, all from PERSON_COLUMNS so they read each other: the
// template to fill in (notes, drop-down lists, the caller's own villages and grids), the export of
// a filtered list (which imports back unchanged), and the rows an import refused with the reason
// beside each (corrected, it imports as it is).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  GENDER_LABELS,
  ID_TYPE_LABELS,
  PERSON_COLUMNS,
  PERSON_STATUS_LABELS,
  PERSON_TAG_LABELS,
  RESIDENCE_STATUS_LABELS,
  describeRegistryProblem,
  unitCodesOfPath,
  type Locale,
  type PersonColumnKey,
  type PersonTag,
} from '@gridwork/core';
import type { PersonTable } from '../../db/tables/person.table.js';

// exceljs has range validations (worksheet.dataValidations.add, lib/doc/data-validations.js) but
// its type definitions leave them out; one list over a range keeps the template small, where a
// validation on each of 10 000 cells would not.
declare module 'exceljs' {
  interface Worksheet {
    readonly dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
  }
}

const TEMPLATE_ROWS = 10_000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E8FB' } };

const SHEET_NAMES = {
  data: { 'zh-CN': '人员信息', 'en-US': 'People' },
  guide: { 'zh-CN': '填写说明', 'en-US': 'How to fill in' },
  choices: { 'zh-CN': '选项', 'en-US': 'Choices' },
  rejected: { 'zh-CN': '未导入的行', 'en-US': 'Rejected rows' },
} as const;

const EXTRA_HEADERS = {
  status: { 'zh-CN': '状态', 'en-US': 'Status' },
  verifiedAt: { 'zh-CN': '最后核实时间', 'en-US': 'Last verified' },
  rowNumber: { 'zh-CN': '原文件行号', 'en-US': 'Row in file' },
  problems: { 'zh-CN': '未导入原因', 'en-US': 'Why it was not imported' },
} as const;

function headerOf(key: PersonColumnKey, locale: Locale): string {
  const column = PERSON_COLUMNS.find((candidate) => candidate.key === key)!;
  return column.required ? `*${column.header[locale]}` : column.header[locale];
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  row.height = 22;
}

export function widthOf(key: string): number {
  return key === 'address' || key === 'hukouPlace' || key === 'name' ? 30 : key === 'idNumber' || key === 'key' || key === 'id' ? 22 : key === 'village' || key === 'tags' || key === 'stateReason' ? 18 : 12;
}

export interface TemplatePlace {
  readonly villageCode: string;
  readonly villageName: string;
  readonly gridCode: string;
  readonly gridName: string;
}

/**
 * The drop-down lists of a template: every coded column's choices and the caller's villages and
 * grids, written to the hidden choices sheet and validated over the data rows (one validation per
 * column range). Villages and grids may also be typed as codes, so they only warn.
 */
export function addChoiceLists(
  sheet: ExcelJS.Worksheet,
  choices: ExcelJS.Worksheet,
  choicesName: string,
  columns: readonly { key: string; header: Readonly<Record<Locale, string>>; choices?: (locale: Locale) => string[] }[],
  places: readonly TemplatePlace[],
  locale: Locale,
  rows: number,
): void {
  const lists: { key: string; values: string[] }[] = [
    ...columns.filter((column) => column.choices).map((column) => ({ key: column.key, values: column.choices!(locale) })),
    { key: 'village', values: [...new Map(places.map((place) => [place.villageCode, place.villageName])).values()] },
    { key: 'grid', values: [...new Set(places.map((place) => place.gridCode))].sort() },
  ];
  lists.forEach((list, index) => {
    const letter = String.fromCharCode(65 + index);
    choices.getCell(`${letter}1`).value = columns.find((column) => column.key === list.key)?.header[locale] ?? list.key;
    list.values.forEach((value, row) => (choices.getCell(`${letter}${row + 2}`).value = value));
    if (list.values.length === 0) return;
    const column = sheet.getColumn(list.key).letter;
    sheet.dataValidations.add(`${column}2:${column}${rows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${choicesName}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      showErrorMessage: list.key !== 'village' && list.key !== 'grid',
      errorTitle: locale === 'zh-CN' ? '请从列表中选择' : 'Pick from the list',
      error: locale === 'zh-CN' ? '请从下拉列表中选择一项' : 'Please pick one of the listed values',
    });
  });
}

/** The template, with drop-down lists of the coded columns and of the caller's villages and grids. */
export async function personTemplate(locale: Locale, places: readonly TemplatePlace[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gridwork';
  const sheet = workbook.addWorksheet(SHEET_NAMES.data[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet(SHEET_NAMES.guide[locale]);
  const choices = workbook.addWorksheet(SHEET_NAMES.choices[locale], { state: 'hidden' });

  sheet.columns = PERSON_COLUMNS.map((column) => ({ header: headerOf(column.key, locale), key: column.key, width: widthOf(column.key) }));
  styleHeader(sheet.getRow(1));
  PERSON_COLUMNS.forEach((column, index) => {
    sheet.getRow(1).getCell(index + 1).note = column.note[locale];
  });
  // Long numbers stay text: typed as numbers, Excel would keep 15 digits of an 18-digit ID.
  for (const key of ['idNumber', 'phone'] as const) sheet.getColumn(key).numFmt = '@';

  addChoiceLists(sheet, choices, SHEET_NAMES.choices[locale], PERSON_COLUMNS.filter((column) => column.key !== 'tags'), places, locale, TEMPLATE_ROWS);

  guide.columns = [{ width: 22 }, { width: 16 }, { width: 70 }];
  const title = guide.addRow([locale === 'zh-CN' ? '人员信息导入模板填写说明' : 'How to fill in the people template']);
  title.font = { bold: true, size: 14 };
  guide.addRow([locale === 'zh-CN' ? '带 * 的列必填。同一证件号码再次导入即更新该人员，不会重复登记；有问题的行不导入，可下载“未导入的行”修改后再导入。' : 'Columns marked * are required. Importing the same document number again updates the person; rows with problems are not imported and can be downloaded, corrected and imported again.']);
  guide.addRow([]);
  styleHeader(guide.addRow(locale === 'zh-CN' ? ['列', '是否必填', '说明'] : ['Column', 'Required', 'Notes']));
  for (const column of PERSON_COLUMNS) {
    const allowed = column.key === 'tags' ? (Object.values(PERSON_TAG_LABELS) as Record<Locale, string>[]).map((label) => label[locale]) : (column.choices?.(locale) ?? []);
    guide.addRow([column.header[locale], column.required ? (locale === 'zh-CN' ? '必填' : 'yes') : '', allowed.length > 0 ? `${column.note[locale]}（${allowed.join(' / ')}）` : column.note[locale]]);
  }
  guide.addRow([]);
  styleHeader(guide.addRow(locale === 'zh-CN' ? ['村（社区）代码', '网格编号', '村（社区） / 网格名称'] : ['Village code', 'Grid code', 'Village / grid name']));
  for (const place of places) guide.addRow([place.villageCode, place.gridCode, `${place.villageName} / ${place.gridName}`]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const labelOf = <K extends string>(labels: Readonly<Record<K, Record<Locale, string>>>, key: K | null, locale: Locale) => (key === null ? '' : (labels[key]?.[locale] ?? key));

/** One person as a row of the workbook; plain documents only when the caller may see them (and it was audited). */
export function personCells(person: PersonTable, locale: Locale, plain: { idNumber: string | null; phone: string | null } | null): Record<string, string> {
  const codes = unitCodesOfPath(person.path);
  const gridCode = person.path.split('/').at(-2) ?? '';
  return {
    name: person.name,
    idType: labelOf(ID_TYPE_LABELS, person.id_type, locale),
    idNumber: (plain ? plain.idNumber : person.id_masked) ?? '',
    gender: labelOf(GENDER_LABELS, person.gender, locale),
    ethnicity: person.ethnicity ?? '',
    birthDate: person.birth_date ?? '',
    phone: (plain ? plain.phone : person.phone_masked) ?? '',
    hukouPlace: person.hukou_place ?? '',
    address: person.address ?? '',
    residenceStatus: labelOf(RESIDENCE_STATUS_LABELS, person.residence_status, locale),
    tags: (JSON.parse(person.tags) as PersonTag[]).map((tag) => labelOf(PERSON_TAG_LABELS, tag, locale)).join('、'),
    village: codes.villageCode ?? '',
    grid: person.grid_id ? gridCode : '',
    status: labelOf(PERSON_STATUS_LABELS, person.status, locale),
    verifiedAt: person.verified_at ?? '',
  };
}

/** Streams a workbook of people to `output`, a page at a time. */
export async function writePersonsWorkbook(output: Writable, pages: AsyncIterable<readonly Record<string, string>[]>, locale: Locale): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET_NAMES.data[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...PERSON_COLUMNS.map((column) => ({ header: headerOf(column.key, locale), key: column.key, width: widthOf(column.key), style: column.key === 'idNumber' || column.key === 'phone' ? { numFmt: '@' } : {} })),
    { header: EXTRA_HEADERS.status[locale], key: 'status', width: 10 },
    { header: EXTRA_HEADERS.verifiedAt[locale], key: 'verifiedAt', width: 22 },
  ];
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();
  for await (const page of pages) {
    for (const cells of page) sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export interface RejectedRow {
  readonly rowNumber: number;
  readonly cells: Record<string, string>;
  readonly problems: readonly { column: string | null; problem: string }[];
}

/** A column of a workbook as the rejected-rows sheet needs it: people's or a record kind's. */
export interface SheetColumn {
  readonly key: string;
  readonly header: Readonly<Record<Locale, string>>;
  readonly required: boolean;
}

const sheetHeaderOf = (column: SheetColumn, locale: Locale) => (column.required ? `*${column.header[locale]}` : column.header[locale]);
const isTextColumn = (key: string) => key === 'idNumber' || key === 'phone' || key === 'contactPhone' || key === 'key';

/** The reason a row was refused, column by column, in the reader's language. */
export function describeRowProblems(problems: RejectedRow['problems'], locale: Locale, columns: readonly SheetColumn[] = PERSON_COLUMNS): string {
  return problems
    .map((problem) => {
      const column = columns.find((candidate) => candidate.key === problem.column)?.header[locale];
      const reason = describeRegistryProblem(problem.problem, locale) ?? problem.problem;
      return column ? `${column}${locale === 'zh-CN' ? '：' : ': '}${reason}` : reason;
    })
    .join(locale === 'zh-CN' ? '；' : '; ');
}

/** Streams the refused rows, as they were read, with the row number and the reason beside each. */
export async function writeRejectedWorkbook(output: Writable, rows: AsyncIterable<RejectedRow>, locale: Locale, columns: readonly SheetColumn[] = PERSON_COLUMNS): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET_NAMES.rejected[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...columns.map((column) => ({ header: sheetHeaderOf(column, locale), key: column.key, width: widthOf(column.key), style: isTextColumn(column.key) ? { numFmt: '@' } : {} })),
    { header: EXTRA_HEADERS.rowNumber[locale], key: 'rowNumber', width: 10 },
    { header: EXTRA_HEADERS.problems[locale], key: 'problems', width: 60 },
  ];
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();
  for await (const row of rows) {
    const added = sheet.addRow({ ...row.cells, rowNumber: row.rowNumber, problems: describeRowProblems(row.problems, locale, columns) });
    added.getCell('problems').font = { color: { argb: 'FFC00000' } };
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}

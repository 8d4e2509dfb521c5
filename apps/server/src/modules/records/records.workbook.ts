// The workbooks of households, houses, organisations, key places and facilities, from
// recordColumns(kind) as the people workbooks are from PERSON_COLUMNS: the template to fill in
// (notes, drop-down lists of categories, states and the caller's villages and grids) and the
// export of a filtered list, which carries each record's system number and imports back unchanged.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RECORD_KIND_DEFINITIONS, recordColumns, recordSheetName, unitCodesOfPath, type Locale, type RecordColumnKey, type RecordKind } from '@gridwork/core';
import type { NewRegistryRecord } from '../../db/tables/registry-record.table.js';
import { addChoiceLists, styleHeader, widthOf, type TemplatePlace } from '../persons/persons.workbook.js';

const TEMPLATE_ROWS = 5_000;
const TEXT_COLUMNS: readonly RecordColumnKey[] = ['id', 'key', 'contactPhone'];
const EXTRA_HEADERS = {
  verifiedAt: { 'zh-CN': '最后核实时间', 'en-US': 'Last verified' },
  guide: { 'zh-CN': '填写说明', 'en-US': 'How to fill in' },
  choices: { 'zh-CN': '选项', 'en-US': 'Choices' },
} as const;

const headerOf = (column: { header: Readonly<Record<Locale, string>>; required: boolean }, locale: Locale) => (column.required ? `*${column.header[locale]}` : column.header[locale]);

/** The template of `kind`, with drop-down lists of its coded columns and of the caller's villages and grids. */
export async function recordTemplate(kind: RecordKind, locale: Locale, places: readonly TemplatePlace[]): Promise<Buffer> {
  const columns = recordColumns(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gridwork';
  const sheet = workbook.addWorksheet(recordSheetName(kind, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet(EXTRA_HEADERS.guide[locale]);
  const choices = workbook.addWorksheet(EXTRA_HEADERS.choices[locale], { state: 'hidden' });

  sheet.columns = columns.map((column) => ({ header: headerOf(column, locale), key: column.key, width: widthOf(column.key), style: TEXT_COLUMNS.includes(column.key) ? { numFmt: '@' } : {} }));
  styleHeader(sheet.getRow(1));
  columns.forEach((column, index) => {
    if (column.note[locale]) sheet.getRow(1).getCell(index + 1).note = column.note[locale];
  });

  addChoiceLists(sheet, choices, EXTRA_HEADERS.choices[locale], columns, places, locale, TEMPLATE_ROWS);

  const label = RECORD_KIND_DEFINITIONS[kind].label[locale];
  guide.columns = [{ width: 22 }, { width: 16 }, { width: 70 }];
  const title = guide.addRow([locale === 'zh-CN' ? `${label}信息导入模板填写说明` : `How to fill in the ${label.toLowerCase()} template`]);
  title.font = { bold: true, size: 14 };
  guide.addRow([
    locale === 'zh-CN'
      ? '带 * 的列必填。导出的表格带“系统编号”，修改后再导入即更新原记录；有编号的按编号更新，没有编号的按网格、名称和地址识别，不会重复登记。有问题的行不导入，可下载“未导入的行”修改后再导入。'
      : 'Columns marked * are required. An exported workbook carries the system number, so a corrected row updates its record; otherwise a row is matched by its key, or by grid, name and address, and never registered twice. Rows with problems are not imported and can be downloaded, corrected and imported again.',
  ]);
  guide.addRow([]);
  styleHeader(guide.addRow(locale === 'zh-CN' ? ['列', '是否必填', '说明'] : ['Column', 'Required', 'Notes']));
  for (const column of columns) {
    const allowed = column.choices?.(locale) ?? [];
    guide.addRow([column.header[locale], column.required ? (locale === 'zh-CN' ? '必填' : 'yes') : '', allowed.length > 0 ? `${column.note[locale]}（${allowed.join(' / ')}）` : column.note[locale]]);
  }
  guide.addRow([]);
  styleHeader(guide.addRow(locale === 'zh-CN' ? ['村（社区）代码', '网格编号', '村（社区） / 网格名称'] : ['Village code', 'Grid code', 'Village / grid name']));
  for (const place of places) guide.addRow([place.villageCode, place.gridCode, `${place.villageName} / ${place.gridName}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One record as a row of its workbook; the plain phone only when the caller may see it (and it was audited). */
export function recordCells(record: NewRegistryRecord, locale: Locale, plainPhone: string | null): Record<string, string> {
  const definition = RECORD_KIND_DEFINITIONS[record.kind];
  const attributes = JSON.parse(record.attributes) as { legalRepresentative?: string | null; staffCount?: number | null };
  return {
    id: record.id,
    name: record.name,
    category: definition.categories[record.category]?.[locale] ?? record.category,
    key: record.record_key ?? '',
    address: record.address ?? '',
    village: unitCodesOfPath(record.path).villageCode ?? '',
    grid: record.grid_id ? (record.path.split('/').at(-2) ?? '') : '',
    state: definition.states[record.state]?.[locale] ?? record.state,
    stateReason: record.state_reason ?? '',
    contactName: record.contact_name ?? '',
    contactPhone: (plainPhone ?? record.contact_masked) ?? '',
    legalRepresentative: attributes.legalRepresentative ?? '',
    staffCount: attributes.staffCount === null || attributes.staffCount === undefined ? '' : String(attributes.staffCount),
    lon: record.lon === null ? '' : String(record.lon),
    lat: record.lat === null ? '' : String(record.lat),
    verifiedAt: record.verified_at ?? '',
  };
}

/** Streams a workbook of records of `kind` to `output`, a page at a time. */
export async function writeRecordsWorkbook(kind: RecordKind, output: Writable, pages: AsyncIterable<readonly Record<string, string>[]>, locale: Locale): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(recordSheetName(kind, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...recordColumns(kind).map((column) => ({ header: headerOf(column, locale), key: column.key, width: widthOf(column.key), style: TEXT_COLUMNS.includes(column.key) ? { numFmt: '@' } : {} })),
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

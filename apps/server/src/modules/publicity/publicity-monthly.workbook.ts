// The month's publicity counts as an Excel workbook: one row per township and village (those with
// none too, marked), one column per kind, headers in the caller's language, the same figures as the JSON.
import ExcelJS from 'exceljs';
import { PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, type Locale, type PublicityMonthly } from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

const NONE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF1F0' } };

export async function publicityMonthlyWorkbook(data: PublicityMonthly, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(zh ? '宣传发动月统计' : 'Publicity by month', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  sheet.addRow([
    zh ? '月份' : 'Month',
    zh ? '乡镇' : 'Township',
    zh ? '单位' : 'Unit',
    ...PUBLICITY_KINDS.map((kind) => PUBLICITY_KIND_LABELS[kind][locale]),
    zh ? '合计' : 'Total',
    zh ? '受众/阅读量' : 'Audience / reads',
  ]);
  styleHeader(sheet.getRow(1));
  for (const row of data.rows) {
    const added = sheet.addRow([data.month, row.townshipName ?? '', row.unitName, ...PUBLICITY_KINDS.map((kind) => row.counts[kind]), row.total, row.audience]);
    if (row.total === 0) added.eachCell((cell) => (cell.fill = NONE_FILL));
  }
  const total = sheet.addRow([data.month, '', zh ? '合计' : 'Total', ...PUBLICITY_KINDS.map((kind) => data.totals[kind]), PUBLICITY_KINDS.reduce((sum, kind) => sum + data.totals[kind], 0), data.rows.reduce((sum, row) => sum + row.audience, 0)]);
  total.font = { bold: true };
  sheet.columns.forEach((column, index) => (column.width = index === 1 || index === 2 ? 18 : 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

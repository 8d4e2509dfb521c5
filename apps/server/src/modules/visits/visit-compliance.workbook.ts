// The compliance table as an Excel workbook: one sheet per grid worker, one per village, headers
// in the caller's language, the same figures as the JSON.
import ExcelJS from 'exceljs';
import type { Compliance, Locale } from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

const FIGURES = [
  ['visits', { 'zh-CN': '走访次数', 'en-US': 'Visits' }],
  ['onTime', { 'zh-CN': '按时', 'en-US': 'On time' }],
  ['late', { 'zh-CN': '逾期完成', 'en-US': 'Late' }],
  ['flagged', { 'zh-CN': '异常走访', 'en-US': 'Flagged' }],
  ['overdueNow', { 'zh-CN': '当前逾期', 'en-US': 'Overdue now' }],
  ['yellowCards', { 'zh-CN': '黄牌', 'en-US': 'Yellow cards' }],
  ['redCards', { 'zh-CN': '红牌', 'en-US': 'Red cards' }],
  ['complianceRate', { 'zh-CN': '按时率(%)', 'en-US': 'Compliance (%)' }],
] as const;

export async function complianceWorkbook(data: Compliance, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const zh = locale === 'zh-CN';
  const workers = workbook.addWorksheet(zh ? '网格员' : 'Grid workers', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  workers.addRow([
    zh ? '月份' : 'Month',
    zh ? '村（社区）' : 'Village',
    zh ? '网格员' : 'Grid worker',
    ...FIGURES.map(([, label]) => label[locale]),
  ]);
  styleHeader(workers.getRow(1));
  for (const row of data.workers)
    workers.addRow([data.month, row.villageName, row.workerName, ...FIGURES.map(([key]) => row[key])]);
  const villages = workbook.addWorksheet(zh ? '村（社区）' : 'Villages', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  villages.addRow([
    zh ? '月份' : 'Month',
    zh ? '村（社区）' : 'Village',
    ...FIGURES.map(([, label]) => label[locale]),
  ]);
  styleHeader(villages.getRow(1));
  for (const row of data.villages)
    villages.addRow([data.month, row.villageName, ...FIGURES.map(([key]) => row[key])]);
  for (const sheet of [workers, villages]) sheet.columns.forEach((column) => (column.width = 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

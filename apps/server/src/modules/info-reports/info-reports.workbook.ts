// A month's information reports as an Excel workbook: the reports (one row each) and each
// township's count against the quota, headers in the caller's language.
import ExcelJS from 'exceljs';
import {
  INFO_REPORT_CATEGORY_LABELS,
  INFO_REPORT_LEVEL_LABELS,
  INFO_REPORT_STATUS_LABELS,
  shanghaiDate,
  type InfoReportQuota,
  type InfoReportSummary,
  type Locale,
} from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

const day = (at: string | null) => (at ? shanghaiDate(Date.parse(at)) : '');

export async function infoReportsWorkbook(month: string, reports: readonly InfoReportSummary[], quota: InfoReportQuota, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const list = workbook.addWorksheet(zh ? '信息报送' : 'Information reports', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.addRow(
    zh
      ? ['月份', '乡镇', '标题', '类别', '状态', '采用级别', '优秀网格员', '撰写人', '首次提交', '采用日期']
      : ['Month', 'Township', 'Title', 'Category', 'Status', 'Adopted at level', 'Exemplary grid worker', 'Author', 'First submitted', 'Adopted on'],
  );
  styleHeader(list.getRow(1));
  for (const report of reports)
    list.addRow([
      month,
      report.townshipName,
      report.title,
      INFO_REPORT_CATEGORY_LABELS[report.category][locale],
      INFO_REPORT_STATUS_LABELS[report.status][locale],
      report.level ? INFO_REPORT_LEVEL_LABELS[report.level][locale] : '',
      report.subjectName ?? '',
      report.authorName,
      day(report.firstSubmittedAt),
      day(report.adoptedAt),
    ]);
  list.columns.forEach((column, index) => (column.width = index === 2 ? 40 : 14));

  const sheet = workbook.addWorksheet(zh ? '报送考核' : 'Quota', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(zh ? ['月份', '乡镇', '报送数', '采用数', '任务数', '是否完成', '采用率(%)'] : ['Month', 'Township', 'Submitted', 'Adopted', 'Quota', 'Met', 'Adoption rate (%)']);
  styleHeader(sheet.getRow(1));
  for (const row of quota.townships)
    sheet.addRow([month, row.townshipName, row.submitted, row.adopted, row.quota, row.met ? (zh ? '是' : 'yes') : zh ? '否' : 'no', row.adoptionRate ?? '']);
  sheet.columns.forEach((column) => (column.width = 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

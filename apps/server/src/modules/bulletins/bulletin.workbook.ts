// The bulletin's tables as an Excel workbook: the overview, the full village and department
// rankings (every unit with its points per item), the units criticised and the reports adopted.
// Written in Chinese like the Word file: both are the county's official record of the month.
import ExcelJS from 'exceljs';
import { INDICATORS, type BulletinFigures, type IndicatorCode, type Ranking } from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

function rankingSheet(workbook: ExcelJS.Workbook, name: string, parentHeader: string, ranking: Ranking | null): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const units = ranking?.units ?? [];
  const codes: IndicatorCode[] = [];
  for (const unit of units) for (const item of unit.items) if (!codes.includes(item.indicator)) codes.push(item.indicator);
  sheet.addRow(['名次', '单位', parentHeader, '得分', '样本不足', ...codes.map((code) => `${INDICATORS[code].name['zh-CN']}（得分）`), '扣分']);
  styleHeader(sheet.getRow(1));
  for (const unit of units) {
    const points = new Map(unit.items.map((item) => [item.indicator, item.points]));
    sheet.addRow([
      unit.rank ?? '',
      unit.unitName,
      unit.parentName ?? '',
      Math.round(unit.score * 100) / 100,
      unit.tooFew ? '是' : '',
      ...codes.map((code) => {
        const value = points.get(code);
        return value === undefined ? '' : Math.round(value * 100) / 100;
      }),
      Math.round(unit.deductions.reduce((sum, deduction) => sum + deduction.points, 0) * 100) / 100,
    ]);
  }
  sheet.columns.forEach((column, index) => (column.width = index === 1 || index === 2 ? 24 : 12));
}

export async function bulletinWorkbook(figures: BulletinFigures, rankings: { village: Ranking | null; department: Ranking | null }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = figures.issuer;
  const { overview } = figures;
  const summary = workbook.addWorksheet('总体情况');
  summary.addRow(['项目', '数值']);
  styleHeader(summary.getRow(1));
  const rows: [string, string | number][] = [
    ['通报期间', figures.period],
    ['起止日期', `${figures.from} 至 ${figures.to}`],
    ['受理事件（件）', overview.eventsReported],
    ['结案事件（件）', overview.eventsClosed],
    ['本期受理事件结案率（%）', overview.closureRate === null ? '' : Math.round(overview.closureRate * 1000) / 10],
    ['黄牌（张）', overview.yellowCards],
    ['红牌（张）', overview.redCards],
    ['报送信息（篇）', overview.reportsSubmitted],
    ['采用信息（篇）', overview.reportsAdopted],
    ['参与考核的村（社区）', overview.villages],
    ['参与考核的职能部门', overview.departments],
    ['发文单位', figures.issuer],
    ['发文日期', figures.issuedOn],
  ];
  for (const row of rows) summary.addRow(row);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 30;

  rankingSheet(workbook, '村（社区）排名', '所属乡镇', rankings.village);
  rankingSheet(workbook, '职能部门排名', '服务区域', rankings.department);

  const criticised = workbook.addWorksheet('通报批评', { views: [{ state: 'frozen', ySplit: 1 }] });
  criticised.addRow(['单位', '类别', '所属乡镇', '黄牌（张）', '红牌（张）']);
  styleHeader(criticised.getRow(1));
  for (const unit of figures.criticised) criticised.addRow([unit.unitName, unit.unitKind === 'village' ? '村（社区）' : '职能部门', unit.parentName ?? '', unit.yellowCards, unit.redCards]);
  criticised.columns.forEach((column, index) => (column.width = index < 3 ? 22 : 12));

  const adopted = workbook.addWorksheet('信息采用', { views: [{ state: 'frozen', ySplit: 1 }] });
  adopted.addRow(['乡镇', '标题', '类别', '采用级别', '采用日期', '优秀网格员']);
  styleHeader(adopted.getRow(1));
  for (const report of figures.adoptedReports) adopted.addRow([report.townshipName, report.title, report.category, report.level, report.adoptedOn, report.subjectName ?? '']);
  adopted.columns.forEach((column, index) => (column.width = index === 1 ? 40 : 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

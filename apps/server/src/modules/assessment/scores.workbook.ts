// A ranking as an Excel workbook: one row per unit (rank, score, each item's points) and the
// deductions behind the scores, headers in the caller's language.
import ExcelJS from 'exceljs';
import { INDICATORS, type IndicatorCode, type Locale, type Ranking } from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

const UNIT_KIND_LABELS = {
  village: { 'zh-CN': '村（社区）', 'en-US': 'Villages' },
  township: { 'zh-CN': '乡镇', 'en-US': 'Townships' },
  department: { 'zh-CN': '职能部门', 'en-US': 'Departments' },
  grid_worker: { 'zh-CN': '网格员', 'en-US': 'Grid workers' },
} as const;

export async function rankingWorkbook(ranking: Ranking, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const codes: IndicatorCode[] = [...new Set(ranking.units.flatMap((unit) => unit.items.map((item) => item.indicator)))];
  const sheet = workbook.addWorksheet(zh ? '考核排名' : 'Ranking', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([
    zh
      ? `${ranking.period} ${UNIT_KIND_LABELS[ranking.unitKind][locale]}考核排名（${ranking.schemeYear} 年方案第 ${ranking.schemeVersion} 版）`
      : `${ranking.period} ${UNIT_KIND_LABELS[ranking.unitKind][locale]} ranking (scheme ${ranking.schemeYear} version ${ranking.schemeVersion})`,
  ]);
  sheet.addRow([
    zh ? '排名' : 'Rank',
    zh ? '单位' : 'Unit',
    zh ? '所属' : 'Belongs to',
    zh ? '得分' : 'Score',
    zh ? '扣分' : 'Deductions',
    zh ? '样本不足' : 'Too few',
    ...codes.map((code) => `${INDICATORS[code].name[locale]}${zh ? '（得分）' : ' (points)'}`),
  ]);
  styleHeader(sheet.getRow(2));
  for (const unit of ranking.units) {
    const points = new Map(unit.items.map((item) => [item.indicator, item.points]));
    sheet.addRow([
      unit.rank ?? '',
      unit.unitName,
      unit.parentName ?? '',
      unit.score,
      unit.deductions.reduce((sum, deduction) => sum + deduction.points, 0),
      unit.tooFew ? (zh ? '是' : 'yes') : '',
      ...codes.map((code) => points.get(code) ?? ''),
    ]);
  }
  sheet.columns.forEach((column, index) => (column.width = index === 1 ? 24 : 12));

  const deductions = workbook.addWorksheet(zh ? '扣分明细' : 'Deductions', { views: [{ state: 'frozen', ySplit: 1 }] });
  deductions.addRow(zh ? ['单位', '扣分规则', '指标', '数值', '扣分'] : ['Unit', 'Rule', 'Indicator', 'Value', 'Points']);
  styleHeader(deductions.getRow(1));
  for (const unit of ranking.units)
    for (const deduction of unit.deductions)
      deductions.addRow([unit.unitName, deduction.ruleId === '_cap' ? (zh ? '扣分封顶' : 'Cap reached') : deduction.label, INDICATORS[deduction.indicator].name[locale], deduction.value, deduction.points]);
  deductions.columns.forEach((column, index) => (column.width = index === 1 ? 30 : 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

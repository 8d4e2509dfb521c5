// The indicator table of a period as an Excel workbook (考核指标导出): one row a unit, for each
// indicator its value (a percentage, or a count) and the numerator over the denominator, marked
// when too few cases to rank; a second sheet states every formula. Headers in the caller's language.
import ExcelJS from 'exceljs';
import { INDICATORS, type AssessedUnitKind, type IndicatorTable, type Locale } from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

const UNIT_KIND_LABELS: Readonly<Record<AssessedUnitKind, Readonly<Record<Locale, string>>>> = {
  village: { 'zh-CN': '村（社区）', 'en-US': 'Village' },
  township: { 'zh-CN': '乡镇', 'en-US': 'Township' },
  department: { 'zh-CN': '部门', 'en-US': 'Department' },
  grid_worker: { 'zh-CN': '网格员', 'en-US': 'Grid worker' },
};

export function indicatorsWorkbookName(table: IndicatorTable, locale: Locale): string {
  return locale === 'zh-CN' ? `考核指标-${UNIT_KIND_LABELS[table.unitKind][locale]}-${table.period}.xlsx` : `indicators-${table.unitKind}-${table.period}.xlsx`;
}

export async function indicatorsWorkbook(table: IndicatorTable, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(zh ? '考核指标' : 'Indicators', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.addRow([
    UNIT_KIND_LABELS[table.unitKind][locale],
    zh ? '所属' : 'Belongs to',
    ...table.indicators.flatMap((code) => [INDICATORS[code].name[locale], zh ? '分子/分母' : 'Numerator/denominator']),
  ]);
  styleHeader(sheet.getRow(1));
  const tooFew = zh ? '样本不足' : 'too few to rank';
  for (const row of table.rows) {
    const added = sheet.addRow([
      row.unitName,
      row.parentName ?? '',
      ...table.indicators.flatMap((code) => {
        const figure = row.figures[code];
        if (!figure) return ['', ''];
        if (figure.denominator === null) return [figure.value, ''];
        return [figure.value, `${figure.numerator}/${figure.denominator}${figure.tooFew ? ` ${tooFew}` : ''}`];
      }),
    ]);
    table.indicators.forEach((code, i) => {
      if (INDICATORS[code].kind === 'rate') added.getCell(3 + i * 2).numFmt = '0.0%';
    });
  }
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 14;
  table.indicators.forEach((_, i) => {
    sheet.getColumn(3 + i * 2).width = 12;
    sheet.getColumn(4 + i * 2).width = 14;
  });

  const about = workbook.addWorksheet(zh ? '指标说明' : 'Formulas');
  about.addRow(zh ? ['指标', '计算方法', '期间', '最少样本数'] : ['Indicator', 'Formula', 'Period', 'Minimum cases']);
  styleHeader(about.getRow(1));
  for (const code of table.indicators) about.addRow([INDICATORS[code].name[locale], INDICATORS[code].formula[locale], `${table.from} – ${table.to}`, table.minCases]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 70;
  about.getColumn(3).width = 24;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

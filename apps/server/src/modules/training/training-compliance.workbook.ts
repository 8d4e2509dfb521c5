// The training compliance list as an Excel workbook: who is short (one row per person and rule),
// and the totals per township and village, headers in the caller's language.
import ExcelJS from 'exceljs';
import {
  ROLE_LABELS,
  TRAINING_KIND_LABELS,
  TRAINING_PERIOD_LABELS,
  type Locale,
  type TrainingCompliance,
} from '@gridwork/core';
import { styleHeader } from '../persons/persons.workbook.js';

export async function trainingComplianceWorkbook(data: TrainingCompliance, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const people = workbook.addWorksheet(zh ? '未达标人员' : 'Short', { views: [{ state: 'frozen', ySplit: 1 }] });
  people.addRow(
    zh
      ? ['年度', '乡镇', '村（社区）', '部门', '姓名', '身份', '培训类别', '要求', '应参加', '已参加', '差', '未完成时段']
      : ['Year', 'Township', 'Village', 'Department', 'Name', 'Role', 'Kind', 'Rule', 'Required', 'Attended', 'Short by', 'Periods short'],
  );
  styleHeader(people.getRow(1));
  for (const person of data.short)
    for (const rule of person.rules)
      people.addRow([
        data.year,
        person.townshipName,
        person.villageName,
        person.departmentName,
        person.name,
        ROLE_LABELS[person.role][locale],
        TRAINING_KIND_LABELS[rule.kind][locale],
        zh ? `${TRAINING_PERIOD_LABELS[rule.per][locale]}至少 ${rule.minimum} 次` : `at least ${rule.minimum} ${TRAINING_PERIOD_LABELS[rule.per][locale]}`,
        rule.required,
        rule.attended,
        rule.shortBy,
        rule.periods.filter((period) => period.shortBy > 0).map((period) => period.key + (period.ended ? '' : zh ? '（进行中）' : ' (open)')).join(zh ? '、' : ', '),
      ]);
  const units = workbook.addWorksheet(zh ? '乡镇和村汇总' : 'Units', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.addRow(zh ? ['年度', '层级', '单位', '应培训人数', '未达标人数', '差次数'] : ['Year', 'Level', 'Unit', 'People', 'Short', 'Trainings missing']);
  styleHeader(units.getRow(1));
  for (const unit of data.units)
    units.addRow([data.year, unit.level === 'township' ? (zh ? '乡镇' : 'Township') : zh ? '村（社区）' : 'Village', unit.name, unit.people, unit.short, unit.shortBy]);
  for (const sheet of [people, units]) sheet.columns.forEach((column) => (column.width = 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Why an ID number, phone or credit code was refused, in the reader's language.
import type { Locale } from '../i18n/locale.js';
import type { CreditCodeProblem } from './credit-code.js';
import type { IdNumberProblem } from './id-number.js';
import type { CellProblemCode, RowProblemCode } from './person-columns.js';
import type { PhoneProblem } from './phone.js';
import type { RecordCellProblemCode, RecordRowProblemCode } from './record-columns.js';

export type RegistryProblem = IdNumberProblem | PhoneProblem | CreditCodeProblem | CellProblemCode | RowProblemCode | RecordCellProblemCode | RecordRowProblemCode;

export const REGISTRY_PROBLEM_LABELS: Readonly<Record<RegistryProblem, Record<Locale, string>>> = {
  length: { 'zh-CN': '位数不对（身份证 18 位或 15 位，统一社会信用代码 18 位）', 'en-US': 'wrong length (ID card 18 or 15 characters, credit code 18)' },
  characters: { 'zh-CN': '含有不允许的字符', 'en-US': 'it contains characters that are not allowed' },
  area: { 'zh-CN': '前 6 位不是有效的行政区划代码', 'en-US': 'the first 6 digits are not an area code' },
  birth_date: { 'zh-CN': '出生日期不存在或晚于今天', 'en-US': 'the birth date does not exist or is in the future' },
  check_digit: { 'zh-CN': '校验码不符，请核对每一位', 'en-US': 'the check digit does not match; check each digit' },
  check_character: { 'zh-CN': '校验码不符，请核对每一位', 'en-US': 'the check character does not match; check each character' },
  mobile_length: { 'zh-CN': '手机号码应为 11 位', 'en-US': 'a mobile number has 11 digits' },
  landline: { 'zh-CN': '座机号码须带区号', 'en-US': 'a landline needs its area code' },
  required: { 'zh-CN': '必填项为空', 'en-US': 'a required value is empty' },
  too_long: { 'zh-CN': '内容过长', 'en-US': 'the value is too long' },
  unknown_value: { 'zh-CN': '不是下拉列表中的选项', 'en-US': 'not one of the listed choices' },
  date: { 'zh-CN': '日期无效或晚于今天（格式 1980-01-31）', 'en-US': 'not a valid past date (as 1980-01-31)' },
  gender_mismatch: { 'zh-CN': '性别与身份证号码不符', 'en-US': 'the gender does not match the ID number' },
  village_unknown: { 'zh-CN': '没有这个村（社区），或不在您的管辖范围内', 'en-US': 'no such village (community) within your area' },
  grid_unknown: { 'zh-CN': '该村（社区）没有这个网格', 'en-US': 'the village (community) has no such grid' },
  duplicate_in_file: { 'zh-CN': '本文件中已有相同证件号码的行', 'en-US': 'an earlier row of this file has the same document number' },
  changed_meanwhile: { 'zh-CN': '导入时该人员正被他人修改，请重新导入此行', 'en-US': 'someone changed this person during the import; import the row again' },
  number: { 'zh-CN': '应为不小于 0 的整数', 'en-US': 'should be a whole number, 0 or more' },
  coordinates: { 'zh-CN': '经纬度无效（经度 73–136，纬度 3–54，两者同填）', 'en-US': 'invalid coordinates (longitude 73–136, latitude 3–54, both or neither)' },
  end_reason_required: { 'zh-CN': '注销、拆除、关闭须填写原因', 'en-US': 'ending a record needs a reason' },
  record_duplicate_in_file: { 'zh-CN': '本文件中已有同一记录的行（相同系统编号、编号或名称与地址）', 'en-US': 'an earlier row of this file is the same record (same system number, key, or name and address)' },
  record_unknown: { 'zh-CN': '系统编号不存在，或不在您的管辖范围内', 'en-US': 'no record with this system number within your area' },
  key_elsewhere: { 'zh-CN': '该编号已被其他辖区的记录使用', 'en-US': 'this key belongs to a record of another area' },
  registered_elsewhere: { 'zh-CN': '该证件号码已在其他辖区登记，请联系所在辖区迁移', 'en-US': 'this document number is registered in another area; ask that area to move the person' },
};

export function describeRegistryProblem(problem: unknown, locale: Locale): string | null {
  if (typeof problem !== 'string' || !Object.hasOwn(REGISTRY_PROBLEM_LABELS, problem)) return null;
  return REGISTRY_PROBLEM_LABELS[problem as RegistryProblem][locale];
}

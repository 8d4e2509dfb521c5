// Why an ID number, phone or credit code was refused, in the reader's language.
import type { Locale } from '../i18n/locale.js';
import type { CreditCodeProblem } from './credit-code.js';
import type { IdNumberProblem } from './id-number.js';
import type { PhoneProblem } from './phone.js';

type RegistryProblem = IdNumberProblem | PhoneProblem | CreditCodeProblem;

export const REGISTRY_PROBLEM_LABELS: Readonly<Record<RegistryProblem, Record<Locale, string>>> = {
  length: { 'zh-CN': '位数不对（身份证 18 位或 15 位，统一社会信用代码 18 位）', 'en-US': 'wrong length (ID card 18 or 15 characters, credit code 18)' },
  characters: { 'zh-CN': '含有不允许的字符', 'en-US': 'it contains characters that are not allowed' },
  area: { 'zh-CN': '前 6 位不是有效的行政区划代码', 'en-US': 'the first 6 digits are not an area code' },
  birth_date: { 'zh-CN': '出生日期不存在或晚于今天', 'en-US': 'the birth date does not exist or is in the future' },
  check_digit: { 'zh-CN': '校验码不符，请核对每一位', 'en-US': 'the check digit does not match; check each digit' },
  check_character: { 'zh-CN': '校验码不符，请核对每一位', 'en-US': 'the check character does not match; check each character' },
  mobile_length: { 'zh-CN': '手机号码应为 11 位', 'en-US': 'a mobile number has 11 digits' },
  landline: { 'zh-CN': '座机号码须带区号', 'en-US': 'a landline needs its area code' },
};

export function describeRegistryProblem(problem: unknown, locale: Locale): string | null {
  if (typeof problem !== 'string' || !Object.hasOwn(REGISTRY_PROBLEM_LABELS, problem)) return null;
  return REGISTRY_PROBLEM_LABELS[problem as RegistryProblem][locale];
}

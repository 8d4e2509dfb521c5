// Resident identity card numbers (居民身份证号码, GB 11643-1999): 6 digits of the area where it was
// issued, 8 of the birth date, 3 of a sequence whose last digit is odd for men, and a check
// character over the first 17 (ISO 7064 MOD 11-2). Cards issued before 1999 had 15 digits (a
// 2-digit year, no check character); they are read and upgraded to 18.
import { isCountyCode } from '../territory/division-code.js';

export type IdNumberProblem = 'length' | 'characters' | 'area' | 'birth_date' | 'check_digit';

export type ParsedIdNumber =
  | { readonly ok: true; readonly value: string; readonly areaCode: string; readonly birthDate: string; readonly gender: 'male' | 'female' }
  | { readonly ok: false; readonly problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Full-width digits and letters (typed on a Chinese keyboard or pasted from Word) as ASCII, spaces dropped. */
export function normaliseDocumentText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** The check character of the first 17 characters of an 18-character number. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an ID number as a person would type it and says what is wrong with it, if anything.
 * `today` (YYYY-MM-DD, Shanghai) bounds the birth date: nobody is born tomorrow, or before 1900.
 */
export function parseIdNumber(text: string, today: string): ParsedIdNumber {
  let value = normaliseDocumentText(text);
  if (value.length === 15) {
    if (!/^\d{15}$/.test(value)) return { ok: false, problem: 'characters' };
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    value = first17 + idNumberCheckCharacter(first17);
  } else if (value.length === 18) {
    if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters' };
  } else {
    return { ok: false, problem: 'length' };
  }
  const areaCode = value.slice(0, 6);
  if (!isCountyCode(areaCode) && !/^\d\d(?!00)\d\d00$/.test(areaCode)) return { ok: false, problem: 'area' };
  const birth = value.slice(6, 14);
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (!isCalendarDate(birth) || birth < '19000101' || birthDate > today) return { ok: false, problem: 'birth_date' };
  if (idNumberCheckCharacter(value) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value, areaCode, birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/** The area code and the last four stay visible (`511124********0010`), enough to tell people apart on a list. */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

// Phone numbers as township staff write them: mobiles with or without +86, landlines with their
// area code (0833-1234567, 083312345678) and an optional extension. Stored in one canonical form
// so that the blind index finds a person whichever way the number was typed.
import { normaliseDocumentText } from './id-number.js';

export type PhoneProblem = 'characters' | 'mobile_length' | 'landline';

export type ParsedPhone =
  | { readonly ok: true; readonly value: string; readonly kind: 'mobile' | 'landline' }
  | { readonly ok: false; readonly problem: PhoneProblem };

export function parsePhone(text: string): ParsedPhone {
  let value = normaliseDocumentText(text).replace(/[()（）.]/g, '');
  if (value.startsWith('+86')) value = value.slice(3);
  else if (value.startsWith('0086')) value = value.slice(4);
  if (!/^\d+(?:[#*]\d{1,6})?$/.test(value.replace('转', '#'))) return { ok: false, problem: 'characters' };
  value = value.replace('转', '#').replace('*', '#');
  if (value.startsWith('1')) {
    return /^1[3-9]\d{9}$/.test(value) ? { ok: true, value, kind: 'mobile' } : { ok: false, problem: 'mobile_length' };
  }
  // Area codes are 010, 02X, or 0 followed by three digits; local numbers have 7 or 8 digits.
  const landline = /^(010|02\d|0[3-9]\d\d)([2-9]\d{6,7})(#\d{1,6})?$/.exec(value);
  if (!landline) return { ok: false, problem: 'landline' };
  return { ok: true, value: `${landline[1]}-${landline[2]}${landline[3] ?? ''}`, kind: 'landline' };
}

/** 138****1234 for mobiles; a landline keeps its area code and last two digits. */
export function maskPhone(value: string): string {
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  const [area, rest = ''] = value.split('-', 2) as [string, string?];
  if (!rest) return value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(value.length - 5)}${value.slice(-2)}`;
  const local = rest.split('#')[0]!;
  return `${area}-${'*'.repeat(Math.max(local.length - 2, 0))}${local.slice(-2)}`;
}

// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
// alphabet without I, O, Z, S, V: registering authority, kind, 6-digit area code, the 9-character
// organisation code, and a check character (weights 3^i mod 31).
import { normaliseDocumentText } from './id-number.js';

export type CreditCodeProblem = 'length' | 'characters' | 'check_character';

export type ParsedCreditCode = { readonly ok: true; readonly value: string; readonly areaCode: string } | { readonly ok: false; readonly problem: CreditCodeProblem };

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += ALPHABET.indexOf(first17[index]!) * WEIGHTS[index]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function parseCreditCode(text: string): ParsedCreditCode {
  const value = normaliseDocumentText(text);
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (![...value].every((char) => ALPHABET.includes(char))) return { ok: false, problem: 'characters' };
  if (creditCodeCheckCharacter(value) !== value[17]) return { ok: false, problem: 'check_character' };
  return { ok: true, value, areaCode: value.slice(2, 8) };
}

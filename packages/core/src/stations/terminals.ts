// Hand-held terminals (手持终端): the equipment register's states, and the IMEI check that catches a
// mistyped number before it is stored (15 digits, the last a Luhn check digit over the first 14).
import type { Locale } from '../i18n/locale.js';

export const TERMINAL_STATES = ['in_use', 'spare', 'repair', 'retired'] as const;
export type TerminalState = (typeof TERMINAL_STATES)[number];

export const TERMINAL_STATE_LABELS: Readonly<Record<TerminalState, Record<Locale, string>>> = {
  in_use: { 'zh-CN': '在用', 'en-US': 'In use' },
  spare: { 'zh-CN': '备用', 'en-US': 'Spare' },
  repair: { 'zh-CN': '维修', 'en-US': 'Under repair' },
  retired: { 'zh-CN': '报废', 'en-US': 'Retired' },
};

/** The default number of terminals one grid worker may hold (the county may allow more). */
export const DEFAULT_TERMINALS_PER_WORKER = 1;
export const TERMINALS_PER_WORKER_MAX = 5;

/** The Luhn check digit for the first 14 digits of an IMEI. */
export function imeiCheckDigit(first14: string): number {
  let sum = 0;
  for (let i = 0; i < first14.length; i += 1) {
    let digit = first14.charCodeAt(i) - 48;
    // From the left, every second digit (positions 2, 4, … counted from 1) is doubled.
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** 15 digits whose last is the Luhn check digit of the other 14. */
export function isValidImei(imei: string): boolean {
  if (!/^\d{15}$/.test(imei)) return false;
  return imeiCheckDigit(imei.slice(0, 14)) === imei.charCodeAt(14) - 48;
}

import { describe, expect, it } from 'vitest';
import { imeiCheckDigit, isValidImei } from './terminals.js';

describe('the IMEI check digit', () => {
  it('accepts IMEIs with a correct Luhn digit', () => {
    // The example of 3GPP TS 23.003 Annex B: 35-209900-176148 has the check digit 1.
    expect(imeiCheckDigit('35209900176148')).toBe(1);
    expect(isValidImei('352099001761481')).toBe(true);
    expect(isValidImei('490154203237518')).toBe(true);
    expect(isValidImei('000000000000000')).toBe(true);
  });

  it('refuses a wrong check digit, a swapped pair, wrong lengths and non-digits', () => {
    expect(isValidImei('352099001761482')).toBe(false);
    expect(isValidImei('490154203237517')).toBe(false);
    expect(isValidImei('940154203237518')).toBe(false);
    expect(isValidImei('35209900176148')).toBe(false);
    expect(isValidImei('3520990017614810')).toBe(false);
    expect(isValidImei('35209900176148A')).toBe(false);
    expect(isValidImei(' 352099001761481')).toBe(false);
  });

  it('finds the digit for every remainder: each of 0–9 once over ten consecutive bodies', () => {
    const digits = new Set(Array.from({ length: 10 }, (_, i) => imeiCheckDigit(`8612340000000${i}`)));
    expect(digits.size).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, parseCreditCode } from './credit-code.js';
import { describeRegistryProblem } from './registry-problem-labels.js';
import { idNumberCheckCharacter, maskIdNumber, parseIdNumber } from './id-number.js';
import { maskPhone, parsePhone } from './phone.js';

const TODAY = '2026-11-25';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts a valid number and derives birth date and gender from it', () => {
    expect(parseIdNumber('511124198001010010', TODAY)).toEqual({ ok: true, value: '511124198001010010', areaCode: '511124', birthDate: '1980-01-01', gender: 'male' });
    expect(parseIdNumber('511124198001010029', TODAY)).toMatchObject({ ok: true, gender: 'female' });
  });

  it('computes the ISO 7064 MOD 11-2 check character, X included', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002X', TODAY)).toMatchObject({ ok: true, birthDate: '1949-12-31', gender: 'female' });
    expect(parseIdNumber('51112420150615003x', TODAY)).toMatchObject({ ok: true, value: '51112420150615003X' });
  });

  it('reads full-width digits, spaces and a lower-case x as typed on a Chinese keyboard', () => {
    expect(parseIdNumber('５１１１２４ １９８００１０１ ００１０', TODAY)).toMatchObject({ ok: true, value: '511124198001010010' });
  });

  it('upgrades a 15-digit card of before 1999 to its 18-digit number', () => {
    expect(parseIdNumber('511124800101001', TODAY)).toMatchObject({ ok: true, value: '511124198001010010', birthDate: '1980-01-01', gender: 'male' });
  });

  it('names what is wrong with a bad number', () => {
    expect(parseIdNumber('51112419800101001', TODAY)).toEqual({ ok: false, problem: 'length' });
    expect(parseIdNumber('5111241980010100A0', TODAY)).toEqual({ ok: false, problem: 'characters' });
    expect(parseIdNumber('991124198001010010', TODAY)).toEqual({ ok: false, problem: 'area' });
    expect(parseIdNumber('511124198002300010', TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber('511124203001010010', TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber('511124198001010011', TODAY)).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('accepts every check digit that a single-digit typo would break', () => {
    const first17 = '51112419520318001';
    const valid = first17 + idNumberCheckCharacter(first17);
    expect(parseIdNumber(valid, TODAY).ok).toBe(true);
    for (let position = 0; position < 17; position += 1) {
      const digit = Number(valid[position]);
      const typo = `${valid.slice(0, position)}${(digit + 1) % 10}${valid.slice(position + 1)}`;
      expect(parseIdNumber(typo, TODAY).ok).toBe(false);
    }
  });

  it('masks all but the area code and the last four', () => {
    expect(maskIdNumber('511124198001010010')).toBe('511124********0010');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
  });
});

describe('phone numbers', () => {
  it('canonicalises mobiles with country prefixes and separators', () => {
    for (const text of ['13812341234', '+86 138 1234 1234', '0086-138-1234-1234', '１３８１２３４１２３４']) {
      expect(parsePhone(text)).toEqual({ ok: true, value: '13812341234', kind: 'mobile' });
    }
  });

  it('canonicalises landlines with their area code and extension', () => {
    expect(parsePhone('0833-3712345')).toEqual({ ok: true, value: '0833-3712345', kind: 'landline' });
    expect(parsePhone('(0833)3712345')).toEqual({ ok: true, value: '0833-3712345', kind: 'landline' });
    expect(parsePhone('010 62345678转123')).toEqual({ ok: true, value: '010-62345678#123', kind: 'landline' });
  });

  it('refuses numbers that cannot be dialled', () => {
    expect(parsePhone('1381234123')).toEqual({ ok: false, problem: 'mobile_length' });
    expect(parsePhone('12812341234')).toEqual({ ok: false, problem: 'mobile_length' });
    expect(parsePhone('3712345')).toEqual({ ok: false, problem: 'landline' });
    expect(parsePhone('138abc')).toEqual({ ok: false, problem: 'characters' });
  });

  it('masks the middle of a mobile and all but the last two of a landline', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0833-3712345')).toBe('0833-*****45');
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a code whose check character matches', () => {
    const first17 = '91511124MA62A1B2C';
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code, areaCode: '511124' });
    expect(parseCreditCode(code.toLowerCase()).ok).toBe(true);
  });

  it('refuses wrong length, letters outside the alphabet and a wrong check character', () => {
    expect(parseCreditCode('91511124MA62A1B2')).toEqual({ ok: false, problem: 'length' });
    expect(parseCreditCode('91511124MA62A1B2OI')).toEqual({ ok: false, problem: 'characters' });
    const first17 = '91511124MA62A1B2C';
    const right = creditCodeCheckCharacter(first17);
    const wrong = right === '0' ? '1' : '0';
    expect(parseCreditCode(first17 + wrong)).toEqual({ ok: false, problem: 'check_character' });
  });

  it('agrees with published codes', () => {
    expect(parseCreditCode('91350100M000100Y43').ok).toBe(true);
    expect(parseCreditCode('911100001000024470').ok).toBe(false);
  });
});

describe('problem labels', () => {
  it('phrases every problem in both languages', () => {
    expect(describeRegistryProblem('check_digit', 'zh-CN')).toContain('校验码');
    expect(describeRegistryProblem('area', 'en-US')).toContain('area code');
    expect(describeRegistryProblem('nonsense', 'en-US')).toBeNull();
  });
});

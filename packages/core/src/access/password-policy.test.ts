// Passwords under 等保 level 3 (the default) and the looser ASVS policy: what a township worker
// may choose, and what they are told when a password is refused.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import type { PasswordProblem } from './password-policy.js';
import {
  checkPassword,
  describePasswordProblems,
  isPasswordProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_PROBLEM_LABELS,
} from './password-policy.js';

const ALL_PROBLEMS: PasswordProblem[] = [
  'too_short',
  'too_long',
  'too_few_classes',
  'common',
  'contains_username',
];

describe('checkPassword under 等保 level 3', () => {
  describe('needs three of the four character classes', () => {
    it.each([
      ['lower, upper, digit', 'Wangge2026'],
      ['lower, digit, symbol', 'wangge#2026'],
      ['upper, digit, symbol', 'WANGGE#2026'],
      ['lower, upper, symbol', 'Wangge#Shequ'],
      ['all four', 'Wg#2026shequ'],
    ])('accepts a password with %s (%s)', (_classes, password) => {
      expect(checkPassword(password, 'dengbao3')).toEqual([]);
    });

    it.each([
      ['lower case only', 'wanggeshequ'],
      ['digits only', '20262027'],
      ['lower and digits', 'wangge2026'],
      ['upper and lower', 'WangGeSheQu'],
      ['symbols and digits', '#2026#2027'],
    ])('refuses a password with %s (%s)', (_classes, password) => {
      expect(checkPassword(password, 'dengbao3')).toEqual(['too_few_classes']);
    });
  });

  it('counts at least 8 characters', () => {
    expect(checkPassword('Wg#2026', 'dengbao3')).toEqual(['too_short']);
    expect(checkPassword('Wg#20261', 'dengbao3')).toEqual([]);
  });

  it('allows at most 64 characters', () => {
    const sixtyFour = 'Wg#2'.repeat(16);
    expect(sixtyFour).toHaveLength(PASSWORD_MAX_LENGTH);
    expect(checkPassword(sixtyFour, 'dengbao3')).toEqual([]);
    expect(checkPassword(`${sixtyFour}x`, 'dengbao3')).toEqual(['too_long']);
  });

  it('reports every rule an empty password breaks', () => {
    expect(checkPassword('', 'dengbao3')).toEqual(['too_short', 'too_few_classes']);
  });
});

describe('length is counted in characters as a reader counts them (code points)', () => {
  it('counts each Chinese character as one', () => {
    expect(checkPassword('网格员巡查走访社区', 'asvs')).toEqual([]);
    expect(checkPassword('网格员巡查走访', 'asvs')).toEqual(['too_short']);
    expect(checkPassword('网格员巡查走访社', 'asvs')).toEqual([]);
  });

  it('counts an emoji outside the BMP as one, although it takes two UTF-16 units', () => {
    const sevenCharacters = 'Ab1😀😀😀😀';
    expect(sevenCharacters.length).toBe(11);
    expect(checkPassword(sevenCharacters, 'asvs')).toEqual(['too_short']);
  });

  it('allows 64 Chinese characters and refuses 65', () => {
    expect(checkPassword('网'.repeat(64), 'asvs')).toEqual([]);
    expect(checkPassword('网'.repeat(65), 'asvs')).toEqual(['too_long']);
  });

  it('allows 64 emoji although they take 128 UTF-16 units', () => {
    expect(checkPassword('😀'.repeat(64), 'asvs')).toEqual([]);
  });
});

describe('common passwords', () => {
  it.each([
    'P@ssw0rd',
    'p@ssw0rd',
    'P@SSW0RD',
    'Admin@123',
    'ADMIN@123',
    'woaini1314',
    'Aa123456',
    'QWER1234',
  ])('refuses %s whatever its case', (password) => {
    expect(checkPassword(password, 'dengbao3')).toContain('common');
    expect(checkPassword(password, 'asvs')).toContain('common');
  });

  it('refuses a common password even though it has three classes', () => {
    expect(checkPassword('Admin@123', 'dengbao3')).toEqual(['common']);
  });

  it('does not refuse a password that merely contains a common one', () => {
    expect(checkPassword('Admin@123-网格', 'dengbao3')).not.toContain('common');
  });
});

describe('contains_username', () => {
  it('refuses a password that contains the username, whatever the case', () => {
    expect(checkPassword('Grid01#2026', 'dengbao3', 'grid01')).toEqual(['contains_username']);
    expect(checkPassword('xx#GRID01#xx', 'dengbao3', 'Grid01')).toEqual(['contains_username']);
  });

  it('accepts the same password for another user', () => {
    expect(checkPassword('Grid01#2026', 'dengbao3', 'center07')).toEqual([]);
  });

  it('ignores usernames shorter than three characters, which would refuse too much', () => {
    expect(checkPassword('Ab#2026xyz', 'dengbao3', 'ab')).toEqual([]);
    expect(checkPassword('Ab#2026xyz', 'dengbao3', '')).toEqual([]);
    expect(checkPassword('Ab#2026xyz', 'dengbao3', undefined)).toEqual([]);
  });

  it('applies under the ASVS policy too', () => {
    expect(checkPassword('my name is auditor', 'asvs', 'auditor')).toEqual(['contains_username']);
  });
});

describe('checkPassword under ASVS', () => {
  it('does not require character classes', () => {
    expect(checkPassword('correct horse battery staple', 'asvs')).toEqual([]);
    expect(checkPassword('wanggeshequ', 'asvs')).toEqual([]);
    expect(checkPassword('wanggeshequ', 'dengbao3')).toEqual(['too_few_classes']);
  });

  it('still needs 8 to 64 characters and refuses common passwords', () => {
    expect(checkPassword('short', 'asvs')).toEqual(['too_short']);
    expect(checkPassword('a'.repeat(65), 'asvs')).toEqual(['too_long']);
    expect(checkPassword('password', 'asvs')).toEqual(['common']);
  });
});

describe('PASSWORD_PROBLEM_LABELS', () => {
  it('has a label for every problem and nothing else', () => {
    expect(Object.keys(PASSWORD_PROBLEM_LABELS).sort()).toEqual([...ALL_PROBLEMS].sort());
  });

  describe.each(ALL_PROBLEMS)('%s', (problem) => {
    it('is explained in both languages', () => {
      for (const locale of LOCALES) expect(PASSWORD_PROBLEM_LABELS[problem][locale].trim()).not.toBe('');
      expect(PASSWORD_PROBLEM_LABELS[problem]['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
      expect(PASSWORD_PROBLEM_LABELS[problem]['en-US']).not.toMatch(/[\u4e00-\u9fff]/u);
    });
  });

  it('quote the same limits as the rules', () => {
    expect(PASSWORD_PROBLEM_LABELS.too_long['en-US']).toContain(String(PASSWORD_MAX_LENGTH));
    expect(PASSWORD_PROBLEM_LABELS.too_long['zh-CN']).toContain(String(PASSWORD_MAX_LENGTH));
    expect(PASSWORD_PROBLEM_LABELS.too_short['en-US']).toContain('8');
    expect(PASSWORD_PROBLEM_LABELS.too_short['zh-CN']).toContain('8');
  });
});

describe('isPasswordProblem', () => {
  it('recognises the problems and nothing else', () => {
    for (const problem of ALL_PROBLEMS) expect(isPasswordProblem(problem)).toBe(true);
    expect(isPasswordProblem('too_weak')).toBe(false);
    expect(isPasswordProblem('toString')).toBe(false);
    expect(isPasswordProblem(undefined)).toBe(false);
    expect(isPasswordProblem(3)).toBe(false);
  });
});

describe('describePasswordProblems', () => {
  it('explains the problems of a refused password in one sentence of the reader’s language', () => {
    const problems = checkPassword('abc', 'dengbao3');
    expect(describePasswordProblems(problems, 'en-US')).toBe(
      'at least 8 characters; use at least 3 of: upper case, lower case, digits, symbols',
    );
    expect(describePasswordProblems(problems, 'zh-CN')).toBe(
      '至少 8 个字符；须包含大写字母、小写字母、数字、符号中的至少三类',
    );
  });

  it('skips values that are not known problems, such as details from an older client', () => {
    expect(describePasswordProblems(['common', 'nonsense', 7, null], 'en-US')).toBe(
      'must not be a common password',
    );
  });

  it('is empty when nothing is wrong', () => {
    expect(describePasswordProblems([], 'zh-CN')).toBe('');
  });
});

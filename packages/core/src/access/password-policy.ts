// Password rules of 等保 level 3 (the default) and the looser ASVS policy (a setting):
// level 3 wants at least 8 characters from 3 of the 4 classes; both allow up to 64 characters
// and refuse passwords from a list of the most common ones.
export type PasswordPolicyName = 'dengbao3' | 'asvs';

export type PasswordProblem = 'too_short' | 'too_long' | 'too_few_classes' | 'common' | 'contains_username';

const COMMON_PASSWORDS = new Set(
  [
    '123456',
    '12345678',
    '123456789',
    '1234567890',
    'password',
    'password1',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword1',
    'qwerty123',
    'qwe123!@#',
    'abc123456',
    'abcd1234',
    'a1234567',
    'aa123456',
    'admin123',
    'admin@123',
    'admin123!',
    'root1234',
    'root@123',
    '1qaz2wsx',
    '1qaz@wsx',
    '1q2w3e4r',
    'zxcvbnm1',
    'iloveyou1',
    'woaini1314',
    'woaini520',
    'qq123456',
    'a123456789',
    'aa112233',
    'test1234',
    'welcome1',
    'changeme1',
    'letmein1',
    'abc@1234',
    'abc#1234',
    'qwer1234',
    'asdf1234',
    '88888888',
    '11111111',
    '00000000',
    '66666666',
    '147258369',
    '987654321',
    'p@55w0rd',
    'Aa123456',
    'Aa123456!',
    'Admin@123',
    'Abc@1234',
    'Abc123456',
    'Qwer1234',
    'Qwer@1234',
    'Password1',
    'Password@1',
    'P@ssw0rd',
    'P@ssw0rd!',
  ].map((p) => p.toLowerCase()),
);

export const PASSWORD_MAX_LENGTH = 64;

function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes += 1;
  if (/[A-Z]/.test(password)) classes += 1;
  if (/[0-9]/.test(password)) classes += 1;
  if (/[^A-Za-z0-9]/.test(password)) classes += 1;
  return classes;
}

/** Returns every rule the password breaks; an empty list means it is acceptable. */
export function checkPassword(
  password: string,
  policy: PasswordPolicyName,
  username?: string,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < 8) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (policy === 'dengbao3' && characterClasses(password) < 3) problems.push('too_few_classes');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('common');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, { 'zh-CN': string; 'en-US': string }> = {
  too_short: { 'zh-CN': '至少 8 个字符', 'en-US': 'at least 8 characters' },
  too_long: { 'zh-CN': '最多 64 个字符', 'en-US': 'at most 64 characters' },
  too_few_classes: {
    'zh-CN': '须包含大写字母、小写字母、数字、符号中的至少三类',
    'en-US': 'use at least 3 of: upper case, lower case, digits, symbols',
  },
  common: { 'zh-CN': '不能使用常见密码', 'en-US': 'must not be a common password' },
  contains_username: { 'zh-CN': '不能包含用户名', 'en-US': 'must not contain the username' },
};

export function isPasswordProblem(value: unknown): value is PasswordProblem {
  return typeof value === 'string' && Object.hasOwn(PASSWORD_PROBLEM_LABELS, value);
}

/** The reasons a password was refused, in one sentence of the reader's language. */
export function describePasswordProblems(problems: readonly unknown[], locale: 'zh-CN' | 'en-US'): string {
  return problems
    .filter(isPasswordProblem)
    .map((problem) => PASSWORD_PROBLEM_LABELS[problem][locale])
    .join(locale === 'zh-CN' ? '；' : '; ');
}

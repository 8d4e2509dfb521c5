// Every error a township worker can see is defined once, with an HTTP status and a message in each
// language; these tests keep the catalogue complete and the two languages in step.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import type { ErrorCode } from './error-catalogue.js';
import { ERROR_CATALOGUE, errorStatus, errorTemplate, isErrorCode } from './error-catalogue.js';

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/u;

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

describe('the error catalogue', () => {
  it('has codes, all in SCREAMING_SNAKE_CASE', () => {
    expect(CODES.length).toBeGreaterThan(10);
    for (const code of CODES) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  describe.each(CODES)('%s', (code) => {
    const definition = ERROR_CATALOGUE[code];

    it('answers with a client or server error status (400–599)', () => {
      expect(Number.isInteger(definition.status)).toBe(true);
      expect(definition.status).toBeGreaterThanOrEqual(400);
      expect(definition.status).toBeLessThanOrEqual(599);
    });

    it('has a non-empty message in every locale', () => {
      for (const locale of LOCALES) expect(definition[locale].trim()).not.toBe('');
    });

    it('names the same placeholders in zh-CN and en-US', () => {
      expect(placeholders(definition['zh-CN'])).toEqual(placeholders(definition['en-US']));
    });

    it('is written in Chinese characters for zh-CN readers', () => {
      expect(definition['zh-CN']).toMatch(CJK);
    });

    it('is not left in Chinese for en-US readers', () => {
      expect(definition['en-US']).not.toMatch(CJK);
    });
  });

  it('gives distinct messages to distinct codes, so a reader can tell errors apart', () => {
    for (const locale of LOCALES) {
      const messages = CODES.map((code) => ERROR_CATALOGUE[code][locale]);
      expect(new Set(messages).size).toBe(messages.length);
    }
  });

  it('answers the well-known failures with the expected statuses', () => {
    expect(errorStatus('VALIDATION_FAILED')).toBe(400);
    expect(errorStatus('UNAUTHENTICATED')).toBe(401);
    expect(errorStatus('FORBIDDEN')).toBe(403);
    expect(errorStatus('NOT_FOUND')).toBe(404);
    expect(errorStatus('USERNAME_TAKEN')).toBe(409);
    expect(errorStatus('ACCOUNT_LOCKED')).toBe(423);
    expect(errorStatus('RATE_LIMITED')).toBe(429);
    expect(errorStatus('INTERNAL')).toBe(500);
    expect(errorStatus('SERVICE_UNAVAILABLE')).toBe(503);
  });

  it('gives the template of a code in the requested locale', () => {
    expect(errorTemplate('INVALID_CREDENTIALS', 'zh-CN')).toBe('用户名或密码错误');
    expect(errorTemplate('INVALID_CREDENTIALS', 'en-US')).toBe('Wrong username or password');
    expect(errorTemplate('VALIDATION_FAILED', 'en-US')).toContain('{summary}');
  });
});

describe('isErrorCode', () => {
  it('accepts every code of the catalogue', () => {
    for (const code of CODES) expect(isErrorCode(code)).toBe(true);
  });

  it.each([
    '',
    'validation_failed',
    'NO_SUCH_CODE',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
  ])('refuses %j', (value) => {
    expect(isErrorCode(value)).toBe(false);
  });
});

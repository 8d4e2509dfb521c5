// The platform speaks zh-CN to everyone unless a browser asks for English: these tests read the
// Accept-Language headers real phones and browsers send and check which of the two languages wins.
import { describe, expect, it } from 'vitest';
import type { Locale } from './locale.js';
import { DEFAULT_LOCALE, interpolate, isLocale, LOCALES, negotiateLocale } from './locale.js';

describe('the locales of the platform', () => {
  it('are exactly zh-CN and en-US, with zh-CN as the default', () => {
    expect(LOCALES).toEqual(['zh-CN', 'en-US']);
    expect(DEFAULT_LOCALE).toBe('zh-CN');
  });

  it('recognises only the two supported tags, exactly as spelled', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en-US')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale('en-GB')).toBe(false);
    expect(isLocale('zh-cn')).toBe(false);
    expect(isLocale('')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(isLocale(42)).toBe(false);
  });
});

describe('negotiateLocale', () => {
  describe('Chinese in any of its spellings means zh-CN', () => {
    it.each(['zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hans', 'zh-Hant-TW', 'ZH-cn'])(
      'a browser asking for %s is answered in zh-CN',
      (header) => {
        expect(negotiateLocale(header, 'en-US')).toBe('zh-CN');
      },
    );
  });

  describe('English in any of its spellings means en-US', () => {
    it.each(['en', 'en-US', 'en-GB', 'en-AU', 'EN-gb'])(
      'a browser asking for %s is answered in en-US',
      (header) => {
        expect(negotiateLocale(header, 'zh-CN')).toBe('en-US');
      },
    );
  });

  it('takes the first supported language of a typical Chinese phone browser', () => {
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8', 'en-US')).toBe('zh-CN');
  });

  it('takes the first supported language of a typical British browser', () => {
    expect(negotiateLocale('en-GB,en;q=0.9,zh-CN;q=0.8', 'zh-CN')).toBe('en-US');
  });

  it('ranks by weight, not by position in the header', () => {
    expect(negotiateLocale('en;q=0.3, zh;q=0.7', 'en-US')).toBe('zh-CN');
    expect(negotiateLocale('zh;q=0.2, en-US;q=0.9', 'zh-CN')).toBe('en-US');
  });

  it('treats a tag without q as weight 1, above any weighted tag', () => {
    expect(negotiateLocale('zh;q=0.99, en', 'zh-CN')).toBe('en-US');
  });

  it('keeps header order among tags of equal weight', () => {
    expect(negotiateLocale('en;q=0.5, zh;q=0.5', 'zh-CN')).toBe('en-US');
    expect(negotiateLocale('zh;q=0.5, en;q=0.5', 'en-US')).toBe('zh-CN');
  });

  it('skips unsupported languages and picks the best supported one after them', () => {
    expect(negotiateLocale('fr-FR, de;q=0.9, en;q=0.1', 'zh-CN')).toBe('en-US');
    expect(negotiateLocale('ja, ko;q=0.9, zh-TW;q=0.2', 'en-US')).toBe('zh-CN');
  });

  it('never picks a language the browser refused with q=0', () => {
    expect(negotiateLocale('en;q=0, fr', 'zh-CN')).toBe('zh-CN');
    expect(negotiateLocale('zh;q=0, en;q=0.1', 'zh-CN')).toBe('en-US');
    expect(negotiateLocale('zh;q=0.000', 'en-US')).toBe('en-US');
  });

  it('treats an unreadable weight as a refusal', () => {
    expect(negotiateLocale('en;q=abc', 'zh-CN')).toBe('zh-CN');
  });

  it('tolerates spaces around tags and parameters', () => {
    expect(negotiateLocale('  fr ;  q=0.9 ,   en-GB ; q=0.5  ', 'zh-CN')).toBe('en-US');
  });

  it('ignores empty entries such as a trailing comma', () => {
    expect(negotiateLocale('en-US,,', 'zh-CN')).toBe('en-US');
    expect(negotiateLocale(',', 'en-US')).toBe('en-US');
  });

  describe('falls back to the configured locale', () => {
    it.each<[string | undefined, Locale]>([
      [undefined, 'zh-CN'],
      [undefined, 'en-US'],
      ['', 'zh-CN'],
      ['', 'en-US'],
      ['fr-FR, de;q=0.8', 'en-US'],
      ['fr-FR, de;q=0.8', 'zh-CN'],
      ['*', 'en-US'],
    ])('for the header %j and fallback %s', (header, fallback) => {
      expect(negotiateLocale(header, fallback)).toBe(fallback);
    });

    it('which is zh-CN when none is configured', () => {
      expect(negotiateLocale(undefined)).toBe('zh-CN');
      expect(negotiateLocale('fr')).toBe('zh-CN');
    });
  });

  // RFC 9110 §12.4.2: recipients ought to match the "q" parameter name case-insensitively.
  it('reads an upper-case Q= weight like a lower-case one', () => {
    expect(negotiateLocale('en-US;Q=0.1, zh-CN;q=0.5', 'en-US')).toBe('zh-CN');
  });
});

describe('interpolate', () => {
  it('fills every placeholder from the parameters', () => {
    expect(interpolate('用户名“{username}”已被使用', { username: 'grid01' })).toBe('用户名“grid01”已被使用');
  });

  it('writes numbers as text, including zero', () => {
    expect(interpolate('请 {minutes} 分钟后再试', { minutes: 15 })).toBe('请 15 分钟后再试');
    expect(interpolate('{n} items', { n: 0 })).toBe('0 items');
  });

  it('fills a placeholder that appears twice in both places', () => {
    expect(interpolate('{a}-{a}', { a: 'x' })).toBe('x-x');
  });

  it('keeps a placeholder with no parameter visible, so that a gap is noticed', () => {
    expect(interpolate('No such endpoint: {method} {url}', { method: 'GET' })).toBe(
      'No such endpoint: GET {url}',
    );
    expect(interpolate('服务器内部错误（编号 {requestId}）')).toBe('服务器内部错误（编号 {requestId}）');
  });

  it('fills an empty-string parameter with nothing rather than keeping the placeholder', () => {
    expect(interpolate('[{x}]', { x: '' })).toBe('[]');
  });

  // A plain `params[key]` would also find Object.prototype members and print function source.
  it('does not read placeholders from the prototype of the parameters', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('leaves a template without placeholders unchanged', () => {
    expect(interpolate('请先登录', { unused: 'x' })).toBe('请先登录');
  });
});

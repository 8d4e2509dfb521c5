// The residents' form speaks the phone's language: Chinese, or English on a phone set to English.
import type { Locale } from '@gridwork/core';

export function publicLocale(): Locale {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

const locale = publicLocale();

export function w(zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

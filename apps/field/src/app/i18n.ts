// The field app's language: zh-CN unless the worker switched to English (remembered on this
// phone). Words are written in place as t('中文', 'English'). A switch reloads the app, so the
// language is a plain module value rather than React state: offline pages, the outbox sender and
// toasts all read the same one.
import type { Locale } from '@gridwork/core';
import { setApiLanguage } from '@gridwork/client';

import { FIELD_LOCALE_STORAGE_KEY as STORAGE_KEY } from './locale-key.js';

function stored(): Locale {
  return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

let current: Locale = stored();

/** The language of this phone's app. */
export function fieldLocale(): Locale {
  return current;
}

/** A word in the app's language. */
export function t(zh: string, en: string): string {
  return current === 'zh-CN' ? zh : en;
}

/** Applies the remembered language to the API client and the page; called once at start. */
export function applyFieldLocale(): void {
  current = stored();
  setApiLanguage(current);
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}

/** Remembers a language and reloads the app in it. */
export function switchFieldLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  globalThis.location?.reload();
}

// The console's language: zh-CN unless the user switched to English (remembered on this PC). Words
// are written in place as t('中文', 'English'), so a page reads in both languages at once; labels
// of domain values (statuses, actions, categories) come from @gridwork/core.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@gridwork/core';
import { setApiLanguage } from '@gridwork/client';

const STORAGE_KEY = 'gridwork.locale';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en-US' ? 'en-US' : 'zh-CN';
}

interface LocaleState {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  t(zh: string, en: string): string;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    setApiLanguage(first);
    return first;
  });
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale(next) {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
        setApiLanguage(next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
      t: (zh, en) => (locale === 'zh-CN' ? zh : en),
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

// What every list of the console shares: its filters live in the URL (a link or a reload shows the
// same list), pages go forward by the server's keyset cursor and back through the cursors already
// seen, and a failure shows the server's message.
import { useEffect, useMemo, useState } from 'react';
import { Button, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiError, api, type Query } from '@gridwork/client';
import { useLocale } from './i18n.js';

export interface KeysetList<T> {
  readonly items: T[] | null;
  readonly loading: boolean;
  readonly error: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  /** A value kept in the URL beside the filters (e.g. the path of a chosen place), not sent. */
  param(key: string): string | null;
  setFilters(values: Readonly<Record<string, string | null | undefined>>): void;
  goNext(): void;
  goBack(): void;
  reload(): void;
}

/** The text of a failure, in the reader's language. */
export function failureText(caught: unknown, t: (zh: string, en: string) => string): string {
  return caught instanceof ApiError
    ? caught.message
    : t('网络异常，请稍后重试', 'Network error, please try again');
}

export interface KeysetOptions<T> {
  /** The query parameter that carries the cursor: `after` (ids, names) or `before` (sequence numbers). */
  readonly cursorParam?: 'after' | 'before';
  /** The next page's cursor, for APIs that answer only their items (a full page means more may follow). */
  readonly nextCursorOf?: (items: readonly T[], pageSize: number) => string | null;
  /** Parameters sent with every page that are not filters of the address (e.g. the events view). */
  readonly fixed?: Query;
}

export function useKeysetList<T>(
  url: string,
  filterKeys: readonly string[],
  pageSize = 20,
  options: KeysetOptions<T> = {},
): KeysetList<T> {
  const cursorParam = options.cursorParam ?? 'after';
  const nextCursorOf = options.nextCursorOf;
  const fixedKey = JSON.stringify(options.fixed ?? {});
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<T[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [reloads, setReloads] = useState(0);

  const after = params.get(cursorParam) ?? undefined;
  // The cursors of the pages before this one ('-' for the first page), so that 上一页 goes back.
  const cursors = useMemo(() => (params.get('back') ?? '').split(',').filter(Boolean), [params]);
  const keys = filterKeys.join(',');
  const filters = useMemo(
    () =>
      Object.fromEntries(
        keys.split(',').flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
      ) as Record<string, string>,
    [params, keys],
  );

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError('');
    api
      .get<{ items: T[]; nextCursor?: string | null }>(url, {
        ...(JSON.parse(fixedKey) as Query),
        ...(filters as Query),
        [cursorParam]: after,
        limit: pageSize,
      })
      .then(
        (answer) => {
          if (!alive) return;
          setItems(answer.items);
          setNextCursor(nextCursorOf ? nextCursorOf(answer.items, pageSize) : (answer.nextCursor ?? null));
        },
        (caught: unknown) => {
          if (!alive) return;
          setItems([]);
          setNextCursor(null);
          setError(failureText(caught, t));
        },
      )
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [url, fixedKey, filters, after, cursorParam, nextCursorOf, pageSize, reloads, t]);

  return {
    items,
    loading,
    error,
    filters,
    hasPrevious: Boolean(after),
    hasNext: Boolean(nextCursor),
    param: (key) => params.get(key),
    setFilters(values) {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(values)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      next.delete(cursorParam);
      next.delete('back');
      setParams(next);
    },
    goNext() {
      if (!nextCursor) return;
      const next = new URLSearchParams(params);
      next.set('back', [...cursors, after ?? '-'].join(','));
      next.set(cursorParam, nextCursor);
      setParams(next);
    },
    goBack() {
      const next = new URLSearchParams(params);
      const previous = cursors.at(-1);
      const rest = cursors.slice(0, -1);
      if (previous && previous !== '-') next.set(cursorParam, previous);
      else next.delete(cursorParam);
      if (rest.length > 0) next.set('back', rest.join(','));
      else next.delete('back');
      setParams(next);
    },
    reload: () => setReloads((count) => count + 1),
  };
}

export function PageButtons({
  list,
}: {
  list: Pick<KeysetList<unknown>, 'hasPrevious' | 'hasNext' | 'goBack' | 'goNext'>;
}) {
  const { t } = useLocale();
  return (
    <Space style={{ marginTop: 16 }}>
      <Button disabled={!list.hasPrevious} onClick={list.goBack}>
        {t('上一页', 'Previous')}
      </Button>
      <Button disabled={!list.hasNext} onClick={list.goNext}>
        {t('下一页', 'Next')}
      </Button>
    </Space>
  );
}

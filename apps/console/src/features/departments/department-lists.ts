// What the departments page and the catalogue tab share: a list read from the API with its error,
// and the server's field errors put on a form.
import { useEffect, useState } from 'react';
import type { Form } from 'antd';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

export function useList<T>(url: string, reloads: number): { items: T[] | null; error: string } {
  const { t } = useLocale();
  const [state, setState] = useState<{ items: T[] | null; error: string }>({ items: null, error: '' });
  useEffect(() => {
    let alive = true;
    setState((current) => ({ ...current, items: null }));
    api.get<{ items: T[] }>(url).then(
      (answer) => alive && setState({ items: answer.items, error: '' }),
      (caught: unknown) =>
        alive &&
        setState({
          items: [],
          error:
            caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
        }),
    );
    return () => {
      alive = false;
    };
  }, [url, reloads, t]);
  return state;
}

/** Applies server field errors to a form; answers the message left for an alert. */
export function showErrors(
  caught: unknown,
  form: ReturnType<typeof Form.useForm>[0],
  fields: readonly string[],
  fallback: string,
): string {
  if (!(caught instanceof ApiError)) return fallback;
  const named = Object.entries(caught.fieldErrors()).filter(([field]) => fields.includes(field));
  if (named.length === 0) return caught.message;
  form.setFields(named.map(([name, text]) => ({ name, errors: [text] })));
  return '';
}

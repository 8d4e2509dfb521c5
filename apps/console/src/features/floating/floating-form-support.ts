// What the floating-population forms share: options searched on the server as one types, and the
// server's refusal set on the fields it names (under the form's own field names).
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, api } from '@gridwork/client';
import { failureText } from '../../app/keyset-list.js';

export interface RemoteOptions {
  readonly options: { value: string; label: string }[];
  search(text: string): void;
}

/** Items of a list endpoint whose `param` matches the text typed, as select options. */
export function useRemoteOptions<T>(url: string, param: string, toOption: (item: T) => { value: string; label: string }, fixed: Readonly<Record<string, string>> = {}): RemoteOptions {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  return {
    options,
    search: (text) => {
      const query = { ...fixed, ...(text.trim() ? { [param]: text.trim() } : {}), limit: 20 };
      api.get<{ items: T[] }>(url, query).then(
        (answer) => setOptions(answer.items.map(toOption)),
        () => setOptions([]),
      );
    },
  };
}

/** Sets the server's field errors on the form (through `names`: server field → form field); answers what is left for the banner. */
export function fieldErrorsOnForm<V>(form: FormInstance<V>, caught: unknown, names: Readonly<Record<string, string>>, t: (zh: string, en: string) => string): string {
  if (!(caught instanceof ApiError)) return failureText(caught, t);
  const named = Object.entries(caught.fieldErrors()).flatMap(([field, text]) => {
    const name = names[field];
    return name ? [{ name, errors: [text] }] : [];
  });
  if (caught.code === 'EVENT_GRID_INVALID' && names['gridId']) named.push({ name: names['gridId'], errors: [caught.message] });
  if (named.length === 0) return caught.message;
  form.setFields(named.map((entry) => ({ name: entry.name as never, errors: entry.errors })));
  return '';
}

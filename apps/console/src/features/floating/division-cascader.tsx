// Where someone comes from or goes to: province, city and county (GB/T 2260), picked in a
// cascader or found by typing part of a name. The division list arrives with the first use.
import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { useLocale } from '../../app/i18n.js';
import type * as DivisionModule from './division-options.js';
import type { DivisionOption } from './division-options.js';

type Divisions = typeof DivisionModule;

let loaded: Promise<Divisions> | null = null;

export function DivisionCascader({
  id,
  value,
  onChange,
  placeholder,
  'aria-label': ariaLabel,
}: {
  id?: string;
  /** The code picked: 6 digits for a county, 2 or 4 when only the province or city is picked. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { t } = useLocale();
  const [divisions, setDivisions] = useState<Divisions | null>(null);
  useEffect(() => {
    let alive = true;
    void (loaded ??= import('./division-options.js')).then((module) => alive && setDivisions(module));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <Cascader<DivisionOption>
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%' }}
      loading={!divisions}
      options={divisions?.divisionOptions() ?? []}
      value={value && divisions ? divisions.divisionChain(value) : undefined}
      changeOnSelect
      showSearch={{ filter: (input, path) => path.some((option) => option.label.includes(input.trim())) }}
      placeholder={placeholder ?? t('省 / 市 / 县', 'Province / city / county')}
      onChange={(chain) => onChange?.(chain && chain.length > 0 ? String(chain.at(-1)) : undefined)}
    />
  );
}

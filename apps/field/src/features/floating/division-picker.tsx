// A province/city/county cascade (GB/T 2260) for where a floating person comes from or goes to.
// The division list (about 60 KB) is imported only when a registration form opens, as a chunk of
// its own; the service worker keeps it for use with no signal. Where only the province or city is
// known, 不详 below it stops there (a 2- or 4-digit code, which the server accepts).
import { useEffect, useState } from 'react';
import { CascadePicker, Form, type CascadePickerOption } from 'antd-mobile';
import type * as DivisionsModule from '@gridwork/core/china-divisions';
import { t } from '../../app/i18n.js';

type Divisions = typeof DivisionsModule;

let loading: Promise<Divisions> | null = null;

export function loadDivisions(): Promise<Divisions> {
  loading ??= import('@gridwork/core/china-divisions');
  return loading;
}

let tree: CascadePickerOption[] | null = null;

function optionsOf(divisions: Divisions): CascadePickerOption[] {
  if (tree) return tree;
  const unknown = (code: string): CascadePickerOption => ({
    label: t('（不详）', '(not known)'),
    value: code,
  });
  const level = (code: string | null, depth: number): CascadePickerOption[] =>
    divisions.divisionChildren(code).map((division) => {
      const below = depth < 3 ? level(division.code, depth + 1) : [];
      return below.length > 0
        ? { label: division.name, value: division.code, children: [unknown(division.code), ...below] }
        : { label: division.name, value: division.code };
    });
  tree = level(null, 1);
  return tree;
}

export function useDivisions(): Divisions | null {
  const [divisions, setDivisions] = useState<Divisions | null>(null);
  useEffect(() => {
    let live = true;
    void loadDivisions().then((module) => live && setDivisions(module));
    return () => {
      live = false;
    };
  }, []);
  return divisions;
}

/** The picked path as one code: the deepest value (a 不详 repeats its parent's code). */
function codeOf(path: readonly (string | null)[]): string | null {
  return [...path].reverse().find((value): value is string => Boolean(value)) ?? null;
}

function pathOf(code: string): string[] {
  const path: string[] = [];
  for (let length = 2; length <= code.length; length += 2) path.push(code.slice(0, length));
  return path;
}

interface DivisionPickerProps {
  readonly label: string;
  readonly value: string | null;
  readonly onChange: (code: string | null) => void;
  readonly placeholder?: string;
  readonly testId?: string;
}

export function DivisionField({ label, value, onChange, placeholder, testId }: DivisionPickerProps) {
  const divisions = useDivisions();
  const [open, setOpen] = useState(false);
  return (
    <Form.Item label={label} clickable arrowIcon onClick={() => divisions && setOpen(true)}>
      <span data-testid={testId} aria-label={label} role="button">
        {value && divisions
          ? (divisions.divisionName(value) ?? value)
          : divisions
            ? (placeholder ?? t('请选择省、市、县', 'Province, city, county'))
            : t('加载中…', 'Loading…')}
      </span>
      {divisions && (
        <CascadePicker
          title={label}
          options={optionsOf(divisions)}
          visible={open}
          onClose={() => setOpen(false)}
          value={value ? pathOf(value) : []}
          onConfirm={(path) => onChange(codeOf(path as (string | null)[]))}
          confirmText={t('确定', 'OK')}
          cancelText={t('取消', 'Cancel')}
        />
      )}
    </Form.Item>
  );
}

// The caller's territory as the registry pages need it: a picker that walks the org tree one level
// at a time (county → township → village → grid), and the names of the village and grid a record's
// path points at. Units are cached for the page's life: a list of 20 people shares one village.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Cascader } from 'antd';
import type { OrgUnit } from '@gridwork/core';
import { api } from '@gridwork/client';

const byId = new Map<string, OrgUnit>();
const byPath = new Map<string, OrgUnit>();
const childIds = new Map<string, string[]>();
const pending = new Map<string, Promise<void>>();
let rootIds: string[] | null = null;
let version = 0;
const listeners = new Set<() => void>();

function remember(units: readonly OrgUnit[]): void {
  for (const unit of units) {
    byId.set(unit.id, unit);
    byPath.set(unit.path, unit);
  }
  version += 1;
  for (const listener of listeners) listener();
}

function once(key: string, load: () => Promise<void>): Promise<void> {
  const running =
    pending.get(key) ??
    load().catch(() => {
      pending.delete(key);
    });
  pending.set(key, running);
  return running;
}

export function loadRoots(): Promise<void> {
  return once('', async () => {
    const answer = await api.get<{ items: OrgUnit[] }>('/api/org-units');
    rootIds = answer.items.map((unit) => unit.id);
    remember(answer.items);
  });
}

export function loadChildren(parentId: string): Promise<void> {
  return once(parentId, async () => {
    const answer = await api.get<{ items: OrgUnit[] }>('/api/org-units', { parentId });
    childIds.set(
      parentId,
      answer.items.map((unit) => unit.id),
    );
    remember(answer.items);
  });
}

/** Loads the units down to a path (as far as the caller's scope goes). */
async function resolvePath(path: string): Promise<void> {
  await loadRoots();
  for (let guard = 0; guard < 8 && !byPath.has(path); guard += 1) {
    const known = [...byPath.values()]
      .filter((unit) => path.startsWith(unit.path))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!known || childIds.has(known.id)) return;
    await loadChildren(known.id);
  }
}

function useTerritoryVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}

export function unitOf(id: string): OrgUnit | undefined {
  return byId.get(id);
}

export function unitAt(path: string): OrgUnit | undefined {
  return byPath.get(path);
}

/** "village / grid" of each path, filled in as the units arrive. */
export function usePlaceNames(paths: readonly string[]): (path: string) => string {
  useTerritoryVersion();
  const key = [...new Set(paths)].sort().join('|');
  useEffect(() => {
    for (const path of key.split('|').filter(Boolean)) void resolvePath(path);
  }, [key]);
  return (path: string) => {
    const grid = byPath.get(path);
    if (!grid) return '…';
    const village = grid.parentId ? byId.get(grid.parentId) : undefined;
    return village && grid.kind === 'grid' ? `${village.name} / ${grid.name}` : grid.name;
  };
}

interface PlaceOption {
  value: string;
  label: string;
  isLeaf: boolean;
  disabled?: boolean;
  children?: PlaceOption[];
}

function optionsOf(ids: readonly string[], gridsOnly: boolean): PlaceOption[] {
  return ids.flatMap((id) => {
    const unit = byId.get(id);
    if (!unit) return [];
    const leaf = unit.kind === 'grid' || unit.children === 0;
    const loaded = childIds.get(id);
    return [
      {
        value: id,
        label: unit.name,
        isLeaf: leaf,
        disabled: gridsOnly && leaf && unit.kind !== 'grid',
        ...(loaded ? { children: optionsOf(loaded, gridsOnly) } : {}),
      },
    ];
  });
}

/** The ids from the root to a unit, as far as they are known. */
function chainOf(id: string): string[] {
  const chain: string[] = [];
  for (let unit = byId.get(id); unit; unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    chain.unshift(unit.id);
    if (rootIds?.includes(unit.id)) break;
  }
  return chain;
}

/**
 * A unit of the caller's territory: any level for a filter (a grid filters by grid, any other
 * unit by everything under it), only a grid for a form.
 */
export function PlacePicker({
  value,
  onChange,
  gridsOnly = false,
  placeholder,
  id,
  style,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  onChange?: (unitId: string | null, unit?: OrgUnit) => void;
  gridsOnly?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  useTerritoryVersion();
  const [ready, setReady] = useState(rootIds !== null);
  useEffect(() => {
    void loadRoots().then(() => setReady(true));
  }, []);
  const options = ready && rootIds ? optionsOf(rootIds, gridsOnly) : [];
  const chain = value && byId.has(value) ? chainOf(value) : [];
  return (
    <Cascader<PlaceOption>
      id={id}
      aria-label={ariaLabel}
      style={style ?? { width: 280 }}
      options={options}
      value={chain.length > 0 ? chain : undefined}
      placeholder={value && chain.length === 0 ? '…' : placeholder}
      changeOnSelect={!gridsOnly}
      allowClear={!gridsOnly}
      showSearch={false}
      displayRender={(labels) => labels.slice(-2).join(' / ')}
      loadData={(selected) => {
        const last = selected.at(-1);
        if (last) void loadChildren(String(last.value));
      }}
      onChange={(ids) => {
        const last = ids?.at(-1);
        onChange?.(last ? String(last) : null, last ? byId.get(String(last)) : undefined);
      }}
    />
  );
}

/** Loads the units down to a path, so that a picker restored from the URL or a record shows its names. */
export function usePreloadPath(path: string | null | undefined): void {
  useEffect(() => {
    if (path) void resolvePath(path);
  }, [path]);
}

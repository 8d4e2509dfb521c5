// Lookups the event pages share, read once per page load: the catalogue and the departments.
import { useEffect, useState } from 'react';
import type { Category, RecordKind } from '@gridwork/core';
import { api } from '@gridwork/client';

/** The URL segment of each kind of record, as the API and the console name it. */
export const RECORD_SEGMENTS: Readonly<Record<RecordKind, string>> = {
  household: 'households',
  house: 'houses',
  organisation: 'organisations',
  place: 'places',
  facility: 'facilities',
};

export interface DepartmentItem {
  readonly id: string;
  readonly name: string;
  readonly orgPath: string;
  readonly categories: readonly string[];
  readonly disabled: boolean;
}

export function useCategories(): Category[] {
  const [items, setItems] = useState<Category[]>([]);
  useEffect(() => {
    api.get<{ items: Category[] }>('/api/event-categories').then(
      (answer) => setItems(answer.items),
      () => setItems([]),
    );
  }, []);
  return items;
}

export function useDepartments(enabled: boolean): DepartmentItem[] {
  const [items, setItems] = useState<DepartmentItem[]>([]);
  useEffect(() => {
    if (!enabled) return;
    api.get<{ items: DepartmentItem[] }>('/api/departments').then(
      (answer) => setItems(answer.items),
      () => setItems([]),
    );
  }, [enabled]);
  return items;
}

/** 2 天 3 小时 / 2 d 3 h, the time left (or past) to a deadline. */
export function timeLeft(
  deadline: string,
  now: number,
  locale: 'zh-CN' | 'en-US',
): { text: string; overdue: boolean } {
  const ms = Date.parse(deadline) - now;
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts =
    locale === 'zh-CN'
      ? [days ? `${days} 天` : '', hours ? `${hours} 小时` : '', !days ? `${mins} 分` : '']
      : [days ? `${days} d` : '', hours ? `${hours} h` : '', !days ? `${mins} min` : ''];
  const span = parts.filter(Boolean).join(' ') || (locale === 'zh-CN' ? '0 分' : '0 min');
  return {
    text: overdue
      ? locale === 'zh-CN'
        ? `已超时 ${span}`
        : `${span} overdue`
      : locale === 'zh-CN'
        ? `剩余 ${span}`
        : `${span} left`,
    overdue,
  };
}

// The standard event categories a county starts with (the event workflow makes them
// configurable); departments name the categories they handle with these codes.
import type { Locale } from '../i18n/locale.js';

export const STANDARD_EVENT_CATEGORIES = [
  'dispute',
  'safety_hazard',
  'sanitation',
  'illegal_construction',
  'livelihood',
  'public_order',
  'floating_population',
  'special_population',
  'other',
] as const;

export type StandardEventCategory = (typeof STANDARD_EVENT_CATEGORIES)[number];

export const EVENT_CATEGORY_LABELS: Record<StandardEventCategory, Record<Locale, string>> = {
  dispute: { 'zh-CN': '矛盾纠纷', 'en-US': 'Disputes' },
  safety_hazard: { 'zh-CN': '安全隐患', 'en-US': 'Safety hazards' },
  sanitation: { 'zh-CN': '环境卫生', 'en-US': 'Sanitation' },
  illegal_construction: { 'zh-CN': '治违拆违', 'en-US': 'Illegal construction' },
  livelihood: { 'zh-CN': '民生服务', 'en-US': 'Livelihood services' },
  public_order: { 'zh-CN': '社会治安', 'en-US': 'Public order' },
  floating_population: { 'zh-CN': '流动人口', 'en-US': 'Floating population' },
  special_population: { 'zh-CN': '特殊人群', 'en-US': 'Special populations' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

export const EVENT_CATEGORY_CODE_PATTERN = '^[a-z][a-z0-9_]{1,31}$';

// The catalogue a county starts with: the standard categories of the work plan, 安全隐患 with its
// sub-kinds, each with its deadlines, whether a grid worker may resolve it on the spot, and
// whether the public may report it through Open311. The county changes any of it later.
import type { Locale } from '../i18n/locale.js';
import { EVENT_CATEGORY_LABELS, type StandardEventCategory } from './event-categories.js';

export interface CatalogueEntry {
  readonly code: string;
  /** The category a sub-kind belongs to; null for a top-level category. */
  readonly parentCode: StandardEventCategory | null;
  readonly names: Record<Locale, string>;
  readonly signForHours: number;
  readonly handleDays: number;
  readonly onSpotAllowed: boolean;
  readonly publicAllowed: boolean;
}

const top = (code: StandardEventCategory, signForHours: number, handleDays: number, onSpotAllowed: boolean, publicAllowed: boolean): CatalogueEntry => ({
  code,
  parentCode: null,
  names: EVENT_CATEGORY_LABELS[code],
  signForHours,
  handleDays,
  onSpotAllowed,
  publicAllowed,
});

const hazard = (code: string, zh: string, en: string, signForHours: number, handleDays: number): CatalogueEntry => ({
  code,
  parentCode: 'safety_hazard',
  names: { 'zh-CN': zh, 'en-US': en },
  signForHours,
  handleDays,
  onSpotAllowed: false,
  publicAllowed: true,
});

export const EVENT_CATALOGUE_SEED: readonly CatalogueEntry[] = [
  top('dispute', 24, 7, true, true),
  top('safety_hazard', 4, 3, false, true),
  hazard('hazard_fire', '消防安全隐患', 'Fire hazard', 2, 2),
  hazard('hazard_traffic', '道路交通安全隐患', 'Road traffic hazard', 4, 3),
  hazard('hazard_building', '危房及建筑安全隐患', 'Unsafe building', 4, 5),
  hazard('hazard_geology', '地质灾害隐患', 'Geological hazard', 2, 3),
  hazard('hazard_production', '生产经营安全隐患', 'Workplace safety hazard', 4, 5),
  hazard('hazard_food_drug', '食品药品安全隐患', 'Food and drug safety', 4, 3),
  hazard('hazard_water', '溺水及水域安全隐患', 'Water safety hazard', 2, 2),
  top('sanitation', 24, 3, true, true),
  top('illegal_construction', 24, 10, false, true),
  top('livelihood', 24, 7, true, true),
  top('public_order', 4, 3, false, true),
  top('floating_population', 24, 7, true, false),
  top('special_population', 12, 5, false, false),
  top('other', 24, 7, true, true),
];

/** Bounds of a category's deadlines, as the county may set them. */
export const SIGN_FOR_HOURS_RANGE = { minimum: 1, maximum: 168 } as const;
export const HANDLE_DAYS_RANGE = { minimum: 1, maximum: 90 } as const;

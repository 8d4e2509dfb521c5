// The kinds of publicity (宣传发动) the plan asks villages and townships to carry out, with the
// names staff use. A WeChat post has no one in a room: its `audience` counts reads (阅读量).
import type { Locale } from '../i18n/locale.js';

export const PUBLICITY_KINDS = ['meeting', 'banner', 'wall_newspaper', 'broadcast', 'led', 'wechat', 'leaflet'] as const;
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];

export const PUBLICITY_KIND_LABELS: Readonly<Record<PublicityKind, Record<Locale, string>>> = {
  meeting: { 'zh-CN': '会议', 'en-US': 'Meeting' },
  banner: { 'zh-CN': '横幅', 'en-US': 'Banner' },
  wall_newspaper: { 'zh-CN': '墙报/板报', 'en-US': 'Wall newspaper' },
  broadcast: { 'zh-CN': '广播', 'en-US': 'Broadcast' },
  led: { 'zh-CN': 'LED 电子屏', 'en-US': 'LED screen' },
  wechat: { 'zh-CN': '微信推送', 'en-US': 'WeChat post' },
  leaflet: { 'zh-CN': '宣传单', 'en-US': 'Leaflet' },
};

/** What `audience` counts for a kind: people reached, or reads of a WeChat post. */
export function audienceMeaning(kind: PublicityKind, locale: Locale): string {
  if (kind === 'wechat') return locale === 'zh-CN' ? '阅读量' : 'Reads';
  return locale === 'zh-CN' ? '受众人数' : 'People reached';
}

/** A calendar month `YYYY-MM` as the [first, last] days it spans. */
export function monthDays(month: string): { first: string; last: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

// A CAPTCHA-free limit on the public survey form: answers per client IP and per village code in
// a sliding window. Kept in memory per server process (a restart forgets it; several processes
// behind a balancer each keep their own), which is enough to stop one phone or script flooding a
// village's form; the one-answer-per-phone rule is what keeps the figures honest.
import { isIPv6 } from 'node:net';
import { DomainError } from '@gridwork/core';
import type { Clock } from '../../platform/context.js';

export interface SurveyRateLimits {
  /** Answers one IP may submit in the window, over every code. */
  readonly perIp: number;
  /** Answers one village's code may receive in the window, from everyone. */
  readonly perCode: number;
  readonly windowMs: number;
}

export const SURVEY_RATE_LIMITS: SurveyRateLimits = { perIp: 5, perCode: 300, windowMs: 10 * 60_000 };

/** Keys the limiter keeps at most; beyond it the oldest are forgotten first. */
const MAX_KEYS = 50_000;

/**
 * The client an address stands for: an IPv4 address (also written IPv4-mapped, ::ffff:a.b.c.d),
 * or the /64 network of an IPv6 address, since one phone or home router is handed a whole /64
 * and could otherwise take a fresh address for every answer.
 */
export function rateKeyOfIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu.exec(ip);
  if (mapped) return mapped[1]!;
  const bare = ip.split('%')[0] ?? ip;
  if (!isIPv6(bare)) return ip;
  const [head = '', tail] = bare.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const groups = [...headGroups, ...Array.from({ length: 8 - width(headGroups) - width(tailGroups) }, () => '0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export function createSurveyRateLimiter(clock: Clock, limits: SurveyRateLimits = SURVEY_RATE_LIMITS) {
  // Keys in order of their last counted attempt (oldest first): each is re-inserted when counted.
  const hits = new Map<string, number[]>();

  /** Forgets the keys whose every attempt has left the window, then the oldest beyond MAX_KEYS. */
  function sweep(now: number): void {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? 0) > now - limits.windowMs) break;
      hits.delete(key);
    }
    for (const key of hits.keys()) {
      if (hits.size <= MAX_KEYS) break;
      hits.delete(key);
    }
  }

  function recent(key: string, now: number): number[] {
    const times = (hits.get(key) ?? []).filter((at) => at > now - limits.windowMs);
    if (times.length === 0) hits.delete(key);
    else hits.set(key, times);
    return times;
  }

  /**
   * Counts one attempt by `ip` at `code`, or throws 429 RATE_LIMITED with the seconds until the
   * oldest attempt in the window expires (the route sends them as Retry-After).
   */
  function take(ip: string, code: string): void {
    const now = clock();
    sweep(now);
    const client = `ip:${rateKeyOfIp(ip)}`;
    const byIp = recent(client, now);
    const byCode = recent(`code:${code}`, now);
    const full = [byIp.length >= limits.perIp ? byIp : null, byCode.length >= limits.perCode ? byCode : null].filter((times) => times !== null);
    if (full.length > 0) {
      const freeAt = Math.max(...full.map((times) => times[0]! + limits.windowMs));
      throw new DomainError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil((freeAt - now) / 1000)) });
    }
    for (const [key, times] of [[client, byIp], [`code:${code}`, byCode]] as const) {
      // Re-inserted, so that the map's order stays oldest activity first.
      hits.delete(key);
      hits.set(key, [...times, now]);
    }
  }

  /** How many keys the limiter holds now (memory stays bounded: old keys are forgotten). */
  const size = (): number => hits.size;

  return { take, size };
}

export type SurveyRateLimiter = ReturnType<typeof createSurveyRateLimiter>;

// Home's early reads: the page's first script asks exactly what the app will ask (same address,
// same language), only on home, and a failed fetch leaves a null for the app to fall back on.
import { describe, expect, it, vi } from 'vitest';
import { withQuery } from '@gridwork/client';
import { FIELD_LOCALE_STORAGE_KEY } from '../app/locale-key.js';
import { HOME_READS, dropEarlyReads, earlyReadsScript, homeReadKeys, takeEarlyRead } from './home-reads.js';

function runScript(pathname: string, locale: string | null, fail = false) {
  const calls: { url: string; init: RequestInit }[] = [];
  const window: { __gwEarlyReads?: Record<string, Promise<Response | null>> } = {};
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return fail ? Promise.reject(new TypeError('offline')) : Promise.resolve(new Response('{}'));
  };
  const localStorage = { getItem: (key: string) => (key === FIELD_LOCALE_STORAGE_KEY ? locale : null) };
  new Function('window', 'location', 'localStorage', 'fetch', earlyReadsScript(homeReadKeys(), FIELD_LOCALE_STORAGE_KEY))(window, { pathname }, localStorage, fetch);
  return { calls, reads: window.__gwEarlyReads };
}

describe('home’s early reads', () => {
  it('are the addresses the app asks, as the API client writes them', () => {
    expect(homeReadKeys()).toEqual(Object.values(HOME_READS).map((read) => withQuery(read.url, 'query' in read ? read.query : undefined)));
    expect(homeReadKeys()).toContain('/api/visits/due?status=all&limit=200');
  });

  it('start on home only, with the session cookie and the app’s language', () => {
    const home = runScript('/m/', 'en-US');
    expect(home.calls.map((call) => call.url)).toEqual(homeReadKeys());
    expect(home.calls[0]?.init).toMatchObject({ credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': 'en-US' } });
    expect(runScript('/m/', null).calls[0]?.init.headers).toMatchObject({ 'Accept-Language': 'zh-CN' });
    expect(runScript('/m/report', null).calls).toEqual([]);
  });

  it('leave null when the fetch fails, so the app falls back to the copy on the phone', async () => {
    const { reads } = runScript('/m/', null, true);
    expect(await reads?.[homeReadKeys()[0]!]).toBeNull();
  });

  it('are taken once, and only soon after the page opened', () => {
    const response = Promise.resolve(null);
    vi.stubGlobal('__gwEarlyReads', { '/api/event-quotas': response, '/api/persons/due?limit=50': response });
    expect(takeEarlyRead('/api/event-quotas')).toBe(response);
    expect(takeEarlyRead('/api/event-quotas')).toBeNull();
    vi.spyOn(performance, 'now').mockReturnValue(60_000);
    expect(takeEarlyRead('/api/persons/due?limit=50')).toBeNull();
    vi.stubGlobal('__gwEarlyReads', { '/api/event-quotas': response });
    dropEarlyReads();
    vi.restoreAllMocks();
    expect(takeEarlyRead('/api/event-quotas')).toBeNull();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
});

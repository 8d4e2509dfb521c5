// The home screen's reads. A script in index.html starts them as the page arrives, before the
// app's code (on slow 4G that code takes a second or more to come): home draws as soon as the code
// runs instead of asking only then, and not after the sign-in check either. The build writes
// their addresses into that script from this list (vite.config.ts), so the two cannot drift.
// No imports: the build's config loads this file in Node.

export interface HomeRead {
  readonly url: string;
  readonly query?: Readonly<Record<string, string | number>>;
}

export const HOME_READS = {
  toVerify: { url: '/api/events', query: { status: 'handled', limit: 50 } },
  peopleDue: { url: '/api/persons/due', query: { limit: 50 } },
  recordsDue: { url: '/api/registry/due', query: { limit: 50 } },
  quotas: { url: '/api/event-quotas' },
  /** One page covers a worker's grids (a few dozen key people each). */
  dueVisits: { url: '/api/visits/due', query: { status: 'all', limit: 200 } },
} as const satisfies Record<string, HomeRead>;

/** The addresses as the app asks them and keeps their answers under (the client's withQuery; a test holds them equal). */
export function homeReadKeys(): string[] {
  return Object.values(HOME_READS).map((read: HomeRead) => {
    const text = new URLSearchParams(Object.entries(read.query ?? {}).map(([name, value]) => [name, String(value)])).toString();
    return text ? `${read.url}?${text}` : read.url;
  });
}

/** Reads started early are used only this soon after the page opened; later the app asks afresh. */
const EARLY_READ_MAX_AGE_MS = 20_000;

declare global {
  // Set by the script in index.html: each early read's response, or null when the fetch failed.
  var __gwEarlyReads: Record<string, Promise<Response | null>> | undefined;
}

/** The response of a read the page started early, once (the next ask goes to the network). */
export function takeEarlyRead(key: string): Promise<Response | null> | null {
  const reads = globalThis.__gwEarlyReads;
  const early = reads?.[key];
  if (!reads || !early) return null;
  delete reads[key];
  return performance.now() < EARLY_READ_MAX_AGE_MS ? early : null;
}

/** Forgets the reads started early: they were asked with the session the page opened with (sign-in, sign-out). */
export function dropEarlyReads(): void {
  globalThis.__gwEarlyReads = undefined;
}

/** The script index.html runs first: only on home, with the language the app will ask in. */
export function earlyReadsScript(keys: readonly string[], localeStorageKey: string): string {
  return `(function(){var p=location.pathname;if(p!=='/m/'&&p!=='/m'&&p!=='/m/index.html')return;var l='zh-CN';try{if(localStorage.getItem(${JSON.stringify(localeStorageKey)})==='en-US')l='en-US'}catch(e){}var h={Accept:'application/json','Accept-Language':l};var r={};${JSON.stringify(keys)}.forEach(function(k){r[k]=fetch(k,{credentials:'same-origin',headers:h}).catch(function(){return null})});window.__gwEarlyReads=r})();`;
}

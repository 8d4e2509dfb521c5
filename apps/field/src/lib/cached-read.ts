// Reads that still answer with no signal: each answer is kept in IndexedDB, and when the network
// fails the last kept copy is shown, marked as not fresh.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, readResponse, withQuery, type Query } from '@gridwork/client';
import { takeEarlyRead } from './home-reads.js';
import { loadRead, saveRead } from './field-db.js';
import { noteFailure, reportNetworkSuccess } from './network.js';

export interface ReadResult<T> {
  readonly data: T;
  /** When the copy was saved, if it came from the phone rather than the server. */
  readonly offlineSince: string | null;
}

export async function cachedGet<T>(url: string, query?: Query): Promise<ReadResult<T>> {
  const key = withQuery(url, query);
  try {
    // Home's reads may have been started by the page itself, before this code arrived.
    // Only a good answer is used: one refused (asked before signing in) or failed is asked again.
    const early = takeEarlyRead(key);
    const response = early ? await early : null;
    const data = response?.ok ? await readResponse<T>(response) : await api.get<T>(url, query);
    reportNetworkSuccess();
    await saveRead(key, data);
    return { data, offlineSince: null };
  } catch (error) {
    noteFailure(error);
    if (error instanceof ApiError && error.status < 500) throw error;
    const kept = await loadRead<T>(key);
    if (!kept) throw error;
    return { data: kept.value, offlineSince: kept.savedAt };
  }
}

export interface CachedQuery<T> {
  readonly data: T | undefined;
  readonly offlineSince: string | null;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** A cached GET for a component; `url` null waits (e.g. until an id is known). */
export function useCachedQuery<T>(url: string | null, query?: Query): CachedQuery<T> {
  const [state, setState] = useState<{ data?: T; offlineSince: string | null; error: unknown; loading: boolean }>({ offlineSince: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    cachedGet<T>(url, JSON.parse(queryKey) as Query).then(
      (result) => live && setState({ data: result.data, offlineSince: result.offlineSince, error: null, loading: false }),
      (error: unknown) => live && setState((previous) => ({ ...previous, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [url, queryKey, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data: state.data, offlineSince: state.offlineSince, error: state.error, loading: state.loading, reload };
}

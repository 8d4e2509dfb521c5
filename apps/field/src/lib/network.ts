// Whether the phone can reach the server, and whether a failure was the network's (retry later)
// rather than the server's answer (show it to the worker). navigator.onLine only knows whether
// there is a network at all; a phone with one bar (or a page reloaded with no signal) often says
// "online" while nothing gets through, so a failed request also counts as offline until a probe
// of /api/health gets through again.
import { useEffect, useState } from 'react';
import { ApiError } from '@gridwork/client';
import { t } from '../app/i18n.js';

const PROBE_EVERY_MS = 5000;
const changes = new EventTarget();
let unreachable = false;
let probeTimer: ReturnType<typeof setTimeout> | undefined;

export function isOnline(): boolean {
  return navigator.onLine && !unreachable;
}

/** Called when the signal may be back: `online` events and successful probes. */
export function onReachable(listener: () => void): () => void {
  const relay = () => isOnline() && listener();
  changes.addEventListener('change', relay);
  window.addEventListener('online', relay);
  return () => {
    changes.removeEventListener('change', relay);
    window.removeEventListener('online', relay);
  };
}

function setUnreachable(value: boolean): void {
  if (unreachable === value) return;
  unreachable = value;
  changes.dispatchEvent(new Event('change'));
}

async function probe(): Promise<void> {
  probeTimer = undefined;
  if (!unreachable) return;
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    if (response.ok) setUnreachable(false);
  } catch {
    // still nothing
  }
  if (unreachable) probeTimer = setTimeout(() => void probe(), PROBE_EVERY_MS);
}

/** A request failed for want of a network. */
export function reportNetworkFailure(): void {
  setUnreachable(true);
  probeTimer ??= setTimeout(() => void probe(), PROBE_EVERY_MS);
}

/** A request got an answer from the server (any status). */
export function reportNetworkSuccess(): void {
  setUnreachable(false);
}

export function useOnline(): boolean {
  const [online, setOnline] = useState<boolean>(isOnline);
  useEffect(() => {
    const update = () => setOnline(isOnline());
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    changes.addEventListener('change', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      changes.removeEventListener('change', update);
    };
  }, []);
  return online;
}

/** A failure that a later retry may cure: no connection, a timeout, or the server having a bad moment. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return true;
}

/** Notes what a failure says about the network, and passes it on. */
export function noteFailure(error: unknown): unknown {
  if (error instanceof ApiError) reportNetworkSuccess();
  else reportNetworkFailure();
  return error;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('网络不通，请到信号好的地方重试', 'No connection: try again where the signal is better');
}

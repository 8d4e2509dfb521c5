// The outbox as React state: the items, what still waits, and whether sending waits for sign-in.
import { useEffect, useState } from 'react';
import { listOutbox, onOutboxChange } from './outbox.store.js';
import { isPausedForSignIn } from './outbox.sender.js';
import type { OutboxItem } from './outbox.types.js';

export interface OutboxView {
  readonly items: readonly OutboxItem[];
  /** Not yet sent: waiting, sending or needing attention. */
  readonly unsent: number;
  readonly attention: number;
  readonly pausedForSignIn: boolean;
}

export function useOutbox(): OutboxView {
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  const [paused, setPaused] = useState(isPausedForSignIn());
  useEffect(() => {
    let live = true;
    let pending = false;
    const load = () => {
      // Changes come in bursts while sending; one read per frame is enough.
      if (pending) return;
      pending = true;
      setTimeout(() => {
        pending = false;
        void listOutbox().then((next) => {
          if (!live) return;
          setItems(next);
          setPaused(isPausedForSignIn());
        });
      }, 50);
    };
    load();
    const stop = onOutboxChange(load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return {
    items,
    unsent: items.filter((item) => item.state !== 'sent').length,
    attention: items.filter((item) => item.state === 'attention').length,
    pausedForSignIn: paused,
  };
}

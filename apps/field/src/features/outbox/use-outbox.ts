// The outbox as React state: the items, what still waits, and whether sending waits for sign-in.
import { useEffect, useState } from 'react';
import { isOwnedBy, listOutbox, onOutboxChange } from './outbox.store.js';
import { rememberedUser } from '../../lib/device-memory.js';
import { isPausedForSignIn } from './outbox.sender.js';
import type { OutboxItem } from './outbox.types.js';

export interface OutboxView {
  /** The signed-in worker's items (another worker's are not theirs to see or act on). */
  readonly items: readonly OutboxItem[];
  /** Not yet sent: waiting, sending or needing attention (the signed-in worker's and others'). */
  readonly unsent: number;
  /** Not yet sent and made by another worker on this phone: sent only when they sign in. */
  readonly others: number;
  /** Those items of other workers, listed in the outbox with whose they are. */
  readonly othersItems: readonly OutboxItem[];
  readonly attention: number;
  readonly pausedForSignIn: boolean;
  /** The phone's store has been read once: before that, nothing may be said to be sent. */
  readonly loaded: boolean;
}

export function useOutbox(): OutboxView {
  const [items, setItems] = useState<readonly OutboxItem[] | null>(null);
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
  const me = rememberedUser()?.id;
  const all = items ?? [];
  const mine = all.filter((item) => isOwnedBy(item, me));
  const othersItems = all.filter((item) => item.state !== 'sent' && !isOwnedBy(item, me));
  return {
    items: mine,
    unsent: mine.filter((item) => item.state !== 'sent').length + othersItems.length,
    others: othersItems.length,
    othersItems,
    attention: mine.filter((item) => item.state === 'attention').length,
    pausedForSignIn: paused,
    loaded: items !== null,
  };
}

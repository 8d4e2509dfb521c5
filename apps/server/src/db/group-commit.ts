// Group commit for embedded SQLite. With synchronous=FULL every COMMIT waits for the disk (half a
// millisecond or more on a township PC, and better-sqlite3 waits on the main thread), which made
// a COMMIT cost more than everything else an event report does. Writes that arrive together are
// therefore run one after the other inside ONE transaction, each in a savepoint of its own, and
// committed once: a write that fails is rolled back to its savepoint alone and its caller gets its
// error; the others still commit. Nobody is answered before the COMMIT that holds their write has
// returned, so an acknowledged write is exactly as durable as before.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export type WriteWork<T> = (trx: Transaction<Database>) => Promise<T>;

interface Job {
  readonly work: WriteWork<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** At most this many writes share a commit, so that one busy moment cannot hold a caller long. */
export const GROUP_COMMIT_MAX = 64;

export interface GroupCommit {
  write<T>(work: WriteWork<T>): Promise<T>;
  /** Writes run so far and the commits they took. */
  stats(): { writes: number; commits: number };
  /** Resolves when no write is waiting or running (before the database is closed). */
  idle(): Promise<void>;
}

export function createGroupCommit(kysely: Kysely<Database>, max = GROUP_COMMIT_MAX): GroupCommit {
  const queue: Job[] = [];
  let flushing = false;
  let running: Promise<void> = Promise.resolve();
  let writes = 0;
  let commits = 0;

  async function runBatch(batch: readonly Job[]): Promise<Outcome[]> {
    // One write alone needs no savepoint: the transaction is its savepoint.
    if (batch.length === 1) {
      const [job] = batch as [Job];
      try {
        return [{ ok: true, value: await kysely.transaction().execute(job.work) }];
      } catch (error) {
        return [{ ok: false, error }];
      }
    }
    let trx: Awaited<ReturnType<ReturnType<Kysely<Database>['startTransaction']>['execute']>>;
    try {
      trx = await kysely.startTransaction().execute();
    } catch (error) {
      return batch.map(() => ({ ok: false, error }));
    }
    const outcomes: Outcome[] = [];
    try {
      for (const job of batch) {
        const inSavepoint = await trx.savepoint('gw_write').execute();
        try {
          const value = await job.work(inSavepoint);
          await inSavepoint.releaseSavepoint('gw_write').execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await inSavepoint.rollbackToSavepoint('gw_write').execute();
          await inSavepoint.releaseSavepoint('gw_write').execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed (a savepoint command, the disk at COMMIT): nothing of the
      // batch was written, so every caller hears of it.
      if (!trx.isCommitted && !trx.isRolledBack)
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
      return batch.map(() => ({ ok: false, error }));
    }
    return outcomes;
  }

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, max);
        const outcomes = await runBatch(batch);
        writes += batch.length;
        commits += 1;
        batch.forEach((job, index) => {
          const outcome = outcomes[index] as Outcome;
          if (outcome.ok) job.resolve(outcome.value);
          else job.reject(outcome.error);
        });
        // Let the requests that arrived meanwhile reach their write before the next batch starts.
        if (queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      flushing = false;
    }
  }

  return {
    write<T>(work: WriteWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          work: work as WriteWork<unknown>,
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        // The first write waits for this turn of the event loop to end, so that the other requests
        // read in the same turn join its batch.
        if (queue.length === 1 && !flushing) {
          flushing = true;
          running = new Promise<void>((done) => setImmediate(() => void flush().finally(done)));
        }
      });
    },
    stats: () => ({ writes, commits }),
    idle: () => running,
  };
}

// SQLite in WAL mode appends every commit to the -wal file and, by default, the commit that takes
// the WAL past 1 000 pages copies them back into the database file and syncs it (a checkpoint),
// on the thread that committed: better-sqlite3 runs on the event loop, so while a checkpoint runs
// no request is answered. Under sustained writes (an import of a county's registry, a morning's
// reports) checkpoints took a fifth of the time: raw inserts of a million people into the person
// table went from 113 s to 89 s with the checkpoints moved to a thread of their own.
//
// So once the WAL has grown past `startAfterBytes` (a server that writes little never starts one),
// a worker thread with its own connection runs PASSIVE checkpoints every `everyMs`: they never
// block the writer or a reader, and copy only what no reader still needs. The writer's own
// automatic checkpoint stays as a backstop, at a WAL of `backstopPages` pages, should the thread
// fall behind or fail. Durability is unchanged: a commit is synced to the WAL before it is
// acknowledged, as before; a checkpoint only moves committed pages into the database file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

export interface CheckpointerOptions {
  /** WAL size from which checkpoints move to the worker (default 4 MB, SQLite's 1 000 pages). */
  readonly startAfterBytes?: number;
  /** How often the worker checkpoints (default 100 ms). */
  readonly everyMs?: number;
  /** How often the WAL's size is looked at until then (default 1 s). */
  readonly watchEveryMs?: number;
  /** The writer's own automatic checkpoint meanwhile (default BACKSTOP_PAGES). */
  readonly backstopPages?: number;
}

export interface WalCheckpointer {
  /** Whether the worker runs (for tests and diagnostics). */
  running(): boolean;
  /** Stops the worker (and the watch); resolves once its connection is closed. */
  stop(): Promise<void>;
}

// Plain CommonJS, run with `eval`: the same text serves the built server and the TypeScript tests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Another checkpoint holds the lock (the writer's backstop): try again next time.
    if (error && error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/**
 * The writer checkpoints for itself past 100 000 pages (400 MB) of WAL. One commit of an import's
 * batch can leave tens of thousands of pages: a smaller backstop had the writer checkpoint after
 * nearly every batch, as if there were no worker (a million people: 206 s with 16 000, 176 s with
 * 100 000). journal_size_limit gives the disk back once the WAL is reset.
 */
export const BACKSTOP_PAGES = 100_000;

export function startWalCheckpointer(sqlite: BetterSqlite3.Database, file: string, options: CheckpointerOptions = {}): WalCheckpointer {
  const startAfterBytes = options.startAfterBytes ?? 4 * 1024 * 1024;
  const everyMs = options.everyMs ?? 100;
  const backstopPages = options.backstopPages ?? BACKSTOP_PAGES;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stopped = false;

  const walBytes = (): number => {
    try {
      return fs.statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };

  const start = () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs } });
    // A checkpointer never keeps the process alive: the server closes it, and an exit without
    // closing leaves the WAL to be checkpointed by the next open, as SQLite always does.
    started.unref();
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    started.once('error', () => {
      // The writer checkpoints for itself again, as before the worker.
      worker = null;
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    });
    sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`);
    worker = started;
  };

  const watch = setInterval(() => {
    if (stopped || worker) return;
    if (walBytes() >= startAfterBytes) {
      clearInterval(watch);
      start();
    }
  }, options.watchEveryMs ?? 1000);
  watch.unref();

  return {
    running: () => worker !== null,
    async stop() {
      stopped = true;
      clearInterval(watch);
      const running = worker;
      worker = null;
      if (!running) return;
      running.postMessage('stop');
      await exited;
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    },
  };
}

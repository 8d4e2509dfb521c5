// Builds the real app on a fresh test database with a clock that tests move by hand.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../app.js';
import { loadConfig, type AppConfig } from '../platform/config.js';
import { createContext, type AppContext } from '../platform/context.js';
import { makeTempDir, openTestDb, type DialectName, type TestDb } from './test-db.js';

export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(iso: string): void;
}

export function createTestClock(startIso = '2026-11-24T01:00:00.000Z'): TestClock {
  let now = Date.parse(startIso);
  const clock = (() => now) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (iso) => {
    now = Date.parse(iso);
  };
  return clock;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly clock: TestClock;
  readonly testDb: TestDb;
  close(): Promise<void>;
}

/** A pretend build of both web apps, so static serving and SPA fallback can be tested. */
export function writeFakeWebApps(root: string): { consoleDir: string; fieldDir: string } {
  const consoleDir = path.join(root, 'console');
  const fieldDir = path.join(root, 'field');
  for (const [dir, title] of [
    [consoleDir, 'console'],
    [fieldDir, 'field'],
  ] as const) {
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${title}</title>`);
    fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), `console.log(${JSON.stringify(title)})`);
    // A bigger asset with the siblings the build's precompression writes beside it.
    const vendor = Buffer.from(`export const words = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `${title}-${i}`))};`);
    fs.writeFileSync(path.join(dir, 'assets', 'vendor-abc123.js'), vendor);
    fs.writeFileSync(path.join(dir, 'assets', 'vendor-abc123.js.br'), zlib.brotliCompressSync(vendor));
    fs.writeFileSync(path.join(dir, 'assets', 'vendor-abc123.js.gz'), zlib.gzipSync(vendor));
  }
  return { consoleDir, fieldDir };
}

export async function createTestApp(
  dialect: DialectName,
  overrides: Partial<AppConfig> = {},
  env: Record<string, string> = {},
  logger: BuildOptions['logger'] = false,
): Promise<TestApp> {
  const testDb = await openTestDb(dialect);
  const webRoot = makeTempDir('gridwork-web-');
  const base = loadConfig({ GRIDWORK_DATA_DIR: webRoot, LOG_LEVEL: 'silent', ...env }, webRoot);
  const config: AppConfig = { ...base, ...writeFakeWebApps(webRoot), ...overrides };
  const clock = createTestClock();
  const ctx: AppContext = createContext(config, testDb.db, clock);
  const app = await buildApp(ctx, { logger });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    testDb,
    close: async () => {
      await app.close();
      await testDb.destroy();
      fs.rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

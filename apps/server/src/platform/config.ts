// Configuration comes from environment variables only (twelve-factor); every value is checked
// here once, so a typo stops the server at start with a message instead of failing later.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { DEFAULT_LOCALE, isLocale, type Locale, type PasswordPolicyName } from '@gridwork/core';

export type DatabaseKind = 'sqlite' | 'postgres';
export type CryptoSuite = 'intl' | 'sm';

export interface AppConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'sqlite'; readonly file: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number; readonly schema: string };
  readonly locale: Locale;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly passwordPolicy: PasswordPolicyName;
  /** 0 means passwords do not expire. */
  readonly passwordMaxAgeDays: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  readonly lockoutThreshold: number;
  readonly lockoutMinutes: number;
  /** Failed sign-ins from one address within lockoutMinutes before it is refused. */
  readonly addressFailureLimit: number;
  readonly cryptoSuite: CryptoSuite;
  readonly bodyLimitBytes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  readonly secureCookies: boolean;
  /** Built web apps; a missing folder is served as a page that says to run the build. */
  readonly consoleDir: string;
  readonly fieldDir: string;
  /** When a late step earns a yellow and a red card, and how long verification may take. */
  readonly cardRules: { readonly verifyHours: number; readonly yellowAt: number; readonly redAt: number };
  /** Days between verifications of the registry: everyone, and the key groups. */
  readonly reverify: { readonly normalDays: number; readonly keyDays: number };
  /** Valid events a grid worker should report each month. */
  readonly quotas: { readonly parttime: number; readonly fulltime: number };
  /** Cron pattern (Asia/Shanghai) of the deadline sweep that issues cards; empty turns it off. */
  readonly sweepCron: string;
  /** Days before a residence permit (居住证) expires that its grid workers are told, once. */
  readonly permitReminderDays: number;
  /** Cron pattern (Asia/Shanghai) of the daily permit check; empty turns it off. */
  readonly permitReminderCron: string;
  /** Cron pattern (Asia/Shanghai) of the daily "nobody on duty" check; its first firing of a day is that day's cut-off; empty turns it off. */
  readonly dutyCheckCron: string;
  /** Cron pattern (Asia/Shanghai) of the daily login and sign-for check: each run checks every day of the last week whose cut-off (the county's setting) has passed unchecked, so it must fire soon after any cut-off; empty turns it off. */
  readonly dailyCheckCron: string;
  /** Cron pattern (Asia/Shanghai) of the monthly bulletin (通报): each run writes last month's once; empty turns it off. */
  readonly bulletinCron: string;
  /** Keys a public client must send as api_key to post Open311 requests; empty: no key needed. */
  readonly open311ApiKeys: readonly string[];
  /** The key ring of sealed fields; null: keys.json in the data directory, made on first use. */
  readonly keyFile: string | null;
  /** The map's tile URL template ({z}/{x}/{y}, e.g. Tianditu's); null: a vector map without tiles. */
  readonly tileUrl: string | null;
  /** Most rows an import writes in one transaction (see imports.service.ts). */
  readonly importBatchRows: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`配置错误 / configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number.parseInt(raw, 10);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = choices.find((choice) => choice === raw.trim());
  if (!match) throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  return match;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function readIdentifier(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw))
    throw new ConfigError(name, `must be a lower-case SQL identifier, got "${raw}"`);
  return raw;
}

/** Checks a postgres:// URL well enough to name what is wrong, without printing its password. */
function parsePostgresUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not a valid URL (expected postgres://user:password@host:5432/database)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or sqlite:, got "${url.protocol}"`);
  }
  if (!url.hostname) throw new ConfigError('DATABASE_URL', 'has no host name');
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'has no database name after the host');
  return raw;
}

function readCardRules(env: Env): AppConfig['cardRules'] {
  const yellow = readInt(env, 'GRIDWORK_YELLOW_CARD_PERCENT', 100, 100, 1000);
  const red = readInt(env, 'GRIDWORK_RED_CARD_PERCENT', 150, 100, 1000);
  if (red <= yellow) throw new ConfigError('GRIDWORK_RED_CARD_PERCENT', `must be above GRIDWORK_YELLOW_CARD_PERCENT (${yellow}), got ${red}`);
  return { verifyHours: readInt(env, 'GRIDWORK_VERIFY_HOURS', 48, 1, 24 * 30), yellowAt: yellow / 100, redAt: red / 100 };
}

function readCron(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const pattern = raw.trim();
  if (pattern === '') return '';
  try {
    new Cron(pattern, { paused: true }).stop();
  } catch (error) {
    throw new ConfigError(name, `is not a cron pattern (${error instanceof Error ? error.message : String(error)}), got "${raw}"`);
  }
  return pattern;
}

function readTileUrl(env: Env): string | null {
  const raw = env['GRIDWORK_TILE_URL']?.trim();
  if (!raw) return null;
  if (!/^(https?:\/\/|\/)/.test(raw)) throw new ConfigError('GRIDWORK_TILE_URL', `must start with http://, https:// or /, got "${raw}"`);
  if (!['{z}', '{x}', '{y}'].every((part) => raw.includes(part))) throw new ConfigError('GRIDWORK_TILE_URL', `must hold {z}, {x} and {y}, got "${raw}"`);
  return raw;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const dataDir = path.resolve(cwd, env['GRIDWORK_DATA_DIR'] || 'data');
  const databaseUrl = env['DATABASE_URL']?.trim();
  let database: AppConfig['database'];
  if (!databaseUrl) {
    database = { kind: 'sqlite', file: path.join(dataDir, 'gridwork.sqlite') };
  } else if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file)
      throw new ConfigError('DATABASE_URL', 'names no SQLite file (expected sqlite:path/to/file.sqlite)');
    database = { kind: 'sqlite', file: path.resolve(cwd, file) };
  } else {
    database = {
      kind: 'postgres',
      url: parsePostgresUrl(databaseUrl),
      poolSize: readInt(env, 'GRIDWORK_DB_POOL_SIZE', 10, 1, 200),
      schema: readIdentifier(env, 'GRIDWORK_DB_SCHEMA', 'public'),
    };
  }
  const locale = env['GRIDWORK_LOCALE'] || DEFAULT_LOCALE;
  if (!isLocale(locale)) throw new ConfigError('GRIDWORK_LOCALE', `must be zh-CN or en-US, got "${locale}"`);
  const appsDir = fileURLToPath(new URL('../../../', import.meta.url));
  return {
    host: env['HOST']?.trim() || '0.0.0.0',
    port: readInt(env, 'PORT', 3000, 0, 65535),
    dataDir,
    database,
    locale,
    sessionIdleMinutes: readInt(env, 'GRIDWORK_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: readInt(env, 'GRIDWORK_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    passwordPolicy: readChoice(env, 'GRIDWORK_PASSWORD_POLICY', ['dengbao3', 'asvs'], 'dengbao3'),
    passwordMaxAgeDays: readInt(env, 'GRIDWORK_PASSWORD_MAX_AGE_DAYS', 0, 0, 3650),
    lockoutThreshold: readInt(env, 'GRIDWORK_LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: readInt(env, 'GRIDWORK_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    addressFailureLimit: readInt(env, 'GRIDWORK_ADDRESS_FAILURE_LIMIT', 30, 1, 100_000),
    cryptoSuite: readChoice(env, 'GRIDWORK_CRYPTO_SUITE', ['intl', 'sm'], 'intl'),
    bodyLimitBytes: readInt(env, 'GRIDWORK_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    logLevel: readChoice(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
    trustProxy: readBool(env, 'GRIDWORK_TRUST_PROXY', false),
    secureCookies: readBool(env, 'GRIDWORK_SECURE_COOKIES', false),
    consoleDir: path.resolve(cwd, env['GRIDWORK_CONSOLE_DIR'] || path.join(appsDir, 'console', 'dist')),
    fieldDir: path.resolve(cwd, env['GRIDWORK_FIELD_DIR'] || path.join(appsDir, 'field', 'dist')),
    cardRules: readCardRules(env),
    quotas: {
      parttime: readInt(env, 'GRIDWORK_QUOTA_PARTTIME', 4, 0, 1000),
      fulltime: readInt(env, 'GRIDWORK_QUOTA_FULLTIME', 20, 0, 1000),
    },
    reverify: {
      normalDays: readInt(env, 'GRIDWORK_REVERIFY_DAYS', 365, 1, 3650),
      keyDays: readInt(env, 'GRIDWORK_REVERIFY_KEY_DAYS', 90, 1, 3650),
    },
    sweepCron: readCron(env, 'GRIDWORK_SWEEP_CRON', '*/5 * * * *'),
    importBatchRows: readInt(env, 'GRIDWORK_IMPORT_BATCH_ROWS', 25_000, 100, 100_000),
    permitReminderDays: readInt(env, 'GRIDWORK_PERMIT_REMINDER_DAYS', 30, 1, 365),
    permitReminderCron: readCron(env, 'GRIDWORK_PERMIT_REMINDER_CRON', '0 9 * * *'),
    dutyCheckCron: readCron(env, 'GRIDWORK_DUTY_CHECK_CRON', '0 10 * * *'),
    // Every five minutes: the county may move the cut-off to any minute; a run before it does nothing.
    dailyCheckCron: readCron(env, 'GRIDWORK_DAILY_CHECK_CRON', '*/5 * * * *'),
    // The 1st of each month at 08:00: last month's bulletin, once (a later run finds it and stops).
    bulletinCron: readCron(env, 'GRIDWORK_BULLETIN_CRON', '0 8 1 * *'),
    keyFile: env['GRIDWORK_KEY_FILE']?.trim() ? path.resolve(cwd, env['GRIDWORK_KEY_FILE'].trim()) : null,
    tileUrl: readTileUrl(env),
    open311ApiKeys: (env['GRIDWORK_OPEN311_API_KEYS'] ?? '').split(',').map((key) => key.trim()).filter(Boolean),
  };
}

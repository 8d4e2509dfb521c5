// Runs a server under test in its own process, so it never shares an event loop with the load
// generator: the server prints `LISTENING http://…` on stdout once it accepts connections.
// stdout and stderr go to files in a fresh temp directory (a pipe the bench had to drain would
// cost the load generator CPU); every child is killed and its directory removed when the bench exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LISTENING = /LISTENING (https?:\/\/\S+)/;
const live = new Set();

function killAll() {
  for (const entry of live) {
    if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill('SIGKILL');
    fs.rmSync(entry.dir, { recursive: true, force: true });
  }
  live.clear();
}

let cleanupInstalled = false;

/** Installed on the first start only, so a module that merely imports this one keeps its signals. */
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (os.constants.signals[signal] ?? 1));
    });
  }
}

/** A fresh temporary directory, removed with the child that uses it. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gridwork-bench-${prefix}-`));
}

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts `command args` and resolves with { url, pid, dir, stop() } once it prints its address.
 * @param {{ name: string, command: string, args: string[], env?: NodeJS.ProcessEnv, cwd?: string,
 *   dir?: string, timeoutMs?: number }} options
 */
export async function startChildServer(options) {
  const { name, command, args, env = process.env, cwd = process.cwd(), timeoutMs = 30_000 } = options;
  installCleanup();
  const dir = options.dir ?? makeTempDir(name.replace(/[^a-z0-9]+/gi, '-'));
  const stdoutFile = path.join(dir, 'stdout.log');
  const stderrFile = path.join(dir, 'stderr.log');
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, err] });
  fs.closeSync(out);
  fs.closeSync(err);
  const entry = { child, dir };
  live.add(entry);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const describe = () => {
    const logs = [tail(stdoutFile), tail(stderrFile)].filter(Boolean).join('\n');
    return logs ? `\n--- last output of ${name} ---\n${logs}` : '';
  };

  async function stop() {
    if (!live.has(entry)) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    live.delete(entry);
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const deadline = Date.now() + timeoutMs;
  let failure = null;
  child.once('error', (error) => {
    failure = error;
  });
  for (;;) {
    const match = LISTENING.exec(tail(stdoutFile, 200));
    if (match) return { url: match[1].replace(/\/+$/, ''), pid: child.pid, dir, stop };
    if (failure || child.exitCode !== null || child.signalCode !== null) {
      const status = failure ? failure.message : `exit code ${child.exitCode ?? child.signalCode}`;
      const message = `${name} stopped before it listened (${status})${describe()}`;
      await stop();
      throw new Error(message);
    }
    if (Date.now() > deadline) {
      const message = `${name} printed no LISTENING line within ${timeoutMs / 1000} s${describe()}`;
      await stop();
      throw new Error(message);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

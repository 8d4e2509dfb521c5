// `npm test`: build (the CLI, start-up and browser tests run the built server and apps), run every
// test project once, and close with one line `N passed, N failed, N skipped` for people and CI.
// Extra arguments go to Vitest: `npm test -- apps/server` runs only those files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'test-results', 'vitest.json');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

if (process.env.GRIDWORK_TEST_SKIP_BUILD !== '1') {
  const built = run('npm', ['run', 'build', '--silent']);
  if (built !== 0) {
    console.log('0 passed, 1 failed (the build failed)');
    process.exit(built);
  }
}

if (!process.env.GRIDWORK_TEST_DATABASE_URL) {
  console.log(
    'GRIDWORK_TEST_DATABASE_URL is not set: the PostgreSQL half of the database tests is skipped ' +
      '(set it to postgres://user:pass@host/db to run it; CI always does).',
  );
}

fs.rmSync(resultsFile, { force: true });
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
]);

if (!fs.existsSync(resultsFile)) {
  console.log('0 passed, 1 failed (vitest wrote no results)');
  process.exit(status || 1);
}
const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
// A file that fails to load has no test results of its own; count it as a failure.
const failedFiles = (results.testResults ?? []).filter(
  (file) => file.status === 'failed' && file.assertionResults.length === 0,
).length;
const failed = (results.numFailedTests ?? 0) + failedFiles;
console.log(`${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);

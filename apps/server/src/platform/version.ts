// The server's version as its package.json states it, shown by /api/health and the CLI.
import fs from 'node:fs';

const manifest: unknown = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

export const SERVER_VERSION: string =
  typeof manifest === 'object' &&
  manifest !== null &&
  'version' in manifest &&
  typeof manifest.version === 'string'
    ? manifest.version
    : '0.0.0';

#!/usr/bin/env node
// Entry point of the `gridwork` command: runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'gridwork: 服务端尚未构建，请先运行 npm run build / the server is not built yet: run npm run build\n',
  );
  process.exit(1);
}
await import(cli.href);

// The build's precompression (scripts/precompress.mjs), run as the build runs it: a Brotli and a
// gzip copy beside each text asset big enough to gain, each decompressing to the same bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/test-db.js';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../scripts/precompress.mjs');

describe('precompressing a built web app', () => {
  const dist = makeTempDir('gridwork-precompress-');
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('writes .br and .gz beside big text assets only, and each holds the same bytes', () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    const big = Buffer.from(`export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: i, name: `网格${i}` })))};`);
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc.js'), big);
    fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>field</title>${' '.repeat(2000)}`);
    fs.writeFileSync(path.join(dist, 'assets', 'tiny-abc.js'), 'export {};');
    fs.writeFileSync(path.join(dist, 'icon.png'), Buffer.alloc(4096, 7));

    const output = execFileSync(process.execPath, [script, dist], { encoding: 'utf8' });
    expect(output).toMatch(/precompressed 2 files/);
    const js = path.join(dist, 'assets', 'index-abc.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${js}.br`)).equals(big)).toBe(true);
    expect(zlib.gunzipSync(fs.readFileSync(`${js}.gz`)).equals(big)).toBe(true);
    expect(fs.statSync(`${js}.br`).size).toBeLessThan(big.length / 3);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'assets', 'tiny-abc.js.br'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'icon.png.br'))).toBe(false);
  });

  it('refuses to run without a folder', () => {
    expect(() => execFileSync(process.execPath, [script, path.join(dist, 'missing')], { stdio: 'pipe' })).toThrow();
  });
});

// Serves the built console at / and the field app at /m/ from the same port as the API, with
// single-page-app fallback: hashed assets are cached for a year, index.html never is (so a new
// release reaches every office PC and phone at the next load).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebApp {
  readonly prefix: string;
  readonly dir: string;
  readonly title: string;
}

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

function setCacheHeaders(res: { setHeader(name: string, value: string): unknown }, filePath: string): void {
  const hashed = filePath.split(path.sep).includes('assets');
  res.setHeader('Cache-Control', hashed ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : 'no-cache');
}

function missingBuildPage(app: WebApp): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${app.title}</title>
<body style="font-family:sans-serif;padding:2em"><h1>${app.title}</h1>
<p>前端尚未构建：请在项目根目录运行 <code>npm run build</code>（或 <code>npm start</code>）。</p>
<p>The web app is not built yet: run <code>npm run build</code> (or <code>npm start</code>) in the project folder.</p>
</body></html>`;
}

export async function registerWebApps(
  server: FastifyInstance,
  apps: readonly WebApp[],
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply | null> {
  const built = new Map<string, boolean>();
  let first = true;
  for (const app of apps) {
    const isBuilt = fs.existsSync(path.join(app.dir, 'index.html'));
    built.set(app.prefix, isBuilt);
    if (!isBuilt) continue;
    await server.register(fastifyStatic, {
      root: app.dir,
      prefix: app.prefix,
      decorateReply: first,
      wildcard: true,
      index: 'index.html',
      // send's own Cache-Control would override ours.
      cacheControl: false,
      setHeaders: setCacheHeaders,
      // The build writes .br and .gz siblings (scripts/precompress.mjs): sent to a client that
      // accepts them, the file itself otherwise (or when a sibling is missing).
      preCompressed: true,
    });
    first = false;
    // The bare prefix (e.g. /m without the slash) still opens the app.
    if (app.prefix !== '/')
      server.get(app.prefix.replace(/\/$/, ''), { schema: { hide: true } }, (_request, reply) =>
        reply.redirect(app.prefix),
      );
  }

  const byLongestPrefix = [...apps].sort((a, b) => b.prefix.length - a.prefix.length);
  /** SPA fallback for GET requests that want a page; null when the request is not for an app. */
  return (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url.startsWith('/open311/')) return null;
    const app = byLongestPrefix.find((candidate) => url.startsWith(candidate.prefix));
    if (!app) return null;
    // A missing asset file is a real 404, not a page.
    if (path.extname(url) !== '' && !url.endsWith('.html')) return null;
    if (!built.get(app.prefix))
      return reply.code(503).type('text/html; charset=utf-8').send(missingBuildPage(app));
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html', app.dir, { cacheControl: false });
  };
}

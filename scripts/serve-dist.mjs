// A small static server for the release build, used by `scripts/serve`, the browser tests and
// the benchmark. Loopback only.
//
// Usage: node scripts/serve-dist.mjs [dir=dist] [port=8080]
//
// - Deep links: a path that is not a file gets index.html (the app's router takes over), as a
//   real host for a single-page app would be configured.
// - The build's Brotli or gzip copy (`file.br`, `file.gz`, written by scripts/compress.mjs) when
//   the browser accepts it, as a real host should serve them, so measured transfer sizes are
//   real; a file without copies is gzipped here.
// - Hashed files are cached for a year; index.html and sw.js are always revalidated, so a new
//   build is found at once.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const host = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);


async function fileAt(pathname) {
  const p = normalize(join(root, decodeURIComponent(pathname)));
  if (!p.startsWith(root)) return null; // no escaping the dist folder
  try {
    const s = await stat(p);
    if (s.isFile()) return p;
    if (s.isDirectory()) return fileAt(join(pathname, 'index.html'));
  } catch {
    /* not found */
  }
  return null;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${host}`);
    let path = await fileAt(url.pathname);
    let status = 200;
    if (!path) {
      // No file: a navigation gets the app shell; a missing asset is a real 404.
      if (extname(url.pathname) === '' || (req.headers.accept ?? '').includes('text/html')) {
        path = join(root, 'index.html');
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
    }
    const ext = extname(path);
    const name = path.slice(root.length);
    const revalidate = name === '/index.html' || name === '/sw.js' || name === '/manifest.webmanifest';
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': revalidate ? 'no-cache' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    };
    let body = await readFile(path);
    const accepts = req.headers['accept-encoding'] ?? '';
    if (COMPRESSIBLE.has(ext)) {
      headers.vary = 'accept-encoding';
      // A copy older than its file is stale (the file was edited after the build): not used.
      const fresh = (await stat(path)).mtimeMs;
      const copy = async (suffix) => {
        const s = await stat(path + suffix).catch(() => null);
        return s && s.mtimeMs >= fresh ? readFile(path + suffix) : null;
      };
      let encoded = null;
      if (/\bbr\b/.test(accepts) && (encoded = await copy('.br'))) headers['content-encoding'] = 'br';
      else if (/\bgzip\b/.test(accepts)) {
        encoded = (await copy('.gz')) ?? gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      if (encoded) body = encoded;
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(e));
  }
});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}/ (Ctrl+C to stop)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));

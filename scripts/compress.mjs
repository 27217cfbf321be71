// Post-build step: writes a Brotli (`.br`) and a gzip (`.gz`) copy of every text and wasm file
// of dist/, so a host can send the smallest encoding the browser accepts without compressing on
// each request. `scripts/serve-dist.mjs` serves them; README.md says how a real host does.
//
// Runs after the service worker is generated: the copies are an encoding of files the worker
// already lists, never files of their own.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) {
  console.error('compress: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(name))) yield path;
  }
}

let raw = 0;
let br = 0;
let gz = 0;
for (const path of files(dist)) {
  const body = readFileSync(path);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gzip = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzip);
  raw += body.length;
  br += brotli.length;
  gz += gzip.length;
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`compress: ${kib(raw)} raw, ${kib(gz)} gzip, ${kib(br)} brotli`);

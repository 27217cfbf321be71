// The size yardstick of issue 12: the app's first-visit transfer against what its Spanish content
// and a bare Leptos counter with the router (bench/counter, built in the same run with the same
// profile and tools) need. Prints figures; asserts nothing.
//
// Usage (through scripts/bench): node bench-ratio.mjs APP_DIST COUNTER_DIST
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const [appDist, counterDist] = process.argv.slice(2);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// What a first visit downloads before the first render: html, js, wasm, css (gzip -9), and the
// Spanish parts of the content (dist/content, one per source) that the pages with content fetch.
function boot(dir) {
  const shell = readdirSync(dir)
    .filter((n) => /\.(html|js|wasm|css)$/.test(n) && n !== 'sw.js')
    .map((n) => join(dir, n));
  const contentDir = join(dir, 'content');
  const content = existsSync(contentDir)
    ? readdirSync(contentDir).filter((n) => /\.es\.[0-9a-f]+\.json$/.test(n)).map((n) => join(contentDir, n))
    : [];
  return [...shell, ...content].reduce((sum, p) => sum + gz(readFileSync(p)), 0);
}

// Every text of the current model and the toolkit in Spanish only: each {es, en, …} object
// keeps its `es`.
function spanishOnly(v) {
  if (Array.isArray(v)) return v.map(spanishOnly);
  if (v && typeof v === 'object') {
    if (typeof v.es === 'string' && Object.values(v).every((x) => typeof x === 'string')) return v.es;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, spanishOnly(x)]));
  }
  return v;
}
const contentFiles = ['toolkits/mega-ip/model-2.json', ...['tools', 'experiences', 'decalogue', 'methodologies'].map((f) => `toolkits/haga/${f}.json`)];
const spanish = gz(Buffer.from(contentFiles.map((f) => JSON.stringify(spanishOnly(JSON.parse(readFileSync(join(ROOT, f), 'utf8'))))).join('\n')));

const app = boot(appDist);
const counter = boot(counterDist);
const yardstick = spanish + counter;
console.log('\nSize against the yardstick (gzip -9):');
console.log(`  app, first visit before the first render: ${kib(app)}`);
console.log(`  Spanish content of the model and toolkit:  ${kib(spanish)}`);
console.log(`  bare Leptos counter with router:           ${kib(counter)}`);
console.log(`  ratio app / (content + counter): ${(app / yardstick).toFixed(2)} (target ≤ 1.60, i.e. ≤ ${kib(1.6 * yardstick)})`);

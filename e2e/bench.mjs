// Benchmark: bundle sizes and time to first render. Prints figures; asserts nothing.
//
// Usage (through scripts/bench, which builds and serves dist/): node bench.mjs DIST_DIR
// Time to first render = from navigation start to the moment the page heading (main h1)
// exists, measured inside the page with a MutationObserver. Median of RUNS runs.
//   cold: new browser context (empty HTTP cache, no service worker);
//   warm: reload in the same context (service worker and cache in place);
//   weak phone: cold, with 4x CPU slowdown and a 1.6 Mbps / 150 ms RTT network.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BASE, launch } from './lib.mjs';

const dist = process.argv[2];
const RUNS = Number(process.env.RUNS ?? 5);

function walk(d) {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('\nBundle (dist/):');
console.log('  file'.padEnd(52) + 'raw'.padStart(13) + 'gzip -9'.padStart(13) + 'brotli'.padStart(13));
let rawTotal = 0;
let gzTotal = 0;
let bootGz = 0;
// The build's .br and .gz copies are encodings of the other files, not files of their own.
const files = walk(dist)
  .filter((f) => !/\.(br|gz)$/.test(f))
  .sort();
let bootBr = 0;
for (const f of files) {
  const body = readFileSync(f);
  const gz = gzipSync(body, { level: 9 }).length;
  let br = 0;
  try {
    br = statSync(f + '.br').size;
  } catch {
    br = gz;
  }
  rawTotal += body.length;
  gzTotal += gz;
  const name = relative(dist, f);
  // What a first visit must download before the app renders: html, js, wasm, css.
  // Files under ondemand/ are loaded only by the pages that need them (the console's decoder).
  if (/\.(html|js|wasm|css)$/.test(name) && name !== 'sw.js' && !name.startsWith('ondemand/')) {
    bootGz += gz;
    bootBr += br;
  }
  console.log('  ' + name.padEnd(50) + kb(body.length) + '  ' + kb(gz) + '  ' + kb(br));
}
console.log('  ' + 'total'.padEnd(50) + kb(rawTotal) + '  ' + kb(gzTotal));
console.log(`  transfer to first render (html+js+wasm+css): gzip ${kb(bootGz).trim()}, brotli ${kb(bootBr).trim()}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const INIT = () => {
  const mark = () => {
    if (!window.__firstRender && document.querySelector('main h1')) window.__firstRender = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
};
async function firstRender(page) {
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => window.__firstRender);
}

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

// A first visit to `path` on a fresh, throttled device: the time to its heading.
async function weakPhone(path) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(BASE + path);
  const time = await firstRender(page);
  await context.close();
  return time;
}

const browser = await launch();
const cold = [];
const warm = [];
const weak = [];
const weakContent = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  await page.goto(BASE + '/');
  cold.push(await firstRender(page));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await firstRender(page);
  await page.reload();
  warm.push(await firstRender(page));
  await context.close();

  weak.push(await weakPhone('/'));
  // A page that shows content: its heading appears once the Spanish parts are read.
  weakContent.push(await weakPhone('/herramientas'));
}
await browser.close();

const ms = (xs) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`\nTime to first render, headless Chromium, ${RUNS} runs:`);
console.log(`  cold (empty cache):                  ${ms(cold)}`);
console.log(`  warm (service worker cache):         ${ms(warm)}`);
console.log(`  cold, weak phone (4x CPU, 1.6 Mbps): ${ms(weak)}`);
console.log(`  same, a page with content (tools):   ${ms(weakContent)}`);

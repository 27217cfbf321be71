// Lighthouse 12 (mobile, simulated throttling) on three pages, median of RUNS runs each, with
// Debian's Chromium. Prints figures; asserts nothing.
//
// Usage (through scripts/bench): node bench-lighthouse.mjs LIGHTHOUSE_BIN
// The walk step and the results page are opened as a first visit opens them (a link to an
// assessment not on this device): Lighthouse starts from an empty profile, and what the page
// costs is the app's own download and start-up.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, CHROMIUM_ARGS } from './lib.mjs';

const bin = process.argv[2];
const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = [
  ['home', '/'],
  ['walk step', '/autodiagnostico/a-enlace-compartido/transparencia'],
  ['results', '/resultados/a-enlace-compartido'],
];
const dir = mkdtempSync(join(tmpdir(), 'megaip-lighthouse-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');

console.log(`\nLighthouse 12, mobile, simulated throttling, median of ${RUNS} runs:`);
for (const [name, path] of PAGES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(dir, `${name.replace(' ', '-')}-${i}.json`);
    execFileSync(
      bin,
      [BASE + path, '--quiet', '--output=json', `--output-path=${out}`, '--form-factor=mobile', '--throttling-method=simulate',
        '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`],
      { stdio: 'ignore', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
    );
    runs.push(JSON.parse(readFileSync(out, 'utf8')));
  }
  const score = (cat) => median(runs.map((r) => r.categories[cat].score)).toFixed(2);
  const ms = (audit) => `${(median(runs.map((r) => r.audits[audit].numericValue)) / 1000).toFixed(1)} s`;
  console.log(
    `  ${name.padEnd(10)} performance ${score('performance')}, accessibility ${score('accessibility')}, ` +
      `best practices ${score('best-practices')}, SEO ${score('seo')}; ` +
      `FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, interactive ${ms('interactive')}, TBT ${ms('total-blocking-time')}`,
  );
}

// Benchmark: the advisor's desk. Prints figures; asserts nothing.
//
// Usage (through scripts/bench, which builds and serves dist/): node bench-desk.mjs
//   load: 1,000 generated results files (the real model, varied answers) picked at once, to the
//     desk saying they are kept (read, checked, imported, scored, stored in IndexedDB, shown).
//   reopen: the desk opened again with those 1,000 in its collection, to the table shown.
//   keystroke: one character typed in the search with every assessment in the table (1,000
//     rows filtered, the first 50 matches on screen), to the filtered table painted. Median of 10.
// At 1x and 4x CPU slowdown.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, visit } from './lib.mjs';
import { writeResults } from './gen-results.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const files = writeResults(1000, mkdtempSync(join(tmpdir(), 'megaip-bench-desk-')), 400);
const browser = await launch();
console.log('\nAdvisor\'s desk, 1,000 results files (headless Chromium):');
for (const rate of [1, 4]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await visit(page, '/asesoria');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const t0 = Date.now();
  await page.locator('#desk-files').setInputFiles(files);
  await page.locator('text=Se guardaron 1000 archivos').waitFor({ timeout: 120000 });
  const load = Date.now() - t0;
  const t1 = Date.now();
  await page.reload();
  await page.locator('.desk-table tbody tr').first().waitFor({ timeout: 120000 });
  const reopen = Date.now() - t1;
  await page.locator('#desk-every').check();
  await page.locator('#desk-table-title', { hasText: '1000 de 1000' }).waitFor();
  const keys = [];
  for (const text of ['z', 'zi', 'z', '', 'c', 'ch', 'c', '', 'm', '']) {
    keys.push(
      await page.evaluate(async (value) => {
        const input = document.querySelector('#desk-search');
        const t = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return performance.now() - t;
      }, text),
    );
  }
  console.log(`  ${rate}x CPU: load ${(load / 1000).toFixed(2)} s; reopen ${(reopen / 1000).toFixed(2)} s; one keystroke at 1,000 rows median ${median(keys).toFixed(0)} ms (runs: ${keys.map((k) => k.toFixed(0)).join(', ')})`);
  await context.close();
}
await browser.close();

// The advisor's desk: 50 results files dropped at once with 3 bad ones (named with their reason,
// the rest kept); the latest of each municipality by default; search ignoring accents, filters
// and sort; the spreadsheet; the collection survives a reload and works offline; the device's
// own assessments are untouched; axe clean in es and en.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launch, openContext, storedAssessments, switchTo, visit } from '../lib.mjs';
import { writeResults } from '../gen-results.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'megaip-desk-'));
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('50 files at once: 3 refused by name, the rest read side by side, kept, offline, read-only', async () => {
  // 47 good files of 10 municipalities, and three bad ones.
  const good = writeResults(47, join(TMP, 'good'), 10);
  const bad = [
    ['roto.json', '{"kind": "megaip-results", '],
    ['modelo.json', readFileSync(new URL('../../toolkits/mega-ip/model.json', import.meta.url), 'utf8')],
    ['opcion.json', readFileSync(good[0], 'utf8').replace('"value":"yes"', '"value":"quizas"').replace('a-bench-0', 'a-bad-option')],
  ].map(([name, text]) => {
    const path = join(TMP, name);
    writeFileSync(path, text);
    return path;
  });
  const { context, errors } = await openContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  await visit(page, '/asesoria');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.locator('#desk-files').setInputFiles([...good.slice(0, 20), ...bad, ...good.slice(20)]);
  await page.locator('text=Se guardaron 47 archivos. No se pudieron usar: 3.').waitFor({ timeout: 30000 });
  const refused = await page.locator('.desk-refused li').allInnerTexts();
  assert.deepEqual(refused.map((r) => r.split(':')[0]).sort(), ['modelo.json', 'opcion.json', 'roto.json']);
  assert.match(refused.find((r) => r.startsWith('opcion.json')), /quizas/);

  // The latest of each of the 10 municipalities; every one of the 47 when asked.
  const rows = page.locator('.desk-table tbody tr:not([hidden])');
  assert.equal(await rows.count(), 10);
  await page.locator('#desk-every').check();
  assert.equal(await rows.count(), 47);
  await page.locator('#desk-every').uncheck();
  // Search ignoring accents and case.
  await page.locator('#desk-search').fill('zipaquira');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /Zipaquirá/);
  await page.locator('#desk-search').fill('');
  // Sort by mean index, highest first.
  await page.selectOption('#desk-sort', 'high');
  const firsts = await page.locator('.desk-table tbody tr:not([hidden]) td:nth-last-child(2)').allInnerTexts();
  const index = (t) => Number(t.split('·')[1].trim().replace(',', '.'));
  assert.ok(index(firsts[0]) >= index(firsts[1]) && index(firsts[1]) >= index(firsts[firsts.length - 1]), firsts.join(' | '));
  // A filter by overall stage keeps only those rows.
  await page.selectOption('#desk-stage', '0');
  const stages = await page.locator('.desk-table tbody tr:not([hidden]) td:nth-last-child(2) strong').allInnerTexts();
  assert.ok(stages.length > 0 && stages.every((s) => s === 'Aún sin etapa'), stages.join(', '));
  await page.selectOption('#desk-stage', '');

  // The spreadsheet, as Spanish Excel expects it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#desk-csv').click()]);
  const csv = join(TMP, download.suggestedFilename());
  await download.saveAs(csv);
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.startsWith('\ufeffMunicipio;País;'));
  assert.equal(text.trim().split('\r\n').length, 11);
  // Side by side: two municipalities, the differences marked; a fifth pick is not allowed.
  for (let i = 0; i < 4; i++) await rows.nth(i).locator('.desk-pick input').check();
  assert.ok(await rows.nth(4).locator('.desk-pick input').isDisabled());
  await rows.nth(3).locator('.desk-pick input').uncheck();
  await rows.nth(2).locator('.desk-pick input').uncheck();
  const side = page.locator('.desk-side');
  await side.waitFor();
  assert.equal(await side.locator('table').first().locator('thead th').count(), 2);
  assert.match(await side.locator('h3').innerText(), /Preguntas con respuestas distintas \(\d+\)/);
  assert.ok((await side.locator('td.differs').count()) > 0);
  // Over time: one municipality's four or five dates, and what changed between two of them.
  await rows.first().getByRole('button', { name: /Ver su historial/ }).click();
  const history = page.locator('.desk-history');
  await history.waitFor();
  const dates = await history.locator('tbody tr').count();
  assert.ok(dates >= 4, `${dates} dates`);
  await history.locator('#history-from').selectOption('0');
  await history.locator('#history-to').selectOption(String(dates - 1));
  const moves = await history.locator('.desk-changes li').allInnerTexts();
  assert.ok(moves.some((m) => /mejoró$/.test(m)) && moves.some((m) => /retrocedió$/.test(m)), moves.slice(0, 5).join(' | '));
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: 'screenshots/desk-es-1280.png', fullPage: true });
  await history.screenshot({ path: 'screenshots/desk-history-es.png' });
  await side.locator('table').first().screenshot({ path: 'screenshots/desk-side-es.png' });
  const violations = await axeViolations(page, 'desk es');

  // Kept across a reload, and with no network.
  await page.reload();
  await page.locator('.desk-table tbody tr').first().waitFor();
  assert.equal(await rows.count(), 10);
  await context.setOffline(true);
  await page.reload();
  await page.locator('.desk-table tbody tr').first().waitFor();
  assert.equal(await rows.count(), 10);
  await switchTo(page, 'en');
  await page.locator('h1', { hasText: "Advisor's desk" }).waitFor();
  violations.push(...(await axeViolations(page, 'desk en')));
  await switchTo(page, 'es');
  assert.deepEqual(violations, []);
  // The collection is not the device's own work: no assessment was added.
  assert.deepEqual(await storedAssessments(page), []);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'screenshots/desk-es-390.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

// The diagnosis report and progress over time: three dates of one municipality imported on the
// device give a history (a line per pillar, what improved); the report opens from the results
// page and prints to PDF in es (A4) and en (Letter); the desk opens a file's report read-only,
// shows the stages' spread and the heatmap view, and filters by band and date. axe clean.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launch, openContext, storedAssessments, switchTo, visit } from '../lib.mjs';
import { writeResults } from '../gen-results.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'megaip-report-'));
let browser;
before(async () => {
  browser = await launch();
  mkdirSync('screenshots', { recursive: true });
});
after(async () => {
  await browser?.close();
});

// The number of pages of a PDF Chromium wrote (each page is one `/Type /Page` object).
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

// The pages of the report without its annex (which starts on a page of its own): 2 to 4, or
// the test fails. The annex is put back afterwards.
async function bodyPages(page, format) {
  await page.evaluate(() => (document.querySelector('.report-annex').style.display = 'none'));
  const n = pages(await page.pdf({ format, printBackground: true }));
  await page.evaluate(() => (document.querySelector('.report-annex').style.display = ''));
  assert.ok(n >= 2 && n <= 4, `${format}: the report without its annex is ${n} pages`);
  return n;
}

// Three dates of one municipality, with a respondent and a hostile note on the last.
function threeDates() {
  const paths = writeResults(3, join(TMP, 'zipaquira'), 1);
  const last = JSON.parse(readFileSync(paths[2], 'utf8'));
  last.assessment.profile.respondents = [{ name: 'Ana Pérez', role: 'Secretaria de Planeación' }];
  const first = Object.keys(last.assessment.answers)[0];
  last.assessment.answers[first].note = '<img src=x onerror=alert(1)> revisado';
  last.assessment.answers[first].evidence_url = 'javascript:alert(1)';
  writeFileSync(paths[2], JSON.stringify(last));
  return paths;
}

test('progress over time on the device, and the diagnosis report printed in es and en', async () => {
  const files = threeDates();
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  for (const path of files) {
    await visit(page, '/autodiagnostico');
    await page.locator('#import-title ~ label input[type=file]').setInputFiles(path);
    await page.locator('.status-ok').first().waitFor();
  }
  const stored = await storedAssessments(page);
  assert.equal(stored.length, 3);
  const latest = stored.find((a) => a.profile.date.startsWith('2022'));
  await visit(page, `/resultados/${latest.id}`);
  // Progress: the three dates, a line per pillar, and what changed between the first and last.
  const progress = page.locator('.desk-history');
  await progress.waitFor();
  assert.equal(await progress.locator('tbody tr').count(), 3);
  assert.equal(await progress.locator('.index-lines polyline').count(), 4);
  await progress.locator('#history-from').selectOption('0');
  await progress.locator('#history-to').selectOption('2');
  const moves = await progress.locator('.desk-changes li').allInnerTexts();
  assert.ok(moves.some((m) => /mejoró$/.test(m)), moves.slice(0, 3).join(' | '));
  await progress.screenshot({ path: 'screenshots/progress-es.png' });

  // The report, one click from the results.
  await page.locator('#results-diagnosis').click();
  const report = page.locator('#report');
  await report.waitFor();
  assert.equal(await report.locator('h1').innerText(), 'Zipaquirá');
  assert.match(await page.locator('#report-reading').innerText(), /^Zipaquirá (está en la etapa|aún no alcanza)/);
  assert.equal(await report.locator('.report-pillar').count(), 4);
  assert.match(await report.locator('.report-cover').innerText(), /Ana Pérez — Secretaria de Planeación/);
  assert.equal(await report.locator('.signer').count(), 2);
  // What the file carried is text: no planted image, no javascript: link.
  assert.equal(await report.locator('img').count(), 0);
  assert.match(await report.locator('.annex-table').innerText(), /<img src=x onerror=alert\(1\)> revisado/);
  assert.equal(await report.locator('a[href^="javascript"]').count(), 0);
  // Read-only: nothing to type in.
  assert.equal(await report.locator('input, textarea, select').count(), 0);
  const violations = await axeViolations(page, 'report es');
  await page.screenshot({ path: 'screenshots/report-es-1280.png', fullPage: true });

  await page.emulateMedia({ media: 'print' });
  const es = await page.pdf({ format: 'A4', printBackground: true, path: 'screenshots/report-es-a4.pdf' });
  // The report, up to its signatures, is 2 to 4 pages; the annex of 87 answers follows.
  assert.ok(pages(es) > (await bodyPages(page, 'A4')), `${pages(es)} pages`);
  await page.emulateMedia({ media: 'screen' });

  await switchTo(page, 'en');
  await page.locator('#report h1').waitFor();
  assert.match(await page.locator('#report-reading').innerText(), /^Zipaquirá (is at the|has not yet reached)/);
  assert.match(await report.innerText(), /Signatures/);
  violations.push(...(await axeViolations(page, 'report en')));
  await page.emulateMedia({ media: 'print' });
  const en = await page.pdf({ format: 'Letter', printBackground: true, path: 'screenshots/report-en-letter.pdf' });
  assert.ok(pages(en) > (await bodyPages(page, 'Letter')), `${pages(en)} pages`);
  await page.emulateMedia({ media: 'screen' });
  await switchTo(page, 'es');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the desk: a file\'s report read-only, the spread of stages, the heatmap view, band and date filters', async () => {
  const files = writeResults(12, join(TMP, 'desk'), 4);
  // The first is the assessment the workshop fixture was run on, whose file comes along.
  const first = JSON.parse(readFileSync(files[0], 'utf8'));
  first.assessment.id = 'a-1';
  writeFileSync(files[0], JSON.stringify(first));
  files.push(new URL('../../tests/fixtures/workshops/workshop-v1.json', import.meta.url).pathname);
  // Two of them in another population band.
  for (const path of files.slice(0, 2)) {
    const f = JSON.parse(readFileSync(path, 'utf8'));
    f.assessment.profile.population_band = 'lt20k';
    writeFileSync(path, JSON.stringify(f));
  }
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/asesoria');
  await page.locator('#desk-files').setInputFiles(files);
  await page.locator('text=Se guardaron 13 archivos. No se pudieron usar: 0.').waitFor();
  const rows = page.locator('.desk-table tbody tr:not([hidden])');
  assert.equal(await rows.count(), 4);
  // The spread counts every shown municipality once per pillar.
  const spread = page.locator('.desk-spread-table tbody tr');
  assert.equal(await spread.count(), 4);
  for (const cells of await spread.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))))) {
    assert.equal(cells.reduce((a, b) => a + b, 0), 4);
  }
  // Filters: every assessment, then by band, then by a date range.
  await page.locator('#desk-every').check();
  assert.equal(await rows.count(), 12);
  await page.selectOption('#desk-band', 'lt20k');
  assert.equal(await rows.count(), 2);
  await page.selectOption('#desk-band', '');
  await page.locator('#desk-from').fill('2021-01-01');
  await page.locator('#desk-to').fill('2022-12-31');
  const dates = await page.locator('.desk-table tbody tr:not([hidden]) td:nth-child(3)').allInnerTexts();
  assert.ok(dates.length > 0 && dates.every((d) => d >= '2021-01-01' && d <= '2022-12-31'), dates.join(', '));
  await page.locator('#desk-from').fill('');
  await page.locator('#desk-to').fill('');
  // A stage in one pillar.
  await page.selectOption('#desk-stage-in', 'transparencia');
  await page.selectOption('#desk-stage', '0');
  const transparency = await page.locator('.desk-table tbody tr:not([hidden]) td:nth-child(4)').allInnerTexts();
  assert.ok(transparency.every((t) => t.startsWith('Aún sin etapa')), transparency.join(', '));
  await page.selectOption('#desk-stage', '');
  // The heatmap view colours the pillars' cells.
  await page.locator('#desk-heat').check();
  assert.ok(await page.locator('table.desk-heat').isVisible());
  await page.screenshot({ path: 'screenshots/desk-heat-es-1280.png', fullPage: true });
  const violations = await axeViolations(page, 'desk heat es');

  // A history joined by hand: one of another municipality's assessments joins this one's.
  await page.locator('#desk-heat').uncheck();
  await page.locator('#desk-every').uncheck();
  await rows.first().getByRole('button', { name: /Ver su historial/ }).click();
  const history = page.locator('.desk-history');
  assert.equal(await history.locator('tbody tr').count(), 3);
  const other = await page.locator('#join-pick option').nth(1).getAttribute('value');
  await page.selectOption('#join-pick', other);
  await page.locator('#join-add').click();
  await page.locator('.desk-joined li').waitFor();
  assert.equal(await history.locator('tbody tr').count(), 4);
  violations.push(...(await axeViolations(page, 'desk join es')));
  await page.reload();
  await page.locator('.desk-table tbody tr').first().waitFor();
  await rows.first().getByRole('button', { name: /Ver su historial \(4 fechas\)/ }).click();
  await page.locator('.desk-joined li button').click();
  await page.waitForFunction(() => document.querySelectorAll('.desk-history tbody tr').length === 3);
  await page.locator('#desk-every').check();

  // A file's report: read-only, and the collection and the device untouched.
  await rows.first().locator('a.desk-report').click();
  await page.locator('#report h1').waitFor();
  assert.equal(await page.locator('#report input, #report textarea, #report select').count(), 0);
  assert.equal(await page.locator('#report .signer').count(), 2);
  violations.push(...(await axeViolations(page, 'desk report es')));
  await page.reload();
  await page.locator('#report h1').waitFor();
  assert.deepEqual(await storedAssessments(page), []);
  // The workshop file's votes beside the answers it decided, in that assessment's report.
  await visit(page, '/asesoria/a-1');
  await page.locator('#report h1').waitFor();
  assert.match(await page.locator('#report .workshop-votes').first().innerText(), /^Taller K7QX2M: (.+ · )?tras conversarlo \(ronda 2\)$/);
  await visit(page, '/asesoria/no-such-file');
  assert.match(await page.locator('main h1').innerText(), /No encontramos/);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

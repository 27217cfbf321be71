// Hardening as a careless or unlucky user meets it: a crafted file that used to crash the app on
// export, links planted in files, the Content-Security-Policy, a full device while typing, the
// rescue page, backups, plan updates that keep the team's work, an all-"No aplica" pillar,
// shared links, "Continuar", and the printed results and plan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, answerStep, heading, launch, newAssessment, openContext, openNotes, settled, visit } from '../lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'megaip-hardening-'));
const SHOTS = join(ROOT, 'e2e', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function importResults(page, path) {
  await visit(page, '/autodiagnostico');
  await page.locator('#import-title ~ label input[type=file]').setInputFiles(path);
}

test('a file with a non-ASCII date imports, and exporting it works (it used to crash the app)', async () => {
  const { context, errors } = await openContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  const file = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/results/results-v3.json'), 'utf8'));
  file.assessment.updated_at = '2026-03-0éT10:00:00Z';
  file.assessment.profile.date = '';
  const path = join(TMP, 'fecha-rara.json');
  writeFileSync(path, JSON.stringify(file));
  await importResults(page, path);
  await page.locator('.status-ok').waitFor();
  await visit(page, `/resultados/${file.assessment.id}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportar resultados' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^resultados-yumbo-2026-03-0\.json$/);
  assert.equal(await page.locator('#rescue').count(), 0, 'no crash');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Content-Security-Policy is in force: the app works and injected scripts do not run', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  const id = await newAssessment(page, 'Chía');
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  const card = page.locator('.answer-card').first();
  await card.getByLabel('Sí', { exact: true }).check();
  await openNotes(card);
  await card.locator('textarea').fill('<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2">');
  await settled(page);
  await visit(page, `/resultados/${id}`);
  assert.equal(await page.evaluate(() => window.__violations.length), 0, 'the app itself breaks no rule');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const rule of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
    assert.ok(csp.includes(rule), rule);
  }
  // An inline script added to the page is blocked, and the note above stayed text.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 3';
    document.body.append(s);
    return window.__ran;
  });
  assert.equal(ran, undefined);
  assert.match(await page.locator('.annex-table').innerText(), /<script>window.__ran = 1<\/script>/);
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a model that plants a javascript: link is refused and shows no link', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const model = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/models/records-maturity.json'), 'utf8'));
  model.frameworks = [{ id: 'x', name: { es: 'Marco', en: 'Framework' }, url: 'javascript:alert(1)' }];
  model.criteria[1].frameworks = ['x'];
  const path = join(TMP, 'modelo-enlace.json');
  writeFileSync(path, JSON.stringify(model));
  await visit(page, '/autodiagnostico');
  await page.locator('#models-title ~ label input[type=file]').setInputFiles(path);
  await page.locator('.status-error').waitFor();
  assert.match(await page.locator('.status-error').innerText(), /no es una dirección web/);
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full device while typing is said next to the field, and nothing is lost once there is room', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Zipaquirá');
  await settled(page);
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  const card = page.locator('.answer-card').nth(2);
  await card.waitFor();
  // Fill the origin's storage almost to the brim.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        if (chunk.length < 64) break;
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  await openNotes(card);
  await card.locator('textarea').fill('Una nota larga que ya no cabe en el dispositivo '.repeat(20));
  const alert = card.locator('.save-alert .status-error');
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.innerText(), /no se pudo guardar/);
  assert.match(await page.locator('.notices').innerText(), /lleno/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.unsaved), '1', 'marked unsaved');
  // Room again: the next change saves everything, and the message goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await card.getByLabel('Parcial', { exact: true }).check();
  await settled(page);
  await alert.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.answer-card').nth(2).waitFor();
  assert.ok(await page.locator('.answer-card').nth(2).getByLabel('Parcial', { exact: true }).isChecked());
  assert.match(await page.locator('.answer-card').nth(2).locator('textarea').inputValue(), /ya no cabe/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('if the app dies, the rescue page offers a copy of the data, and the copy restores', async () => {
  const { context, errors } = await openContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  const id = await newAssessment(page, 'Fusagasugá');
  await page.goto(`${BASE}/autodiagnostico/${id}/participacion`);
  await answerStep(page, ['Sí', 'No']);
  await settled(page);
  // The release build aborts on a panic, which the browser reports as a WebAssembly.RuntimeError.
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  await page.locator('#rescue h1').waitFor();
  assert.equal(await page.locator('#rescue h1').innerText(), 'La aplicación encontró un error');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar una copia de mis datos' }).click()]);
  const path = join(TMP, download.suggestedFilename());
  await download.saveAs(path);
  const copy = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(copy.kind, 'megaip-backup');
  assert.equal(copy.assessments.length, 1);
  await context.close();

  // On another device (a fresh browser), "Restaurar una copia" brings it back.
  const other = await openContext(browser);
  const p2 = await other.context.newPage();
  await visit(p2, '/autodiagnostico');
  await p2.locator('#copy-title ~ .actions input[type=file]').setInputFiles(path);
  await p2.locator('.copy .status-ok').waitFor();
  assert.match(await p2.locator('.copy .status-ok').innerText(), /Se recuperó 1 autodiagnóstico/);
  await visit(p2, `/resultados/${id}`);
  assert.match(await heading(p2), /Fusagasugá/);
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await other.context.close();
});

test('updating the plan keeps a step whose criterion is now met, with what the team wrote', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Girardot');
  await visit(page, `/plan/${id}`);
  await page.getByRole('button', { name: 'Generar el plan' }).click();
  const step = page.locator('.plan-step', { hasText: 'T-INF-1' });
  await step.waitFor();
  await step.getByLabel('Responsable').fill('Carlos (Participación)');
  await page.locator('#add-step-Design').fill('Presentar el plan al Concejo');
  await page.locator('#add-step-Design ~ button').click();
  await page.locator('.plan-step', { hasText: 'Presentar el plan al Concejo' }).first().waitFor();
  await settled(page);
  // T-INF-1 is now met.
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  await page.locator('.answer-card').first().getByLabel('Sí', { exact: true }).check();
  await settled(page);
  await visit(page, `/plan/${id}`);
  await page.getByRole('button', { name: 'Actualizar con los resultados de hoy' }).click();
  await page.locator('.status-ok').waitFor();
  assert.match(await page.locator('.status-ok').innerText(), /1 paso cumplido/);
  const kept = page.locator('.plan-step', { hasText: 'T-INF-1' });
  assert.match(await kept.innerText(), /Cumplido/);
  assert.equal(await kept.getByLabel('Responsable').inputValue(), 'Carlos (Participación)');
  assert.equal(await page.locator('.plan-step', { hasText: 'Presentar el plan al Concejo' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pillar answered all "No aplica" has no stage, and says so', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Honda');
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  await answerStep(page, ['No aplica']);
  await settled(page);
  await visit(page, `/resultados/${id}`);
  const row = await page.locator('#heatmap tbody tr').first().innerText();
  assert.match(row, /Sin etapa: todo «No aplica»/);
  assert.doesNotMatch(row, /Empoderar\s*$/);
  assert.match(await page.locator('#why-transparencia').innerText(), /se respondió «No aplica», así que no tiene etapa/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link to an assessment on another device says so; "Continuar" opens the next question', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/resultados/a-de-otro-dispositivo');
  assert.equal(await heading(page), 'Este autodiagnóstico no está en este dispositivo');
  const id = await newAssessment(page, 'Melgar');
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  const first = page.locator('.answer-card').first();
  await first.getByLabel('Sí', { exact: true }).check();
  await settled(page);
  await visit(page, '/autodiagnostico');
  await page.getByRole('link', { name: 'Continuar' }).click();
  await page.waitForURL(new RegExp(`/autodiagnostico/${id}/transparencia#q-T-INF-2$`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the printed results and plan are documents: reached cells stay dark, the signature stays with its heading', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Ibagué');
  for (const pillar of ['transparencia', 'participacion']) {
    await page.goto(`${BASE}/autodiagnostico/${id}/${pillar}`);
    await answerStep(page, ['Sí', 'Parcial', 'Sí']);
  }
  await settled(page);
  await visit(page, `/resultados/${id}`);
  await page.emulateMedia({ media: 'print' });
  const adjust = await page.locator('.heat-reached').first().evaluate((e) => getComputedStyle(e).printColorAdjust);
  assert.equal(adjust, 'exact');
  const results = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(SHOTS, 'print-results-es.pdf'), results);
  await page.emulateMedia({ media: 'screen' });
  await visit(page, `/plan/${id}`);
  await page.getByRole('button', { name: 'Generar el plan' }).click();
  await page.locator('.plan-step').first().waitFor();
  await page.locator('.plan-step').first().getByLabel('Responsable').fill('Secretaría de Planeación');
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.plan-step input:visible, .plan-step select:visible, .plan-step textarea:visible').count(), 0, 'no form widgets in print');
  assert.match(await page.locator('.plan-step .step-print').first().innerText(), /Responsable: Secretaría de Planeación/);
  const plan = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(SHOTS, 'print-plan-es.pdf'), plan);
  const pages = (plan.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 6, `the plan prints on ${pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

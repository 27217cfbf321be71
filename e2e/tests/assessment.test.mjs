// The self-assessment as a user walks it: profile, answers (partly keyboard-only), autosave
// across reloads, the staged score for scripted answers, export → clear → import, every bad file
// with its message, the second model, and list operations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, answerStep, heading, launch, newAssessment, openContext, openNotes, savedValues, settled, storedAssessments, switchTo, visit } from '../lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'megaip-e2e-'));
const PILLARS = ['transparencia', 'participacion', 'rendicion', 'innovacion'];
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function answersInStorage(page) {
  await settled(page);
  return (await storedAssessments(page))[0].answers;
}

test('a full walk, partly keyboard-only, survives reloads', async () => {
  const { context, errors } = await openContext(browser, { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await newAssessment(page, 'Yumbo');
  // Profile by keyboard: Tab from the municipality field to the country select and region.
  await page.locator('#p-municipality').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Col');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Valle del Cauca');
  await page.locator('.walk-step + .pager a, .pager a').last().click();
  await page.waitForURL(/\/transparencia$/);

  // First criterion by keyboard only: Tab into the radio group, arrows to move, Space to pick.
  const first = page.locator('.answer-card').first();
  await first.getByLabel('Sí', { exact: true }).focus();
  await page.keyboard.press('ArrowRight'); // Parcial
  await page.keyboard.press('ArrowRight'); // No
  await page.keyboard.press('Space');
  assert.ok(await first.getByLabel('No', { exact: true }).isChecked());
  await page.keyboard.press('Tab'); // "Borrar respuesta"
  await page.keyboard.press('Tab'); // help summary
  await page.keyboard.press('Tab'); // "Nota y enlace de evidencia"
  await page.keyboard.press('Enter'); // opens the note fields
  await page.keyboard.press('Tab'); // note
  await page.keyboard.type('Falta la categoría de contratos');

  // Reload mid-way: every answer and note is still there.
  await page.reload();
  await page.locator('.answer-card').first().waitFor();
  assert.ok(await page.locator('.answer-card').first().getByLabel('No', { exact: true }).isChecked());
  assert.equal(await page.locator('.answer-card textarea').first().inputValue(), 'Falta la categoría de contratos');
  await page.locator('#step-title').waitFor();
  assert.equal(await page.locator('#p-municipality').count(), 0);

  // The rest of the walk with the mouse, pillar by pillar, then the conditions.
  let total = 0;
  for (const pillar of PILLARS) {
    await page.goto(`${page.url().replace(/\/[^/]+$/, '')}/${pillar}`);
    total += await answerStep(page, ['Sí', 'Parcial', 'No', 'No aplica']);
  }
  assert.ok(total >= 60, `walked ${total} criteria`);
  await page.goto(`${page.url().replace(/\/[^/]+$/, '')}/condiciones`);
  const conditions = await answerStep(page, ['Sí', 'No']);
  assert.equal(conditions, 7);
  await page.reload();
  await page.locator('.progress-line').first().waitFor();
  assert.match(await page.locator('.progress-line').first().innerText(), new RegExp(`${total} de ${total} criterios`));
  const stored = await answersInStorage(page);
  assert.equal(Object.keys(stored).length, total);

  // Profile fields came back too.
  await page.goto(`${page.url().replace(/\/[^/]+$/, '')}/perfil`);
  assert.equal(await page.locator('#p-municipality').inputValue(), 'Yumbo');
  assert.equal(await page.locator('#p-country').inputValue(), 'CO');
  assert.equal(await page.locator('#p-region').inputValue(), 'Valle del Cauca');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the results page shows the stage the rule gives for scripted answers, and why', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Rionegro');
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  // Informar and Consultar all Sí; Involucrar Sí, Sí, No (2 of 3 = 67 % < 70 %).
  const cards = page.locator('.answer-card');
  await cards.first().waitFor();
  const cells = await page.locator('.stage-block').evaluateAll((blocks) => blocks.map((b) => b.querySelectorAll('.answer-card').length));
  let i = 0;
  for (const [stage, n] of cells.entries()) {
    for (let k = 0; k < n; k++, i++) {
      if (stage < 2) await cards.nth(i).getByLabel('Sí', { exact: true }).check();
      if (stage === 2) await cards.nth(i).getByLabel(k < 2 ? 'Sí' : 'No', { exact: true }).check();
    }
  }
  await visit(page, `/resultados/${id}`);
  const row = page.locator('#heatmap tbody tr').first();
  assert.match(await row.innerText(), /Transparencia/);
  assert.equal((await row.locator('td.level').innerText()).trim(), 'Consultar');
  assert.equal((await page.locator('#overall-stage').innerText()).trim(), 'Aún sin etapa');
  const why = page.locator('#why-transparencia');
  assert.match(await why.innerText(), /Estás en Consultar \(índice 2,67\)/);
  assert.match(await why.innerText(), /Para llegar a Involucrar te faltan 0,5 punto/);
  assert.match(await why.innerText(), /T-INV-4/);
  // The radar has a table with the same figures beside it.
  assert.match(await page.locator('.index-table').innerText(), /Transparencia\s+Consultar\s+2,67/);
  await switchTo(page, 'en');
  assert.match(await page.locator('#why-transparencia').innerText(), /You are at Consult \(index 2.67\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

async function exportFile(page, id) {
  await visit(page, `/resultados/${id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.actions button.button-primary').click()]);
  const path = join(TMP, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

async function importFile(page, path) {
  await visit(page, '/autodiagnostico');
  await page.locator('#import-title ~ label input[type=file]').setInputFiles(path);
}

test('export, clear site data, import: the same results page', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'San José de Cúcuta');
  await page.goto(`${BASE}/autodiagnostico/${id}/participacion`);
  await answerStep(page, ['Sí', 'Sí', 'Parcial']);
  await page.goto(`${BASE}/autodiagnostico/${id}/condiciones`);
  await answerStep(page, ['Parcial']);
  const { path, name } = await exportFile(page, id);
  assert.match(name, /^resultados-san-jose-de-cucuta-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.kind, 'megaip-results');
  assert.equal(file.assessment.model.id, 'mega-ip');
  assert.ok(file.scores.pillars.length === 4);
  await visit(page, `/resultados/${id}`);
  const before = await page.locator('main').innerText();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await visit(page, '/autodiagnostico');
  assert.equal(await page.locator('.assessments').count(), 0, 'nothing left on the device');

  await importFile(page, path);
  await page.locator('.status-ok').waitFor();
  assert.match(await page.locator('.status').innerText(), /Se importó «San José de Cúcuta/);
  await visit(page, `/resultados/${id}`);
  assert.equal(await page.locator('main').innerText(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every bad file gets its own message and changes nothing', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Yumbo');
  const { path } = await exportFile(page, id);
  const good = JSON.parse(readFileSync(path, 'utf8'));
  await settled(page);
  const savedBefore = await savedValues(page);
  assert.ok(JSON.stringify(savedBefore).includes('Yumbo'), 'the assessment is saved before the bad files');

  const variants = [
    ['no-json.json', 'esto no es json {', /no es un archivo JSON/],
    ['otro.json', JSON.stringify({ hola: 'mundo' }), /no es un archivo de resultados de MEGA IP/],
    ['nuevo.json', JSON.stringify({ ...good, format: 99 }), /versión más nueva de la aplicación \(formato 99/],
    ['falta.json', JSON.stringify({ ...good, assessment: { ...good.assessment, profile: { country: 'CO' } } }), /el campo «assessment.profile» falta/],
    ['tipo.json', JSON.stringify({ ...good, assessment: { ...good.assessment, created_at: 5 } }), /«assessment.created_at»/],
    ['modelo.json', JSON.stringify({ ...good, assessment: { ...good.assessment, model: { ...good.assessment.model, id: 'desconocido' } } }), /modelo «desconocido» versión 2.0.0, que no está en esta aplicación/],
    ['criterio.json', JSON.stringify({ ...good, assessment: { ...good.assessment, answers: { 'Z-9': { value: 'yes' } } } }), /criterios que el modelo no tiene: Z-9/],
    ['enorme.json', 'x'.repeat(9 * 1024 * 1024), /El archivo pesa 9.0 MB y el máximo es 8 MB/],
  ];
  for (const [name, body, message] of variants) {
    const p = join(TMP, name);
    writeFileSync(p, body);
    await importFile(page, p);
    const error = page.locator('.status-error');
    await error.waitFor();
    assert.match(await error.innerText(), message, name);
  }
  assert.deepEqual(await savedValues(page), savedBefore);

  // English messages too.
  await switchTo(page, 'en');
  await importFile(page, join(TMP, 'otro.json'));
  await page.locator('.status-error').waitFor();
  assert.match(await page.locator('.status-error').innerText(), /not a MEGA IP results file/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('importing an assessment that exists asks first', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Bucaramanga');
  const { path } = await exportFile(page, id);
  await importFile(page, path);
  const ask = page.locator('.confirm');
  await ask.waitFor();
  assert.match(await ask.innerText(), /Ya tienes «Bucaramanga/);
  await ask.getByRole('button', { name: 'Cancelar' }).click();
  assert.equal(await page.locator('.assessments > li').count(), 1);
  await importFile(page, path);
  await page.locator('.confirm').getByRole('button', { name: 'Guardar como otro autodiagnóstico' }).click();
  await page.locator('.status-ok').waitFor();
  assert.equal(await page.locator('.assessments > li').count(), 2);
  await context.close();
});

test('a second, differently shaped model loads, walks, scores and exports', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/autodiagnostico');
  const bad = join(TMP, 'modelo-malo.json');
  writeFileSync(bad, JSON.stringify({ format: 1, id: 'x', stages: [], criteria: [] }));
  await page.locator('#models-title ~ label input[type=file]').setInputFiles(bad);
  await page.locator('.status-error').waitFor();
  assert.match(await page.locator('.status-error').innerText(), /no tiene la forma de un modelo/);

  await page.locator('#models-title ~ label input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/models/city-data-maturity.json'));
  await page.locator('.status-ok').waitFor();
  const model = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/models/city-data-maturity.json'), 'utf8'));
  const label = `${model.name.es} (${model.version})`;
  const id = await newAssessment(page, 'Pasto', { model: label });
  const steps = await page.locator('.steps li').count();
  assert.equal(steps, 1 + 6 + 1, 'profile, six pillars, conditions');
  const first = model.pillars[0].id;
  await page.goto(`${BASE}/autodiagnostico/${id}/${first}`);
  assert.equal(await answerStep(page, ['Sí', 'Parcial']), 6);
  await visit(page, `/resultados/${id}`);
  assert.equal(await page.locator('#heatmap thead th').count(), 1 + 3 + 1);
  assert.equal(await page.locator('#heatmap tbody tr').count(), 6);
  const top = model.stages[2].name.es;
  assert.equal((await page.locator('#heatmap tbody tr').first().locator('td.level').innerText()).trim(), top);
  const { path } = await exportFile(page, id);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).assessment.model.id, 'city-data-maturity');
  // The loaded model survives a reload.
  await page.reload();
  await page.locator('#heatmap').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('duplicate, rename and delete with confirmation', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  await newAssessment(page, 'Envigado');
  await visit(page, '/autodiagnostico');
  await page.getByRole('button', { name: 'Duplicar' }).click();
  await page.locator('.status-ok').waitFor();
  assert.equal(await page.locator('.assessments > li').count(), 2);
  const copy = page.locator('.assessments > li').first();
  // The copy is named by its own date (no frozen «· copia» name).
  assert.match(await copy.locator('h2').innerText(), /^Envigado \d{4}$/);
  await copy.getByRole('button', { name: 'Cambiar nombre' }).click();
  await copy.getByLabel('Nuevo nombre').fill('Envigado 2027');
  await copy.getByRole('button', { name: 'Guardar' }).click();
  assert.equal(await copy.locator('h2').innerText(), 'Envigado 2027');
  await copy.getByRole('button', { name: 'Eliminar' }).click();
  assert.match(await copy.locator('.confirm').innerText(), /¿Eliminar «Envigado 2027»\?/);
  await copy.getByRole('button', { name: 'Cancelar' }).click();
  assert.equal(await page.locator('.assessments > li').count(), 2);
  await page.locator('.assessments > li').first().getByRole('button', { name: 'Eliminar' }).click();
  await page.getByRole('button', { name: 'Sí, eliminar' }).click();
  assert.equal(await page.locator('.assessments > li').count(), 1);
  await page.reload();
  await page.locator('.assessments > li').first().waitFor();
  assert.equal(await page.locator('.assessments > li').count(), 1);
  await context.close();
});

test('typed evidence that is not a web link is never rendered as a link', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Quito');
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  const card = page.locator('.answer-card').first();
  await openNotes(card);
  await card.locator('input[type=url]').fill('javascript:alert(1)');
  await card.locator('.hint').waitFor();
  assert.match(await card.locator('.hint').innerText(), /debe empezar por https:\/\//);
  assert.equal(await card.locator('a[href^="javascript"]').count(), 0);
  await card.locator('textarea').fill('<img src=x onerror=alert(1)>');
  await page.reload();
  await page.locator('.answer-card').first().waitFor();
  assert.equal(await page.locator('.answer-card').first().locator('textarea').inputValue(), '<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('main img').count(), 0);
  await context.close();
});

test('assessments saved by the previous storage version still open', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Tunja');
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  await answerStep(page, ['Sí']);
  await settled(page);
  // Rewrite what is stored as the first version of the app had it: every assessment in one
  // value under `assessments.v1`, without canvases or plan, and no records.
  await page.evaluate(() => {
    const ids = JSON.parse(localStorage.getItem('megaip.assessments.index.v3'));
    const assessments = ids.map((id) => JSON.parse(localStorage.getItem(`megaip.assessment.${id}.v3`)).assessment);
    for (const a of assessments) {
      delete a.canvases;
      delete a.plan;
      localStorage.removeItem(`megaip.assessment.${a.id}.v3`);
    }
    localStorage.removeItem('megaip.assessments.index.v3');
    localStorage.setItem('megaip.assessments.v1', JSON.stringify({ assessments }));
  });
  await visit(page, `/resultados/${id}`);
  assert.match(await heading(page), /Tunja/);
  assert.match(await page.locator('#heatmap tbody tr').first().innerText(), /Transparencia/);
  // Moved to one record per assessment, read back, and only then the old key removed.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('megaip.assessment')).sort());
  assert.deepEqual(keys, [`megaip.assessment.${id}.v3`, 'megaip.assessments.index.v3']);
  assert.equal((await storedAssessments(page))[0].answers['T-INF-1'].value, 'yes');
  assert.deepEqual(errors, []);
  await context.close();
});

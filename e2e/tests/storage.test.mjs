// Storage as two windows of one device see it: each assessment is its own record, written a
// moment after the last change; a window learns of another's saves and merges them; nothing
// typed in either window is lost. Also: the old single-key storage migrates, and typing writes
// one small record instead of the whole device.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, heading, launch, newAssessment, openContext, openNotes, settled, storedAssessments, visit } from '../lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
async function axe(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const card = (page, code) => page.locator('.answer-card', { has: page.locator('.code', { hasText: new RegExp(`^${code}$`) }) });

test('a window open on one assessment does not erase an assessment created in another', async () => {
  const { context, errors } = await openContext(browser);
  const b = await context.newPage();
  const existing = await newAssessment(b, 'Pasto');
  await settled(b);
  await b.goto(`${BASE}/autodiagnostico/${existing}/innovacion`);
  await b.locator('.answer-card').first().waitFor();

  // Window A creates a new assessment and names it, while B stays open on the old one.
  const a = await context.newPage();
  const created = await newAssessment(a, 'Ipiales');
  await settled(a);

  // B, which never reloaded, answers a question.
  await card(b, 'I-INF-4').getByLabel('Parcial', { exact: true }).check();
  await settled(b);

  await a.reload();
  await a.locator('#p-municipality').waitFor();
  assert.equal(await a.locator('#p-municipality').inputValue(), 'Ipiales');
  const stored = await storedAssessments(a);
  const names = stored.map((s) => s.profile.municipality).sort();
  assert.deepEqual(names, ['Ipiales', 'Pasto']);
  assert.equal(stored.find((s) => s.id === existing).answers['I-INF-4'].value, 'partial');
  assert.ok(stored.some((s) => s.id === created));
  assert.deepEqual(errors, []);
  await context.close();
});

test('answers and notes typed in two windows on the same assessment are all kept', async () => {
  const { context, errors } = await openContext(browser);
  const a = await context.newPage();
  const id = await newAssessment(a, 'Tumaco');
  await settled(a);
  const b = await context.newPage();
  for (const page of [a, b]) {
    await page.goto(`${BASE}/autodiagnostico/${id}/rendicion`);
    await page.locator('.answer-card').first().waitFor();
  }
  // A answers and writes a note; B, in turn, answers another criterion and writes its own note
  // before A's save reached it.
  await card(a, 'R-INF-4').getByLabel('No', { exact: true }).check();
  await openNotes(card(a, 'R-INF-4'));
  await card(a, 'R-INF-4').locator('textarea').fill('Falta el informe de 2025');
  await card(b, 'R-INF-2').getByLabel('Sí', { exact: true }).check();
  await openNotes(card(b, 'R-INF-2'));
  await card(b, 'R-INF-2').locator('textarea').fill('Publicado en la web');
  await settled(a);
  await settled(b);
  // B's screen shows A's answer without a reload: it learned of the save.
  await b.waitForFunction(() => {
    const c = [...document.querySelectorAll('.answer-card')].find((x) => x.querySelector('.code')?.textContent === 'R-INF-4');
    return c?.querySelector('input[type=radio][id$="-no"]')?.checked;
  });
  for (const page of [a, b]) {
    await page.reload();
    await page.locator('.answer-card').first().waitFor();
    assert.ok(await card(page, 'R-INF-4').getByLabel('No', { exact: true }).isChecked());
    assert.ok(await card(page, 'R-INF-2').getByLabel('Sí', { exact: true }).isChecked());
  }
  const [stored] = await storedAssessments(a);
  assert.equal(stored.answers['R-INF-4'].note, 'Falta el informe de 2025');
  assert.equal(stored.answers['R-INF-2'].note, 'Publicado en la web');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a device with the old single-key storage moves to one record per assessment', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/results/results-v2.json'), 'utf8'));
  await page.goto(`${BASE}/acerca`);
  await page.evaluate((assessment) => {
    localStorage.clear();
    localStorage.setItem('megaip.assessments.v2', JSON.stringify({ assessments: [assessment] }));
  }, fixture.assessment);
  await visit(page, `/resultados/${fixture.assessment.id}`);
  assert.match(await heading(page), /Yumbo/);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('megaip.assessment')).sort());
  assert.deepEqual(keys, [`megaip.assessment.${fixture.assessment.id}.v3`, 'megaip.assessments.index.v3']);
  const [stored] = await storedAssessments(page);
  assert.deepEqual(stored.answers, fixture.assessment.answers);
  assert.deepEqual(errors, []);
  await context.close();
});

/// Counts what is written to localStorage while typing a 36-character note.
async function writesWhileTyping(page, id) {
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  await page.locator('.answer-card').first().waitFor();
  await openNotes(page.locator('.answer-card').first());
  await page.evaluate(() => {
    window.__writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      window.__writes.push([k, String(v).length]);
      return set.call(this, k, v);
    };
  });
  await page.locator('.answer-card textarea').first().pressSequentially('Falta publicar los contratos de 2025', { delay: 20 });
  await settled(page);
  return page.evaluate(() => window.__writes);
}

test('typing a note writes only that assessment, once typing pauses', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Sogamoso');
  await settled(page);
  const one = await writesWhileTyping(page, id);

  // Forty assessments on the device: typing still writes one small record.
  await page.evaluate(() => {
    const ids = JSON.parse(localStorage.getItem('megaip.assessments.index.v3'));
    const record = JSON.parse(localStorage.getItem(`megaip.assessment.${ids[0]}.v3`));
    for (let i = 1; i < 40; i++) {
      const copy = structuredClone(record);
      copy.assessment.id = `a-copy-${i}`;
      localStorage.setItem(`megaip.assessment.a-copy-${i}.v3`, JSON.stringify(copy));
      ids.push(copy.assessment.id);
    }
    localStorage.setItem('megaip.assessments.index.v3', JSON.stringify(ids));
  });
  await page.reload();
  const forty = await writesWhileTyping(page, id);
  for (const [label, writes] of [['1 assessment', one], ['40 assessments', forty]]) {
    const records = writes.filter(([k]) => k.startsWith('megaip.assessment.'));
    const bytes = writes.reduce((n, [, len]) => n + len, 0);
    console.log(`# ${label}: ${writes.length} writes, ${bytes} bytes for 36 keystrokes (${(bytes / 36).toFixed(0)} per keystroke)`);
    assert.ok(records.length >= 1 && records.length <= 4, `${label}: ${records.length} record writes`);
    assert.ok(records.every(([k]) => k === `megaip.assessment.${id}.v3`), `${label}: only the edited record`);
    assert.ok(bytes < 36 * 1000, `${label}: ${bytes} bytes written`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a questionnaire with its own answers, feedback, a conditional question and a floor stage walks and scores', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/autodiagnostico');
  await page.locator('#models-title ~ label input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/models/records-maturity.json'));
  await page.locator('.status-ok').waitFor();
  const id = await newAssessment(page, 'Villa de Leyva', { model: 'Madurez en gestión de documentos y datos (ejemplo) (1.0.0)' });
  await page.goto(`${BASE}/autodiagnostico/${id}/documentos`);
  // The "which statement fits best?" question comes first, with its own five answers.
  const d1 = card(page, 'D-1');
  await d1.waitFor();
  assert.equal(await d1.locator('input[type=radio]').count(), 5);
  await d1.getByLabel('Cada oficina a su manera', { exact: true }).check();
  assert.match(await d1.locator('.feedback').innerText(), /Acuerda con las oficinas una lista común/);
  await d1.getByLabel('Hay reglas escritas de cuánto tiempo se guarda cada tipo', { exact: true }).check();
  await card(page, 'D-2').getByLabel('Sí', { exact: true }).check();
  await card(page, 'D-3').getByLabel('Siempre', { exact: true }).check();

  await page.goto(`${BASE}/autodiagnostico/${id}/datos`);
  await card(page, 'A-1').waitFor();
  assert.equal(await card(page, 'A-2').count(), 0, 'A-2 waits for a Sí on A-1');
  await card(page, 'A-1').getByLabel('No', { exact: true }).check();
  assert.match(await card(page, 'A-1').locator('.feedback').innerText(), /Elige un dato que ya compartes/);
  await card(page, 'A-1').getByLabel('Sí', { exact: true }).check();
  await card(page, 'A-2').waitFor();
  await settled(page);
  const violations = await axe(page, 'questionnaire walk');

  await visit(page, `/resultados/${id}`);
  const rows = await page.locator('#heatmap tbody tr').allInnerTexts();
  assert.match(rows[0], /Documentos[\s\S]*Nivel 3: definido/);
  assert.match(rows[1], /Datos[\s\S]*Nivel 2: repetible/);
  violations.push(...(await axe(page, 'questionnaire results')));
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// HAGA in the browser: filters and accent-insensitive search, deep links (offline too), the
// canvas saved and exported, recommendations with reasons for a scripted assessment, the plan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, heading, launch, newAssessment, openContext, settled, switchTo, visit } from '../lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'megaip-haga-'));
const TOOLS = JSON.parse(readFileSync(join(ROOT, 'toolkits/haga/tools.json'), 'utf8')).tools;
const EXPERIENCES = JSON.parse(readFileSync(join(ROOT, 'toolkits/haga/experiences.json'), 'utf8')).experiences;
const toolName = (id) => TOOLS.find((t) => t.id === id).name;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const count = async (page) => Number((await page.locator('.count').innerText()).split(' ')[0]);

test('tool filters combine and the search ignores accents and case', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/herramientas');
  assert.equal(await count(page), TOOLS.length);
  assert.equal(await page.locator('.catalog > li').count(), TOOLS.length);
  await page.fill('#tool-search', 'presupuesto participativo');
  const withAccents = await count(page);
  await page.fill('#tool-search', 'PRESUPUESTO PARTICIPATIVO');
  assert.equal(await count(page), withAccents);
  await page.fill('#tool-search', 'participacion');
  const plain = await count(page);
  await page.fill('#tool-search', 'Participación');
  assert.equal(await count(page), plain);
  assert.ok(plain > 0 && plain < TOOLS.length);
  await page.fill('#tool-search', '');
  await page.selectOption('#tool-pillar', 'rendicion');
  const pillar = await count(page);
  await page.selectOption('#tool-stage', 'involucrar');
  const both = await count(page);
  assert.ok(both > 0 && both < pillar && pillar < TOOLS.length);
  const expected = TOOLS.filter((t) => t.stage === 'involucrar' && (t.pillar === 'rendicion' || t.second_pillar === 'rendicion'));
  assert.equal(both, expected.length);
  const names = await page.locator('.catalog h2 a').allInnerTexts();
  assert.deepEqual(names.sort(), expected.map((t) => t.name).sort());
  await page.selectOption('#tool-initiative', 'private');
  assert.ok((await count(page)) <= both);
  assert.deepEqual(errors, []);
  await context.close();
});

test('experience filters: country and population band', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/experiencias');
  assert.equal(await count(page), EXPERIENCES.length);
  await page.selectOption('#exp-country', 'CO');
  assert.equal(await count(page), EXPERIENCES.filter((e) => e.country === 'CO').length);
  await page.selectOption('#exp-band', 'gt1m');
  assert.equal(await count(page), EXPERIENCES.filter((e) => e.country === 'CO' && e.population_band === 'gt1m').length);
  await page.fill('#exp-search', 'bogota');
  assert.ok((await count(page)) >= 1);
  for (const text of await page.locator('.catalog > li').allInnerTexts()) assert.match(text, /Bogotá/);
  await context.close();
});

test('a deep link to a tool opens offline, with its related experiences', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.locator('main h1').waitFor();
  await context.setOffline(true);
  await visit(page, '/herramientas/decidim');
  assert.match(await heading(page), /Decidim/);
  assert.match(await page.locator('.facts').innerText(), /https:\/\/decidim\.org/);
  const related = page.locator('#tool-used ~ ul a');
  assert.ok((await related.count()) >= 1);
  await related.first().click();
  await page.waitForURL(/\/experiencias\//);
  await page.locator('main h1').waitFor();
  assert.ok((await page.locator('#exp-tools ~ ul a', { hasText: 'Decidim' }).count()) >= 1, 'the experience links back to the tool');
  await visit(page, '/herramientas/no-existe');
  assert.equal(await heading(page), 'No encontramos esta página');
  assert.deepEqual(errors, []);
  await context.close();
});

async function answerCells(page, id, pillar, stages, label) {
  await visit(page, `/autodiagnostico/${id}/${pillar}`);
  for (const stage of stages) {
    const cards = page.locator(`#celda-${pillar}-${stage} .answer-card`);
    const n = await cards.count();
    for (let i = 0; i < n; i++) await cards.nth(i).getByLabel(label, { exact: true }).check();
  }
}

async function exportJson(page, id) {
  await visit(page, `/resultados/${id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.actions button.button-primary').click()]);
  const path = join(TMP, `${id}.json`);
  await download.saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8'));
}

test('recommendations for a scripted assessment name the expected tools, cases and methodology, with reasons', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Tumaco');
  await page.selectOption('#p-country', 'CO');
  await page.selectOption('#p-band', '100k-500k');
  await answerCells(page, id, 'rendicion', ['informar', 'consultar'], 'Sí');
  await visit(page, `/resultados/${id}`);
  const card = page.locator('#advice-rendicion');
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /En Rendición de cuentas estás en Consultar\. Para llegar a Involucrar te falta este criterio: «/);
  for (const tool of ['red-como-vamos', 'ogp-local', 'ocds']) assert.ok(text.includes(toolName(tool)), `recommends ${tool}`);
  assert.match(text, /Así lo hizo Macul \(Chile, [^)]+\), en Rendición de cuentas y la etapa Involucrar\. Tiene una población parecida a la tuya\./);
  assert.match(text, /Audiencia pública de rendición de cuentas[\s\S]*Trabaja directamente este criterio: «/);
  // Enabling conditions come first.
  const order = await page.locator('#recommendations .advice').evaluateAll((els) => els.map((e) => e.id));
  assert.equal(order[0], 'advice-conditions');
  assert.match(await page.locator('#advice-conditions').innerText(), /Falta «Presupuesto asegurado»\. El decálogo lo pide en el principio \d+/);
  await switchTo(page, 'en');
  assert.match(await page.locator('#advice-rendicion').innerText(), /In Accountability you are at Consult\. To reach Involve you still need this criterion/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a canvas filled and reloaded keeps its text and travels in the export', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Pasto');
  await visit(page, '/haga/mapa-actores');
  const field = page.locator('.canvas-field textarea, .canvas-field input').first();
  await field.fill('Junta de Acción Comunal de «La Estancia»');
  const fieldId = (await field.getAttribute('id')).replace('canvas-mapa-actores-', '');
  await page.reload();
  await page.locator('.canvas-field').first().waitFor();
  assert.equal(await page.locator('.canvas-field textarea, .canvas-field input').first().inputValue(), 'Junta de Acción Comunal de «La Estancia»');
  const file = await exportJson(page, id);
  assert.equal(file.format, 4);
  assert.equal(file.assessment.canvases['mapa-actores'][fieldId], 'Junta de Acción Comunal de «La Estancia»');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the plan: generated in three phases, edited, kept across reloads and regeneration, exported', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Ipiales');
  await answerCells(page, id, 'transparencia', ['informar'], 'Parcial');
  await visit(page, `/resultados/${id}`);
  await page.locator('#recommendations a.button').click();
  await page.waitForURL(`${BASE}/plan/${id}`);
  await page.getByRole('button', { name: 'Generar el plan' }).click();
  await page.locator('.plan-step').first().waitFor();
  assert.equal(await page.locator('.phase').count(), 3);
  assert.match(await page.locator('.phase').nth(2).innerText(), /Logros tempranos/);
  const step = page.locator('.plan-step').first();
  await step.locator('input[type=text]').fill('Secretaría de Planeación');
  await step.locator('select').selectOption('in_progress');
  await page.reload();
  await page.locator('.plan-step').first().waitFor();
  assert.equal(await page.locator('.plan-step').first().locator('input[type=text]').inputValue(), 'Secretaría de Planeación');
  await page.getByRole('button', { name: 'Actualizar con los resultados de hoy' }).click();
  assert.equal(await page.locator('.plan-step').first().locator('input[type=text]').inputValue(), 'Secretaría de Planeación');
  assert.equal(await page.locator('.plan-step').first().locator('select').inputValue(), 'in_progress');
  assert.match(await page.locator('.signature').innerText(), /La administración municipal de Ipiales adopta este plan/);
  const file = await exportJson(page, id);
  const steps = file.assessment.plan.steps;
  assert.ok(steps.some((s) => s.owner === 'Secretaría de Planeación' && s.status === 'in_progress'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a list field of a canvas: entries added and removed, kept across a reload, one per line in the export', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Sogamoso');
  const methodology = JSON.parse(readFileSync(join(ROOT, 'toolkits/haga/methodologies.json'), 'utf8')).methodologies.find((m) =>
    m.canvas.fields.some((f) => f.kind === 'list'),
  );
  const field = methodology.canvas.fields.find((f) => f.kind === 'list');
  await visit(page, `/haga/${methodology.id}`);
  const list = page.locator(`#canvas-${methodology.id}-${field.id}-0`).locator('xpath=ancestor::div[contains(@class,"canvas-field")]');
  await list.locator('input[type=text]').first().fill('Junta de Acción Comunal');
  for (const [i, entry] of ['Mesa de jóvenes', 'Asociación de tenderos'].entries()) {
    await list.getByRole('button', { name: 'Agregar otra entrada' }).click();
    // The new entry takes the focus (on the next frame), so typing goes straight into it.
    const added = `canvas-${methodology.id}-${field.id}-${i + 1}`;
    await page.waitForFunction((id) => document.activeElement?.id === id, added);
    await page.keyboard.type(entry);
  }
  await list.getByRole('button', { name: `Quitar ${field.label.es} 2` }).click();
  await settled(page);
  await page.reload();
  await page.locator('.canvas-list').first().waitFor();
  const values = await list.locator('input[type=text]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(values, ['Junta de Acción Comunal', 'Asociación de tenderos']);
  const file = await exportJson(page, id);
  assert.equal(file.assessment.canvases[methodology.id][field.id], 'Junta de Acción Comunal\nAsociación de tenderos');
  assert.deepEqual(errors, []);
  await context.close();
});

test('each plan step names the tools that serve its own criterion', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const id = await newAssessment(page, 'Duitama');
  await answerCells(page, id, 'transparencia', ['informar'], 'No');
  await visit(page, `/plan/${id}`);
  await page.getByRole('button', { name: 'Generar el plan' }).click();
  await page.locator('.plan-step').first().waitFor();
  await settled(page);
  const file = await exportJson(page, id);
  const steps = file.assessment.plan.steps.filter((s) => s.subject.kind === 'criterion');
  assert.ok(steps.length >= 3);
  const lists = new Set();
  for (const s of steps) {
    assert.ok(s.tools.length > 0, `${s.subject.criterion} has tools`);
    for (const t of s.tools) assert.ok(TOOLS.find((x) => x.id === t).criteria.includes(s.subject.criterion), `${t} serves ${s.subject.criterion}`);
    lists.add(s.tools.join(','));
  }
  assert.ok(lists.size > 1, 'the steps do not all list the same tools');
  // On the page, a step shows its own tools as links.
  await visit(page, `/plan/${id}`);
  const first = steps[0];
  const card = page.locator(`#step-${first.id.replace(/[^A-Za-z0-9]/g, '-')}`);
  const shown = await card.locator('.meta a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  for (const t of first.tools) assert.ok(shown.includes(`/herramientas/${t}`), `${first.id} links ${t}: ${shown}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// HAGA in the browser: filters and accent-insensitive search, deep links (offline too), the
// canvas saved and exported, recommendations with reasons for a scripted assessment, the plan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, heading, launch, newAssessment, openContext, switchTo, visit } from '../lib.mjs';

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
  assert.match(text, /En Rendición de cuentas estás en Consultar; para Involucrar te falta: «/);
  for (const tool of ['red-como-vamos', 'ogp-local', 'ocds']) assert.ok(text.includes(toolName(tool)), `recommends ${tool}`);
  assert.match(text, /Así lo hizo Buenaventura \(Colombia, [^)]+\), en Rendición de cuentas y la etapa Involucrar, con una población parecida y en tu mismo país\./);
  assert.match(text, /Audiencia pública de rendición de cuentas[\s\S]*trabaja directamente: «/);
  // Enabling conditions come first.
  const order = await page.locator('#recommendations .advice').evaluateAll((els) => els.map((e) => e.id));
  assert.equal(order[0], 'advice-conditions');
  assert.match(await page.locator('#advice-conditions').innerText(), /Falta «Presupuesto asegurado»\. El decálogo lo pide en el principio \d+/);
  await switchTo(page, 'en');
  assert.match(await page.locator('#advice-rendicion').innerText(), /In Accountability you are at Consult; to reach Involve you still need/);
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
  assert.equal(file.format, 3);
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
  assert.match(await page.locator('.phase').nth(2).innerText(), /Victorias tempranas/);
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

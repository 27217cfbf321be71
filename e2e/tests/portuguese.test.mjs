// Brazilian Portuguese: a Portuguese browser opens in Portuguese (others in Spanish), the menu
// works by keyboard and is remembered, and a team walks, reads its results and plan, runs the
// projector and prints its diagnosis without meeting Spanish or English; axe clean in pt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, answerStep, launch, newAssessment, openContext, settled, switchTo, visit } from '../lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

// Words that exist in Spanish or English and not in Portuguese. Names of places and tools stay
// as their owners write them («Área Metropolitana del Valle de Aburrá», «LOSI – Índice de
// Servicios en Línea Locales»), so they are taken out of the text first; so are criterion codes.
const SPANISH = /(?<![-\w])(los|las|del|usted|también|ciudadanía|herramientas?|rendición|información|participación|respuestas)\b|ción\b/i;
const ENGLISH = /\b(the|and|your|with|results|assessment)\b/i;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const NAMES = [
  ...read('toolkits/haga/tools.json').tools.map((t) => t.name),
  ...read('toolkits/haga/experiences.json').experiences.map((e) => e.place),
  // Colombian documents a criterion's help names as Colombia names them.
  'Registro de Activos de Información',
  'Índice de Información Clasificada y Reservada',
].sort((a, b) => b.length - a.length);
async function foreignWords(page) {
  const lines = await page.evaluate(() => {
    const out = [];
    for (const root of [document.querySelector('header'), document.querySelector('main')].filter(Boolean)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('.code, script, style, [hidden]') || !el.getClientRects().length) continue;
        const t = n.textContent.trim();
        if (t) out.push(t);
      }
    }
    return out;
  });
  return lines
    .map((line) => NAMES.reduce((l, name) => l.split(name).join(' '), line))
    .map((line) => [line.match(SPANISH)?.[0] ?? line.match(ENGLISH)?.[0], line])
    .filter(([word]) => word)
    .map(([word, line]) => `${word}: ${line.slice(0, 120)}`)
    .slice(0, 8);
}

test('a Portuguese browser opens in Portuguese; a Spanish or English one in Spanish', async () => {
  for (const [locale, expected] of [
    ['pt-BR', 'pt-BR'],
    ['es-CO', 'es'],
    ['en-US', 'es'],
  ]) {
    const { context, errors } = await openContext(browser, { locale });
    const page = await context.newPage();
    await visit(page, '/');
    assert.equal(await htmlLang(page), expected, locale);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the language menu works by keyboard, names each language in its own words, and is remembered', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/acerca');
  const options = await page.locator('#lang-menu option').evaluateAll((os) => os.map((o) => `${o.value}:${o.textContent.trim()}:${o.lang}`));
  assert.deepEqual(options, ['es:Español:es', 'en:English:en', 'pt:Português:pt-BR']);
  // Tab to the menu from the skip link and the brand, then choose with the arrow keys.
  await page.locator('#lang-menu').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
  assert.match(await page.locator('main h1').innerText(), /Sobre/);
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.equal(await htmlLang(page), 'pt-BR', 'the choice is remembered');
  assert.equal(await page.evaluate(() => localStorage.getItem('megaip.prefs.v1')), '{"lang":"pt"}');
  assert.deepEqual(errors, []);
  await context.close();
});

test('walk, results, plan, projector and diagnosis in Portuguese, axe clean at 360 and 1280 px', async () => {
  for (const width of [360, 1280]) {
    const { context, errors } = await openContext(browser, { viewport: { width, height: 900 }, locale: 'pt-BR' });
    const page = await context.newPage();
    await visit(page, '/');
    assert.equal(await htmlLang(page), 'pt-BR');
    const id = await newAssessment(page, 'Apiúna');
    const found = [];
    const check = async (where) => {
      for (const line of await foreignWords(page)) found.push(`${where}: foreign words in «${line}»`);
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of result.violations) found.push(`${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    };
    await check('profile');
    await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
    await answerStep(page, ['Sim', 'Parcial', 'Não', 'Não se aplica']);
    await settled(page);
    await check('walk');
    await visit(page, `/resultados/${id}`);
    await check('results');
    await visit(page, `/plan/${id}`);
    await page.getByRole('button', { name: /Gerar o plano/ }).click();
    await page.locator('.plan-step').first().waitFor();
    await check('plan');
    await visit(page, `/resultados/${id}/diagnostico`);
    await page.locator('#report h1').waitFor();
    await check('diagnosis');
    // A workshop on the projector.
    await visit(page, '/taller');
    await page.locator('#w-municipality').fill('Apiúna');
    await page.locator('#w-facilitator').fill('Ana Souza');
    await page.getByRole('button', { name: 'Criar a oficina' }).click();
    await page.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
    const code = new URL(page.url()).pathname.split('/')[2];
    await visit(page, `/taller/${code}/proyector`);
    await check('projector');
    if (width === 1280) await page.screenshot({ path: 'screenshots/projector-pt-1280.png' });
    assert.deepEqual(found, []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a model without Portuguese still opens in a Portuguese interface and says so', async () => {
  const { context, errors } = await openContext(browser, { locale: 'pt-BR' });
  const page = await context.newPage();
  await visit(page, '/autodiagnostico');
  // MEGA IP 1.0.0 has Spanish and English only: an assessment made with it.
  const root = ROOT;
  await page.locator('#import-title ~ label input[type=file]').setInputFiles(join(root, 'tests/fixtures/results/results-v4.json'));
  await page.locator('.status-ok').waitFor();
  const id = JSON.parse(readFileSync(join(root, 'tests/fixtures/results/results-v4.json'), 'utf8')).assessment.id;
  await visit(page, `/autodiagnostico/${id}/transparencia`);
  assert.match(await page.locator('.content-lang').innerText(), /não tem textos em português.*espanhol/);
  for (const path of [`/resultados/${id}`, `/plan/${id}`, `/resultados/${id}/diagnostico`]) {
    await visit(page, path);
    assert.match(await page.locator('.content-lang').innerText(), /espanhol/, path);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Shared by the browser tests, the screenshot script and the benchmark: launching Debian's
// Chromium through playwright-core, and the app's pages.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

// Flags this closed network needs: without the background-networking ones Chromium keeps
// trying to reach Google's hosts.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// Every route of the app with its heading in each language.
export const PAGES = [
  { path: '/', es: '¿Qué tan abierto es tu municipio?', en: 'How open is your municipality?', pt: 'Quão aberto é o seu município?' },
  { path: '/autodiagnostico', es: 'Autodiagnóstico', en: 'Self-assessment', pt: 'Autodiagnóstico' },
  { path: '/resultados', es: 'Resultados', en: 'Results', pt: 'Resultados' },
  { path: '/herramientas', es: 'Herramientas', en: 'Tools', pt: 'Ferramentas' },
  { path: '/experiencias', es: 'Experiencias', en: 'Experiences', pt: 'Experiências' },
  { path: '/haga', es: 'HAGA', en: 'HAGA', pt: 'HAGA' },
  { path: '/acerca', es: 'Acerca de esta aplicación', en: 'About this app', pt: 'Sobre este aplicativo' },
];
export const NOT_FOUND = { es: 'No encontramos esta página', en: 'We could not find this page', pt: 'Não encontramos esta página' };

// A fresh, isolated browser context (empty storage) that records every request and page error.
export async function openContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('weberror', (e) => errors.push(e.error().message));
  return { context, requests, errors };
}

// Goes to a path and waits until the app has rendered its page heading.
export async function visit(page, path) {
  await page.goto(BASE + path);
  await page.locator('main h1').waitFor({ timeout: 15000 });
}

export async function heading(page) {
  return (await page.locator('main h1').textContent()).trim();
}

// The `<html lang>` of each interface language.
export const HTML_LANG = { es: 'es', en: 'en', pt: 'pt-BR' };

// Sets the interface language the way a user does: with the menu in the header.
export async function switchTo(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== HTML_LANG[lang]) {
    await page.selectOption('#lang-menu', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, HTML_LANG[lang]);
  }
  // Once a page with content has loaded it, the model and toolkit arrive a moment after the
  // switch, fetched in the new language (src/ui/content.rs).
  await page.waitForFunction((l) => [undefined, l].includes(document.documentElement.dataset.content), lang);
}

// Starts a new assessment from the list page and names the municipality. Returns its id.
export async function newAssessment(page, municipality, { model } = {}) {
  await visit(page, '/autodiagnostico');
  if (model !== undefined) await page.selectOption('#new-model', { label: model });
  await page.locator('.new-assessment button').click();
  await page.waitForURL(/\/autodiagnostico\/a-/);
  await page.locator('#p-municipality').fill(municipality);
  return new URL(page.url()).pathname.split('/')[2];
}

// Answers every criterion card on the current step, cycling through `labels`.
export async function answerStep(page, labels) {
  const cards = page.locator('.answer-card');
  await cards.first().waitFor();
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    await cards.nth(i).getByLabel(labels[i % labels.length], { exact: true }).check();
  }
  return n;
}

// The assessments saved on the device, as the app stores them: one record per assessment
// (`megaip.assessment.<id>.v3`, holding a revision and the assessment) plus an index of ids.
export async function storedAssessments(page) {
  return page.evaluate(() => {
    const ids = JSON.parse(localStorage.getItem('megaip.assessments.index.v3') ?? '[]');
    return ids
      .map((id) => JSON.parse(localStorage.getItem(`megaip.assessment.${id}.v3`) ?? 'null'))
      .filter(Boolean)
      .map((r) => r.assessment);
  });
}

// Every value the app saved, by key, to compare before and after an action.
export async function savedValues(page) {
  return page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('megaip.')).sort().map((k) => [k, localStorage.getItem(k)])),
  );
}

// Waits until the app has written every change (records are written a moment after the last
// edit; <html data-unsaved> counts the assessments still waiting).
export async function settled(page) {
  await page.waitForFunction(() => document.documentElement.dataset.unsaved === '0', null, { timeout: 10000 });
}

// Opens a question card's "note and evidence" fields (closed until used, to keep pages short).
export async function openNotes(card) {
  const more = card.locator('details.answer-more');
  if ((await more.getAttribute('open')) === null) await more.locator('summary').click();
}

// The WCAG 2.1 A and AA violations on a page, one line each, prefixed with `where`.
export async function axeViolations(page, where) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

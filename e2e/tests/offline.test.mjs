// Offline use: after one visit the service worker serves the app (deep links included) with
// the network off, and a new version waits for the user's go-ahead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, PAGES, heading, launch, openContext, switchTo, visit } from '../lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Wait until the worker controls the page (after a reload it always does).
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'page is controlled by the worker');
}

test('after one visit the app renders with the network off, deep links included', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/');
  await waitForServiceWorker(page);
  await switchTo(page, 'en');

  await context.setOffline(true);
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.equal(await heading(page), PAGES[0].en, 'reload offline keeps the chosen language');

  for (const { path, en } of PAGES) {
    await page.goto(BASE + path);
    await page.locator('main h1').waitFor();
    assert.equal(await heading(page), en, `offline deep link ${path}`);
  }
  await page.goto(BASE + '/pagina-inexistente');
  await page.locator('main h1').waitFor();
  assert.equal(await heading(page), 'We could not find this page');
  await page.goto(BASE + '/acerca');
  await page.waitForFunction(() => document.querySelector('#offline-status')?.textContent.includes('Ready to use offline'));
  assert.deepEqual(errors, []);
  await context.close();
});

const EXPERIENCES = JSON.parse(readFileSync(join(ROOT, 'toolkits', 'haga', 'experiences.json'), 'utf8')).experiences;

test('the content comes only from this origin in the page language, and after one visit only from the precache', async () => {
  const { context, errors } = await openContext(browser);
  const elsewhere = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    elsewhere.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const content = [];
  const failed = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/content/')) content.push({ path: new URL(r.url()).pathname, worker: r.fromServiceWorker(), status: r.status() });
  });
  page.on('requestfailed', (r) => failed.push(r.url()));

  // First visit, in Spanish: the page fetches one Spanish part of each source, nothing else.
  await visit(page, '/experiencias');
  await page.waitForFunction(() => document.documentElement.dataset.content === 'es');
  assert.equal(new Set(content.map((c) => c.path)).size, 7, JSON.stringify(content));
  for (const c of content) assert.match(c.path, /^\/content\/[a-z0-9.-]+\.es\.[0-9a-f]{12}\.json$/, 'only Spanish parts');
  await waitForServiceWorker(page);

  // With the network off, every language's content is there, and it all comes from the worker.
  await context.setOffline(true);
  content.length = 0;
  for (const lang of ['es', 'en', 'pt']) {
    await page.reload();
    await page.locator('main h1').waitFor();
    await switchTo(page, lang);
    const first = EXPERIENCES[0].title[lang];
    await page.getByText(first, { exact: true }).first().waitFor();
    await page.fill('#exp-search', EXPERIENCES[1].title[lang].split(' ')[0]);
    assert.ok((await page.locator('.catalog > li').count()) > 0, `search works offline in ${lang}`);
    await page.fill('#exp-search', '');
  }
  assert.ok(content.length >= 14, `the parts were asked for again (${content.length})`);
  for (const c of content) {
    assert.ok(c.worker, `${c.path} came from the service worker`);
    assert.equal(c.status, 200, c.path);
  }
  assert.deepEqual(failed, [], 'nothing missing with the network off');
  assert.deepEqual(elsewhere, [], 'no request left 127.0.0.1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a content download cut short says so plainly, and trying again loads the page', async () => {
  const { context, errors } = await openContext(browser);
  let block = true;
  await context.route('**/content/**', (route) => (block ? route.abort() : route.continue()));
  const page = await context.newPage();
  await visit(page, '/herramientas');
  assert.equal(await heading(page), 'No se pudo cargar el contenido');
  assert.match(await page.locator('main').textContent(), /Tus datos siguen guardados/);
  block = false;
  await page.getByRole('button', { name: 'Volver a intentar' }).click();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() === 'Herramientas');
  assert.deepEqual(errors, []);
  await context.close();
});

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

test('a new version is announced and applied only when the user asks', async () => {
  // A private copy of the build on its own origin, so we can publish a "new version" of it.
  const dir = mkdtempSync(join(tmpdir(), 'megaip-dist-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const port = await freePort();
  const server = spawn('node', [join(ROOT, 'scripts', 'serve-dist.mjs'), dir, String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    const { context, errors } = await openContext(browser);
    const page = await context.newPage();
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(base + '/acerca');
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await page.locator('main h1').waitFor();
    await waitForServiceWorker(page);
    const banner = page.locator('.update button');
    assert.equal(await banner.count(), 0, 'no prompt while the version is current');

    // Publish a new version: any change to sw.js is a new worker.
    appendFileSync(join(dir, 'sw.js'), '\n// next version\n');
    await page.reload();
    await banner.waitFor({ timeout: 15000 });
    assert.match(await page.locator('.update').innerText(), /Hay una nueva versión/);
    // The old version keeps running until the user decides.
    assert.ok(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting));
    await Promise.all([page.waitForEvent('load'), banner.click()]);
    await page.locator('main h1').waitFor();
    assert.equal(await page.locator('.update button').count(), 0, 'prompt gone after updating');
    const waiting = await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting);
    assert.equal(waiting, false, 'the new version is active');
    // Old caches are cleared: exactly one cache of this app remains.
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.filter((k) => k.startsWith('megaip-static-')).length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

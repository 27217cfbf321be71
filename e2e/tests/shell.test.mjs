// The app shell: Spanish by default, every section reachable, language switch remembered,
// deep links, the 404 page, storage problems reported, and nothing leaving 127.0.0.1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, NOT_FOUND, PAGES, heading, launch, openContext, switchTo, visit } from '../lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function assertLocal(requests) {
  const outside = requests.filter((u) => !u.startsWith(BASE + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'every request stays on 127.0.0.1');
}

test('home page renders in Spanish by default, whatever the browser language', async () => {
  const { context, requests, errors } = await openContext(browser, { locale: 'en-US' });
  const page = await context.newPage();
  await visit(page, '/');
  assert.equal(await heading(page), PAGES[0].es);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  const text = await page.locator('main').innerText();
  for (const word of ['Informar', 'Consultar', 'Involucrar', 'Colaborar', 'Empoderar', 'Transparencia',
    'Participación ciudadana', 'Rendición de cuentas', 'Innovación y tecnología', 'Datos Abiertos',
    'Gobernanza Abierta', 'Soluciones Abiertas', 'Empoderamiento Abierto']) {
    assert.ok(text.includes(word), `home explains ${word}`);
  }
  assert.deepEqual(errors, []);
  assertLocal(requests);
  await context.close();
});

test('every navigation link reaches a real page', async () => {
  const { context, requests, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/');
  for (const { path, es } of PAGES) {
    await page.locator(`#site-nav a[href="${path}"]`).click();
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent.trim() === h, es);
    assert.equal(new URL(page.url()).pathname, path);
    assert.equal(await page.locator(`#site-nav a[href="${path}"]`).getAttribute('aria-current'), 'page');
    // Focus moves to the new page's heading for keyboard and screen-reader users, on the next
    // animation frame (a loaded machine may paint the heading first).
    if (path !== '/') await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 });
  }
  assert.deepEqual(errors, []);
  assertLocal(requests);
  await context.close();
});

test('the home call to action leads into the assessment', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/');
  await page.locator('.hero a.button').click();
  await page.waitForURL(BASE + '/autodiagnostico');
  assert.equal(await heading(page), 'Autodiagnóstico');
  await context.close();
});

test('deep links open the right page when served', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  for (const { path, es } of PAGES) {
    await visit(page, path);
    assert.equal(await heading(page), es, `deep link ${path}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown address shows the 404 page with a way back', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/no-existe/para-nada');
  assert.equal(await heading(page), NOT_FOUND.es);
  await page.locator('main a[href="/"]').click();
  await page.waitForFunction((h) => document.querySelector('main h1')?.textContent.trim() === h, PAGES[0].es);
  await context.close();
});

test('the language switch changes the text and survives a reload', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/acerca');
  assert.equal(await heading(page), 'Acerca de esta aplicación');
  await switchTo(page, 'en');
  assert.equal(await heading(page), 'About this app');
  assert.equal(await page.locator('#site-nav a[href="/herramientas"]').textContent(), 'Tools');
  assert.equal(await page.evaluate(() => localStorage.getItem('megaip.prefs.v1')), '{"lang":"en"}');

  await page.reload();
  await page.locator('main h1').waitFor();
  assert.equal(await heading(page), 'About this app');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  await switchTo(page, 'es');
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.equal(await heading(page), 'Acerca de esta aplicación');
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable saved preferences are kept aside, reported, and the app still works', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/');
  await page.evaluate(() => localStorage.setItem('megaip.prefs.v1', '{esto no es json'));
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.equal(await heading(page), PAGES[0].es);
  const notice = page.locator('.notices .notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /no se pueden leer/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('megaip.quarantine.prefs.v1')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{esto no es json']);
  // The original is not deleted either.
  assert.equal(await page.evaluate(() => localStorage.getItem('megaip.prefs.v1')), '{esto no es json');
  await notice.locator('button').click();
  assert.equal(await page.locator('.notices .notice').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full storage quota is reported in plain words and the previous value stays', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/');
  await switchTo(page, 'en');
  // Make every further write fail the way a full device does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await switchTo(page, 'es');
  const notice = page.locator('.notices .notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /almacenamiento del dispositivo está lleno/);
  assert.equal(await page.evaluate(() => localStorage.getItem('megaip.prefs.v1')), '{"lang":"en"}');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the about page says whether persistent storage was granted', async () => {
  const { context } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/acerca');
  const status = page.locator('#persist-status');
  await page.waitForFunction(() => !document.querySelector('#persist-status')?.textContent.includes('Consultando'));
  const text = await status.innerText();
  const granted = await page.evaluate(() => navigator.storage.persisted());
  assert.match(text, granted ? /de forma permanente: no los borrará/ : /no garantiza/);
  await context.close();
});

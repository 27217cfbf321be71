// Offline use: after one visit the service worker serves the app (deep links included) with
// the network off, and a new version waits for the user's go-ahead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
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

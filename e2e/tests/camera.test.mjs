// QR hand-back through a real camera path: Chromium's fake camera plays a video of the codes two
// phones show (one short response in one QR; one with notes, in several frames), and the
// facilitator's console reads both with the bundled decoder, offline for the decoder's sake.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE, CHROMIUM_ARGS, openContext, visit } from '../lib.mjs';
import { framesOf, writeQrVideo } from '../qr-video.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'megaip-camera-'));
const VIDEO = join(TMP, 'phones.y4m');
let browser;
before(async () => {
  // An empty video until the phones have answered: Chromium opens the file when a page starts
  // the camera, so the test writes the real one just before.
  writeQrVideo(VIDEO, ['MEGA IP'], 1);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${VIDEO}`],
  });
});
after(async () => {
  await browser?.close();
});

async function phoneCode(joinUrl, picks, note) {
  const phone = await openContext(browser, { viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const p = await phone.context.newPage();
  await p.goto(joinUrl.replace(/^https?:\/\/[^/]+/, BASE));
  const cards = p.locator('.participant-card');
  await cards.first().waitFor();
  for (const [i, label] of picks.entries()) {
    await cards.nth(i).getByLabel(label, { exact: true }).check();
    if (note) {
      await cards.nth(i).locator('summary').click();
      await cards.nth(i).locator('textarea').fill(`${note} (pregunta ${i + 1}). ¿Quién publica el acta y cuándo?`);
    }
  }
  await p.locator('.hand-back svg.qr').waitFor();
  const parts = note ? await p.locator('.hand-back', { hasText: /Parte \d+ de \d+/ }).count() : 0;
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Guardar como archivo' }).click()]);
  const path = join(TMP, `${picks.join('-')}.txt`);
  await download.saveAs(path);
  assert.deepEqual(phone.errors, []);
  await phone.context.close();
  return { code: readFileSync(path, 'utf8').trim(), animated: parts > 0 };
}

test('the console reads phones with the camera: one QR, and a long response in frames', async () => {
  const laptop = await openContext(browser);
  await laptop.context.grantPermissions(['camera'], { origin: BASE });
  const page = await laptop.context.newPage();
  await visit(page, '/taller');
  await page.locator('#w-municipality').fill('Guasca');
  for (const p of ['participacion', 'rendicion', 'innovacion']) await page.locator(`#w-pillar-${p}`).uncheck();
  await page.getByRole('button', { name: 'Crear el taller' }).click();
  await page.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
  const joinUrl = await page.locator('.join-link').innerText();

  const short = await phoneCode(joinUrl, ['Sí', 'No', 'Sí']);
  const long = await phoneCode(joinUrl, ['Parcial', 'No', 'Sí', 'Sí'], 'Falta el acta de la sesión');
  assert.ok(short.code.length < 300, short.code);
  assert.ok(long.code.length > 300 && long.animated, `${long.code.length} characters`);
  const frames = await framesOf(long.code);
  console.log(`# short response: ${short.code.length} characters in one QR; with notes: ${long.code.length} characters in ${frames.length} frames`);
  writeQrVideo(VIDEO, [short.code, ...frames], 8);

  // The decoder is fetched only by the console, and only then.
  await page.getByRole('button', { name: 'Leer con la cámara' }).click();
  await page.locator('#camera-status', { hasText: 'Participantes hasta ahora: 1.' }).waitFor({ timeout: 20000 });
  await page.locator('#camera-status', { hasText: 'Participantes hasta ahora: 2.' }).waitFor({ timeout: 30000 });
  assert.ok(laptop.requests.some((u) => u.endsWith('/ondemand/qr-decoder.js')));
  // The long response's notes arrived with it.
  await page.locator('.participant-notes', { hasText: 'Falta el acta de la sesión (pregunta 1)' }).waitFor();
  await page.getByRole('button', { name: 'Cerrar la cámara' }).click();
  assert.deepEqual(laptop.errors, []);
  await laptop.context.close();
});

test("an official's first visit never downloads the decoder; the console keeps it for offline use", async () => {
  const official = await openContext(browser);
  const page = await official.context.newPage();
  await visit(page, '/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await visit(page, '/autodiagnostico');
  assert.deepEqual(official.requests.filter((u) => u.includes('/ondemand/')), []);
  await official.context.close();

  // The facilitator opens the console once with a network; then the room has none.
  const laptop = await openContext(browser);
  const console_ = await laptop.context.newPage();
  await visit(console_, '/taller');
  await console_.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await console_.reload();
  await console_.locator('#w-municipality').fill('Tabio');
  await console_.getByRole('button', { name: 'Crear el taller' }).click();
  await console_.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
  await console_.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const k of keys) if (await (await caches.open(k)).match('/ondemand/qr-decoder.js')) return true;
    return false;
  });
  await laptop.context.setOffline(true);
  await console_.reload();
  await console_.getByRole('button', { name: 'Leer con la cámara' }).click();
  await console_.locator('.qr-reader video').waitFor();
  // The decoder loaded from the worker's cache: no "could not be loaded" message.
  await console_.waitForFunction(() => typeof window.jsQR === 'function');
  assert.equal(await console_.locator('#camera-status', { hasText: 'no se pudo cargar' }).count(), 0);
  assert.deepEqual(laptop.errors, []);
  await laptop.context.close();
});

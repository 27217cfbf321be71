// A whole workshop as a room would run it: 20 phones answer Transparencia and hand back by file
// and by link; from then on the laptop has no internet. The console merges, lists what to
// discuss, settles it in a second round; the group's answers reach the results with their
// provenance; the minutes print. And two console
// windows open during a workshop lose nothing. Participant and guide pages pass axe in es and en.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, BASE, launch, openContext, settled, storedAssessments, switchTo, visit } from '../lib.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'megaip-room-'));
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function newWorkshop(page, municipality) {
  await visit(page, '/taller');
  await page.locator('#w-municipality').fill(municipality);
  await page.locator('#w-facilitator').fill('Andrés Pardo');
  await page.locator('#w-place').fill('Casa de la Cultura');
  for (const p of ['participacion', 'rendicion', 'innovacion']) await page.locator(`#w-pillar-${p}`).uncheck();
  await page.getByRole('button', { name: 'Crear el taller' }).click();
  await page.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
  return new URL(page.url()).pathname.split('/')[2];
}

// Participant k's vote on question q: every third question unanimous, the next ones agree on
// two neighbours (Sí 8, Parcial 7, No 5), the rest divided (Sí 8, Parcial 3, No 7, No aplica 2).
function vote(k, q) {
  if (q % 3 === 0) return 'Sí';
  if (q % 3 === 1) return k < 8 ? 'Sí' : k < 15 ? 'Parcial' : 'No';
  return k < 8 ? 'Sí' : k < 11 ? 'Parcial' : k < 18 ? 'No' : 'No aplica';
}

test('20 phones, one workshop: merge, items to discuss, second round, results with provenance, minutes', async () => {
  const laptop = await openContext(browser, { acceptDownloads: true });
  const page = await laptop.context.newPage();
  const code = await newWorkshop(page, 'Zipaquirá');
  const joinUrl = (await page.locator('.join-link').innerText()).replace(/^https?:\/\/[^/]+/, BASE);

  const files = [];
  const links = [];
  const violations = [];
  const started = Date.now();
  for (let k = 0; k < 20; k++) {
    const phone = await openContext(browser, { viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const p = await phone.context.newPage();
    await p.goto(joinUrl);
    const cards = p.locator('.participant-card');
    await cards.first().waitFor();
    const n = await cards.count();
    assert.equal(n, 22, 'Transparencia asks 22 questions');
    for (let q = 0; q < n; q++) await cards.nth(q).getByLabel(vote(k, q), { exact: true }).check();
    if (k === 3) {
      await cards.nth(2).locator('summary').click();
      await cards.nth(2).locator('textarea').fill('El acta existe, pero no se publica.');
    }
    if (k === 0) {
      violations.push(...(await axeViolations(p, 'participant es')));
      await p.screenshot({ path: 'screenshots/participant-390-es.png', fullPage: true });
      await switchTo(p, 'en');
      await cards.nth(0).locator('summary').click();
      violations.push(...(await axeViolations(p, 'participant en (note open)')));
      await switchTo(p, 'es');
    }
    if (k % 2 === 0) {
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Guardar como archivo' }).click()]);
      const path = join(TMP, `phone-${k}.txt`);
      await download.saveAs(path);
      files.push(path);
    } else {
      let link = '';
      p.once('dialog', async (d) => {
        link = d.defaultValue();
        await d.dismiss();
      });
      await p.getByRole('button', { name: 'Enviar el enlace' }).click();
      await p.waitForFunction(() => true);
      links.push(link.replace(/^https?:\/\/[^/]+/, BASE));
    }
    assert.deepEqual(phone.errors, []);
    await phone.context.close();
  }
  console.log(`# 20 phones answered 22 questions each in ${((Date.now() - started) / 1000).toFixed(1)} s of test time`);

  // From here on the room has no internet: the app runs from the service worker's cache.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.locator('#console-q').waitFor();
  await laptop.context.setOffline(true);
  // Ten files at once, then ten links, as they come in from WhatsApp.
  await page.locator('#workshop-files').setInputFiles(files);
  await page.locator('text=Respuestas recibidas: 10.').waitFor();
  for (const [i, link] of links.entries()) {
    await page.goto(link);
    await page.locator(`text=Participantes hasta ahora: ${11 + i}.`).waitFor();
  }
  await visit(page, `/taller/${code}`);
  await page.locator('text=Participantes hasta ahora: 20.').waitFor();

  // The merge: unanimous, neighbours, divided.
  await page.locator('.consensus', { hasText: 'Consenso en «Sí» (100 %' }).waitFor();
  const discuss = page.locator('.discuss-list li');
  assert.equal(await discuss.count(), 7, 'seven questions divided');
  assert.match(await discuss.first().innerText(), /^T-INF-3: la opción más votada tiene el 40 %/);
  // The notes of participants come with the question.
  await discuss.first().getByRole('button').click();
  await page.locator('#console-q', { hasText: 'T-INF-3' }).waitFor();
  await page.locator('.participant-notes', { hasText: 'El acta existe, pero no se publica.' }).waitFor();
  await visit(page, `/taller/${code}`);

  // Record the group's answer for every question: the proposal, with a reason when divided.
  for (let q = 0; q < 22; q++) {
    const text = await page.locator('.console-item .merge').innerText();
    if (q % 3 === 1) assert.match(text, /Consenso entre «Parcial» y «Sí» \(75 %/);
    if (q % 3 === 2) {
      assert.match(text, /dividido: la opción más votada tiene el 40 %/);
      // Divided: no proposal is forced on the room; the median is offered.
      await page.locator('#group-rationale').fill('Se publica el acta, pero tarde.');
      await page.locator('#group-partial').check();
    }
    await page.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
    await page.locator('.console-item [role=status]', { hasText: 'Respuesta registrada' }).waitFor();
    if (q < 21) {
      await page.getByRole('button', { name: /Siguiente/ }).click();
      await page.locator('.console-item .meta', { hasText: `${q + 2} / 22` }).waitFor();
    }
  }
  await settled(page);
  assert.equal(await page.locator('.discuss-list li.settled').count(), 7);
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: 'screenshots/console-20-es.png', fullPage: true });

  // Second round on the seven divided items, by raised cards: now the room agrees.
  await page.locator('#next-round').click();
  await page.locator('text=Ronda 2: se vota de nuevo en los temas divididos (7).').waitFor();
  for (let i = 0; i < 7; i++) {
    await page.locator('#tally-partial').fill('16');
    await page.locator('#tally-no').fill('4');
    await page.locator('#tally-no').press('Tab');
    await page.locator('.consensus', { hasText: 'Consenso' }).waitFor();
    await page.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
    await page.locator('.console-item [role=status]', { hasText: 'Respuesta registrada: Parcial.' }).waitFor();
    if (i < 6) await page.getByRole('button', { name: /Siguiente/ }).click();
  }
  await settled(page);

  const saved = await page.evaluate((c) => JSON.parse(localStorage.getItem(`megaip.workshop.${c}.v1`)), code);
  assert.equal(saved.rounds[0].responses.length, 20);
  assert.equal(Object.keys(saved.decisions).length, 22);
  assert.equal(saved.decisions['T-INF-1'].by, 'consensus');
  assert.equal(saved.decisions['T-INF-3'].round, 2);
  const [a] = await storedAssessments(page);
  assert.equal(Object.keys(a.answers).length, 22);
  assert.equal(a.answers['T-INF-3'].value, 'partial');

  // Results: each answer with the votes and how it was settled.
  await visit(page, `/resultados/${a.id}`);
  const annex = await page.locator('.annex-table').innerText();
  assert.match(annex, new RegExp(`T-INF-1[\\s\\S]*Taller ${code}: Sí 20 · por consenso`));
  assert.match(annex, new RegExp(`T-INF-3[\\s\\S]*Taller ${code}: Parcial 16 · No 4 · por consenso`));

  // The minutes, printed.
  await visit(page, `/taller/${code}/acta`);
  const minutes = await page.locator('main').innerText();
  assert.match(minutes, /Casa de la Cultura/);
  assert.match(minutes, /Respuestas entregadas desde teléfonos o archivos\s+20\n/);
  assert.match(minutes, /T-INF-3[\s\S]*Ronda 1: Sí 8 · Parcial 3 · No 7 · No aplica 2 — Ronda 2: Parcial 16 · No 4/);
  assert.match(minutes, /El acta existe, pero no se publica\./);
  violations.push(...(await axeViolations(page, 'minutes 20')));
  await page.emulateMedia({ media: 'print' });
  writeFileSync(join('screenshots', 'print-minutes-20-es.pdf'), await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });

  // The facilitator's guide, in both languages.
  await visit(page, '/taller/guia');
  assert.match(await page.locator('main').innerText(), /0:15 a 0:50 · Ronda individual/);
  violations.push(...(await axeViolations(page, 'guide es')));
  await page.emulateMedia({ media: 'print' });
  writeFileSync(join('screenshots', 'print-guide-es.pdf'), await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  await switchTo(page, 'en');
  assert.match(await page.locator('main h1').innerText(), /A guide to facilitating a workshop/);
  violations.push(...(await axeViolations(page, 'guide en')));
  await switchTo(page, 'es');
  assert.deepEqual(violations, []);
  assert.deepEqual(laptop.errors, []);
  await laptop.context.close();
});

test('two console windows during a workshop: what each one saves is kept', async () => {
  const laptop = await openContext(browser);
  const one = await laptop.context.newPage();
  const code = await newWorkshop(one, 'Chía');
  const two = await laptop.context.newPage();
  await two.goto(`${BASE}/taller/${code}`);
  await two.locator('#console-q').waitFor();
  // Window one counts cards on the first question; window two, on the second.
  await one.locator('#tally-yes').fill('9');
  await one.locator('#tally-yes').press('Tab');
  await one.locator('.consensus', { hasText: 'Consenso en «Sí»' }).waitFor();
  // The other window shows the count without reloading.
  await two.locator('.consensus', { hasText: 'Consenso en «Sí»' }).waitFor();
  await two.getByRole('button', { name: /Siguiente/ }).click();
  await two.locator('#console-q', { hasText: 'T-INF-2' }).waitFor();
  await two.locator('#tally-no').fill('7');
  await two.locator('#tally-no').press('Tab');
  await two.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
  await two.locator('text=Respuesta registrada: No.').waitFor();
  // Window one, not reloaded, records its own question.
  await one.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
  await one.locator('text=Respuesta registrada: Sí.').waitFor();
  await settled(one);
  await settled(two);
  const saved = await one.evaluate((c) => JSON.parse(localStorage.getItem(`megaip.workshop.${c}.v1`)), code);
  assert.equal(saved.rounds[0].tallies['T-INF-1'].counts.yes, 9);
  assert.equal(saved.rounds[0].tallies['T-INF-2'].counts.no, 7);
  assert.deepEqual(Object.keys(saved.decisions).sort(), ['T-INF-1', 'T-INF-2']);
  const [a] = await storedAssessments(one);
  assert.equal(a.answers['T-INF-1'].value, 'yes');
  assert.equal(a.answers['T-INF-2'].value, 'no');
  assert.deepEqual(laptop.errors, []);
  await laptop.context.close();
});

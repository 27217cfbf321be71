// A workshop in one laptop with two windows: the facilitator's console and the projector. The
// projector follows the console (next, reveal, record) with no network; tallies are typed with
// the keyboard only; the group's answers become the assessment's answers; both pages pass axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { axeViolations, BASE, launch, openContext, settled, storedAssessments, switchTo, visit } from '../lib.mjs';

const TMP = mkdtempSync(joinPath(tmpdir(), 'megaip-workshop-'));
const join_tmp = (name) => joinPath(TMP, name);
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
  await page.locator('#w-facilitator').fill('Laura Gómez');
  await page.locator('#w-place').fill('Salón del Concejo');
  // Only Transparencia.
  for (const p of ['participacion', 'rendicion', 'innovacion']) await page.locator(`#w-pillar-${p}`).uncheck();
  await page.getByRole('button', { name: 'Crear el taller' }).click();
  await page.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
  return new URL(page.url()).pathname.split('/')[2];
}

test('the projector follows the console; tallies by keyboard; the group answer is recorded', async () => {
  const { context, errors } = await openContext(browser);
  const consolePage = await context.newPage();
  const code = await newWorkshop(consolePage, 'Tenjo');
  await consolePage.locator('#console-q').waitFor();
  const wall = await context.newPage();
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await wall.goto(`${BASE}/taller/${code}/proyector`);
  await wall.locator('.projector h1').waitFor();
  assert.equal(await wall.locator('header, nav, footer').count(), 0, 'the wall has no controls');
  assert.match(await wall.locator('.projector h1').innerText(), /T-INF-1/);

  // Keyboard only: the tallies, then next question with the arrow key.
  await consolePage.locator('#tally-yes').focus();
  await consolePage.keyboard.type('14');
  await consolePage.keyboard.press('Tab');
  await consolePage.keyboard.type('4');
  await consolePage.keyboard.press('Tab');
  await consolePage.keyboard.type('2');
  await consolePage.keyboard.press('Tab');
  await consolePage.locator('.consensus', { hasText: 'Consenso en «Sí» (70 %' }).waitFor();
  // R reveals the votes on the wall (focus out of the fields first).
  await consolePage.locator('#console-q').click();
  await consolePage.keyboard.press('r');
  await wall.locator('.projector-bars').waitFor();
  assert.match(await wall.locator('.projector-consensus').innerText(), /Consenso en «Sí»/);
  assert.match(await wall.locator('.projector-bars').innerText(), /Sí\s+14/);
  // The proposal is Sí; record it.
  assert.ok(await consolePage.locator('#group-yes').isChecked());
  await consolePage.locator('#group-rationale').fill('El portal tiene todas las categorías.');
  await consolePage.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
  await consolePage.locator('text=Respuesta registrada: Sí.').waitFor();
  // Next: the wall follows and hides the votes again.
  await consolePage.locator('#console-q').click();
  await consolePage.keyboard.press('ArrowRight');
  await wall.locator('.projector h1', { hasText: 'T-INF-2' }).waitFor();
  assert.equal(await wall.locator('.projector-bars').count(), 0);
  // A divided room.
  await consolePage.locator('#tally-yes').fill('5');
  await consolePage.locator('#tally-no').fill('5');
  await consolePage.locator('#tally-no').press('Tab');
  await consolePage.locator('.consensus', { hasText: 'dividido' }).waitFor();
  // 3 picks "No" as the group answer by keyboard.
  await consolePage.locator('#console-q').click();
  await consolePage.keyboard.press('3');
  assert.ok(await consolePage.locator('#group-no').isChecked());
  await consolePage.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
  await settled(consolePage);

  const [a] = await storedAssessments(consolePage);
  assert.equal(a.profile.municipality, 'Tenjo');
  assert.equal(a.answers['T-INF-1'].value, 'yes');
  assert.equal(a.answers['T-INF-1'].note, 'El portal tiene todas las categorías.');
  assert.equal(a.answers['T-INF-2'].value, 'no');
  const saved = await consolePage.evaluate((c) => JSON.parse(localStorage.getItem(`megaip.workshop.${c}.v1`)), code);
  assert.equal(saved.decisions['T-INF-1'].by, 'consensus');
  assert.equal(saved.decisions['T-INF-2'].by, 'discussion');

  // A projector opened late catches up with the console.
  const late = await context.newPage();
  await late.goto(`${BASE}/taller/${code}/proyector`);
  await late.locator('.projector h1', { hasText: 'T-INF-2' }).waitFor();

  const violations = [...(await axeViolations(consolePage, 'console es')), ...(await axeViolations(wall, 'projector es'))];
  await switchTo(consolePage, 'en');
  violations.push(...(await axeViolations(consolePage, 'console en')));
  await wall.reload();
  await wall.locator('.projector h1').waitFor();
  violations.push(...(await axeViolations(wall, 'projector en')));
  await visit(consolePage, '/taller');
  violations.push(...(await axeViolations(consolePage, 'workshop list en')));
  await switchTo(consolePage, 'es');
  // The minutes: what was decided and how, printed as a document.
  await visit(consolePage, `/taller/${code}/acta`);
  const minutes = await consolePage.locator('main').innerText();
  assert.match(minutes, /Salón del Concejo/);
  assert.match(minutes, /Laura Gómez/);
  assert.match(minutes, /T-INF-1[\s\S]*Sí 14 · Parcial 4 · No 2[\s\S]*Sí · por consenso[\s\S]*El portal tiene todas las categorías/);
  assert.match(minutes, /T-INF-2[\s\S]*No · tras conversarlo \(ronda 1\)/);
  violations.push(...(await axeViolations(consolePage, 'minutes es')));
  await consolePage.emulateMedia({ media: 'print' });
  mkdirSync('screenshots', { recursive: true });
  writeFileSync(joinPath('screenshots', 'print-minutes-es.pdf'), await consolePage.pdf({ format: 'A4' }));
  await consolePage.emulateMedia({ media: 'screen' });
  assert.deepEqual(violations, []);
  mkdirSync('screenshots', { recursive: true });
  await wall.screenshot({ path: 'screenshots/projector-1920.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second round asks again only the divided items; the minutes keep both rounds; the results show the votes', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const code = await newWorkshop(page, 'Cota');
  await page.locator('#console-q').waitFor();
  const wall = await context.newPage();
  await wall.goto(`${BASE}/taller/${code}/proyector`);
  await wall.locator('.projector h1', { hasText: 'T-INF-1' }).waitFor();
  // Round 1: T-INF-1 settled, T-INF-2 divided, the rest not voted.
  await page.locator('#tally-yes').fill('9');
  await page.locator('#tally-no').fill('1');
  await page.locator('#tally-no').press('Tab');
  await page.locator('.consensus', { hasText: 'Consenso en «Sí»' }).waitFor();
  await page.locator('#console-q').click();
  await page.keyboard.press('ArrowRight');
  await page.locator('#console-q', { hasText: 'T-INF-2' }).waitFor();
  await page.locator('#tally-yes').fill('5');
  await page.locator('#tally-no').fill('5');
  await page.locator('#tally-no').press('Tab');
  await page.locator('.consensus', { hasText: 'dividido' }).waitFor();

  await page.locator('#next-round').click();
  await page.locator('text=Ronda 2: se vota de nuevo en los temas divididos (1).').waitFor();
  assert.match(await page.locator('.console-item .meta').innerText(), /^1 \/ 1/);
  assert.match(await page.locator('#console-q').innerText(), /T-INF-2/);
  assert.equal(await page.locator('#tally-yes').inputValue(), '0', 'the second round starts empty');
  await wall.locator('.projector h1', { hasText: 'T-INF-2' }).waitFor();
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: 'screenshots/console-round-2.png', fullPage: true });

  // Round 2: the room now agrees.
  await page.locator('#tally-yes').fill('8');
  await page.locator('#tally-no').fill('2');
  await page.locator('#tally-no').press('Tab');
  await page.locator('.consensus', { hasText: 'Consenso en «Sí»' }).waitFor();
  await page.getByRole('button', { name: 'Registrar la respuesta del grupo' }).click();
  await settled(page);
  // Nothing is divided now: no third round.
  await page.locator('#next-round').click();
  await page.locator('text=Ningún tema quedó dividido en esta ronda').waitFor();

  const saved = await page.evaluate((c) => JSON.parse(localStorage.getItem(`megaip.workshop.${c}.v1`)), code);
  assert.equal(saved.rounds.length, 2);
  assert.deepEqual(saved.rounds[1].items, ['T-INF-2']);
  assert.equal(saved.rounds[0].tallies['T-INF-2'].counts.yes, 5, 'the first round is kept');
  const [a] = await storedAssessments(page);
  assert.equal(a.answers['T-INF-2'].value, 'yes');
  // The results page shows, beside the answer, the votes that decided it.
  await visit(page, `/resultados/${a.id}`);
  const annex = await page.locator('.annex-table').innerText();
  await page.locator('.annex-table tbody tr', { hasText: 'T-INF-2' }).screenshot({ path: 'screenshots/results-annex-workshop.png' });
  assert.match(annex, new RegExp(`T-INF-2[\\s\\S]*Sí\\s*Taller ${code}: Sí 8 · No 2 · por consenso`));

  await visit(page, `/taller/${code}/acta`);
  const minutes = await page.locator('main').innerText();
  assert.match(minutes, /T-INF-1[\s\S]*Sí 9 · No 1/);
  assert.match(minutes, /T-INF-2[\s\S]*Ronda 1: Sí 5 · No 5 — Ronda 2: Sí 8 · No 2/);
  assert.deepEqual(await axeViolations(page, 'minutes with two rounds'), []);
  await page.emulateMedia({ media: 'print' });
  writeFileSync(joinPath('screenshots', 'print-minutes-two-rounds-es.pdf'), await page.pdf({ format: 'A4' }));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the participant sheet has the join QR and code, and a paper ballot of the scope', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  const code = await newWorkshop(page, 'Chía');
  await page.locator('#console-q').waitFor();
  const questions = Number((await page.locator('.console-item .meta').innerText()).match(/\/ (\d+)/)[1]);
  await page.getByRole('link', { name: 'Hoja para participantes' }).click();
  await page.locator('h1', { hasText: 'Hoja para participantes' }).waitFor();
  const qr = page.locator('.sheet-join svg.qr');
  assert.ok(Number(await qr.getAttribute('data-version')) >= 1, 'the join QR is drawn');
  // Dark modules on a light ground, on paper too (a page's background colours are not printed).
  assert.deepEqual(await qr.evaluate((svg) => [getComputedStyle(svg.querySelector('rect')).fill, getComputedStyle(svg.querySelector('path')).fill]), ['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  assert.match(await page.locator('.sheet-join').innerText(), new RegExp(`${code}[\\s\\S]*/taller/${code}/participar\\?s=`));
  assert.equal(await page.locator('.ballot-table tbody tr').count(), questions, 'one ballot line per question');
  assert.match(await page.locator('.ballot-table tbody tr').first().innerText(), /T-INF-1[\s\S]*Sí[\s\S]*Parcial[\s\S]*No aplica/);
  assert.deepEqual(await axeViolations(page, 'participant sheet es'), []);
  await page.emulateMedia({ media: 'print' });
  mkdirSync('screenshots', { recursive: true });
  writeFileSync(joinPath('screenshots', 'print-participant-sheet-es.pdf'), await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  await switchTo(page, 'en');
  await page.locator('h1', { hasText: 'Participant sheet' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'participant sheet en'), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phones join with the link, answer, and hand back by file and by link; the votes count', async () => {
  const laptop = await openContext(browser, { acceptDownloads: true });
  const consolePage = await laptop.context.newPage();
  const code = await newWorkshop(consolePage, 'Sopó');
  const join = await consolePage.locator('.join-link').innerText();
  assert.match(join, new RegExp(`/taller/${code}/participar\\?s=0&m=[0-9a-f]{8}$`));

  const answers = [['Sí', 'Sí', 'No'], ['Sí', 'Parcial', 'No']];
  const handed = [];
  for (const [n, picks] of answers.entries()) {
    // Each phone is another device: its own browser, the app already loaded once.
    const phone = await openContext(browser, { viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const p = await phone.context.newPage();
    await p.goto(join.replace(/^https?:\/\/[^/]+/, BASE));
    await p.locator('.participant-card').first().waitFor();
    const cards = p.locator('.participant-card');
    for (const [i, label] of picks.entries()) await cards.nth(i).getByLabel(label, { exact: true }).check();
    await p.locator('.hand-back svg.qr').waitFor();
    const version = Number(await p.locator('.hand-back svg.qr').getAttribute('data-version'));
    console.log(`# phone ${n + 1}: QR version ${version} for ${await cards.count()} questions`);
    if (n === 0) {
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Guardar como archivo' }).click()]);
      const path = join_tmp(download.suggestedFilename());
      await download.saveAs(path);
      handed.push({ file: path });
    } else {
      // No Web Share in this browser: the link is offered to copy.
      let link = '';
      p.once('dialog', async (d) => {
        link = d.defaultValue();
        await d.dismiss();
      });
      await p.getByRole('button', { name: 'Enviar el enlace' }).click();
      await p.waitForFunction(() => true);
      assert.match(link, new RegExp(`/taller/${code}/entregar#MIP1\\.${code}\\.`));
      handed.push({ link });
    }
    assert.deepEqual(phone.errors, []);
    await phone.context.close();
  }
  await consolePage.locator('#workshop-files').setInputFiles(handed[0].file);
  await consolePage.locator('text=Respuestas recibidas: 1.').waitFor();
  await consolePage.goto(handed[1].link.replace(/^https?:\/\/[^/]+/, BASE));
  await consolePage.locator('text=Participantes hasta ahora: 2.').waitFor();
  await consolePage.getByRole('link', { name: 'Ir a la consola del taller' }).click();
  await consolePage.locator('.consensus', { hasText: 'Consenso en «Sí» (100 %' }).waitFor();
  // A response for another workshop is refused by name.
  const other = handed[0].file.replace('.txt', '-otro.txt');
  writeFileSync(other, readFileSync(handed[0].file, 'utf8').replace(`MIP1.${code}.`, 'MIP1.ZZZZZZ.'));
  await consolePage.locator('#workshop-files').setInputFiles(other);
  await consolePage.locator('text=es de otro taller (código ZZZZZZ)').waitFor();
  assert.deepEqual(laptop.errors, []);
  await laptop.context.close();

  // The QR code a phone shows for a whole MEGA IP response (all pillars).
  const full = await openContext(browser, { viewport: { width: 390, height: 844 } });
  const fp = await full.context.newPage();
  await fp.goto(join.replace(/^https?:\/\/[^/]+/, BASE).replace('s=0', 's=*'));
  const qr = fp.locator('.hand-back svg.qr');
  await qr.waitFor();
  console.log(`# a whole MEGA IP response (${await fp.locator('.participant-card').count()} questions): QR version ${await qr.getAttribute('data-version')}`);
  assert.ok(Number(await qr.getAttribute('data-version')) <= 10);
  await full.context.close();
});

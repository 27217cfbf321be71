// Benchmark: the workshop's speed targets. Prints figures; asserts nothing.
//
// Usage (through scripts/bench, which builds and serves dist/): node bench-workshop.mjs
//   merge: a console whose round holds 200 phones' responses to the whole MEGA IP scope
//     (every question in the model). "Open" is navigation to the merged console painted (boot included; the
//     same console with no responses is printed beside it). "Update" is one typed tally to
//     the console's re-merged view painted (every question is merged again for the list of
//     items to discuss). At 1x and 4x CPU slowdown. Median of RUNS.
//   QR: one 640x480 camera frame holding a phone's full response decoded by the bundled
//     decoder (jsQR), as the console does it. Median of 30.
//   projector: from the console's key press to the projector window's new heading, both
//     windows in one browser, timed on one clock (performance.timeOrigin + now). Median of 20.
//   size: the code of one full MEGA IP response with no notes, and the QR version it needs.
import { BASE, launch, visit } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
const OPTIONS = ['yes', 'partial', 'no', 'not_applicable'];

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await visit(page, '/taller');
await page.locator('#w-municipality').fill('Bench');
await page.getByRole('button', { name: 'Crear el taller' }).click();
await page.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
const code = new URL(page.url()).pathname.split('/')[2];
const key = `megaip.workshop.${code}.v1`;
const joinUrl = await page.locator('.join-link').innerText();

// 200 responses, each answering every question, written where the console saves its workshop.
const empty = await page.evaluate((k) => localStorage.getItem(k), key);
const ids = await (async () => {
  const phone = await context.newPage();
  await phone.goto(joinUrl.replace(/s=[^&]*/, 's=*'));
  await phone.locator('.participant-card').first().waitFor();
  const list = await phone.locator('.participant-card .code').allInnerTexts();
  await phone.close();
  return list;
})();
const full = JSON.parse(empty);
full.rounds[0].responses = Array.from({ length: 200 }, (_, k) => ({
  participant: `P${String(k).padStart(4, '0')}`,
  answers: Object.fromEntries(ids.map((c, q) => [c, OPTIONS[(k * 7 + q * 3) % (k % 5 === 0 ? 4 : 3)]])),
}));
const withVotes = JSON.stringify(full);

async function openConsole(stored, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, stored]);
  const t0 = Date.now();
  await page.goto(`${BASE}/taller/${code}`);
  await page.locator('.to-discuss h2').waitFor({ timeout: 60000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  const open = Date.now() - t0;
  // One tally typed: the round changes, every question is merged again.
  const update = await page.evaluate(async () => {
    const input = document.querySelector('#tally-yes');
    const t = performance.now();
    input.value = String(Number(input.value) + 1);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - t;
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return { open, update };
}

const merge = {};
for (const rate of [1, 4]) {
  for (const [name, stored] of [
    ['0', empty],
    ['200', withVotes],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await openConsole(stored, rate));
    merge[`${rate}x ${name}`] = runs;
  }
}
const votes = await page.locator('.console-item .votes-line').innerText();

// One camera frame with a full response, decoded as the console does.
const fullJoin = joinUrl.replace(/s=[^&]*/, 's=*');
const phone = await context.newPage();
await phone.goto(fullJoin);
const cards = phone.locator('.participant-card');
await cards.first().waitFor();
const n = await cards.count();
for (let q = 0; q < n; q++) await cards.nth(q).getByLabel(['Sí', 'Parcial', 'No', 'No aplica'][q % 4], { exact: true }).check();
const svg = await phone.locator('.hand-back svg.qr').evaluate((e) => e.outerHTML);
const version = await phone.locator('.hand-back svg.qr').getAttribute('data-version');
let fullCode = '';
phone.once('dialog', async (d) => {
  fullCode = d.defaultValue().split('#')[1] ?? '';
  await d.dismiss();
});
await phone.getByRole('button', { name: 'Enviar el enlace' }).click();
await phone.waitForFunction(() => true);
await phone.close();
await page.goto(`${BASE}/taller/${code}`);
await page.getByRole('button', { name: 'Leer con la cámara' }).click();
await page.waitForFunction(() => typeof window.jsQR === 'function', null, { timeout: 30000 });
const qr = await page.evaluate(async (markup) => {
  const img = new Image();
  const svgText = markup.includes('xmlns=') ? markup : markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  img.src = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = '#777';
  ctx.fillRect(0, 0, 640, 480);
  // The phone's code fills about half the frame, as when held at arm's length.
  ctx.drawImage(img, 200, 120, 240, 240);
  const times = [];
  let text = '';
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const data = ctx.getImageData(0, 0, 640, 480);
    const found = window.jsQR(data.data, 640, 480, { inversionAttempts: 'dontInvert' });
    times.push(performance.now() - t);
    text = found ? found.data : '';
  }
  return { times, text };
}, svg);

// The projector follows the console.
const wall = await context.newPage();
await wall.goto(`${BASE}/taller/${code}/proyector`);
await wall.locator('.projector h1').waitFor();
const follow = [];
for (let i = 0; i < 20; i++) {
  await wall.evaluate(() => {
    const h1 = document.querySelector('.projector h1');
    window.__seen = new Promise((resolve) => {
      const before = h1.textContent;
      const o = new MutationObserver(() => {
        const now = document.querySelector('.projector h1');
        if (now && now.textContent !== before) {
          o.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      });
      o.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  const sent = await page.evaluate((k) => {
    document.activeElement?.blur();
    const t = performance.timeOrigin + performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    return t;
  }, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
  const seen = await wall.evaluate(() => window.__seen);
  follow.push(seen - sent);
}
await browser.close();

console.log(`\nWorkshop: merging a room (console of ${ids.length} questions, headless Chromium):`);
for (const [k, runs] of Object.entries(merge)) {
  const [rate, responses] = k.split(' ');
  console.log(`  ${rate} CPU, ${responses.padStart(3)} responses: open ${fmt(runs.map((r) => r.open))}`);
  console.log(`  ${' '.repeat(rate.length)}                  one tally to re-merged view: ${fmt(runs.map((r) => r.update))}`);
}
console.log(`  first question's votes with 200 responses: ${votes}`);
console.log(`\nQR: one 640x480 frame with a full response, decoded by jsQR: ${fmt(qr.times)}; read back ${qr.text === fullCode ? 'exactly' : 'WRONG'}`);
console.log(`QR: one full MEGA IP response (${n} questions, no notes): ${fullCode.length} characters, QR version ${version} (error correction M)`);
console.log(`\nProjector following the console (key press to new heading on the wall): ${fmt(follow)}; one frame at 60 Hz is 16.7 ms`);

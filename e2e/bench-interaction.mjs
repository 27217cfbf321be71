// Interaction cost on a weak phone: one answer (score, recommendations and paint) and typing
// in a note, with 1 and with 40 assessments on the device, at 4× CPU slowdown. Measured with
// the Event Timing API (each event's duration from input to the next paint). Prints figures;
// asserts nothing.
//
// Usage (through scripts/bench): node bench-interaction.mjs
import { BASE, launch, newAssessment, settled } from './lib.mjs';

const OBSERVE = () => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__events.push({ name: e.name, duration: e.duration, work: e.processingEnd - e.processingStart });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
};

async function seedCopies(page, n) {
  await page.evaluate((n) => {
    const ids = JSON.parse(localStorage.getItem('megaip.assessments.index.v3'));
    const record = JSON.parse(localStorage.getItem(`megaip.assessment.${ids[0]}.v3`));
    for (let i = 1; i < n; i++) {
      const copy = structuredClone(record);
      copy.assessment.id = `a-copy-${i}`;
      localStorage.setItem(`megaip.assessment.a-copy-${i}.v3`, JSON.stringify(copy));
      ids.push(copy.assessment.id);
    }
    localStorage.setItem('megaip.assessments.index.v3', JSON.stringify(ids));
  }, n);
}

// Which events had more than 16 ms of handler work: "none", or e.g. "2 over: keydown 18 ms, input 17 ms".
function overNames(events) {
  const over = events.filter((e) => e.work > 16);
  return over.length === 0 ? 'none over' : `${over.length} over: ${over.map((e) => `${e.name} ${e.work.toFixed(0)} ms`).join(', ')}`;
}

// Events of 16 ms or more (the API reports nothing shorter): the slowest, and how many.
async function measure(page, act) {
  await page.evaluate(() => {
    window.__events.length = 0;
  });
  await act();
  await page.waitForTimeout(600);
  const events = await page.evaluate(() => window.__events);
  const slowest = events.reduce((m, e) => Math.max(m, e.duration), 0);
  const work = events.reduce((m, e) => Math.max(m, e.work), 0);
  // `work` is the main-thread time of the app's handlers (the issue's target: ≤ 16 ms);
  // `slowest` also counts the wait for the next frame and the paint.
  return events.length === 0
    ? 'every event under 16 ms to the next paint'
    : `handlers ≤ ${work.toFixed(0)} ms (target ≤ 16; ${overNames(events)}), input to paint ≤ ${slowest.toFixed(0)} ms over ${events.length} events of 16 ms or more`;
}

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
await context.addInitScript(OBSERVE);
const page = await context.newPage();
const id = await newAssessment(page, 'Sogamoso');
await settled(page);
console.log('\nInteraction at 4× CPU slowdown (Event Timing API):');
// The first run meets code the browser has not compiled yet (it compiles wasm functions the
// first time they run); the second, the same page once that is done, as a user's every later
// keystroke meets it.
for (const [n, code] of [[1, 'cold code'], [1, 'warm code'], [40, 'warm code']]) {
  if (n > 1) await seedCopies(page, n);
  await page.goto(`${BASE}/autodiagnostico/${id}/transparencia`);
  const cards = page.locator('.answer-card');
  await cards.first().waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // One answer first, not measured: the first interaction of a page also warms up the wasm.
  await cards.nth(0).getByLabel('Sí', { exact: true }).check();
  await page.waitForTimeout(300);
  const answer = await measure(page, () => cards.nth(1).getByLabel('Parcial', { exact: true }).check());
  await cards.nth(1).locator('details.answer-more summary').click();
  const typing = await measure(page, () => cards.nth(1).locator('textarea').pressSequentially('Falta publicar el acta de 2025', { delay: 30 }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  console.log(`  ${String(n).padStart(2)} assessment(s), ${code}: one answer → ${answer}; typing a note → ${typing}`);
}
await browser.close();

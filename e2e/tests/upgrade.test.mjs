// A results file made last month with MEGA IP 1.0.0: it opens exactly as it was, offers the
// upgrade to 2.0.0, and the upgraded copy asks only the questions that changed or are new.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, launch, openContext, settled, storedAssessments, visit } from '../lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'megaip-upgrade-'));
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const V1 = read('toolkits/mega-ip/model.json');
const V2 = read('toolkits/mega-ip/model-2.json');
const UPGRADE = read('toolkits/mega-ip/upgrade-1.0.0-to-2.0.0.json');

// What the 2.0.0 walk must ask after the upgrade: split or changed questions, and those that
// no line of the upgrade file leads to.
const mapped = new Set(UPGRADE.criteria.flatMap((m) => m.new ?? []));
const askedAgain = new Set([
  ...UPGRADE.criteria.filter((m) => m.how === 'split' || m.how === 'changed').flatMap((m) => m.new),
  ...V2.criteria.map((c) => c.id).filter((id) => !mapped.has(id)),
]);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The shipped v4 fixture (MEGA IP 1.0.0) with every criterion answered, so that whatever the
// upgraded walk still asks comes from the upgrade and not from gaps in the file.
function fullOldFile() {
  const file = read('tests/fixtures/results/results-v4.json');
  const values = ['yes', 'partial', 'no', 'not_applicable'];
  V1.criteria.forEach((c, i) => {
    file.assessment.answers[c.id] = { value: values[i % 4], note: `nota ${c.id}`, evidence_url: '' };
  });
  file.assessment.id = 'a-upgrade-e2e';
  file.scores = null;
  const path = join(TMP, 'old.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

test('an old results file opens as it was, upgrades, and the walk asks only the new questions', async () => {
  const { context, errors } = await openContext(browser);
  const page = await context.newPage();
  await visit(page, '/autodiagnostico');
  await page.locator('#import-title ~ label input[type=file]').setInputFiles(fullOldFile());
  await page.locator('.status-ok').waitFor();

  // Opens on 1.0.0, with the 1.0.0 questions (T-CON-1 exists only there) and the offer.
  await visit(page, '/autodiagnostico/a-upgrade-e2e/transparencia');
  await page.locator('#q-T-CON-1').waitFor();
  const offer = page.locator('.upgrade-offer');
  assert.match(await offer.innerText(), /con la versión 1\.0\.0 de MEGA IP/);
  await visit(page, '/resultados/a-upgrade-e2e');
  const resultsBefore = await page.locator('#overall-stage').innerText();

  await page.getByRole('link', { name: 'Actualizar a la versión nueva del modelo' }).click();
  await page.waitForURL(`${BASE}/actualizar/a-upgrade-e2e`);
  const summary = await page.locator('.upgrade-counts').innerText();
  const same = UPGRADE.criteria.filter((m) => m.how === 'same').length;
  const moved = UPGRADE.criteria.filter((m) => m.how === 'moved').length;
  assert.match(summary, new RegExp(`Pasan tal cual\\s+${same}`));
  assert.match(summary, new RegExp(`Pasan a su nuevo lugar\\s+${moved}`));
  await page.getByRole('button', { name: 'Actualizar ahora' }).click();
  await page.waitForURL(/\/autodiagnostico\/a-[^/]+\/[a-z]+#q-/);
  const copyId = new URL(page.url()).pathname.split('/')[2];
  // The walk opens at the first question to answer again, in the order the walk asks them.
  const first = V2.criteria.find((c) => askedAgain.has(c.id));
  assert.ok(page.url().endsWith(`/${first.pillar}#q-${first.id}`), page.url());
  assert.notEqual(copyId, 'a-upgrade-e2e');
  await settled(page);

  // The copy is on 2.0.0; the old one is still on 1.0.0, untouched.
  const stored = await storedAssessments(page);
  const old = stored.find((a) => a.id === 'a-upgrade-e2e');
  const copy = stored.find((a) => a.id === copyId);
  assert.equal(old.model.version, '1.0.0');
  assert.equal(Object.keys(old.answers).length, V1.criteria.length);
  assert.equal(copy.model.version, '2.0.0');
  assert.equal(copy.upgraded_from, 'a-upgrade-e2e');
  for (const m of UPGRADE.criteria.filter((m) => m.how === 'same' || m.how === 'moved')) {
    assert.equal(copy.answers[m.new[0]]?.value, old.answers[m.old].value, `${m.old} → ${m.new[0]}`);
  }

  // Across every pillar, the unanswered questions are exactly those the upgrade asks again,
  // each marked "Nueva".
  const open = [];
  for (const pillar of V2.pillars.map((p) => p.id)) {
    await visit(page, `/autodiagnostico/${copyId}/${pillar}`);
    await page.locator('.answer-card').first().waitFor();
    const cards = await page.locator('.answer-card').evaluateAll((els) =>
      els.map((e) => ({ id: e.id.slice(2), checked: !!e.querySelector('input[type=radio]:checked'), fresh: !!e.querySelector('.new-tag') })),
    );
    for (const c of cards.filter((c) => !c.checked)) {
      open.push(c.id);
      assert.ok(c.fresh, `${c.id} is marked new`);
    }
    assert.ok(cards.filter((c) => c.fresh).every((c) => !c.checked), 'only unanswered questions are marked');
  }
  assert.deepEqual(open.sort(), [...askedAgain].sort());
  // The offer on the copy leads to the next new question.
  assert.match(await page.locator('.upgrade-offer').innerText(), new RegExp(`Quedan ${askedAgain.size} preguntas`));

  // The old assessment still opens as it was, and now points to its copy.
  await visit(page, '/resultados/a-upgrade-e2e');
  assert.equal(await page.locator('#overall-stage').innerText(), resultsBefore);
  assert.match(await page.locator('.upgrade-offer').innerText(), /Ya hiciste una copia/);
  assert.deepEqual(errors, []);
  await context.close();
});

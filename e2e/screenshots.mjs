// Screenshots of every page in each language (es, en, pt), at phone (390 px) and desktop (1280 px) widths,
// for looking at the app as a user would. Usage: node screenshots.mjs OUT_DIR
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, answerStep, launch, newAssessment, switchTo, visit } from './lib.mjs';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await launch();
const pages = [...PAGES.map((p) => p.path), '/no-existe'];
for (const width of [390, 1280]) {
  for (const lang of ['es', 'en', 'pt']) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
    const page = await context.newPage();
    await visit(page, '/');
    await switchTo(page, lang);
    for (const path of pages) {
      await visit(page, path);
      const name = (path === '/' ? 'home' : path.slice(1).replaceAll('/', '_')) + `-${lang}-${width}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
    }
    // The assessment pages, with some answers.
    const id = await newAssessment(page, 'Yumbo');
    await page.screenshot({ path: join(out, `walk-profile-${lang}-${width}.png`), fullPage: true });
    const labels = { es: ['Sí', 'Sí', 'Parcial', 'No'], en: ['Yes', 'Yes', 'Partly', 'No'], pt: ['Sim', 'Sim', 'Parcial', 'Não'] }[lang];
    for (const pillar of ['transparencia', 'participacion']) {
      await visit(page, `/autodiagnostico/${id}/${pillar}`);
      await answerStep(page, labels);
    }
    await visit(page, `/autodiagnostico/${id}/transparencia`);
    await page.screenshot({ path: join(out, `walk-pillar-${lang}-${width}.png`) });
    await visit(page, `/autodiagnostico/${id}/condiciones`);
    await answerStep(page, labels);
    await page.screenshot({ path: join(out, `walk-conditions-${lang}-${width}.png`) });
    await visit(page, `/resultados/${id}`);
    await page.screenshot({ path: join(out, `results-${lang}-${width}.png`), fullPage: true });
    await visit(page, '/autodiagnostico');
    await page.screenshot({ path: join(out, `list-${lang}-${width}.png`), fullPage: true });
    await visit(page, `/plan/${id}`);
    await page.locator('.actions .button-primary').click();
    await page.locator('.plan-step').first().waitFor();
    await page.screenshot({ path: join(out, `plan-${lang}-${width}.png`) });
    for (const [path, name] of [
      ['/herramientas/decidim', 'tool'],
      ['/experiencias/rosario-presupuesto-participativo', 'experience'],
      ['/haga/mapa-actores', 'methodology'],
    ]) {
      await visit(page, path);
      await page.screenshot({ path: join(out, `${name}-${lang}-${width}.png`), fullPage: true });
    }
    // The workshop: list, guide, console with votes, the wall at two sizes, a phone, the sheet.
    await visit(page, '/taller');
    await page.screenshot({ path: join(out, `workshop-list-${lang}-${width}.png`), fullPage: true });
    await visit(page, '/taller/guia');
    await page.screenshot({ path: join(out, `workshop-guide-${lang}-${width}.png`), fullPage: true });
    await visit(page, '/taller');
    await page.locator('#w-municipality').fill('Yumbo');
    await page.locator('.workshop-new button[type=submit]').click();
    await page.waitForURL(/\/taller\/[A-Z0-9]{6}$/);
    const code = new URL(page.url()).pathname.split('/')[2];
    await page.locator('#tally-yes').fill('11');
    await page.locator('#tally-partial').fill('6');
    await page.locator('#tally-no').fill('3');
    await page.locator('#tally-no').press('Tab');
    await page.locator('#console-q').click();
    await page.keyboard.press('r');
    await page.screenshot({ path: join(out, `workshop-console-${lang}-${width}.png`), fullPage: true });
    if (width > 600) {
      const wall = await context.newPage();
      for (const [w, h] of [
        [1280, 720],
        [1920, 1080],
      ]) {
        await wall.setViewportSize({ width: w, height: h });
        await wall.goto(page.url() + '/proyector');
        await wall.locator('.projector-bars').waitFor();
        await wall.screenshot({ path: join(out, `workshop-projector-${lang}-${w}x${h}.png`) });
      }
      await wall.close();
    }
    await visit(page, `/taller/${code}/hoja`);
    await page.screenshot({ path: join(out, `workshop-sheet-${lang}-${width}.png`), fullPage: true });
    await page.goto((await visit(page, `/taller/${code}`), await page.locator('.join-link').innerText()));
    await page.locator('.participant-card').first().waitFor();
    await page.screenshot({ path: join(out, `workshop-participant-${lang}-${width}.png`) });
    if (width < 600) {
      await visit(page, '/');
      await page.locator('.menu-toggle').click();
      await page.screenshot({ path: join(out, `menu-open-${lang}-${width}.png`) });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots written to ${out}/`);

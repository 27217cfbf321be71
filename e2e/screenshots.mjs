// Screenshots of every page in both languages, at phone (390 px) and desktop (1280 px) widths,
// for looking at the app as a user would. Usage: node screenshots.mjs OUT_DIR
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, answerStep, launch, newAssessment, switchTo, visit } from './lib.mjs';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await launch();
const pages = [...PAGES.map((p) => p.path), '/no-existe'];
for (const width of [390, 1280]) {
  for (const lang of ['es', 'en']) {
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
    const labels = lang === 'es' ? ['Sí', 'Sí', 'Parcial', 'No'] : ['Yes', 'Yes', 'Partly', 'No'];
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

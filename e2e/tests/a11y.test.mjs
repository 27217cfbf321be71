// Accessibility: axe finds no WCAG 2.1 A/AA violation on any page, in either language, on a
// phone-sized screen and a desktop one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { NOT_FOUND, PAGES, answerStep, heading, launch, newAssessment, openContext, switchTo, visit } from '../lib.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const viewport of VIEWPORTS) {
  for (const lang of ['es', 'en', 'pt']) {
    test(`axe: every page in ${lang} on ${viewport.name} (${viewport.width}px)`, async () => {
      const { context } = await openContext(browser, { viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      await visit(page, '/');
      await switchTo(page, lang);
      const paths = [...PAGES.map((p) => [p.path, p[lang]]), ['/no-existe', NOT_FOUND[lang]]];
      const found = [];
      for (const [path, title] of paths) {
        await visit(page, path);
        assert.equal(await heading(page), title);
        if (viewport.name === 'phone') {
          // Check the open menu too, as a phone user sees it.
          await page.locator('.menu-toggle').click();
        }
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of result.violations) {
          found.push(`${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        }
      }
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}

async function axeViolations(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const viewport of VIEWPORTS) {
  for (const lang of ['es', 'en']) {
    test(`axe: the assessment pages with data in ${lang} on ${viewport.name}`, async () => {
      const { context } = await openContext(browser, { viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      await visit(page, '/');
      await switchTo(page, lang);
      const id = await newAssessment(page, 'Yumbo');
      const found = [];
      found.push(...(await axeViolations(page, 'profile')));
      await visit(page, `/autodiagnostico/${id}/transparencia`);
      await answerStep(page, lang === 'es' ? ['Sí', 'Parcial', 'No', 'No aplica'] : ['Yes', 'Partly', 'No', 'Not applicable']);
      await page.locator('.answer-card details').first().click();
      await page.locator('.grid-jump summary').click();
      found.push(...(await axeViolations(page, 'pillar step')));
      await visit(page, `/autodiagnostico/${id}/condiciones`);
      found.push(...(await axeViolations(page, 'conditions')));
      await visit(page, `/resultados/${id}`);
      found.push(...(await axeViolations(page, 'results')));
      await visit(page, '/autodiagnostico');
      await page.locator('.assessments > li').first().locator('.button-danger').click();
      found.push(...(await axeViolations(page, 'list with confirmation')));
      await visit(page, '/resultados');
      found.push(...(await axeViolations(page, 'results index')));
      await visit(page, `/plan/${id}`);
      await page.locator('.actions .button-primary').click();
      await page.locator('.plan-step').first().waitFor();
      found.push(...(await axeViolations(page, 'plan')));
      await visit(page, '/haga/audiencia-rendicion');
      found.push(...(await axeViolations(page, 'methodology and canvas')));
      await visit(page, '/herramientas/decidim');
      found.push(...(await axeViolations(page, 'tool detail')));
      await visit(page, '/experiencias/rosario-presupuesto-participativo');
      found.push(...(await axeViolations(page, 'experience detail')));
      await visit(page, '/herramientas');
      await page.fill('#tool-search', 'datos');
      found.push(...(await axeViolations(page, 'tools filtered')));
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}

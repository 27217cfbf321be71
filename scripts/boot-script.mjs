// Trunk post-build hook: moves the inline module script Trunk writes into index.html (the one
// that loads the wasm) into its own hashed file, so the page can forbid inline scripts with its
// Content-Security-Policy (`script-src 'self'`), and puts the content preloads before it. Runs
// before gen-sw.mjs, which then precaches the new file like any other.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('boot-script: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`boot-script: expected one inline module script in index.html, found ${found.length}`);
  process.exit(1);
}
// Before the loader: start downloading the content parts of the language the app will most
// likely show (the saved choice, else Portuguese for a browser set to Portuguese, else Spanish),
// so they travel while the wasm loads. Low priority: the wasm, which every page needs, goes
// first, and a page without content (the home page) is not slowed down. Only a hint:
// src/ui/content.rs decides, and fetches the same URLs, which the browser then answers from
// these preloads. Lists from content/index.json.
const index = JSON.parse(readFileSync(join(dir, 'content', 'index.json'), 'utf8'));
const preload = `{
  const parts = ${JSON.stringify(index.by_language)};
  let lang;
  try { lang = JSON.parse(localStorage.getItem('megaip.prefs.v1') ?? 'null')?.lang; } catch {}
  lang ??= /^pt/i.test(navigator.languages?.[0] ?? '') ? 'pt' : 'es';
  for (const part of parts[lang] ?? []) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.fetchPriority = 'low';
    link.href = '/content/' + part;
    document.head.append(link);
  }
}
`;
const body = preload + found[0][1].trim() + '\n';
const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), body);
writeFileSync(indexPath, html.replace(found[0][0], `<script type="module" src="/${name}"></script>`));
console.log(`boot-script: inline loader moved to /${name}`);

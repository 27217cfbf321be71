// Trunk post-build hook: fills dist/sw.js with this build's file list and id.
//
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR) after index.html is final, so the list
// holds exactly the hashed names this build's index.html refers to. The build id is a hash of
// every file's bytes: identical builds give identical workers (no needless update prompt),
// and any change gives a new one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('gen-sw: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const swPath = join(dir, 'sw.js');
const files = walk(dir)
  .filter((p) => p !== swPath)
  .map((p) => '/' + relative(dir, p).split(sep).join('/'))
  .sort();
// Files under /ondemand/ are not fetched at install: the worker keeps them when a page asks.
const onDemand = files.filter((f) => f.startsWith('/ondemand/'));
const precached = files.filter((f) => !f.startsWith('/ondemand/'));

const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(dir, f.slice(1))));
}
const buildId = hash.digest('hex').slice(0, 16);

const template = readFileSync(swPath, 'utf8');
if (!template.includes("'__ASSETS__'") || !template.includes("'__ON_DEMAND__'") || !template.includes('__BUILD_ID__')) {
  console.error('gen-sw: placeholders not found in sw.js');
  process.exit(1);
}
const list = (names) => names.map((f) => JSON.stringify(f)).join(', ');
writeFileSync(
  swPath,
  template
    .replace("'__ASSETS__'", list(precached))
    .replace("'__ON_DEMAND__'", list(onDemand))
    .replace('__BUILD_ID__', buildId),
);
console.log(`gen-sw: ${precached.length} files precached, ${onDemand.length} on demand, build ${buildId}`);

// Trunk post-build hook: puts the files that only some pages load into dist/ondemand/, outside
// the service worker's install-time precache, so an official's first visit never downloads them.
// Today that is the QR decoder (jsQR, from the npm package pinned in e2e/package-lock.json),
// which only the facilitator's console loads; the worker keeps it once the console has fetched it.
// Run by post-build.mjs before gen-sw.mjs, which lists these files apart.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('ondemand: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The name the app asks for: src/ui/camera.rs, QR_DECODER_URL.
const files = [['e2e/node_modules/jsqr/dist/jsQR.js', 'ondemand/qr-decoder.js']];
for (const [from, to] of files) {
  const source = join(root, from);
  if (!existsSync(source)) {
    console.error(`ondemand: ${from} is missing; run scripts/setup (it installs the npm packages)`);
    process.exit(1);
  }
  mkdirSync(join(dir, dirname(to)), { recursive: true });
  copyFileSync(source, join(dir, to));
}
console.log(`ondemand: ${files.length} file(s) copied`);

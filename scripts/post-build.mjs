// Trunk post-build hook: runs the build's last steps one after another. Trunk starts the hooks
// of one stage at the same time, and these depend on each other: the service worker lists the
// files the first two steps write, and the compressed copies are made of the final files.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ['boot-script.mjs', 'ondemand.mjs', 'gen-sw.mjs', 'compress.mjs']) {
  execFileSync(process.execPath, [join(here, step)], { stdio: 'inherit', env: process.env });
}

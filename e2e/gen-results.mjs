// Writes N results files for the benchmarks and the desk's tests: the v3 fixture given another
// municipality (M of them, default 400), date and answers for every question of the real model
// (varied, reproducible). Usage: node gen-results.mjs N DIR [M]
// Also importable: writeResults(n, dir, m) returns the paths written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/results/results-v3.json'), 'utf8'));
const model = JSON.parse(readFileSync(join(root, 'toolkits/mega-ip/model.json'), 'utf8'));
const options = ['yes', 'partial', 'no', 'not_applicable'];
// Real place names with accents, so searches that ignore accents are exercised.
const NAMES = ['Zipaquirá', 'Sopó', 'Chía', 'Medellín', 'Tumaco', 'Cajicá', 'Fusagasugá', 'Popayán', 'Quibdó', 'Montería'];
const placeName = (k) => (k < NAMES.length ? NAMES[k] : `${NAMES[k % NAMES.length]} ${Math.floor(k / NAMES.length)}`);

export function writeResults(n, dir, m = 400) {
  mkdirSync(dir, { recursive: true });
  const paths = [];
  let seed = 7;
  // The high bits of a linear congruential generator: its low bits repeat every few draws.
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16;
  for (let i = 0; i < n; i++) {
    const file = structuredClone(fixture);
    const a = file.assessment;
    a.id = `a-bench-${i}`;
    a.name = `${placeName(i % m)} ${2020 + (i % 6)}`;
    a.profile.municipality = placeName(i % m);
    a.profile.date = `${2020 + (i % 6)}-0${1 + (i % 9)}-15`;
    const kinds = i % 3 === 0 ? 4 : 3;
    a.answers = Object.fromEntries(
      model.criteria.map((c) => [c.id, { value: options[next() % kinds], note: i % 10 === 0 ? 'Revisado en el taller; ver acta.' : '' }]),
    );
    const path = join(dir, `resultados-${String(i).padStart(5, '0')}.json`);
    writeFileSync(path, JSON.stringify(file));
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, dir, m] = [Number(process.argv[2] ?? 1000), process.argv[3] ?? 'results', Number(process.argv[4] ?? 400)];
  writeResults(n, dir, m);
  console.log(`gen-results: ${n} files in ${dir}`);
}

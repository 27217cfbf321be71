// Writes N results files for the benchmarks: the v3 fixture given another municipality, date
// and answers for every question of the real model (varied, reproducible). Usage:
//   node gen-results.mjs N DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [n, dir] = [Number(process.argv[2] ?? 1000), process.argv[3] ?? 'results'];
const root = new URL('..', import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/results/results-v3.json'), 'utf8'));
const model = JSON.parse(readFileSync(join(root, 'toolkits/mega-ip/model.json'), 'utf8'));
const options = ['yes', 'partial', 'no', 'not_applicable'];
mkdirSync(dir, { recursive: true });
let seed = 7;
// The high bits of a linear congruential generator: its low bits repeat every few draws.
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16;
for (let i = 0; i < n; i++) {
  const file = structuredClone(fixture);
  const a = file.assessment;
  a.id = `a-bench-${i}`;
  a.name = `Municipio ${i % 400} ${2020 + (i % 6)}`;
  a.profile.municipality = `Municipio ${i % 400}`;
  a.profile.date = `${2020 + (i % 6)}-0${1 + (i % 9)}-15`;
  a.answers = Object.fromEntries(
    model.criteria.map((c) => [c.id, { value: options[next() % (i % 3 === 0 ? 4 : 3)], note: i % 10 === 0 ? 'Revisado en el taller; ver acta.' : '' }]),
  );
  writeFileSync(join(dir, `resultados-${String(i).padStart(5, '0')}.json`), JSON.stringify(file));
}
console.log(`gen-results: ${n} files in ${dir}`);

// `npm run bench`: runs every benchmark, prints a table, and writes bench/results/<date>.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as check from './check.mjs';
import * as cli from './cli.mjs';
import * as data from './data.mjs';
import * as proxy from './proxy.mjs';
import * as serve from './serve.mjs';

const suites = { cli, check, data, serve, proxy };
const only = process.argv.slice(2);
const results = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`running ${name}...\n`);
  for (const row of await suite.run()) results.push({ suite: name, ...row });
}
console.table(results);
const machine = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memory_gib: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/${new Date().toISOString().slice(0, 10)}.json`, import.meta.url);
// Running some suites keeps the day's results of the others.
const ran = new Set(results.map((r) => r.suite));
const earlier = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).results.filter((r) => !ran.has(r.suite)) : [];
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine, results: [...earlier, ...results] }, null, 2)}\n`,
);
process.stderr.write(`wrote ${file.pathname}\n`);

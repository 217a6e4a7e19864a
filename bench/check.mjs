// Check benchmark: `dovetail check` on the example, and on a generated system of 200 descriptors
// (25 of each kind, cross-referenced like a real system with 25 models), Node's start included.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'flight-delays');
// One descriptor file per kind in the example, named after its kind.
const KINDS = readdirSync(EXAMPLE)
  .filter((f) => f.endsWith('.yaml') && f !== 'dovetail.yaml')
  .map((f) => f.replace(/\.yaml$/, ''));

/** 25 copies of the example, each descriptor renamed `<name>-<i>`, its references with it. */
export function generateSystem(dir, copies = 25) {
  mkdirSync(dir, { recursive: true });
  const docs = Object.fromEntries(KINDS.map((k) => [k, parse(readFileSync(join(EXAMPLE, `${k}.yaml`), 'utf8'))]));
  for (let i = 0; i < copies; i++) {
    const suffix = `-${i}`;
    const rename = (ref) => (ref ? ref.replace(/^([^@]+)/, `$1${suffix}`) : ref);
    for (const kind of KINDS) {
      const d = structuredClone(docs[kind]);
      d.name = `${d.name}${suffix}`;
      if (kind === 'trained-model') {
        d.training_data = rename(d.training_data);
        d.data_pipeline = rename(d.data_pipeline);
        d.development_environment = `${docs['development-environment'].name}${suffix}`;
      }
      if (kind === 'training-data') {
        d.raw_data = rename(d.raw_data);
        d.production_data = `${docs['production-data'].name}${suffix}`;
      }
      if (kind === 'production-environment') d.trained_model = rename(d.trained_model);
      writeFileSync(join(dir, `${kind}${suffix}.yaml`), stringify(d));
    }
  }
  // Each model names its own development environment and each training set its production data, as
  // in a real system with several models; goal ids and component names are shared, as 25 models
  // serving one product would share them.
  writeFileSync(join(dir, 'dovetail.yaml'), stringify({ dovetail: 1, name: 'generated-200' }));
  return copies * KINDS.length;
}

function wall(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status === 2) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times;
}

export function run({ runs = 9 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dovetail-bench-'));
  const generated = join(dir, 'system');
  const count = generateSystem(generated);
  cpSync(EXAMPLE, join(dir, 'example'), { recursive: true });
  const cases = [
    ['dovetail check examples/flight-delays', ['bin/dovetail.js', 'check', EXAMPLE, '--fail-on', 'none']],
    [`dovetail check (generated, ${count} descriptors)`, ['bin/dovetail.js', 'check', generated, '--fail-on', 'none']],
  ];
  const rows = cases.map(([name, args]) => {
    const t = wall(args, runs);
    return {
      benchmark: name,
      runs,
      median_ms: +t[Math.floor(t.length / 2)].toFixed(1),
      min_ms: +t[0].toFixed(1),
      max_ms: +t[t.length - 1].toFixed(1),
    };
  });
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

// CLI start-up benchmark: wall time of whole `dovetail` runs, Node's own start included, against a
// bare `node -e 0` on the same machine in the same run (the floor no command can go below).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function wall(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

export function run({ runs = 15 } = {}) {
  const cases = [
    ['node -e 0 (floor)', ['-e', '0']],
    ['dovetail --version', ['bin/dovetail.js', '--version']],
    ['dovetail validate examples/flight-delays', ['bin/dovetail.js', 'validate', 'examples/flight-delays']],
    ['dovetail validate test/fixtures/tec/1.2 (TEC)', ['bin/dovetail.js', 'validate', 'test/fixtures/tec/1.2']],
  ];
  return cases.map(([name, args]) => {
    const t = wall(args, runs);
    return {
      benchmark: name,
      runs,
      median_ms: +t.median.toFixed(1),
      min_ms: +t.min.toFixed(1),
      max_ms: +t.max.toFixed(1),
    };
  });
}

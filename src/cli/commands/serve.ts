import { loadSystem } from '../../descriptors/load.js';
import { hasErrors, type System } from '../../descriptors/system.js';
import { parseDuration } from '../../descriptors/units.js';
import { buildApp } from '../../serve/app.js';
import type { WindowOverrides } from '../../serve/monitor.js';
import { serveSystems } from '../../serve/systems.js';
import { packageVersion } from '../main.js';
import { formatDiagnostic } from '../output.js';
import { config } from '../zod-config.js';

export interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  window?: string;
  windowEvents?: string;
  proxy?: string;
  protocol?: string;
}

/** Options of DESIGN §8 whose parts of the monitor do not exist yet: refused rather than ignored. */
const NOT_YET: [keyof ServeOptions, string][] = [
  ['proxy', '--proxy'],
  ['protocol', '--protocol'],
];

function fail(message: string): void {
  process.stderr.write(`dovetail: ${message}\n`);
  process.exitCode = 2;
}

/** `dovetail serve`: the run-time monitor's HTTP service over one or more systems, until SIGINT or SIGTERM. */
export async function serve(paths: string[], opts: ServeOptions): Promise<void> {
  const notYet = NOT_YET.filter(([key]) => opts[key] !== undefined).map(([, flag]) => flag);
  if (notYet.length) return fail(`${notYet.join(', ')}: not implemented yet in this version of dovetail serve`);
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port ${opts.port}: expected 0 to 65535`);
  const window: WindowOverrides = {};
  if (opts.window !== undefined) {
    const d = parseDuration(opts.window);
    if (!d.ok || d.value <= 0) return fail(`--window ${opts.window}: expected a positive duration, e.g. 5m, 30s or 1h`);
    window.durationMs = d.value;
  }
  if (opts.windowEvents !== undefined) {
    const n = Number(opts.windowEvents);
    if (!Number.isInteger(n) || n < 1)
      return fail(`--window-events ${opts.windowEvents}: expected a whole number from 1`);
    window.maxEvents = n;
  }

  // The service validates every event with the same schemas: zod's compiled fast paths pay off here.
  config({ jitless: false });
  const systems: System[] = [];
  for (const path of paths) {
    const system = await loadSystem([path]);
    if (hasErrors(system.diagnostics)) {
      process.stderr.write(`${system.diagnostics.map(formatDiagnostic).join('\n')}\n`);
      return fail(
        `${system.name} is not valid; nothing is served (\`dovetail validate ${path}\` shows the same problems)`,
      );
    }
    systems.push(system);
  }
  const warn = (message: string) => process.stderr.write(`dovetail: ${message}\n`);
  const served = await serveSystems(systems, { db: opts.db, warn });
  const app = await buildApp({ systems: served.systems, version: packageVersion(), window }).catch(async (e) => {
    await served.close();
    throw e;
  });
  let url: string;
  try {
    url = await app.listen({ port, host: opts.host });
  } catch (e) {
    await served.close();
    throw e;
  }
  process.stdout.write(`dovetail serve: listening on ${url} (${served.systems.map((s) => s.name).join(', ')})\n`);

  // Finish the requests in flight (their events are then stored), close the stores, exit; a second
  // signal exits at once.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`dovetail serve: ${signal}, stopping\n`);
    await app.close();
    await served.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

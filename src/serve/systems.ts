// The systems one service monitors, each with its store, and their design-phase findings recorded
// at start so that findings of both phases have a history.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { System } from '../descriptors/system.js';
import { catalogue } from '../rules/catalogue.js';
import { runRules } from '../rules/engine.js';
import { ApiError } from './errors.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

export interface ServedSystem {
  name: string;
  system: System;
  store: Store;
}

export interface Served {
  systems: ServedSystem[];
  close(): Promise<void>;
}

/** The SQLite file a system keeps its data in when no `--db` is given. */
export function defaultDatabase(system: System): string {
  return join(system.root, '.dovetail', 'dovetail.sqlite');
}

/** Keeps the monitor's data out of the system's git repository, beside the descriptors it is about. */
function ignoredByGit(file: string): string {
  const ignore = join(dirname(file), '.gitignore');
  if (!existsSync(ignore)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(ignore, "# Written by dovetail serve: the monitor's data stays out of git.\n*\n");
  }
  return file;
}

/**
 * Opens the stores (one shared store for `db`, otherwise one SQLite file per system) and records
 * each system's design-phase findings, exactly those `dovetail check` reports.
 */
export async function serveSystems(
  systems: readonly System[],
  options: { db?: string; instance?: string; warn: (message: string) => void },
): Promise<Served> {
  const names = systems.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`two systems are named "${twice}"; each served system needs its own name`);
  const stores: Store[] = [];
  const served: ServedSystem[] = [];
  try {
    const shared = options.db ? await openStore(options.db, options.instance) : undefined;
    if (shared) stores.push(shared);
    for (const system of systems) {
      const store = shared ?? (await openStore(ignoredByGit(defaultDatabase(system)), options.instance));
      if (!shared) stores.push(store);
      const result = runRules(system, catalogue, { phase: 'design' });
      for (const f of result.failures) options.warn(`rule ${f.rule} failed and was skipped: ${f.message}`);
      await store.recordFindings(system.name, 'design', result.findings, new Date().toISOString());
      served.push({ name: system.name, system, store });
    }
  } catch (e) {
    await Promise.all(stores.map((s) => s.close()));
    throw e;
  }
  return { systems: served, close: async () => void (await Promise.all(stores.map((s) => s.close()))) };
}

export function findSystem<S extends ServedSystem>(systems: readonly S[], name: string): S {
  const found = systems.find((s) => s.name === name);
  if (!found) {
    throw new ApiError(404, 'unknown_system', `no system "${name}" is served here`, {
      systems: systems.map((s) => s.name),
    });
  }
  return found;
}

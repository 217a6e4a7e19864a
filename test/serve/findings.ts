// Real findings for the listeners' tests: the example's design check, tracked as the store keeps them.
import type { System } from '../../src/descriptors/system.js';
import { catalogue } from '../../src/rules/catalogue.js';
import { runRules } from '../../src/rules/engine.js';
import type { TrackedFinding } from '../../src/serve/store/store.js';

export function trackedFindings(system: System, at = '2001-01-01T00:00:00.000Z'): TrackedFinding[] {
  return runRules(system, catalogue, { phase: 'design' }).findings.map((f) => ({
    ...f,
    status: 'open',
    first_seen: at,
    last_seen: at,
    occurrences: 1,
  }));
}

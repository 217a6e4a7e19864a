// The references between descriptors that can pin the version of their target (`name@version`), for
// the traceability rules. Versions themselves compare in tools.ts.
import { parseReference } from '../../descriptors/fields.js';
import type { KindId } from '../../descriptors/kinds/index.js';
import type { Descriptor } from '../../descriptors/system.js';
import type { Facts } from '../facts.js';
import type { Severity } from '../types.js';

/** A descriptor-to-descriptor reference that may pin the version of its target. */
export interface Link {
  from: KindId;
  field: string;
  to: KindId;
  /** `was trained on`: reads "trained-model `m` was trained on training-data `t`". */
  relation: string;
  /** How bad a pin to another version is. */
  severity: Severity;
}

export const LINKS: readonly Link[] = [
  { from: 'trained-model', field: 'training_data', to: 'training-data', relation: 'was trained on', severity: 'error' },
  {
    from: 'trained-model',
    field: 'data_pipeline',
    to: 'data-pipeline',
    relation: 'takes its inputs from',
    severity: 'error',
  },
  { from: 'training-data', field: 'raw_data', to: 'raw-data', relation: 'is derived from', severity: 'warning' },
  {
    from: 'production-environment',
    field: 'trained_model',
    to: 'trained-model',
    relation: 'serves',
    severity: 'error',
  },
];

export interface Resolved {
  link: Link;
  from: Descriptor;
  target: Descriptor;
  /** The reference as written. */
  ref: string;
  /** The version the reference pins, if any. */
  pinned?: string;
}

/** Every written reference of the links that resolves to a descriptor. */
export function resolvedLinks(facts: Facts): Resolved[] {
  const out: Resolved[] = [];
  for (const link of LINKS) {
    for (const from of facts.all(link.from)) {
      const ref = (from.data as Record<string, unknown>)[link.field];
      if (typeof ref !== 'string') continue;
      const target = facts.resolve(link.to, ref);
      if (!target) continue;
      out.push({ link, from, target, ref, pinned: parseReference(ref).version });
    }
  }
  return out;
}

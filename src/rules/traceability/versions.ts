// Versions and the references that can pin them (`name@version`). Shared by the traceability rules
// and test-data/test-set-version.
import { parseReference } from '../../descriptors/fields.js';
import type { KindId } from '../../descriptors/kinds/index.js';
import type { Descriptor } from '../../descriptors/system.js';
import type { Facts } from '../facts.js';
import type { Severity } from '../types.js';

/**
 * A version in a comparable form: trimmed, lower case, without a leading `v`, and for dotted numbers
 * without leading zeros and trailing `.0` parts, so `v1.1`, `1.1.0` and `1.01` are one version.
 */
export function normalizeVersion(version: string): string {
  const v = version
    .trim()
    .toLowerCase()
    .replace(/^v(?=\d)/, '');
  if (!/^\d+(\.\d+)*$/.test(v)) return v;
  const parts = v.split('.').map((p) => String(Number(p)));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

export function sameVersion(a: string, b: string): boolean {
  return normalizeVersion(a) === normalizeVersion(b);
}

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

// The policy statements written in words that the policy rules read, and where they are. Phrases
// are found in them with `mentions` and `affirms` (match.ts).
import type { Descriptor } from '../../descriptors/system.js';

/** A piece of free text in a descriptor and where it is. */
export interface Statement {
  descriptor: Descriptor;
  path: (string | number)[];
  text: string;
  /** The field, for messages: `restrictions`, `schema field customer_email`. */
  what: string;
}

/** The system context's data rights and policies, when it states them. */
export function contextPolicies(context: Descriptor<'system-context'>): Statement[] {
  const text = context.data.data_rights_policies;
  return text?.trim()
    ? [{ descriptor: context, path: ['data_rights_policies'], text, what: 'data_rights_policies' }]
    : [];
}

/** The raw-data fields that state restrictions, rights and policies. */
export function rawDataPolicies(raw: Descriptor<'raw-data'>): Statement[] {
  const out: Statement[] = [];
  for (const field of ['restrictions', 'data_rights', 'data_policies'] as const) {
    const text = raw.data[field];
    if (text?.trim()) out.push({ descriptor: raw, path: [field], text, what: field });
  }
  return out;
}

// Reading policy statements written in words. Phrase lists are short and documented; a phrase is
// found the way `mentions` finds it (whole words, no case or punctuation).
import type { Descriptor } from '../../descriptors/system.js';

/** Words that, just before a phrase, say the opposite: "no personal data", "free of PII". */
const NEGATIONS = new Set(['no', 'not', 'without', 'non', 'never', 'free', 'nor', 'none', 'neither', 'zero']);
/** How many words before a phrase a negation still applies to ("holds no identifiable personal data"). */
const NEGATION_WINDOW = 3;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * The first phrase the text states without negating it: "contains patient records" affirms `patient`,
 * "holds no personal data" does not affirm `personal data`.
 */
export function affirms(text: string | undefined, phrases: readonly string[]): string | undefined {
  if (!text) return undefined;
  const hay = words(text);
  for (const phrase of phrases) {
    const needle = words(phrase);
    if (needle.length === 0) continue;
    for (let i = 0; i + needle.length <= hay.length; i++) {
      if (!needle.every((w, j) => hay[i + j] === w)) continue;
      const before = hay.slice(Math.max(0, i - NEGATION_WINDOW), i);
      if (!before.some((w) => NEGATIONS.has(w))) return phrase;
    }
  }
  return undefined;
}

/** A piece of free text in a descriptor and where it is. */
export interface Statement {
  descriptor: Descriptor;
  path: (string | number)[];
  text: string;
  /** The field, for messages: `restrictions`, `schema field customer_email`. */
  what: string;
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

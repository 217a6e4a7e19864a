// Comparing what different roles wrote for the same thing in words: free text that mentions (or
// affirms) a phrase, placeholder answers, labels and item types. Tool names and versions are
// tools.ts's, metric names metrics.ts's, units of measure measure-units.ts's.
import type { ItemType } from '../descriptors/vocabulary.js';

/**
 * Whether values of type `from` can be handed to a consumer expecting `to` without a conversion
 * that can lose or invent information. Integers fit floats; categories travel as strings. `other`
 * says only that the type is none of the listed ones (TEC's forms offer no string subtype, so a hex
 * token is "Other"): like an unstated type, there is nothing to compare.
 */
export function typesCompatible(from: ItemType | undefined, to: ItemType | undefined): boolean {
  if (!from || !to || from === to || from === 'other' || to === 'other') return true;
  if (from === 'integer' && to === 'float') return true;
  if ((from === 'category' && to === 'string') || (from === 'string' && to === 'category')) return true;
  return false;
}

/** Labels compare without case or surrounding spaces: `Fraud` and `fraud` are one class. */
export function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

/** Free text as its words, for matching phrases: lower case, letters and digits, ` padded with spaces `. */
export function plainWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
}

/** Whether free text mentions any of the phrases (case- and punctuation-insensitive, whole words). */
export function mentions(text: string | undefined, phrases: readonly string[]): string | undefined {
  if (!text) return undefined;
  const hay = plainWords(text);
  return phrases.find((p) => hay.includes(plainWords(p)));
}

/** Words that, just before a phrase, say the opposite: "no personal data", "free of PII". */
const NEGATIONS = new Set(['no', 'not', 'without', 'non', 'never', 'free', 'nor', 'none', 'neither', 'zero']);
/** How many words before a phrase a negation still applies to ("holds no identifiable personal data"). */
const NEGATION_WINDOW = 3;

const wordsOf = (text: string) => plainWords(text).trim().split(' ').filter(Boolean);

/**
 * The first phrase the text mentions without negating it (as `mentions` finds it): "contains
 * patient records" affirms `patient`, "holds no personal data" does not affirm `personal data`.
 */
export function affirms(text: string | undefined, phrases: readonly string[]): string | undefined {
  if (!text) return undefined;
  const hay = wordsOf(text);
  for (const phrase of phrases) {
    const needle = wordsOf(phrase);
    if (needle.length === 0) continue;
    for (let i = 0; i + needle.length <= hay.length; i++) {
      if (!needle.every((w, j) => hay[i + j] === w)) continue;
      const before = hay.slice(Math.max(0, i - NEGATION_WINDOW), i);
      if (!before.some((w) => NEGATIONS.has(w))) return phrase;
    }
  }
  return undefined;
}

/** Placeholder text that says nothing: `n/a`, `none`, `-`, `TBD`. */
export function isPlaceholder(text: string | undefined): boolean {
  if (!text) return true;
  return /^(n\/?a|none|nil|null|-+|tbd|tba|todo|unknown|not applicable|\?+)?\.?$/i.test(text.trim());
}

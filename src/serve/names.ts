// Names a client chooses (fields it was not told to send, metrics, log names and levels, feedback
// names, classes) are kept apart up to MAX_NAMES of each kind in a window; further ones share OTHER
// or, for fields, are not profiled. A client that sends a new name with every event (a user id as a
// key) would otherwise grow an open window, and the observation stored from it, without bound. A
// name longer than MAX_VALUE_CHARS is kept under its key (keyOf: its beginning, length and hash).
import { keyOf } from '../data/sketch/frequent.js';

export const MAX_NAMES = 256;
export const OTHER = '(other)';

/** The key `name` is kept under among `kept`'s: its key, or OTHER once MAX_NAMES names are there besides OTHER. */
export function keptName(
  kept: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>,
  given: string,
): string {
  const name = keyOf(given);
  const has = (key: string) => (kept instanceof Map ? kept.has(key) : Object.hasOwn(kept, key));
  if (name === OTHER || has(name)) return name;
  const size = kept instanceof Map ? kept.size : Object.keys(kept).length;
  return size - (has(OTHER) ? 1 : 0) < MAX_NAMES ? name : OTHER;
}

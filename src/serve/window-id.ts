// A window's id, on its own: the store (which runs in a thread of its own for SQLite) needs it,
// and nothing else of the window module.
import type { Observation } from './window.js';

/**
 * The id of an observation's window, the same on every instance: `model@start/end` (ISO 8601
 * interval), so partial observations of one window are found together.
 */
export function windowId(o: Observation): string {
  const span = `${o.window.start}/${o.window.end}`;
  return o.model ? `${o.model.name}@${span}` : span;
}

// Reading request bodies as JSON, with errors that say what is wrong: not JSON at all, NaN or
// Infinity (which many JSON writers emit but JSON has not), or nested too deeply to be an event.
import { ApiError } from './errors.js';

/** Deep enough for any event (body, events, event, inputs, then nested values); shallow enough to stay cheap. */
export const MAX_DEPTH = 64;

/** How deeply arrays and objects nest in JSON text, counted without parsing; stops past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** Whether arrays and objects nest in a parsed value more than `levels` deep; looks no deeper. */
function nestsDeeper(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (nestsDeeper(v, levels - 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const k in record) if (nestsDeeper(record[k], levels - 1)) return true;
  return false;
}

/** The text each parsed body was read from, for arrayText. */
const texts = new WeakMap<object, string>();

/**
 * The text of `body[field]`, an array, as the request sent it, when it is the only member of `body`, a
 * body parsed here; else undefined.
 */
export function arrayText(body: unknown, field: string): string | undefined {
  const text = typeof body === 'object' && body !== null ? texts.get(body) : undefined;
  if (text === undefined) return undefined;
  const members = Object.keys(body as object);
  if (members.length !== 1 || members[0] !== field || !Array.isArray((body as Record<string, unknown>)[field]))
    return undefined;
  // `{ "<field>" : [ ... ] }`: the array starts after the key and the colon, and ends at the last `]`,
  // before the object's closing brace. A key written twice (JSON.parse keeps the last) would put
  // another member in between: taken only when the key is written plainly, once, and no `\u` escape
  // could spell it otherwise.
  const key = `"${field}"`;
  const at = text.indexOf(key);
  if (at < 0 || text.indexOf(key, at + key.length) >= 0 || text.includes('\\u')) return undefined;
  const start = text.indexOf('[', text.indexOf(':', at + key.length));
  const end = text.lastIndexOf(']');
  return start >= 0 && end > start ? text.slice(start, end + 1) : undefined;
}

const NON_FINITE = /(?:^|[\s,:[])(-?Infinity|NaN)(?=[\s,\]}]|$)/;

const tooDeep = () =>
  new ApiError(400, 'too_deep', `the body nests arrays and objects more than ${MAX_DEPTH} levels deep`, {
    max_depth: MAX_DEPTH,
  });

/**
 * The body's value. Its depth is checked on the parsed value (JSON.parse itself takes any depth):
 * walking the values costs a fraction of scanning every character of the text first. Text that does
 * not parse is scanned, so a body both too deep and invalid is said to be too deep, as it always was.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'the body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (nestingDepth(text, MAX_DEPTH) > MAX_DEPTH) throw tooDeep();
    const literal = NON_FINITE.exec(text)?.[1];
    if (literal) {
      throw new ApiError(
        400,
        'invalid_json',
        `the body holds ${literal}, which is not a JSON number; send null or leave the field out`,
      );
    }
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(e as Error).message}`);
  }
  if (nestsDeeper(value, MAX_DEPTH)) throw tooDeep();
  if (typeof value === 'object' && value !== null) texts.set(value, text);
  return value;
}

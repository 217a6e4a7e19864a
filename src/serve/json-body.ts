// Reading request bodies as JSON, with errors that say what is wrong: not JSON at all, NaN or
// Infinity (which many JSON writers emit but JSON has not), or nested too deeply to be an event.
import { ApiError } from './errors.js';

/** Deep enough for any event (body, events, event, inputs, then nested values); shallow enough to stay cheap. */
export const MAX_DEPTH = 64;

/** How deeply arrays and objects nest in JSON text, counted without parsing; stops past `limit`. */
export function nestingDepth(text: string, limit: number): number {
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

const NON_FINITE = /(?:^|[\s,:[])(-?Infinity|NaN)(?=[\s,\]}]|$)/;

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'the body is empty; send a JSON object');
  if (nestingDepth(text, MAX_DEPTH) > MAX_DEPTH) {
    throw new ApiError(400, 'too_deep', `the body nests arrays and objects more than ${MAX_DEPTH} levels deep`, {
      max_depth: MAX_DEPTH,
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
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
}

// Body parsing: the depth limit holds exactly at 64 levels, on valid text (checked on the parsed value)
// and on invalid text (checked on the text) alike; a body's array is found again in its text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApiError } from '../../src/serve/errors.js';
import { arrayText, MAX_DEPTH, parseJsonBody } from '../../src/serve/json-body.js';

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}1${close.repeat(levels)}`;
const code = (text: string) => {
  try {
    parseJsonBody(text);
    return 'ok';
  } catch (e) {
    return (e as ApiError).code;
  }
};

describe('parsing a body', () => {
  test('nesting up to 64 levels is taken; 65 is too deep, valid or not', () => {
    assert.equal(code(nested(MAX_DEPTH)), 'ok');
    assert.equal(code(`{"a":${nested(MAX_DEPTH - 1)}}`), 'ok');
    assert.equal(code(`{"a":[${nested(MAX_DEPTH - 2, '{"b":', '}')}]}`), 'ok');
    assert.equal(code(nested(MAX_DEPTH + 1)), 'too_deep');
    assert.equal(code(`{"a":[1,2,{"b":${nested(MAX_DEPTH - 2)}}]}`), 'too_deep');
    assert.equal(code(`[${nested(MAX_DEPTH)},`), 'too_deep');
    assert.equal(code(`[${nested(MAX_DEPTH - 1)},`), 'invalid_json');
    assert.equal(code(`"${'['.repeat(100)}"`), 'ok');
  });

  test('empty bodies, NaN and broken text are told apart', () => {
    assert.equal(code('  '), 'invalid_json');
    assert.throws(() => parseJsonBody('{"a": NaN}'), /holds NaN/);
    assert.throws(() => parseJsonBody('{"a": 1,'), /not valid JSON/);
  });
});

describe('the text of a body’s array', () => {
  test('is the array as sent, whatever the spacing, escapes and brackets in strings', () => {
    const array = '[ {"id": "a]\\"}:\\\\", "inputs": {"x": [1, 2]}},\n  {"id": "b", "inputs": {}} ]';
    const body = parseJsonBody(`\n { "events" :\t${array}\n}\n`);
    assert.equal(arrayText(body, 'events'), array);
    assert.deepEqual(JSON.parse(arrayText(body, 'events') ?? ''), (body as { events: unknown }).events);
  });

  test('is undefined where the text may hold more than the array: a key written twice or escaped', () => {
    // JSON.parse keeps the last of a key written twice: the text of the first is not the body's.
    for (const text of [
      '{"events": [{"id": "old"}], "events": [{"id": "new"}]}',
      '{"events": [{"id": "old"}], "ev\\u0065nts": [{"id": "new"}]}',
      '{"ev\\u0065nts": [{"id": "a"}]}',
    ]) {
      const body = parseJsonBody(text);
      assert.equal(arrayText(body, 'events'), undefined, text);
    }
  });

  test('is undefined for a body with other members, of another shape, or not parsed here', () => {
    assert.equal(arrayText(parseJsonBody('{"events": [1], "more": 2}'), 'events'), undefined);
    assert.equal(arrayText(parseJsonBody('{"events": {"a": 1}}'), 'events'), undefined);
    assert.equal(arrayText(parseJsonBody('[1, 2]'), 'events'), undefined);
    assert.equal(arrayText({ events: [1] }, 'events'), undefined);
  });
});

// Body parsing: the depth limit holds exactly at 64 levels, on valid text (checked on the parsed value)
// and on invalid text (checked on the text) alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApiError } from '../../src/serve/errors.js';
import { MAX_DEPTH, parseJsonBody } from '../../src/serve/json-body.js';

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

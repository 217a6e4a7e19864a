import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsonSchema, SCHEMA_NAMES, schemaFileName } from '../../src/descriptors/json-schema.js';
import { ROOT } from '../helpers.js';

test('the shipped JSON Schemas are generated from the current source (run `npm run docs` when this fails)', () => {
  for (const name of SCHEMA_NAMES) {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schemas', schemaFileName(name)), 'utf8'));
    assert.deepEqual(shipped, jsonSchema(name), `schemas/${schemaFileName(name)} is stale`);
  }
});

test('every field of every kind has a description', () => {
  const undocumented: string[] = [];
  const walk = (s: Record<string, unknown>, path: string) => {
    const props = s.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [k, v] of Object.entries(props ?? {})) {
      if (typeof v.description !== 'string' || v.description.length < 5) undocumented.push(`${path}/${k}`);
      walk(v, `${path}/${k}`);
    }
    if (s.items) walk(s.items as Record<string, unknown>, `${path}/0`);
    for (const key of ['anyOf', 'oneOf'] as const) {
      for (const option of (s[key] as Record<string, unknown>[] | undefined) ?? []) walk(option, path);
    }
  };
  for (const name of SCHEMA_NAMES) walk(jsonSchema(name), name);
  assert.deepEqual(undocumented, []);
});

test('schemas accept extension keys and reject unknown ones', () => {
  const s = jsonSchema('trained-model');
  assert.equal(s.additionalProperties, false);
  assert.deepEqual(s.patternProperties, { '^x-': {} });
  assert.equal((s.properties as Record<string, unknown>).kind !== undefined, true);
});

// The category as a whole: catalogue order and weights follow the survey, metadata is well-formed,
// and the complete example system has nothing missing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadSystem } from '../../../src/descriptors/load.js';
import { catalogue } from '../../../src/rules/catalogue.js';
import { runRules } from '../../../src/rules/engine.js';
import { rules } from '../../../src/rules/missing-information/index.js';
import { blank, describeGaps } from '../../../src/rules/missing-information/presence.js';
import { importance, SUBCATEGORIES } from '../../../src/rules/missing-information/survey.js';

describe('missing-information rules', () => {
  test('are in the catalogue, with unique ids and well-formed TEC and example references', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rules) {
      assert.equal(r.meta.category, 'missing-information');
      assert.ok(catalogue.includes(r), r.meta.id);
      for (const t of r.meta.tec) assert.match(t, /^MF-(SC|RD|DP|TD|TM|DE|PE|PD)$/);
      for (const e of r.meta.examples) assert.match(e, /^M\d\d-\d\d$/);
    }
  });

  test('come most important first: warnings before info, each stating its survey weight', () => {
    const severities = rules.map((r) => r.meta.severity);
    assert.equal(rules[0]?.meta.id, 'missing-information/descriptor');
    assert.equal(severities.lastIndexOf('warning') < severities.indexOf('info'), true, severities.join(' '));
    for (const r of rules.slice(1)) {
      assert.match(r.meta.description, /Survey weight: /, r.meta.id);
      assert.match(r.meta.rationale, /Survey weight/, r.meta.id);
    }
  });

  test('weigh a topic by the survey: 20 or more Very Important, or a role’s top item, is a warning', () => {
    assert.equal(importance(['TP Task']).severity, 'warning');
    assert.equal(importance(['TM Evaluation Metrics']).severity, 'warning');
    assert.equal(importance(['TD Versioning', 'TM Versioning']).severity, 'info');
    assert.equal(importance(['OE Runtime Metrics & Data']).severity, 'info');
    assert.equal(importance([]).severity, 'info');
    assert.match(
      importance(['TP Task', 'TP Usage Context']).short,
      /^TP Task 26\/31 Very Important, TP Usage Context 25\/31/,
    );
  });

  test('use the study’s 34 sub-categories and its 232 information instances', () => {
    const subs = Object.values(SUBCATEGORIES);
    assert.equal(subs.length, 34);
    assert.equal(
      subs.reduce((n, s) => n + s.interviews, 0),
      232,
    );
  });

  test('treat numbers as answers and blank text, empty lists and empty objects as nothing', () => {
    for (const v of [0, false, 'x', ['', 'x'], { a: 0 }]) assert.equal(blank(v), false, JSON.stringify(v));
    for (const v of [undefined, null, '  ', [], [' '], {}, { a: undefined, b: [] }])
      assert.equal(blank(v), true, JSON.stringify(v));
  });

  test('describe gaps grouped by field', () => {
    assert.equal(
      describeGaps([
        { field: 'a', path: ['a'] },
        { field: 'b', path: ['b'] },
      ]),
      'a, b',
    );
    assert.equal(
      describeGaps([
        { field: 'schema.x', item: 'f', path: [] },
        { field: 'schema.y', item: 'f', path: [] },
        { field: 'schema.x', item: 'g', path: [] },
        { field: 'z', path: [] },
      ]),
      'schema.x of `f`, `g`; schema.y of `f`; z',
    );
  });

  for (const dir of ['examples/flight-delays', 'examples/flight-delays/consistent']) {
    test(`find nothing missing in ${dir}`, async () => {
      const result = runRules(await loadSystem([dir]), rules);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(
        result.findings.map((f) => f.message),
        [],
      );
    });
  }
});

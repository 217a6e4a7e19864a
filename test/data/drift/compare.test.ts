import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ColumnDrift } from '../../../src/data/drift/columns.js';
import { compareSides } from '../../../src/data/drift/compare.js';
import { methodFor, resolvePolicy, thresholdFor, valueKind } from '../../../src/data/drift/policy.js';
import { ks2samp, wasserstein } from '../../../src/data/stats/index.js';
import { draws, normal, side } from './helpers.js';

const TYPES = { x: 'float', n: 'integer', c: 'category', b: 'boolean', when: 'datetime' };

function columns(n: number, seed: number, shift = 0) {
  return {
    x: normal(n, seed, shift),
    n: draws(n, seed + 1, [1, 2, 3, 4]),
    c: draws(n, seed + 2, [4, 3, 2, 1]).map((i) => `c${i}`),
    b: draws(n, seed + 3, [1, 1]).map((i) => i === 1),
    when: draws(n, seed + 4, [1, 1, 1]).map((i) => Date.UTC(2024, 0, 1 + i)),
  };
}

const byName = (columns: ColumnDrift[]) => new Map(columns.map((c) => [c.name, c]));

describe('policy', () => {
  it('defaults: alpha 0.01, effect thresholds KS 0.02 and Jensen-Shannon 0.1, PSI 0.2, dataset share 0.5', () => {
    const p = resolvePolicy();
    assert.deepEqual(p, { method: null, alpha: 0.01, threshold: null, datasetThreshold: 0.5, columns: {} });
    assert.equal(methodFor('numbers', p), 'ks');
    assert.equal(methodFor('categories', p), 'chi-square');
    assert.equal(thresholdFor('ks', p), 0.02);
    assert.equal(thresholdFor('chi-square', p), 0.1);
    assert.equal(thresholdFor('psi', p), 0.2);
    assert.equal(thresholdFor('wasserstein', p), 0.1);
  });

  it('a forced method applies where it fits; --threshold to the forced method only', () => {
    const p = resolvePolicy({ method: 'wasserstein', threshold: 0.3 });
    assert.equal(methodFor('numbers', p), 'wasserstein');
    assert.equal(methodFor('categories', p), 'chi-square');
    assert.equal(thresholdFor('wasserstein', p), 0.3);
    assert.equal(thresholdFor('chi-square', p), 0.1);
    assert.equal(methodFor('categories', resolvePolicy({ method: 'psi' })), 'psi');
    assert.equal(thresholdFor('chi-square', resolvePolicy({ threshold: 0.05 })), 0.05);
  });

  it('a column’s own method (where it fits) and threshold come before the rest', () => {
    const p = resolvePolicy({
      method: 'psi',
      threshold: 0.3,
      columns: { distance: { method: 'wasserstein', threshold: 0.5 }, origin: { method: 'ks' } },
    });
    assert.equal(methodFor('numbers', p, 'distance'), 'wasserstein');
    assert.equal(thresholdFor('wasserstein', p, 'distance'), 0.5);
    // KS cannot compare categories: origin keeps the forced method, and the forced threshold.
    assert.equal(methodFor('categories', p, 'origin'), 'psi');
    assert.equal(thresholdFor('psi', p, 'origin'), 0.3);
    assert.equal(methodFor('numbers', p, 'delay'), 'psi');
    assert.throws(() => resolvePolicy({ columns: { x: { threshold: -1 } } }), /column x: threshold -1/);
  });

  it('types: numbers, categories, or not compared', () => {
    assert.deepEqual(
      (['integer', 'float', 'datetime', 'category', 'string', 'boolean', 'image', 'tensor', 'other'] as const).map(
        valueKind,
      ),
      ['numbers', 'numbers', 'numbers', 'categories', 'categories', 'categories', null, null, null],
    );
  });

  it('rejects values out of range', () => {
    assert.throws(() => resolvePolicy({ alpha: 0 }), RangeError);
    assert.throws(() => resolvePolicy({ alpha: Number.NaN }), /alpha/);
    assert.throws(() => resolvePolicy({ threshold: -1 }), /threshold/);
    assert.throws(() => resolvePolicy({ datasetThreshold: 1.5 }), /dataset threshold/);
  });
});

describe('compareSides', () => {
  it('no drift between samples of one distribution; the report names method, parameters and thresholds', () => {
    const r = compareSides(side(columns(2000, 1), TYPES), side(columns(2000, 100), TYPES));
    assert.equal(r.dataset_drift, false);
    assert.equal(r.drifted_share, 0);
    assert.equal(r.policy.m, 5);
    for (const c of r.columns) {
      assert.equal(c.drifted, false, c.name);
      assert.equal(c.threshold, 0.002, c.name);
      assert.equal(c.parameters?.m, 5);
      assert.equal(c.parameters?.alpha, 0.01);
      assert.equal(c.parameters?.correction, 'bonferroni');
      assert.equal(c.effect_size?.threshold, c.method === 'ks' ? 0.02 : 0.1);
    }
    const m = byName(r.columns);
    assert.equal(m.get('x')?.method, 'ks');
    assert.equal(m.get('when')?.method, 'ks');
    assert.equal(m.get('c')?.method, 'chi-square');
    assert.equal(m.get('b')?.method, 'chi-square');
    assert.equal(m.get('x')?.effect_size?.name, 'ks_statistic');
    assert.equal(m.get('c')?.effect_size?.name, 'jensen_shannon');
  });

  it('the p-value is the test’s own; the statistic is the exact one', () => {
    const a = columns(3000, 1);
    const b = columns(2500, 2, 0.2);
    const x = byName(compareSides(side(a, TYPES), side(b, TYPES)).columns).get('x') as ColumnDrift;
    const expected = ks2samp(a.x, b.x);
    assert.equal(x.statistic, expected.statistic);
    assert.equal(x.p_value, expected.p_value);
  });

  it('drifts only when the effect exceeds its threshold AND p < alpha / m', () => {
    // Large samples, small shift: significant, but D below 0.02.
    const large = [side(columns(200000, 1), TYPES), side(columns(200000, 2, 0.02), TYPES)] as const;
    const small = byName(compareSides(...large).columns).get('x') as ColumnDrift;
    assert.ok((small.p_value as number) < 0.002);
    assert.ok((small.effect_size?.value as number) < 0.02);
    assert.equal(small.drifted, false);
    // Small samples, big D by chance is not significant: D > 0.1 alone does not drift.
    const noisy = byName(compareSides(side(columns(30, 3), TYPES), side(columns(30, 4), TYPES)).columns);
    for (const c of noisy.values()) assert.equal(c.drifted, false, c.name);
    assert.ok([...noisy.values()].some((c) => (c.effect_size?.value as number) > 0.1));
    // A real shift: both.
    const big = byName(compareSides(side(columns(2000, 5), TYPES), side(columns(2000, 6, 1), TYPES)).columns).get(
      'x',
    ) as ColumnDrift;
    assert.equal(big.drifted, true);
    // --threshold lowers the effect bar: the small shift now drifts.
    const lowered = byName(compareSides(...large, { threshold: 0.005 }).columns).get('x') as ColumnDrift;
    assert.equal(lowered.drifted, true);
  });

  it('category drift: a value gone and a new one', () => {
    const a = columns(3000, 1);
    const b = columns(3000, 2);
    b.c = b.c.map((v) => (v === 'c0' ? 'c9' : v));
    const c = byName(compareSides(side(a, TYPES), side(b, TYPES)).columns).get('c') as ColumnDrift;
    assert.equal(c.drifted, true);
    assert.equal(c.parameters?.categories, 5);
  });

  it('columns only on one side, opaque, or without values: listed, not compared, not counted in m', () => {
    const a = { ...columns(500, 1), gone: normal(500, 9), img: Array(500).fill('x'), empty: Array(500).fill(null) };
    const b = { ...columns(500, 2), added: normal(500, 8), img: Array(500).fill('y'), empty: normal(500, 7) };
    const types = { ...TYPES, gone: 'float', added: 'float', img: 'image', empty: 'float' };
    const r = compareSides(side(a, types), side(b, types));
    assert.equal(r.policy.m, 5);
    assert.equal(r.policy.p_value_threshold, 0.002);
    const m = byName(r.columns);
    assert.deepEqual(
      ['gone', 'added', 'img', 'empty'].map((n) => [m.get(n)?.note, m.get(n)?.method, m.get(n)?.drifted]),
      [
        ['only in the reference', null, false],
        ['only in the current data', null, false],
        ['image values are not compared', null, false],
        ['no values in the reference', null, false],
      ],
    );
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['x', 'n', 'c', 'b', 'when', 'gone', 'img', 'empty', 'added'],
    );
  });

  it('types that cannot be compared with each other are listed with a note; integer with float is compared', () => {
    const r = compareSides(
      side({ a: [1, 2, 3], b: [1, 2, 3] }, { a: 'integer', b: 'integer' }),
      side({ a: ['x', 'y', 'z'], b: [1.5, 2, 3] }, { a: 'string', b: 'float' }),
    );
    const m = byName(r.columns);
    assert.equal(m.get('a')?.method, null);
    assert.equal(m.get('a')?.note, 'type integer in the reference, string in the current data');
    assert.equal(m.get('b')?.method, 'ks');
    assert.equal(m.get('b')?.note, 'type integer in the reference, float in the current data');
  });

  it('distance methods: no p-value, drifted when statistic >= threshold; Wasserstein in reference std', () => {
    const a = columns(4000, 1);
    const b = columns(4000, 2, 0.15);
    const r = compareSides(side(a, TYPES), side(b, TYPES), { method: 'wasserstein' });
    const x = byName(r.columns).get('x') as ColumnDrift;
    assert.equal(x.method, 'wasserstein');
    assert.equal(x.p_value, null);
    assert.equal(x.effect_size, undefined);
    assert.equal(x.statistic, wasserstein(a.x, b.x).statistic);
    const std = x.parameters?.reference_std as number;
    assert.ok(Math.abs(std - 1) < 0.05, `std ${std}`);
    assert.equal(x.threshold, 0.1 * std);
    assert.equal(x.parameters?.normed_by, 'reference std');
    assert.equal(x.drifted, (x.statistic as number) >= (x.threshold as number));
    assert.equal(x.drifted, true);
    // Categories keep their default test.
    assert.equal(byName(r.columns).get('c')?.method, 'chi-square');

    const js = byName(compareSides(side(a, TYPES), side(b, TYPES), { method: 'jensen-shannon' }).columns).get('c');
    assert.equal(js?.method, 'jensen-shannon');
    assert.equal(js?.threshold, 0.1);
    assert.equal(js?.parameters?.log_base, 'e');
    const psi = byName(compareSides(side(a, TYPES), side(b, TYPES), { method: 'psi' }).columns);
    assert.equal(psi.get('x')?.threshold, 0.2);
    assert.equal(psi.get('x')?.parameters?.bins, 10);
    assert.equal(psi.get('x')?.parameters?.epsilon, 1e-4);
    assert.equal(psi.get('c')?.method, 'psi');
  });

  it('dataset drift at the dataset threshold share', () => {
    const a = columns(3000, 1);
    const b = { ...columns(3000, 2, 1), n: draws(3000, 9, [4, 3, 2, 1]), when: a.when };
    const r = compareSides(side(a, TYPES), side(b, TYPES));
    assert.equal(r.columns.filter((c) => c.drifted).length, 2); // x and n
    assert.equal(r.drifted_share, 0.4);
    assert.equal(r.dataset_drift, false);
    assert.equal(compareSides(side(a, TYPES), side(b, TYPES), { datasetThreshold: 0.4 }).dataset_drift, true);
  });

  it('from profiles alone: sketch-derived statistics state their bound', () => {
    const a = columns(20000, 1);
    const b = columns(20000, 2, 0.5);
    const exact = byName(compareSides(side(a, TYPES), side(b, TYPES)).columns).get('x') as ColumnDrift;
    const sketch = byName(compareSides(side(a, TYPES, false), side(b, TYPES, false)).columns).get('x') as ColumnDrift;
    assert.equal(sketch.parameters?.values, 'sketch');
    const bound = sketch.parameters?.statistic_error_bound as number;
    assert.ok(Math.abs((sketch.statistic as number) - (exact.statistic as number)) <= bound);
    assert.equal(sketch.drifted, exact.drifted);
  });
});

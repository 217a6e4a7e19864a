import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ksNumbers,
  type NumberSample,
  numberSample,
  psiNumbers,
  wassersteinNumbers,
} from '../../../src/data/drift/numbers.js';
import { profileColumns } from '../../../src/data/profile/profile.js';
import { ks2samp, psi, wasserstein } from '../../../src/data/stats/index.js';
import { countedNumbers, draws, normal } from './helpers.js';

function exactSample(values: number[]): NumberSample {
  return numberSample({ type: 'float' } as never, countedNumbers(values)) as NumberSample;
}

function sketchSample(values: number[], type = 'float'): NumberSample {
  const profile = profileColumns({ x: values }, { types: { x: type }, seed: 3 });
  return numberSample(profile.columns.x as never) as NumberSample;
}

/** |a − b| <= tol·max(1, |b|). */
function near(a: number, b: number, tol = 1e-12): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
}

// Integer data with many ties: counts matter, and the exact path (max n <= 10,000) and the
// asymptotic one (above) are both exercised.
const cases: [string, number[], number[]][] = [
  ['small, ties, unequal sizes', draws(37, 1, [3, 1, 4, 1, 5]), draws(61, 2, [2, 7, 1, 8, 2])],
  ['equal sizes', draws(500, 3, [1, 2, 3, 4]), draws(500, 4, [1, 2, 3, 5])],
  ['exact path at 10,000', draws(10000, 5, [5, 4, 3, 2, 1, 1]), draws(9000, 6, [5, 4, 3, 2, 1, 2])],
  ['asymptotic path', draws(30000, 7, [1, 1, 1, 1]), draws(12000, 8, [1, 1, 1, 1.05])],
  ['continuous', normal(800, 9), normal(700, 10, 0.1)],
];

describe('KS on counted values', () => {
  for (const [name, x, y] of cases) {
    it(`equals ks_2samp on the expanded samples: ${name}`, () => {
      const r = ksNumbers(exactSample(x), exactSample(y));
      const expected = ks2samp(x, y);
      near(r.statistic, expected.statistic);
      near(r.p_value, expected.p_value);
      assert.equal(r.parameters.p_value_method, expected.parameters.method_used === 'exact' ? 'exact' : 'asymptotic');
      assert.equal(r.parameters.values, 'exact');
      assert.equal(r.parameters.n_reference, x.length);
    });
  }

  it('from KLL sketches: D within the stated bound of the exact D, and said to be from sketches', () => {
    for (const [x, y] of [
      [normal(50000, 11), normal(40000, 12, 0.05)],
      [normal(20000, 13), normal(30000, 14, 0, 1.2)],
      [draws(60000, 15, [5, 4, 3, 2, 1]), draws(60000, 16, [4, 4, 3, 2, 1])],
    ] as const) {
      const exact = ksNumbers(exactSample(x), exactSample(y));
      const sketch = ksNumbers(sketchSample(x), sketchSample(y));
      assert.equal(sketch.parameters.values, 'sketch');
      const bound = sketch.parameters.statistic_error_bound as number;
      assert.ok(bound > 0.03 && bound < 0.04, `bound ${bound}`);
      assert.ok(Math.abs(sketch.statistic - exact.statistic) <= bound, `${sketch.statistic} vs ${exact.statistic}`);
    }
  });

  it('a sketch that kept every value is exact and gives the exact result', () => {
    const x = normal(150, 17);
    const y = normal(120, 18, 0.3);
    const r = ksNumbers(sketchSample(x), sketchSample(y));
    assert.equal(r.parameters.values, 'exact');
    assert.deepEqual(r.parameters.source, {
      reference: 'kll sketch, every value kept',
      current: 'kll sketch, every value kept',
    });
    assert.equal(r.parameters.statistic_error_bound, undefined);
    near(r.statistic, ks2samp(x, y).statistic);
    near(r.p_value, ks2samp(x, y).p_value);
  });

  it('leaves ±Infinity out and says so', () => {
    const exact = countedNumbers([1, 2, 3, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    const s = numberSample({ type: 'float' } as never, exact) as NumberSample;
    assert.equal(s.n, 3);
    assert.equal(s.infinite, 2);
    const r = ksNumbers(s, exactSample([1, 2, 4]));
    assert.deepEqual(r.parameters.infinite_left_out, { reference: 2, current: 0 });
  });
});

describe('Wasserstein on counted values', () => {
  for (const [name, x, y] of cases) {
    it(`equals wasserstein_distance on the expanded samples: ${name}`, () => {
      near(wassersteinNumbers(exactSample(x), exactSample(y)).statistic, wasserstein(x, y).statistic, 1e-10);
    });
  }

  it('from sketches: within the stated bound', () => {
    const x = normal(40000, 19, 10, 2);
    const y = normal(40000, 20, 10.3, 2);
    const exact = wassersteinNumbers(exactSample(x), exactSample(y)).statistic;
    const sketch = wassersteinNumbers(sketchSample(x), sketchSample(y));
    assert.ok(Math.abs(sketch.statistic - exact) <= (sketch.parameters.statistic_error_bound as number));
  });
});

describe('PSI on counted values', () => {
  it('equals psi on the expanded samples (reference deciles, epsilon)', () => {
    for (const [, x, y] of cases) {
      const r = psiNumbers(exactSample(x), exactSample(y), 10, 1e-4);
      const expected = psi(x, y, { bins: 10, epsilon: 1e-4 });
      assert.deepEqual(r.parameters.edges, expected.parameters.edges);
      near(r.statistic, expected.statistic);
      assert.equal(r.parameters.bins, expected.parameters.bins);
    }
  });
});

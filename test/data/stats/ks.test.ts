import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kstwoSf, smirnovSf } from '../../../src/data/stats/kolmogorov.js';
import { type KsMethod, ks2samp } from '../../../src/data/stats/ks.js';
import { close, fixture, type GenSpec, gen } from './gen.js';

interface Expect {
  statistic: number;
  p_value: number;
  location: number;
  sign: number;
}
interface Case {
  name: string;
  x?: number[];
  y?: number[];
  gx?: GenSpec;
  gy?: GenSpec;
  auto: Expect;
  exact?: Expect;
  asymp: Expect;
}
const fx = fixture<{
  cases: Case[];
  kstwo: { n: number; x: number; sf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
}>('ks.json');

describe('ks2samp matches scipy.stats.ks_2samp', () => {
  for (const c of fx.cases) {
    const x = c.x ?? gen(c.gx as GenSpec);
    const y = c.y ?? gen(c.gy as GenSpec);
    for (const m of ['auto', 'exact', 'asymp'] as KsMethod[]) {
      const e = c[m];
      if (!e) continue;
      it(`${c.name} (${m})`, () => {
        const r = ks2samp(x, y, { method: m });
        assert.ok(close(r.statistic, e.statistic, 1e-12, 1e-15), `D ${r.statistic} vs ${e.statistic}`);
        assert.equal(r.parameters.statistic_location, e.location);
        assert.equal(r.parameters.statistic_sign, e.sign);
        const exact = r.parameters.method_used === 'exact';
        // exact p-values to 1e-9 (relative, with an absolute floor at scipy's ~1e-16 resolution);
        // asymptotic (kstwo) p-values to relative 1e-6.
        const ok = exact ? close(r.p_value, e.p_value, 1e-9, 1e-15) : close(r.p_value, e.p_value, 1e-6, 1e-300);
        assert.ok(ok, `p ${r.p_value} vs ${e.p_value} (${r.parameters.method_used})`);
      });
    }
  }

  it('accepts pre-sorted input without copying semantics changing the result', () => {
    const x = Float64Array.from([3, 1, 2, 5, 4]).sort();
    const y = Float64Array.from([2.5, 6, 7, 1.5]).sort();
    assert.deepEqual(ks2samp(x, y, { sorted: true }), ks2samp([3, 1, 2, 5, 4], [2.5, 6, 7, 1.5]));
  });

  it('propagates NaN like scipy by default and can omit it', () => {
    assert.ok(Number.isNaN(ks2samp([1, Number.NaN, 3], [2, 4]).p_value));
    assert.deepEqual(
      ks2samp([1, Number.NaN, 3], [2, 4], { nanPolicy: 'omit' }).statistic,
      ks2samp([1, 3], [2, 4]).statistic,
    );
    assert.throws(() => ks2samp([1, Number.NaN], [2], { nanPolicy: 'raise' }));
    assert.throws(() => ks2samp([], [2]));
  });
});

describe('kstwo.sf and smirnov match scipy', () => {
  for (const k of fx.kstwo) {
    it(`kstwo.sf(${k.x}, ${k.n})`, () => {
      const v = kstwoSf(k.x, k.n);
      assert.ok(close(v, k.sf, 1e-9, 1e-300), `${v} vs ${k.sf}`);
    });
  }
  for (const k of fx.smirnov) {
    it(`smirnov(${k.n}, ${k.x})`, () => {
      const v = smirnovSf(k.n, k.x);
      assert.ok(close(v, k.sf, 1e-9, 1e-300), `${v} vs ${k.sf}`);
    });
  }
});

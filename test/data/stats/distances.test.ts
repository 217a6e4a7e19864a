import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hellinger,
  jensenShannon,
  lInfinity,
  psi,
  psiFromCounts,
  wasserstein,
} from '../../../src/data/stats/distances.js';
import { close, fixture, type GenSpec, gen } from './gen.js';

const fx = fixture<{
  categorical: {
    name: string;
    p: number[];
    q: number[];
    js_e: number;
    js_2: number;
    js_10: number;
    hellinger: number;
    linf: number;
  }[];
  psi_counts: { name: string; reference: number[]; current: number[]; epsilon?: number; psi: number }[];
  psi_raw: {
    name: string;
    gx: GenSpec;
    gy: GenSpec;
    bins: number;
    edges: number[];
    reference_counts: number[];
    current_counts: number[];
    psi: number;
  }[];
  wasserstein: {
    name: string;
    u?: number[];
    v?: number[];
    u_weights?: number[];
    v_weights?: number[];
    gu?: GenSpec;
    gv?: GenSpec;
    gu_weights?: GenSpec;
    gv_weights?: GenSpec;
    w: number;
  }[];
}>('distances.json');

const ok = (a: number, e: number, what: string) => assert.ok(close(a, e, 1e-9, 1e-12), `${what}: ${a} vs ${e}`);

describe('categorical distances match scipy / numpy', () => {
  for (const c of fx.categorical) {
    it(c.name, () => {
      ok(jensenShannon(c.p, c.q).statistic, c.js_e, 'js e');
      ok(jensenShannon(c.p, c.q, { base: 2 }).statistic, c.js_2, 'js 2');
      ok(jensenShannon(c.p, c.q, { base: 10 }).statistic, c.js_10, 'js 10');
      ok(hellinger(c.p, c.q).statistic, c.hellinger, 'hellinger');
      ok(lInfinity(c.p, c.q).statistic, c.linf, 'linf');
    });
  }
  it('published reference values', () => {
    const p = [0.1, 0.4, 0.5];
    const q = [0.8, 0.15, 0.05];
    ok(jensenShannon(p, q).statistic, 0.5396858721757166, 'js');
    ok(jensenShannon(p, q, { base: 2 }).statistic, 0.6482287947757128, 'js2');
    ok(hellinger(p, q).statistic, 0.5604412817045549, 'hellinger');
    ok(lInfinity(p, q).statistic, 0.7, 'linf');
    ok(psiFromCounts(p, q).statistic, 2.7369796842761374, 'psi');
    ok(psiFromCounts([0.5, 0.3, 0.2, 0], [0.4, 0.3, 0.2, 0.1]).statistic, 0.7123991075017365, 'psi zero-fill');
  });
});

describe('PSI', () => {
  for (const c of fx.psi_counts) {
    it(c.name, () => {
      const r = psiFromCounts(c.reference, c.current, c.epsilon === undefined ? {} : { epsilon: c.epsilon });
      ok(r.statistic, c.psi, 'psi');
      assert.equal(r.parameters.epsilon, c.epsilon ?? 1e-4);
    });
  }
  for (const c of fx.psi_raw) {
    it(`${c.name} (reference-quantile bins)`, () => {
      const r = psi(gen(c.gx), gen(c.gy), { bins: c.bins });
      assert.deepEqual(r.parameters.edges, c.edges);
      assert.equal(r.parameters.binning, 'quantile');
      ok(r.statistic, c.psi, 'psi');
      ok(psi(gen(c.gx), gen(c.gy), { edges: c.edges }).statistic, c.psi, 'psi given edges');
    });
  }
});

describe('wasserstein matches scipy.stats.wasserstein_distance', () => {
  for (const c of fx.wasserstein) {
    it(c.name, () => {
      const u = c.u ?? gen(c.gu as GenSpec);
      const v = c.v ?? gen(c.gv as GenSpec);
      const uWeights = c.u_weights ?? (c.gu_weights && gen(c.gu_weights));
      const vWeights = c.v_weights ?? (c.gv_weights && gen(c.gv_weights));
      const opts = { ...(uWeights ? { uWeights } : {}), ...(vWeights ? { vWeights } : {}) };
      ok(wasserstein(u, v, opts).statistic, c.w, 'w1');
    });
  }
  it('published reference values', () => {
    ok(
      wasserstein([0.1, 0.5, 0.9, 1.3, 2.0, 2.2, 3.1, 4.0], [0.3, 1.1, 1.9, 2.5, 2.7, 3.3, 3.9, 4.4, 5.0, 5.1])
        .statistic,
      1.2575,
      'w',
    );
    ok(wasserstein([0, 1, 3], [5, 6, 8], { uWeights: [0, 1, 0.5] }).statistic, 4.666666666666667, 'weighted');
  });
});

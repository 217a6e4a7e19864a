import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chi2Contingency } from '../../../src/data/stats/chi2.js';
import { chi2Sf } from '../../../src/data/stats/gamma.js';
import { close, fixture } from './gen.js';

interface Expect {
  statistic: number;
  p_value: number;
  dof: number;
}
const fx = fixture<{
  cases: { name: string; reference: number[]; current: number[]; correction: Expect; no_correction: Expect }[];
  sf: { x: number; dof: number; sf: number }[];
}>('chi2.json');

describe('chi2Contingency matches scipy.stats.chi2_contingency', () => {
  for (const c of fx.cases) {
    for (const correction of [true, false]) {
      const e = correction ? c.correction : c.no_correction;
      it(`${c.name} (correction=${correction})`, () => {
        const r = chi2Contingency(c.reference, c.current, { correction });
        assert.equal(r.parameters.dof, e.dof);
        assert.equal(r.parameters.yates_applied, correction && e.dof === 1);
        assert.ok(close(r.statistic, e.statistic, 1e-9, 1e-12), `stat ${r.statistic} vs ${e.statistic}`);
        assert.ok(close(r.p_value, e.p_value, 1e-9, 1e-300), `p ${r.p_value} vs ${e.p_value}`);
      });
    }
  }
  it('rejects an empty sample', () => {
    assert.throws(() => chi2Contingency([0, 0], [1, 2]));
  });
});

describe('chi2Sf matches scipy.stats.chi2.sf', () => {
  for (const s of fx.sf) {
    it(`sf(${s.x}, ${s.dof})`, () => {
      const v = chi2Sf(s.x, s.dof);
      assert.ok(close(v, s.sf, 1e-11, 1e-300), `${v} vs ${s.sf}`);
    });
  }
});

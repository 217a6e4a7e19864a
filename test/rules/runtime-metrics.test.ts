// The run-time rules on metrics: what must be collected and never arrived, notification thresholds,
// and performance from ground truth against goals and test results. Wilson intervals checked against
// scipy (binomtest(k, n).proportion_ci(confidence_level=0.99, method='wilson')).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { metricThreshold } from '../../src/rules/monitoring/metric-threshold.js';
import { neverReceived } from '../../src/rules/monitoring/never-received.js';
import { wilson } from '../../src/rules/observed-metrics.js';
import { observedPerformance } from '../../src/rules/requirements/observed-performance.js';
import type { WindowFeedback } from '../../src/serve/window.js';
import { FIVE_MINUTES, observed, START } from './observed.js';
import { type Doc, ruleTester } from './tester.js';

describe('Wilson score interval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3 (95%); and scipy at 99%.
  const cases: [k: number, n: number, z: number, low: number, high: number][] = [
    [81, 263, 1.959963984540054, 0.2552885198782742, 0.36620957698280004],
    [15, 148, 1.959963984540054, 0.06238639953073629, 0.16048724172330803],
    [0, 20, 1.959963984540054, 0, 0.16112515805281935],
    [1, 29, 1.959963984540054, 0.006113214292762667, 0.17175521879320282],
    [81, 263, 2.5758293035489004, 0.24013690268760768, 0.3852825023182298],
    [29, 29, 2.5758293035489004, 0.813809012123496, 1],
  ];
  for (const [k, n, z, low, high] of cases) {
    test(`${k} of ${n} at z ${z.toFixed(3)}`, () => {
      const ci = wilson(k, n, z);
      assert.ok(Math.abs(ci.low - low) < 1e-12, `low ${ci.low} vs ${low}`);
      assert.ok(Math.abs(ci.high - high) < 1e-12, `high ${ci.high} vs ${high}`);
    });
  }
});

const CLASSIFICATION = { output: 'p', actual: 'delayed', threshold: 0.5 };
const project = (classification: Record<string, unknown>[] = [CLASSIFICATION]) => ({
  dovetail: 1 as const,
  name: 's',
  settings: { classification: classification as never },
});

/** Ground truth: `tp` delayed flights warned about, `fn` delayed and not warned, `tn` on time and not warned. */
function truth(tp: number, fn: number, tn = 0): WindowFeedback[] {
  const f = (delayed: boolean, p: number): WindowFeedback => ({
    kind: 'ground_truth',
    name: 'actual-arrival-delay',
    actual: { delayed },
    outputs: { p },
  });
  const times = (n: number, item: WindowFeedback) => Array.from({ length: n }, () => item);
  return [...times(tp, f(true, 0.9)), ...times(fn, f(true, 0.1)), ...times(tn, f(false, 0.1))];
}

const events = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, () => ({ outputs: { p: 0.5 }, ...extra }));

const model = (extra: Record<string, unknown> = {}): Doc => ({ kind: 'trained-model', name: 'm', ...extra });

ruleTester(neverReceived, {
  valid: [
    {
      name: 'every declared metric, log and feedback arrived (recall computed from ground truth)',
      docs: [
        model({
          algorithm_metrics: [{ metric: 'recall-7d' }, { metric: 'feature-drift-psi' }],
          log_data: [{ log: 'prediction-log' }],
          user_system_feedback: [{ short_name: 'actual-arrival-delay' }],
        }),
      ],
      project: project(),
      observed: {
        m: observed('m', {
          events: events(3, { metrics: { 'feature-drift-psi': 0.05 }, logs: ['prediction-log'] }),
          feedback: truth(1, 0),
          classification: CLASSIFICATION,
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'nothing of what the model needs collected',
      docs: [
        model({
          algorithm_metrics: [{ metric: 'recall-7d' }],
          business_metrics: [{ metric: 'warning-dismissal-rate' }],
          log_data: [{ log: 'prediction-log' }],
          user_system_feedback: [{ short_name: 'actual-arrival-delay' }],
        }),
      ],
      observed: { m: observed('m', { events: events(1200) }) },
      findings: [
        {
          message:
            /^since 2001-05-01T10:00Z \(1 window, 1,200 events\), the monitor received no metric `recall-7d` for trained-model `m`, which needs it collected \(expected in events' `metrics`\)$/,
          severity: 'warning',
          evidence: ['trained-model/m:/algorithm_metrics/0/metric'],
        },
        { message: /no metric `warning-dismissal-rate`/, evidence: ['trained-model/m:/business_metrics/0/metric'] },
        { message: /no log `prediction-log` .* \(expected in events' `logs`\)$/ },
        { message: /no feedback `actual-arrival-delay` .* \(expected to the feedback endpoint with this `name`\)$/ },
      ],
    },
  ],
});

/** Older windows' digests with this confusion (actual → predicted counts), one per five minutes before START. */
const earlier = (windows: number, confusion: Record<string, Record<string, number>>) =>
  Array.from({ length: windows }, (_, i) => {
    const start = START - (windows - i) * FIVE_MINUTES;
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + FIVE_MINUTES).toISOString(),
      windows: 1,
      events: 10,
      metrics: {},
      confusion,
    };
  });

ruleTester(metricThreshold, {
  valid: [
    {
      name: 'a reported metric on the healthy side',
      docs: [model({ algorithm_metrics: [{ metric: 'feature-drift-psi', operator: '<', threshold: 0.2 }] })],
      observed: { m: observed('m', { events: events(4, { metrics: { 'feature-drift-psi': 0.1 } }) }) },
    },
    {
      name: 'a computed recall below the threshold whose interval still reaches it (18 of 40: 0.269–0.645)',
      docs: [model({ algorithm_metrics: [{ metric: 'recall-7d', operator: '>=', threshold: 0.5, window: '7d' }] })],
      project: project(),
      observed: { m: observed('m', { events: events(1), feedback: truth(18, 22), classification: CLASSIFICATION }) },
    },
    {
      name: 'recall over seven days: bad windows older than the metric’s window do not count',
      docs: [model({ algorithm_metrics: [{ metric: 'recall-1h', operator: '>=', threshold: 0.5, window: '1h' }] })],
      project: project(),
      observed: {
        m: observed('m', {
          events: events(1),
          feedback: truth(30, 10),
          classification: CLASSIFICATION,
          history: [
            ...earlier(1, { true: { false: 500 } }).map((d) => ({
              ...d,
              start: '2001-04-01T00:00:00.000Z',
              end: '2001-04-01T00:05:00.000Z',
            })),
          ],
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'a reported metric over its threshold, averaged over the metric’s window',
      docs: [
        model({ algorithm_metrics: [{ metric: 'feature-drift-psi', operator: '<', threshold: 0.2, window: '1h' }] }),
      ],
      observed: {
        m: observed('m', {
          events: [
            ...events(2, { metrics: { 'feature-drift-psi': 0.3 } }),
            ...events(2, { metrics: { 'feature-drift-psi': 0.2 } }),
          ],
        }),
      },
      findings: [
        {
          message:
            /^`feature-drift-psi` of trained-model `m` averaged 0\.25 over the last 1h \(4 values in 1 windows\); its threshold is < 0\.2$/,
          severity: 'warning',
          evidence: ['trained-model/m:/algorithm_metrics/0/threshold'],
        },
      ],
    },
    {
      name: 'recall from a week of ground truth, its whole interval under the threshold (10 of 40: 0.118–0.453)',
      docs: [model({ algorithm_metrics: [{ metric: 'recall-7d', operator: '>=', threshold: 0.5, window: '7d' }] })],
      project: project(),
      observed: {
        m: observed('m', {
          events: events(1),
          feedback: truth(4, 18),
          classification: CLASSIFICATION,
          history: earlier(3, { true: { true: 2, false: 4 } }),
        }),
      },
      findings: [
        {
          message:
            /^`recall-7d` of trained-model `m` over the last 7d: recall 0\.25 \(99% Wilson interval 0\.118–0\.453; 10 of 40 from ground truth, 4 windows\); its threshold is >= 0\.5$/,
        },
      ],
    },
  ],
});

const goals = (baseline: number): Doc => ({
  kind: 'system-context',
  name: 'ctx',
  goals: [{ id: 'G-01', goal: 'Warn of most delays', metric: 'recall', baseline }],
});

ruleTester(observedPerformance, {
  valid: [
    {
      name: 'recall meets the baseline and the test result within its interval (25 of 40: 0.424–0.791)',
      docs: [goals(0.5), model({ test_metrics: [{ metric: 'recall', result: 0.7 }] })],
      project: project(),
      observed: { m: observed('m', { events: events(1), feedback: truth(25, 15), classification: CLASSIFICATION }) },
    },
    {
      name: 'no classification set: nothing computed',
      docs: [goals(0.9), model()],
      observed: { m: observed('m', { events: events(1), feedback: truth(1, 39) }) },
    },
  ],
  invalid: [
    {
      name: 'recall below the goal’s baseline and the test result',
      docs: [goals(0.5), model({ test_metrics: [{ metric: 'recall', result: 0.62 }] })],
      project: project(),
      observed: {
        m: observed('m', { events: events(1), feedback: truth(10, 30, 50), classification: CLASSIFICATION }),
      },
      findings: [
        {
          message:
            /^trained-model `m` in operation: recall 0\.25 \(99% Wilson interval 0\.118–0\.453; 10 of 40 from ground truth, 1 window\); goal G-01 of system-context `ctx` needs recall >= 0\.5$/,
          severity: 'error',
          evidence: ['system-context/ctx:/goals/0/baseline'],
        },
        {
          message: /recall 0\.25 .*; it has a test recall of 0\.62$/,
          severity: 'warning',
          evidence: ['trained-model/m:/test_metrics/0/result'],
        },
      ],
    },
  ],
});

import type { Rule } from '../types.js';
import { belowBaseline } from './below-baseline.js';
import { goalMetricUnevaluated } from './goal-metric-unevaluated.js';
import { goalNotMeasured } from './goal-not-measured.js';
import { observedPerformance } from './observed-performance.js';
import { riskWithoutMetric } from './risk-without-metric.js';
import { thresholdVsTest } from './threshold-vs-test.js';

export const rules: Rule[] = [
  goalNotMeasured,
  belowBaseline,
  goalMetricUnevaluated,
  thresholdVsTest,
  riskWithoutMetric,
  observedPerformance,
];

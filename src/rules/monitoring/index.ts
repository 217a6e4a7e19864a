import type { Rule } from '../types.js';
import {
  algorithmMetricNotCollected,
  businessMetricNotCollected,
  feedbackNotCollected,
  logNotKept,
} from './collected.js';
import { groundTruthMissing } from './ground-truth-missing.js';
import { inputsNotLogged } from './inputs-not-logged.js';
import { logRetention } from './log-retention.js';
import { metricThreshold } from './metric-threshold.js';
import { neverReceived } from './never-received.js';
import { noDriftMetric } from './no-drift-metric.js';
import { thresholdMissing } from './threshold-missing.js';

export const rules: Rule[] = [
  businessMetricNotCollected,
  algorithmMetricNotCollected,
  logNotKept,
  feedbackNotCollected,
  logRetention,
  groundTruthMissing,
  thresholdMissing,
  inputsNotLogged,
  noDriftMetric,
  neverReceived,
  metricThreshold,
];

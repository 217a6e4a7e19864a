import type { Rule } from '../types.js';
import { labelDistribution } from './label-distribution.js';
import { rawTrainingLabels } from './raw-training-labels.js';
import { statistics } from './statistics.js';
import { syntheticTrainingData } from './synthetic-training-data.js';
import { unseenProductionLabel } from './unseen-production-label.js';

export const rules: Rule[] = [
  statistics,
  labelDistribution,
  unseenProductionLabel,
  rawTrainingLabels,
  syntheticTrainingData,
];

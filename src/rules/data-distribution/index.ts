import type { Rule } from '../types.js';
import { labelDistribution } from './label-distribution.js';
import { profileDrift } from './profile-drift.js';
import { profileLabels } from './profile-labels.js';
import { rawTrainingLabels } from './raw-training-labels.js';
import { statistics } from './statistics.js';
import { syntheticTrainingData } from './synthetic-training-data.js';
import { unseenProductionLabel } from './unseen-production-label.js';

export const rules: Rule[] = [
  statistics,
  profileDrift,
  labelDistribution,
  profileLabels,
  unseenProductionLabel,
  rawTrainingLabels,
  syntheticTrainingData,
];

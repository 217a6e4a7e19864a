// Statistics of the training and production data, without which no drift or skew check can run.
// TEC never checks their presence, though its rules R15 and R16 depend on them.
import type { Descriptor } from '../../descriptors/system.js';
import { type Facts, predictsClasses } from '../facts.js';
import { blank, type Gap, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const dataStatisticsImportance = importance(['OD Data Statistics', 'TD Data Statistics']);

function statisticsGaps(d: Descriptor<'training-data'> | Descriptor<'production-data'>, facts: Facts): Gap[] {
  const gaps: Gap[] = [];
  if (blank(d.data.statistics) && blank(d.data.profile))
    gaps.push({ field: 'statistics or profile', path: ['statistics'] });
  if (predictsClasses(facts) && blank(d.data.distribution))
    gaps.push({ field: 'distribution', path: ['distribution'] });
  return gaps;
}

export const dataStatistics = presenceRule(
  {
    topic: 'data-statistics',
    description:
      'Training and production data have statistics (or a profile), and a label distribution when the model predicts classes.',
    rationale:
      'Training data that differs from production data gives poor accuracy in operation; it can only be noticed when both sides have statistics to compare, before launch and in monitoring.',
    remedy:
      'Run `dovetail profile` on the data set and set `profile`, or write `statistics` per field (mean, std, quartiles, missing share); for classification add the label `distribution` (share of each label).',
    tec: [],
    examples: ['M18-01', 'M19-01', 'M02-01', 'M17-08'],
    importance: dataStatisticsImportance,
  },
  { 'training-data': { gaps: statisticsGaps }, 'production-data': { gaps: statisticsGaps } },
);

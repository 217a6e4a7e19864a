import type { Descriptor } from '../../descriptors/system.js';
import { fieldPairs, pairName } from '../facts.js';
import { unitNote } from '../measure-units.js';
import { rule, worst } from '../types.js';
import { comparedByProfiles } from './profile-comparison.js';
import { compareSummaries, type FieldSummary, type StatisticProperty } from './summaries.js';

type WithStatistics = Descriptor<'training-data'> | Descriptor<'production-data'>;

/** The summary of one field, and where each of its statistics is written (the first one of each property). */
function summaryOf(d: WithStatistics, field: string): { summary: FieldSummary; index: Map<StatisticProperty, number> } {
  const summary: FieldSummary = {};
  const index = new Map<StatisticProperty, number>();
  for (const [i, s] of (d.data.statistics ?? []).entries()) {
    if (s.field !== field || index.has(s.property)) continue;
    summary[s.property] = s.value;
    index.set(s.property, i);
  }
  return { summary, index };
}

function statisticPath(index: Map<StatisticProperty, number>, property: StatisticProperty): (string | number)[] {
  const i = index.get(property);
  return i === undefined ? ['statistics'] : ['statistics', i, 'value'];
}

export const statistics = rule(
  {
    id: 'data-distribution/statistics',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'The statistics written for each production-data field are close to those of the training-data field it maps to, within stated tolerances; a field whose columns both profiles hold is compared by data-distribution/profile-drift instead.',
    rationale:
      'A model is only as good as the resemblance between the data it learned from and the data it sees: a shifted mean, a wider spread or another shape means predictions outside what was evaluated, with no error to show for it.',
    remedy:
      'Find out why the data differ (units, a changed upstream feed, another population, seasonality); fix the feed, or retrain on data that represents production, and monitor the drift in operation.',
    tec: ['R15'],
    examples: ['M18-01', 'M19-01', 'M08-01', 'M12-03', 'M15-03', 'M15-04', 'M17-08'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const pair of fieldPairs(facts)) {
      const { training, trainingField, production, productionField } = pair;
      // Measured beats typed: where both profiles compare the field, profile-drift reports it.
      if (comparedByProfiles(facts, pair)) continue;
      const own = summaryOf(training, trainingField.field_name);
      if (own.index.size === 0) continue;
      // Statistics are matched by field and property together (TEC R15 takes the first production
      // statistic with the property, whatever its field, and misses drift on the other fields).
      const theirs = summaryOf(production, productionField.field_name);
      const drifts = compareSummaries(own.summary, theirs.summary);
      if (drifts.length === 0) continue;
      const severity = worst(drifts.map((d) => d.severity));
      const value = (v: number | string) => (typeof v === 'number' ? `${v}` : `"${v}"`);
      const details = drifts.map((d) => `${d.property} ${value(d.training)} → ${value(d.production)} (${d.measure})`);
      const methods = [...new Set(drifts.map((d) => d.method))].join('; ');
      report({
        message: `${pairName(pair)} differs between training-data \`${training.name}\` and production-data \`${production.name}\`${unitNote(trainingField.unit, productionField.unit)}: ${details.join(', ')} [${methods}]`,
        cite: drifts.flatMap((d) => [
          { descriptor: training, path: statisticPath(own.index, d.property) },
          { descriptor: production, path: statisticPath(theirs.index, d.property) },
        ]),
        key: `${trainingField.field_name}->${productionField.field_name}`,
        severity,
      });
    }
  },
);

import type { Descriptor } from '../../descriptors/system.js';
import type { Facts } from '../facts.js';
import { windowText } from '../observed.js';
import { type Cite, rule } from '../types.js';
import {
  type ColumnPair,
  driftOf,
  driftSeverity,
  driftText,
  isLabelPair,
  type ProfileComparison,
  profileComparisons,
} from './profile-comparison.js';

const name = (d: Descriptor) => `${d.kind} \`${d.name}\``;

/** Which column drifted, naming the reference's column too when it is called something else. */
function drifted(comparison: ProfileComparison, pair: ColumnPair): string {
  const from = pair.reference === pair.current ? '' : `\`${pair.reference}\` of `;
  return `column \`${pair.current}\` of ${name(comparison.current)} has drifted from ${from}${name(comparison.reference)}`;
}

/** At run time the production data's profile is a window of traffic: `in window … of trained-model `m` (n events), `. */
function observedIn(facts: Facts, comparison: ProfileComparison): string {
  for (const model of facts.all('trained-model')) {
    const observed = facts.observed(model);
    const production = comparison.current as Descriptor<'production-data'>;
    if (observed && facts.productionDataOfModel(model).includes(production))
      return `${windowText(model.name, observed)}, `;
  }
  return '';
}

/** Both descriptors' `profile` fields, where the data compared are named (at run time traffic has none). */
const profileFields = (comparison: ProfileComparison): Cite[] =>
  [comparison.reference, comparison.current].map((descriptor) => ({
    descriptor,
    path: descriptor.data.profile === undefined ? [] : ['profile'],
  }));

export const profileDrift = rule(
  {
    id: 'data-distribution/profile-drift',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design', 'runtime'],
    roles: ['data-scientist', 'operations', 'data-engineer'],
    description:
      'Each column of the production data is distributed as the training column it stands for, and each training column as the raw column it was prepared from, by the profiles of the data and the drift policy of `dovetail compare`. In operation, the inputs of each window of traffic are the production data.',
    rationale:
      'A model is only as good as the resemblance between the data it learned from and the data it sees: a shifted distribution means predictions outside what was evaluated, with no error to show for it. Profiles measure that resemblance on the data themselves rather than on figures typed by hand. A column counts as drifted when its effect size exceeds the threshold and the difference is significant after the Bonferroni correction, exactly as `dovetail compare` decides; such a column is a warning, since one shifted column is a reason to look rather than proof of harm. When at least half of the compared columns drift, the data set itself is another population, which is where `compare` exits 1: then every drifted column is an error, so `check` fails by default where `compare` would. In operation each closed window is profiled and compared with the training profile the same way; the significance test keeps a small window from alarming on noise.',
    remedy:
      'Run `dovetail compare` on the two profiles to see the columns side by side; find out why they differ (units, a changed upstream feed, another population, seasonality, a filter in the preparation); fix the feed or the preparation, or retrain on data that represents production, and monitor the drift in operation.',
    tec: ['R15'],
    examples: ['M18-01', 'M19-01', 'M08-01', 'M12-03', 'M15-03', 'M15-04', 'M17-08'],
    needs: ['raw-data', 'training-data', 'production-data'],
  },
  ({ facts, phase, report }) => {
    const { trainingProduction, rawTraining } = profileComparisons(facts);
    const reportDrift = (comparison: ProfileComparison, pairs: readonly ColumnPair[]) => {
      const where = phase === 'runtime' ? observedIn(facts, comparison) : '';
      for (const pair of pairs) {
        const drift = driftOf(comparison, pair);
        if (!drift?.drifted) continue;
        report({
          message: `${where}${drifted(comparison, pair)}: ${driftText(comparison, drift)}`,
          cite: profileFields(comparison),
          key: `${pair.reference}->${pair.current}`,
          severity: driftSeverity(comparison),
        });
      }
    };
    // The label shares of training and production are profile-labels' to report.
    for (const c of trainingProduction)
      reportDrift(
        c,
        c.pairs.filter((p) => !isLabelPair(c, p)),
      );
    // Raw against training data is a design fact: the traffic does not change it.
    if (phase === 'design') for (const c of rawTraining) reportDrift(c, c.pairs);
  },
);

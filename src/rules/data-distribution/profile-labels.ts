import type { ColumnProfile, Profile } from '../../data/profile/profile.js';
import { matchFields } from '../../data/profile/schema-columns.js';
import type { Descriptor } from '../../descriptors/system.js';
import { round } from '../../descriptors/units.js';
import { type Facts, productionNameOf } from '../facts.js';
import { labelKey } from '../match.js';
import { type Cite, rule } from '../types.js';
import { compareShares, type LabelShare, labelPairs } from './label-shares.js';
import { driftOf, driftSeverity, driftText, isLabelPair, profileComparisons } from './profile-comparison.js';

/** The share of each value of a label column, in percent, when the profile counted them exactly. */
function observedShares(column: ColumnProfile | undefined): LabelShare[] | undefined {
  const frequent = column?.frequent;
  if (!frequent || frequent.errorBound > 0 || frequent.n === 0) return undefined;
  return frequent.items.map(([label, count]) => ({ label, percentage: (100 * count) / frequent.n }));
}

/** The column of a profile that a field of the schema names (the same matching as `profile --into`). */
function columnOf(schema: readonly { field_name: string }[], profile: Profile, field: string): string | undefined {
  const columns = Object.keys(profile.columns);
  const matched = [...matchFields(schema, columns)].find(([, i]) => schema[i]?.field_name === field);
  return matched?.[0] ?? (columns.includes(field) ? field : undefined);
}

/**
 * The label column of a training or production profile: the column of the one training label field
 * whose values the profile counts (in production, of the field that label maps to).
 */
function labelColumn(
  facts: Facts,
  d: Descriptor<'training-data'> | Descriptor<'production-data'>,
  profile: Profile,
): string | undefined {
  const trainings = d.kind === 'training-data' ? [d] : facts.trainingOf(d);
  const names = trainings.flatMap((t) =>
    (t.data.schema ?? []).flatMap((f) => {
      const name = f.label_field ? (d.kind === 'training-data' ? f.field_name : productionNameOf(f)) : undefined;
      return name ? [name] : [];
    }),
  );
  const columns = new Set(
    names.flatMap((name) => {
      const column = columnOf(d.data.schema ?? [], profile, name);
      return column && profile.columns[column]?.frequent ? [column] : [];
    }),
  );
  return columns.size === 1 ? [...columns][0] : undefined;
}

/** `true` 20.6% → 18.7%, for each label of either side. */
function sharesText(reference: readonly LabelShare[], current: readonly LabelShare[]): string {
  const labels = [...new Set([...reference, ...current].map((s) => s.label))];
  const share = (list: readonly LabelShare[], label: string) =>
    round(list.find((s) => labelKey(s.label) === labelKey(label))?.percentage ?? 0, 3);
  return labels.map((l) => `\`${l}\` ${share(reference, l)}% → ${share(current, l)}%`).join(', ');
}

export const profileLabels = rule(
  {
    id: 'data-distribution/profile-labels',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'The label shares the profiles count in production are those of the training data, by the drift policy of `dovetail compare`, and the label shares each data descriptor declares are those its profile counts.',
    rationale:
      'A model learns the class balance of its training data: when production has another balance, its scores are miscalibrated and thresholds chosen on training data give other precision and recall. The label column is compared as `dovetail compare` compares it (chi-square, gated by the Jensen-Shannon distance, Bonferroni over the columns compared): a warning, an error when the data set drifted as a whole. A declared share that the data contradict misleads everyone who reads the descriptor, and every rule that compares declared shares; it is judged by the tolerances of data-distribution/label-distribution.',
    remedy:
      'Check why the balance differs (season, population, a labelling change); recalibrate or re-threshold on data with the production balance, or retrain. Correct a declared share to what the data hold (`dovetail profile <data> --into <descriptor>` writes the shares of the data where none are written).',
    tec: ['R16'],
    examples: ['M18-01', 'M19-01', 'M08-01', 'M17-08'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const c of profileComparisons(facts).trainingProduction) {
      for (const pair of c.pairs.filter((p) => isLabelPair(c, p))) {
        const drift = driftOf(c, pair);
        if (!drift?.drifted) continue;
        const reference = observedShares(facts.profileOf(c.reference)?.columns[pair.reference]) ?? [];
        const current = observedShares(facts.profileOf(c.current)?.columns[pair.current]) ?? [];
        report({
          message: `label shares of production-data \`${c.current.name}\` have drifted from training-data \`${c.reference.name}\` (\`${pair.current}\`): ${sharesText(reference, current)}; ${driftText(c, drift)}`,
          cite: [
            { descriptor: c.reference, path: ['profile'] },
            { descriptor: c.current, path: ['profile'] },
          ],
          key: `${pair.reference}->${pair.current}`,
          severity: driftSeverity(c),
        });
      }
    }

    for (const d of [...facts.all('training-data'), ...facts.all('production-data')]) {
      const profile = facts.profileOf(d);
      const declared = d.data.distribution ?? [];
      if (!profile || declared.length === 0) continue;
      const column = labelColumn(facts, d, profile);
      const observed = column === undefined ? undefined : observedShares(profile.columns[column]);
      if (!observed) continue;
      // A declared label the data never hold has a share of 0.
      const absent = declared
        .filter((s) => !observed.some((o) => labelKey(o.label) === labelKey(s.label)))
        .map((s) => ({ label: s.label, percentage: 0 }));
      const pairs = labelPairs(declared, [...observed, ...absent]);
      const result = compareShares(pairs);
      if (!result.severity) continue;
      const cited: Cite[] = (result.drifted.length > 0 ? result.drifted : pairs).map((p) => ({
        descriptor: d,
        path: ['distribution', p.referenceIndex, 'percentage'],
      }));
      report({
        message: `${d.kind} \`${d.name}\` declares label shares its data (profile ${d.data.profile}, column \`${column}\`) do not have, declared → counted: ${result.text}`,
        cite: [...cited, { descriptor: d, path: ['profile'] }],
        key: 'declared-labels',
        severity: result.severity,
      });
    }
  },
);

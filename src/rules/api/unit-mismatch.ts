import type { ItemType } from '../../descriptors/vocabulary.js';
import { unitDifference } from '../measure-units.js';
import { rule } from '../types.js';
import { at, type End, mappedPairs } from './mapped-items.js';

const NUMERIC: ReadonlySet<ItemType | undefined> = new Set(['integer', 'float', undefined]);

function unitOf(end: End): string | undefined {
  const u = end.item.unit?.trim();
  return u ? u : undefined;
}

function declaredRange(end: End, unit: string): string | undefined {
  const spec = end.item.item_specification;
  if (spec?.min_value === undefined || spec.max_value === undefined) return undefined;
  return `${spec.min_value}–${spec.max_value} ${unit}`;
}

export const unitMismatch = rule(
  {
    id: 'api/unit-mismatch',
    category: 'api',
    severity: 'error',
    phases: ['design'],
    roles: ['software-engineer', 'data-engineer', 'data-scientist'],
    description:
      'Connected items agree on their unit: upstream outputs with the pipeline inputs they feed, and model outputs with the downstream inputs they feed.',
    rationale:
      'Types match, so nothing fails: every value is silently wrong by a constant factor (kilometres read as miles make every flight 1.6 times longer) and the model or the downstream component acts on it. Units that are not known to Dovetail and differ are a warning; a unit stated on one side only is information, since the other side may assume another.',
    remedy:
      'Agree on one unit and convert on one side (preferably where the value is produced), then write the same unit in both descriptors.',
    tec: [],
    examples: ['M14-01', 'M08-05', 'M18-03'],
    needs: ['development-environment'],
  },
  ({ facts, report }) => {
    for (const pair of mappedPairs(facts)) {
      const { producer, consumer } = pair;
      const pu = unitOf(producer);
      const cu = unitOf(consumer);
      const sends = `${producer.label} sends \`${producer.item.item_name}\``;
      const expects = `${consumer.label} expects \`${consumer.item.item_name}\``;
      if (pu && cu) {
        const diff = unitDifference(pu, cu);
        if (!diff) continue;
        const ranges = [declaredRange(producer, pu), declaredRange(consumer, cu)];
        const rangeText = ranges[0] && ranges[1] ? `; declared ranges ${ranges[0]} and ${ranges[1]}` : '';
        report({
          message: `${sends} in ${pu}; ${expects} in ${cu}${diff.note}${rangeText}`,
          cite: [
            { descriptor: producer.descriptor, path: at(producer, 'unit') },
            { descriptor: consumer.descriptor, path: at(consumer, 'unit') },
          ],
          key: pair.key,
          // Units Dovetail does not know may be two spellings of one unit.
          severity: diff.known ? 'error' : 'warning',
        });
      } else if ((pu || cu) && NUMERIC.has(producer.item.item_type) && NUMERIC.has(consumer.item.item_type)) {
        // Only for numbers: a unit on a boolean or a code on one side only says nothing about the other.
        const message = pu
          ? `${sends} in ${pu}; ${consumer.label} does not say which unit it expects for \`${consumer.item.item_name}\``
          : `${expects} in ${cu}; ${producer.label} does not say which unit \`${producer.item.item_name}\` is in`;
        report({
          message,
          cite: [
            { descriptor: producer.descriptor, path: pu ? at(producer, 'unit') : producer.path },
            { descriptor: consumer.descriptor, path: cu ? at(consumer, 'unit') : consumer.path },
          ],
          key: pair.key,
          severity: 'info',
        });
      }
    }
  },
);

// Contract violations the monitor counted in a window of traffic (missing and unexpected fields,
// types, ranges, allowed values, lengths, shapes, categories training never saw), as findings: one
// per field and kind of violation, citing the declaration broken, with the share of events and a few
// examples. One factory: the input rule (data-schema) and the output rule (api) differ only by side.
import type { KindId } from '../descriptors/kinds/index.js';
import type { TallyEntryJSON, ViolationKind } from '../serve/contract.js';
import { windowText } from './observed.js';
import { type Category, type Rule, rule, type Severity } from './types.js';

/** What events did, by kind of violation: `lacked the required input `x``. */
const WHAT: Record<ViolationKind, (side: string, field: string) => string> = {
  'missing-field': (side, field) => `lacked the required ${side} \`${field}\``,
  'unexpected-field': (side, field) => `had the ${side} \`${field}\`, which is not declared`,
  type: (side, field) => `had ${side} \`${field}\` of another type`,
  range: (side, field) => `had ${side} \`${field}\` out of its declared range`,
  enum: (side, field) => `had ${side} \`${field}\` outside its allowed values`,
  length: (side, field) => `had ${side} \`${field}\` of another length`,
  shape: (side, field) => `had ${side} \`${field}\` of another shape`,
  'unseen-category': (side, field) => `had values of ${side} \`${field}\` that training never saw`,
};

const percent = (part: number, whole: number) => `${Number(((100 * part) / whole).toPrecision(2))}%`;

function examplesText(entry: TallyEntryJSON): string {
  const shown = entry.examples.map((x) => (x.event === undefined ? x.found : `${x.found} (event ${x.event})`));
  const more = entry.count > shown.length ? ', …' : '';
  return `expected ${entry.examples[0]?.expected ?? 'the declaration'}; found ${shown.join(', ')}${more}`;
}

export interface ContractRuleSpec {
  id: string;
  category: Category;
  side: 'input' | 'output';
  severity: Severity;
  description: string;
  rationale: string;
  remedy: string;
  examples: string[];
  needs: KindId[];
}

export function contractRule(spec: ContractRuleSpec): Rule {
  return rule(
    {
      id: spec.id,
      category: spec.category,
      severity: spec.severity,
      phases: ['runtime'],
      roles: ['software-engineer', 'data-scientist'],
      description: spec.description,
      rationale: spec.rationale,
      remedy: spec.remedy,
      tec: [],
      examples: spec.examples,
      needs: spec.needs,
    },
    ({ facts, report }) => {
      for (const model of facts.all('trained-model')) {
        const observed = facts.observed(model);
        if (!observed) continue;
        const tally = observed.latest.contract;
        for (const entry of tally.violations) {
          if (entry.side !== spec.side) continue;
          const { kind, name } = entry.declared.descriptor;
          const declared = facts.all(kind as KindId).find((d) => d.name === name);
          if (!declared) continue;
          report({
            message: `${windowText(model.name, observed)}, ${entry.count} of ${tally.events} events (${percent(entry.count, tally.events)}) ${WHAT[entry.kind](spec.side, entry.field)}: ${examplesText(entry)}`,
            cite: [
              {
                descriptor: declared,
                path: entry.declared.path,
                value: { violations: entry.count, events: tally.events, examples: entry.examples },
              },
            ],
            key: `${model.name}:${entry.field}:${entry.kind}`,
          });
        }
      }
    },
  );
}

// Contract violations the monitor counted in a window of traffic (missing and unexpected fields,
// types, ranges, allowed values, lengths, shapes, categories training never saw), as findings: one
// per declared field and kind of violation, and one for all the fields nobody declared (a client can
// make up any number), citing the declaration broken, with the share of events and a few examples.
// One factory: the input rule (data-schema) and the output rule (api) differ only by side.
import type { KindId } from '../descriptors/kinds/index.js';
import type { TallyEntryJSON, ViolationKind } from '../serve/contract.js';
import { OTHER } from '../serve/names.js';
import { windowText } from './observed.js';
import { type Category, type Rule, rule, type Severity } from './types.js';

/** What events did, by kind of violation on a declared field: `lacked the required input `x``. */
const WHAT: Record<Exclude<ViolationKind, 'unexpected-field'>, (side: string, field: string) => string> = {
  'missing-field': (side, field) => `lacked the required ${side} \`${field}\``,
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

/** Fields named in the finding on undeclared ones; the others are counted. */
const FIELDS_SHOWN = 5;

/** What events did with fields nobody declared, the most frequent first: `had inputs that are not declared: …`. */
function undeclaredText(side: string, entries: readonly TallyEntryJSON[], events: number): string {
  const named = entries.filter((e) => e.field !== OTHER);
  const shown = named
    .slice(0, FIELDS_SHOWN)
    .map((e) => `\`${e.field}\` (${e.count} of ${events} events, ${percent(e.count, events)})`);
  const rest = named.length - Math.min(named.length, FIELDS_SHOWN);
  const others = named.length < entries.length ? `more than ${rest}` : `${rest}`;
  const more = rest || named.length < entries.length ? ` and ${others} other fields` : '';
  return `had ${side}s that are not declared: ${shown.join(', ')}${more}: ${examplesText((named[0] ?? entries[0]) as TallyEntryJSON)}`;
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
        const entries = tally.violations.filter((e) => e.side === spec.side);
        const undeclared = entries
          .filter((e) => e.kind === 'unexpected-field')
          .sort((a, b) => b.count - a.count || (a.field < b.field ? -1 : 1));
        const found: { entry: TallyEntryJSON; what: string; value: unknown; key: string }[] = [];
        const first = undeclared[0];
        if (first) {
          found.push({
            entry: first,
            what: `events ${undeclaredText(spec.side, undeclared, tally.events)}`,
            value: {
              events: tally.events,
              fields: Object.fromEntries(undeclared.map((e) => [e.field, e.count])),
              examples: first.examples,
            },
            key: `${model.name}:unexpected-field`,
          });
        }
        for (const entry of entries) {
          if (entry.kind === 'unexpected-field') continue;
          found.push({
            entry,
            what: `${entry.count} of ${tally.events} events (${percent(entry.count, tally.events)}) ${WHAT[entry.kind](spec.side, entry.field)}: ${examplesText(entry)}`,
            value: { violations: entry.count, events: tally.events, examples: entry.examples },
            key: `${model.name}:${entry.field}:${entry.kind}`,
          });
        }
        for (const { entry, what, value, key } of found) {
          const { kind, name } = entry.declared.descriptor;
          const declared = facts.all(kind as KindId).find((d) => d.name === name);
          if (!declared) continue;
          report({
            message: `${windowText(model.name, observed)}, ${what}`,
            cite: [{ descriptor: declared, path: entry.declared.path, value }],
            key,
          });
        }
      }
    },
  );
}

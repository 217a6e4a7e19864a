// One rule for every constraint of item_specification: each compares the same two specifications of
// the same connection, and what to do is the same (widen the consumer or narrow the producer), so
// they are aspects of one check rather than seven rules. Each aspect is its own finding (its own key),
// so a team can waive "lengths" on a connection and still hear about its ranges.

import { typesCompatible } from '../match.js';
import { unitDifference } from '../measure-units.js';
import { type RangeAspect, type RangeProblem, rangeProblems } from '../ranges.js';
import type { Severity } from '../types.js';
import { rule } from '../types.js';
import { listSome } from '../wording.js';
import { at, type End, type MappedPair, mappedPairs } from './mapped-items.js';

type Spec = NonNullable<End['item']['item_specification']>;

interface Problem {
  aspect: string;
  /** What the producer may send: "up to 8208". */
  sends: string;
  /** What the consumer accepts: "only up to 5100". */
  accepts: string;
  producerPath: string[];
  consumerPath: string[];
  severity: Severity;
}

const SPEC = 'item_specification';
const CHARACTER_NAMES = {
  empty: 'empty text',
  numeric: 'digits',
  slashes: 'slashes',
  spaces: 'spaces',
  special: 'special characters',
} as const;

const imageFormat = (f: string) =>
  f
    .trim()
    .toLowerCase()
    .replace(/^jpeg$/, 'jpg')
    .replace(/^tiff$/, 'tif');
const dims = (shape: readonly (number | null)[]) => `[${shape.map((d) => (d === null ? 'any' : d)).join(', ')}]`;

/** What the producer may send beyond what the consumer accepts, by bound. */
type Beyond = ReadonlyMap<RangeAspect, RangeProblem>;

function rangeProblem(p: Spec, c: Spec, beyond: Beyond): Problem | undefined {
  const low = beyond.has('min_value');
  const high = beyond.has('max_value');
  if (!low && !high) return undefined;
  const field = low && high ? [SPEC] : [SPEC, low ? 'min_value' : 'max_value'];
  const sends =
    low && high ? `from ${p.min_value} to ${p.max_value}` : low ? `as low as ${p.min_value}` : `up to ${p.max_value}`;
  const accepts =
    c.min_value !== undefined && c.max_value !== undefined
      ? `from ${c.min_value} to ${c.max_value}`
      : c.min_value !== undefined
        ? `from ${c.min_value}`
        : `up to ${c.max_value}`;
  return {
    aspect: 'range',
    sends,
    accepts: `only ${accepts}`,
    producerPath: field,
    consumerPath: field,
    severity: 'warning',
  };
}

function valuesProblem(p: Spec, c: Spec, beyond: Beyond, numericRange: boolean): Problem | undefined {
  const values = p.allowed_values;
  if (!values?.length) return undefined;
  const path = [SPEC, 'allowed_values'];
  if (c.allowed_values?.length) {
    const extra = beyond.get('allowed_values')?.unseen ?? [];
    if (extra.length === 0) return undefined;
    return {
      aspect: 'values',
      sends: `as ${listSome(extra)}`,
      accepts: `only ${listSome(c.allowed_values)}`,
      producerPath: path,
      consumerPath: path,
      severity: 'warning',
    };
  }
  const outside = values.filter(
    (v) =>
      (numericRange &&
        typeof v === 'number' &&
        ((c.min_value !== undefined && v < c.min_value) || (c.max_value !== undefined && v > c.max_value))) ||
      (typeof v === 'string' &&
        ((c.max_length !== undefined && v.length > c.max_length) ||
          (c.min_length !== undefined && v.length < c.min_length))),
  );
  if (outside.length === 0) return undefined;
  const limits = [
    c.min_value !== undefined || c.max_value !== undefined
      ? `values from ${c.min_value ?? '-∞'} to ${c.max_value ?? '∞'}`
      : '',
    c.min_length !== undefined || c.max_length !== undefined
      ? `${c.min_length ?? 0} to ${c.max_length ?? '∞'} characters`
      : '',
  ].filter(Boolean);
  return {
    aspect: 'values',
    sends: `as ${listSome(outside)}`,
    accepts: `only ${limits.join(' and ')}`,
    producerPath: path,
    consumerPath: [SPEC],
    severity: 'warning',
  };
}

function lengthProblem(p: Spec, c: Spec, beyond: Beyond): Problem | undefined {
  const long = beyond.has('max_length');
  const short = beyond.has('min_length');
  if (!long && !short) return undefined;
  const field = long && short ? [SPEC] : [SPEC, long ? 'max_length' : 'min_length'];
  const sends = [short ? `as short as ${p.min_length}` : '', long ? `as long as ${p.max_length}` : '']
    .filter(Boolean)
    .join(' and ');
  const accepts = [short ? `at least ${c.min_length}` : '', long ? `at most ${c.max_length}` : '']
    .filter(Boolean)
    .join(' and ');
  return {
    aspect: 'length',
    sends: `${sends} characters`,
    accepts: `${accepts} characters`,
    producerPath: field,
    consumerPath: field,
    severity: 'warning',
  };
}

function charactersProblem(p: Spec, c: Spec): Problem | undefined {
  if (!p.characters || !c.characters) return undefined;
  const refused = (Object.keys(CHARACTER_NAMES) as (keyof typeof CHARACTER_NAMES)[]).filter(
    (k) => p.characters?.[k] === true && c.characters?.[k] === false,
  );
  if (refused.length === 0) return undefined;
  const names = refused.map((k) => CHARACTER_NAMES[k]).join(', ');
  const path = [SPEC, 'characters'];
  return {
    aspect: 'characters',
    sends: `with ${names}`,
    accepts: `no ${names}`,
    producerPath: path,
    consumerPath: path,
    severity: 'warning',
  };
}

function imageProblems(p: Spec, c: Spec): Problem[] {
  const out: Problem[] = [];
  const differs = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && a !== b;
  if (differs(p.resolution_x, c.resolution_x) || differs(p.resolution_y, c.resolution_y)) {
    const size = (s: Spec) => `${s.resolution_x ?? '?'}×${s.resolution_y ?? '?'}`;
    out.push({
      aspect: 'resolution',
      sends: `as ${size(p)} pixel images`,
      accepts: `only ${size(c)} pixel images`,
      producerPath: [SPEC],
      consumerPath: [SPEC],
      severity: 'error',
    });
  }
  if (differs(p.channels, c.channels)) {
    const path = [SPEC, 'channels'];
    out.push({
      aspect: 'channels',
      sends: `with ${p.channels} channel${p.channels === 1 ? '' : 's'}`,
      accepts: `only ${c.channels} channel${c.channels === 1 ? '' : 's'}`,
      producerPath: path,
      consumerPath: path,
      severity: 'error',
    });
  }
  if (p.image_format && c.image_format && imageFormat(p.image_format) !== imageFormat(c.image_format)) {
    const path = [SPEC, 'image_format'];
    out.push({
      aspect: 'format',
      sends: `as ${p.image_format}`,
      accepts: `only ${c.image_format}`,
      producerPath: path,
      consumerPath: path,
      severity: 'error',
    });
  }
  return out;
}

function shapeProblem(p: Spec, c: Spec): Problem | undefined {
  if (!p.shape || !c.shape) return undefined;
  const path = [SPEC, 'shape'];
  const problem = (severity: Severity): Problem => ({
    aspect: 'shape',
    sends: `with shape ${dims(p.shape ?? [])}`,
    accepts: `only shape ${dims(c.shape ?? [])}`,
    producerPath: path,
    consumerPath: path,
    severity,
  });
  if (p.shape.length !== c.shape.length) return problem('error');
  let free = false;
  for (const [i, want] of c.shape.entries()) {
    const have = p.shape[i];
    if (want === null || want === undefined) continue;
    if (have === null || have === undefined) free = true;
    else if (have !== want) return problem('error');
  }
  // A dimension the producer leaves free and the consumer fixes: some values will not fit.
  return free ? problem('warning') : undefined;
}

function problems(pair: MappedPair): Problem[] {
  const p = pair.producer.item.item_specification;
  const c = pair.consumer.item.item_specification;
  if (!p || !c) return [];
  // Different types (api/input-type, api/output-type) or units (api/unit-mismatch) make ranges
  // incomparable; those rules are where the problem is reported.
  const sameUnit = !unitDifference(pair.producer.item.unit, pair.consumer.item.unit);
  const beyond: Beyond = new Map(rangeProblems(c, p).map((problem) => [problem.aspect, problem]));
  const found = [
    sameUnit ? rangeProblem(p, c, beyond) : undefined,
    valuesProblem(p, c, beyond, sameUnit),
    lengthProblem(p, c, beyond),
    charactersProblem(p, c),
    ...imageProblems(p, c),
    shapeProblem(p, c),
  ];
  return found.filter((x): x is Problem => x !== undefined);
}

export const rangeMismatch = rule(
  {
    id: 'api/range-mismatch',
    category: 'api',
    severity: 'warning',
    phases: ['design'],
    roles: ['software-engineer', 'data-engineer', 'data-scientist'],
    description:
      'What a producer may send (item_specification: value range, allowed values, text length and characters, image resolution, channels and format, tensor shape) fits what the consumer it is mapped to accepts.',
    rationale:
      'Values the consumer does not accept are rejected, clipped or misread in operation, usually only for some requests and so found late. Image resolution, channels, format and tensor shape concern every value, so they are errors; ranges, allowed values and text limits concern some values, so they are warnings. Only declared limits are compared, exactly, with no tolerance; a side that declares no limit is not guessed at.',
    remedy:
      'Narrow what the producer sends (validate or convert at the source) or widen what the consumer accepts (with a test for the new values), then make both item specifications agree.',
    tec: [],
    examples: ['M14-01', 'M06-05', 'M19-04', 'M12-04', 'M08-08', 'M12-02'],
    needs: ['development-environment'],
  },
  ({ facts, report }) => {
    for (const pair of mappedPairs(facts)) {
      const { producer, consumer } = pair;
      if (!typesCompatible(producer.item.item_type, consumer.item.item_type)) continue;
      const handling = pair.errorHandling
        ? ` (its error handling: ${pair.errorHandling.error_type}${pair.errorHandling.error_code_value !== undefined ? ` ${pair.errorHandling.error_code_value}` : ''})`
        : '';
      for (const problem of problems(pair)) {
        report({
          message: `${producer.label} may send \`${producer.item.item_name}\` ${problem.sends}; ${consumer.label} accepts \`${consumer.item.item_name}\` ${problem.accepts}${handling}`,
          cite: [
            { descriptor: producer.descriptor, path: at(producer, ...problem.producerPath) },
            { descriptor: consumer.descriptor, path: at(consumer, ...problem.consumerPath) },
          ],
          key: `${pair.key}:${problem.aspect}`,
          severity: problem.severity,
        });
      }
    }
  },
);

// The contract one model's events must keep, compiled once from the descriptors and checked per event
// (DESIGN §7): required fields, types, ranges, allowed values, lengths, shapes, and categories the model
// never saw in training.
//
// Which declarations make the contract:
//   inputs   the input_spec of the model's data pipeline (what the model service receives); when the
//            model has no pipeline with one, the training data's schema less its label fields.
//   outputs  final_output_spec when the model post-processes its outputs, else output_spec.
//   unseen   a field matched by name (or mapping_production_data) to a training-data field: the exact
//            frequent values of the training profile when it has them (what training saw), else the
//            field's allowed_values and, for a label field, the labels of the distribution.
// A field is required unless it is declared `nullable: true`. A value of the wrong type is checked no
// further. Checking allocates nothing for an event that keeps the contract.

import { keyOf } from '../data/sketch/frequent.js';
import { prefixOf } from '../data/text.js';
import type { Descriptor, Location, System } from '../descriptors/system.js';
import { descriptorsOf, linked } from '../descriptors/system.js';
import type { ItemType } from '../descriptors/vocabulary.js';
import { MAX_NAMES, OTHER } from './names.js';

export type ViolationKind =
  | 'missing-field'
  | 'unexpected-field'
  | 'type'
  | 'range'
  | 'enum'
  | 'length'
  | 'shape'
  | 'unseen-category';
export type Side = 'input' | 'output';

/** The declaration a violation breaks: which descriptor, where in it, and where in its file. */
export interface Declaration extends Location {
  descriptor: { kind: string; name: string };
  /** Path in the descriptor (Dovetail's fields), for rules to cite it. */
  path: (string | number)[];
}

export interface Violation {
  kind: ViolationKind;
  side: Side;
  field: string;
  /** What the declaration asks for, in words. */
  expected: string;
  /** The offending value, shortened. */
  found: string;
  declared: Declaration;
}

/** What `check` reads of an event. */
export interface ContractEvent {
  inputs?: Record<string, unknown> | null;
  outputs?: Record<string, unknown> | null;
}

export class ContractError extends Error {}

/** One declared data item with its constraints, ready to check values. */
interface FieldRule {
  name: string;
  side: Side;
  type: ItemType | undefined;
  required: boolean;
  declared: Declaration;
  min?: number;
  max?: number;
  allowed?: ReadonlySet<string>;
  allowedText?: string;
  minLength?: number;
  maxLength?: number;
  /** Accepted shapes of array values; null is a free dimension. */
  shapes?: readonly (readonly (number | null)[])[];
  seen?: ReadonlySet<string>;
  seenDeclared?: Declaration;
}

/** A data item's name, or a schema field's. */
interface Named {
  item_name?: string;
  field_name?: string;
}

/** The fields of a data item or schema field that the contract reads. */
interface DeclaredItem {
  item_type?: ItemType;
  field_type?: ItemType;
  nullable?: boolean;
  item_specification?: {
    min_value?: number;
    max_value?: number;
    allowed_values?: (string | number | boolean)[];
    min_length?: number;
    max_length?: number;
    resolution_x?: number;
    resolution_y?: number;
    channels?: number;
    shape?: (number | null)[];
  };
}

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);
const SHOWN_CHARS = 60;

function declaration(d: Descriptor, path: (string | number)[]): Declaration {
  return { descriptor: { kind: d.kind, name: d.name }, path, ...d.locate(path) };
}

/** A short rendering of a value for messages and examples. */
function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_CHARS ? `${prefixOf(text, SHOWN_CHARS - 1)}…` : text;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a JSON value can stand for the canonical type (categories may be coded by numbers or flags). */
function hasType(type: ItemType, v: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof v === 'number' ? Number.isInteger(v) : typeof v === 'bigint';
    case 'float':
      return typeof v === 'number' || typeof v === 'bigint';
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'category':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'datetime':
      return (typeof v === 'string' && !Number.isNaN(Date.parse(v))) || (typeof v === 'number' && Number.isFinite(v));
    case 'image':
      return typeof v === 'string' || Array.isArray(v);
    case 'tensor':
      return Array.isArray(v) || typeof v === 'number';
    default:
      return true;
  }
}

/** Characters (code points), not UTF-16 units. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/** Dimensions of a nested array, read along the first elements (ragged arrays are not detected). */
function shapeOf(value: unknown[]): number[] {
  const dims: number[] = [];
  let cur: unknown = value;
  while (Array.isArray(cur)) {
    dims.push(cur.length);
    cur = cur[0];
  }
  return dims;
}

function fitsShape(found: readonly number[], shape: readonly (number | null)[]): boolean {
  if (found.length !== shape.length) return false;
  for (let i = 0; i < shape.length; i++) if (shape[i] !== null && shape[i] !== found[i]) return false;
  return true;
}

const showShape = (shape: readonly (number | null)[]) => `[${shape.map((d) => d ?? '*').join(', ')}]`;

/**
 * The shapes an array value may have. A declared shape whose first dimension is free (the batch) also
 * accepts one row of it. An image of declared resolution is height × width, with its channels last or
 * first.
 */
function acceptedShapes(spec: NonNullable<DeclaredItem['item_specification']>): (number | null)[][] | undefined {
  if (spec.shape && spec.shape.length > 0) {
    const shapes = [spec.shape];
    if (spec.shape[0] === null && spec.shape.length > 1) shapes.push(spec.shape.slice(1));
    return shapes;
  }
  const { resolution_x: x, resolution_y: y, channels: c } = spec;
  if (x === undefined || y === undefined) return undefined;
  const shapes: (number | null)[][] = [
    [y, x, c ?? null],
    [c ?? null, y, x],
  ];
  if (c === undefined || c === 1) shapes.push([y, x]);
  return shapes;
}

function fieldRule(
  name: string,
  side: Side,
  item: DeclaredItem,
  declared: Declaration,
  seen: { values: ReadonlySet<string>; declared: Declaration } | undefined,
): FieldRule {
  const spec = item.item_specification ?? {};
  const allowed = spec.allowed_values;
  return {
    name,
    side,
    type: item.item_type ?? item.field_type,
    required: item.nullable !== true,
    declared,
    min: spec.min_value,
    max: spec.max_value,
    allowed: allowed ? new Set(allowed.map(String)) : undefined,
    allowedText: allowed ? `one of ${allowed.map(String).join(', ')}` : undefined,
    minLength: spec.min_length,
    maxLength: spec.max_length,
    shapes: acceptedShapes(spec),
    seen: seen?.values,
    seenDeclared: seen?.declared,
  };
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && min === max) return `exactly ${min}`;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** `out` with a violation of `f` added (a new list when `out` is undefined: most events break nothing). */
function report(
  out: Violation[] | undefined,
  f: FieldRule,
  kind: ViolationKind,
  expected: string,
  found: string,
  declared = f.declared,
): Violation[] {
  const list = out ?? [];
  list.push({ kind, side: f.side, field: f.name, expected, found, declared });
  return list;
}

/** `out` with what a present value breaks added. No closures here: this runs for every value of every event. */
function checkValue(f: FieldRule, v: unknown, out: Violation[] | undefined): Violation[] | undefined {
  if (f.type !== undefined && !hasType(f.type, v)) {
    return report(out, f, 'type', f.type, `${jsonType(v)} ${show(v)}`);
  }
  if (typeof v === 'number') {
    if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max))
      out = report(out, f, 'range', rangeText(f.min, f.max), show(v));
  } else if (typeof v === 'string') {
    if (f.minLength !== undefined || f.maxLength !== undefined) {
      const n = codePoints(v);
      if ((f.minLength !== undefined && n < f.minLength) || (f.maxLength !== undefined && n > f.maxLength))
        out = report(
          out,
          f,
          'length',
          `${rangeText(f.minLength, f.maxLength)} characters`,
          `${n} characters ${show(v)}`,
        );
    }
  } else if (Array.isArray(v) && f.shapes) {
    const found = shapeOf(v);
    if (!f.shapes.some((s) => fitsShape(found, s)))
      out = report(out, f, 'shape', f.shapes.map(showShape).join(' or '), showShape(found));
  }
  if (f.allowed || f.seen) {
    const key = String(v);
    if (f.allowed && !f.allowed.has(key)) out = report(out, f, 'enum', f.allowedText as string, show(v));
    // Profiles count a long value under its key.
    else if (f.seen && !f.seen.has(keyOf(key)) && f.seenDeclared)
      out = report(out, f, 'unseen-category', 'a value seen in training', show(v), f.seenDeclared);
  }
  return out;
}

/** One side of the contract: its fields by name, in declaration order. */
class SideContract {
  readonly byName: ReadonlyMap<string, FieldRule>;

  constructor(
    readonly side: Side,
    readonly fields: readonly FieldRule[],
    /** Where unexpected fields are reported: the list that declares this side. */
    readonly declared: Declaration,
  ) {
    this.byName = new Map(fields.map((f) => [f.name, f]));
  }

  check(record: Record<string, unknown>, out: Violation[] | undefined): Violation[] | undefined {
    for (const f of this.fields) {
      const v = record[f.name];
      if (v === undefined || v === null) {
        if (f.required) {
          out ??= [];
          out.push({
            kind: 'missing-field',
            side: this.side,
            field: f.name,
            expected: f.type ? `a ${f.type} value` : 'a value',
            found: v === null ? 'null' : 'absent',
            declared: f.declared,
          });
        }
      } else out = checkValue(f, v, out);
    }
    for (const key in record) {
      if (this.byName.has(key)) continue;
      out ??= [];
      out.push({
        kind: 'unexpected-field',
        side: this.side,
        field: key,
        expected: `only ${[...this.byName.keys()].join(', ')}`,
        found: show(record[key]),
        declared: this.declared,
      });
    }
    return out;
  }
}

/** The one descriptor `field` of the model refers to, or the only one of its kind when it names none. */
function single<K extends 'data-pipeline' | 'training-data'>(
  system: System,
  model: Descriptor<'trained-model'>,
  field: string,
  kind: K,
): Descriptor<K> | undefined {
  const found = linked(system, model, field, kind);
  return found.length === 1 ? found[0] : undefined;
}

/** What training saw of each field, by every name an event may give it. */
function trainingValues(
  system: System,
  training: Descriptor<'training-data'> | undefined,
): Map<string, { values: ReadonlySet<string>; declared: Declaration }> {
  const out = new Map<string, { values: ReadonlySet<string>; declared: Declaration }>();
  if (!training) return out;
  const profile = system.profiles.get(training);
  const labels = training.data.distribution?.map((d) => d.label);
  (training.data.schema ?? []).forEach((field, i) => {
    const column = profile?.columns[field.field_name]?.frequent;
    let values: string[] | undefined;
    let declared = declaration(training, ['schema', i]);
    if (column && column.errorBound === 0 && column.items.length > 0) {
      values = column.items.map(([v]) => v);
      declared = declaration(training, ['profile']);
    } else {
      const allowed = field.item_specification?.allowed_values?.map(String);
      const categorical = field.field_type === 'category' || field.field_type === 'boolean';
      const labelValues = field.label_field && categorical ? labels : undefined;
      if (allowed || labelValues) values = [...(allowed ?? []), ...(labelValues ?? [])];
    }
    if (!values) return;
    const entry = { values: new Set(values.map(keyOf)), declared };
    out.set(field.field_name, entry);
    if (field.mapping_production_data && !out.has(field.mapping_production_data))
      out.set(field.mapping_production_data, entry);
  });
  return out;
}

export interface ContractTarget {
  /** The trained-model descriptor's name; may be left out when the system has one model. */
  model?: string;
  /** The version events name; must equal the descriptor's version when both are given. */
  version?: string;
}

/** A model's compiled contract: build once per model and version, then `check` every event. */
export class Contract {
  private constructor(
    readonly model: { name: string; version?: string },
    readonly inputs: SideContract | undefined,
    readonly outputs: SideContract | undefined,
  ) {}

  static compile(system: System, target: ContractTarget = {}): Contract {
    const models = descriptorsOf(system, 'trained-model');
    const model = target.model
      ? models.find((m) => m.name === target.model)
      : models.length === 1
        ? models[0]
        : undefined;
    if (!model) {
      const names = models.map((m) => m.name).join(', ') || 'none';
      throw new ContractError(
        target.model
          ? `no trained-model named "${target.model}" (declared: ${names})`
          : `name the model: the system declares ${models.length} trained models (${names})`,
      );
    }
    const declaredVersion = model.data.version;
    if (target.version !== undefined && declaredVersion !== undefined && target.version !== declaredVersion)
      throw new ContractError(
        `trained-model "${model.name}" is declared at version ${declaredVersion}; the events name ${target.version}`,
      );

    const training = single(system, model, 'training_data', 'training-data');
    const seen = trainingValues(system, training);
    // Each item with its index in the list that declares it, so violations point at the item itself.
    const side = (name: Side, d: Descriptor, key: string, items: readonly [DeclaredItem & Named, number][]) => {
      const fields = items.map(([item, i]) => {
        const fieldName = item.item_name ?? item.field_name ?? '';
        return fieldRule(fieldName, name, item, declaration(d, [key, i]), seen.get(fieldName));
      });
      return new SideContract(name, fields, declaration(d, [key]));
    };
    const indexed = <T>(items: readonly T[]) => items.map((item, i): [T, number] => [item, i]);

    const pipeline = single(system, model, 'data_pipeline', 'data-pipeline');
    const features = indexed(training?.data.schema ?? []).filter(([f]) => !f.label_field);
    const inputs = pipeline?.data.input_spec?.length
      ? side('input', pipeline, 'input_spec', indexed(pipeline.data.input_spec))
      : training && features.length
        ? side('input', training, 'schema', features)
        : undefined;

    const useFinal = model.data.post_processing !== false && model.data.final_output_spec?.length;
    const outputKey = useFinal ? 'final_output_spec' : 'output_spec';
    const outputItems = (useFinal ? model.data.final_output_spec : model.data.output_spec) ?? [];
    const outputs = outputItems.length ? side('output', model, outputKey, indexed(outputItems)) : undefined;

    const named = declaredVersion === undefined ? { name: model.name } : { name: model.name, version: declaredVersion };
    return new Contract(named, inputs, outputs);
  }

  /** Declared types of each side's fields, for profiling the traffic with the types the roles wrote. */
  types(side: Side): Record<string, ItemType> {
    const out: Record<string, ItemType> = {};
    for (const f of (side === 'input' ? this.inputs : this.outputs)?.fields ?? []) if (f.type) out[f.name] = f.type;
    return out;
  }

  /** The contract's violations by one event; a side the event does not carry is not checked. */
  check(event: ContractEvent): readonly Violation[] {
    let out: Violation[] | undefined;
    if (this.inputs && event.inputs) out = this.inputs.check(event.inputs, out);
    if (this.outputs && event.outputs) out = this.outputs.check(event.outputs, out);
    return out ?? NO_VIOLATIONS;
  }
}

/** An event that broke the contract, kept as an example of a violation. */
export interface ViolationExample {
  event?: string;
  /** ISO 8601. */
  timestamp?: string;
  expected: string;
  found: string;
}

export interface TallyEntryJSON {
  kind: ViolationKind;
  side: Side;
  field: string;
  count: number;
  declared: Declaration;
  /** The earliest examples, by timestamp then event id, so tallies merge to the tally of the whole. */
  examples: ViolationExample[];
}

export interface ContractTallyJSON {
  events: number;
  violating_events: number;
  max_examples: number;
  /** Ordered by side, field and kind. */
  violations: TallyEntryJSON[];
}

const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Earliest first, then by event id, then by the value found. */
function exampleOrder(a: ViolationExample, b: ViolationExample): number {
  return (
    compareText(a.timestamp ?? '', b.timestamp ?? '') ||
    compareText(a.event ?? '', b.event ?? '') ||
    compareText(a.found, b.found)
  );
}

const tallyKey = (kind: ViolationKind, side: Side, field: string) => `${side}\u0000${field}\u0000${kind}`;

/** Violations counted per kind and field, with a few examples each; tallies of parts merge. */
export class ContractTally {
  events = 0;
  violatingEvents = 0;
  private readonly entries = new Map<string, TallyEntryJSON>();
  /** Unexpected fields with an entry of their own, at most MAX_NAMES (then OTHER). */
  private unexpectedFields = 0;

  constructor(readonly maxExamples = 3) {}

  /** Counts one checked event and what it broke. */
  add(violations: readonly Violation[], event: { id?: string; timestamp?: string } = {}): this {
    this.events++;
    if (violations.length === 0) return this;
    this.violatingEvents++;
    for (const v of violations) {
      const entry = this.entry(v.kind, v.side, v.field, v.declared);
      entry.count++;
      const example: ViolationExample = { expected: v.expected, found: v.found };
      if (event.id !== undefined) example.event = event.id;
      if (event.timestamp !== undefined) example.timestamp = event.timestamp;
      this.keep(entry, example);
    }
    return this;
  }

  private entry(kind: ViolationKind, side: Side, name: string, declared: Declaration): TallyEntryJSON {
    // Declared fields are few; fields nobody declared are as many, and as long, as a client makes them.
    let field = name;
    if (kind === 'unexpected-field') {
      field = keyOf(name);
      if (!this.entries.has(tallyKey(kind, side, field))) field = this.unexpectedName(field);
    }
    const key = tallyKey(kind, side, field);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { kind, side, field, count: 0, declared, examples: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** A new unexpected field's name in the tally: itself while fewer than MAX_NAMES are kept apart. */
  private unexpectedName(name: string): string {
    if (name === OTHER || this.unexpectedFields >= MAX_NAMES) return OTHER;
    this.unexpectedFields++;
    return name;
  }

  private keep(entry: TallyEntryJSON, example: ViolationExample): void {
    const examples = entry.examples;
    if (examples.length >= this.maxExamples) {
      if (exampleOrder(example, examples[examples.length - 1] as ViolationExample) >= 0) return;
      examples.pop();
    }
    examples.push(example);
    examples.sort(exampleOrder);
  }

  /** Folds `other` in (other unchanged). */
  merge(other: ContractTally): this {
    this.events += other.events;
    this.violatingEvents += other.violatingEvents;
    for (const e of other.entries.values()) {
      const entry = this.entry(e.kind, e.side, e.field, e.declared);
      entry.count += e.count;
      for (const x of e.examples) this.keep(entry, x);
    }
    return this;
  }

  /** Count of one kind of violation, on one field or every field. */
  count(kind: ViolationKind, field?: string): number {
    let n = 0;
    for (const e of this.entries.values())
      if (e.kind === kind && (field === undefined || e.field === field)) n += e.count;
    return n;
  }

  toJSON(): ContractTallyJSON {
    const violations = [...this.entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => ({ ...e, examples: e.examples.map((x) => ({ ...x })) }));
    return {
      events: this.events,
      violating_events: this.violatingEvents,
      max_examples: this.maxExamples,
      violations,
    };
  }

  static fromJSON(json: ContractTallyJSON): ContractTally {
    const t = new ContractTally(json.max_examples);
    t.events = json.events;
    t.violatingEvents = json.violating_events;
    for (const e of json.violations) {
      const entry = t.entry(e.kind, e.side, e.field, e.declared);
      entry.count += e.count;
      for (const x of e.examples) t.keep(entry, { ...x });
    }
    return t;
  }
}

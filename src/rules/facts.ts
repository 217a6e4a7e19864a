// The facts rules read: the system's descriptors (declared) and, at run time, what the monitor
// observed. Lookups that several rules need live here so each rule stays a few lines of logic:
// references between descriptors (the methods of Facts), and the views of the system that rules of
// more than one category derive from them (the functions below).
import type { Profile } from '../data/profile/profile.js';
import { parseReference } from '../descriptors/fields.js';
import type { KindId } from '../descriptors/kinds/index.js';
import { type Descriptor, descriptorsOf, linked, pipelineEnvironments, type System } from '../descriptors/system.js';
import { mentions } from './match.js';
import type { ModelObserved, Observed } from './observed.js';
import type { Cite } from './types.js';

export interface Facts {
  system: System;
  all<K extends KindId>(kind: K): Descriptor<K>[];
  has(kind: KindId): boolean;
  /** The descriptor of `kind` a reference names (`name` or `name@version`). */
  resolve<K extends KindId>(kind: K, ref: string | undefined): Descriptor<K> | undefined;
  /** The trained model a production environment serves: the one it names, or the only one. */
  modelOf(environment: Descriptor<'production-environment'>): Descriptor<'trained-model'> | undefined;
  /** The production environments serving a trained model. */
  environmentsOf(model: Descriptor<'trained-model'>): Descriptor<'production-environment'>[];
  /** The raw data a training set was derived from: the one it names, or the only one. */
  rawDataOf(training: Descriptor<'training-data'>): Descriptor<'raw-data'> | undefined;
  /** The production data a training set stands for: the one it names, or every one when it names none. */
  productionDataOf(training: Descriptor<'training-data'>): Descriptor<'production-data'>[];
  /** The training sets that stand for a production data set. */
  trainingOf(production: Descriptor<'production-data'>): Descriptor<'training-data'>[];
  /** The production data a model sees: that of its training data (every one when that is unknown). */
  productionDataOfModel(model: Descriptor<'trained-model'>): Descriptor<'production-data'>[];
  /** The development environments a model is integrated in: the one it names, or every one. */
  developmentEnvironmentsOf(model: Descriptor<'trained-model'>): Descriptor<'development-environment'>[];
  /** The development environments a pipeline runs in: those of the models that use it, or every one. */
  pipelineEnvironmentsOf(pipeline: Descriptor<'data-pipeline'>): Descriptor<'development-environment'>[];
  /**
   * The profile of the data a data descriptor describes: the one its `profile` names, as loaded. At
   * run time a production-data descriptor's profile is the traffic observed: the inputs of the latest
   * window of the model that sees that data.
   */
  profileOf(d: Descriptor): Profile | undefined;
  /** What the monitor observed of a trained model (run time only). */
  observed(model: Descriptor<'trained-model'>): ModelObserved | undefined;
}

/** Facts of a system; `observed` makes them the facts of the runtime phase. */
export function factsOf(system: System, observed?: Observed): Facts {
  const all = <K extends KindId>(kind: K) => descriptorsOf(system, kind);
  const resolve = <K extends KindId>(kind: K, ref: string | undefined) => {
    if (!ref) return undefined;
    const { name } = parseReference(ref);
    return all(kind).find((d) => d.name === name);
  };
  /** The descriptor of `kind` a reference names or, without a reference, the only one. */
  const namedOrOnly = <K extends KindId>(kind: K, ref: string | undefined) => {
    if (ref) return resolve(kind, ref);
    const candidates = all(kind);
    return candidates.length === 1 ? candidates[0] : undefined;
  };
  const modelOf = (environment: Descriptor<'production-environment'>) =>
    namedOrOnly('trained-model', environment.data.trained_model);
  // Rules ask these for every pair of descriptors: computed once per descriptor.
  const productionDataOf = memo((training: Descriptor<'training-data'>) =>
    linked(system, training, 'production_data', 'production-data'),
  );
  const developmentEnvironmentsOf = memo((model: Descriptor<'trained-model'>) =>
    linked(system, model, 'development_environment', 'development-environment'),
  );
  const productionDataOfModel = (model: Descriptor<'trained-model'>) => {
    const training = resolve('training-data', model.data.training_data);
    return training ? productionDataOf(training) : all('production-data');
  };
  const observedProfile = (d: Descriptor) => {
    const model = all('trained-model').find(
      (m) => observed?.has(m.name) && productionDataOfModel(m).includes(d as Descriptor<'production-data'>),
    );
    const profile = model && observed?.get(model.name)?.latest.inputs;
    return profile && withoutTimes(profile);
  };
  return {
    system,
    all,
    has: (kind) => all(kind).length > 0,
    resolve,
    modelOf,
    environmentsOf: (model) => all('production-environment').filter((env) => modelOf(env) === model),
    rawDataOf: (training) => namedOrOnly('raw-data', training.data.raw_data),
    productionDataOf,
    trainingOf: (production) => all('training-data').filter((t) => productionDataOf(t).includes(production)),
    productionDataOfModel,
    developmentEnvironmentsOf,
    pipelineEnvironmentsOf: (pipeline) => pipelineEnvironments(system, pipeline),
    profileOf: (d) => (observed && d.kind === 'production-data' ? observedProfile(d) : system.profiles.get(d)),
    observed: (model) => observed?.get(model.name),
  };
}

/**
 * A window's profile less its date and time columns: traffic is always later than the data a model
 * was trained on, so its timestamps differ from training's by construction, not by drift.
 */
function withoutTimes(profile: Profile): Profile {
  const columns = Object.entries(profile.columns).filter(([, c]) => c.type !== 'datetime');
  return { ...profile, columns: Object.fromEntries(columns) };
}

function memo<A extends object, R>(f: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    if (!cache.has(a)) cache.set(a, f(a));
    return cache.get(a) as R;
  };
}

// Training data against its raw data, and training fields against the production fields they stand
// for (data-schema, data-distribution).

/** Each training set with the raw data it was derived from, where that is known. */
export function trainingFromRaw(
  facts: Facts,
): { training: Descriptor<'training-data'>; raw: Descriptor<'raw-data'> }[] {
  return facts.all('training-data').flatMap((training) => {
    const raw = facts.rawDataOf(training);
    return raw ? [{ training, raw }] : [];
  });
}

export type TrainingField = NonNullable<Descriptor<'training-data'>['data']['schema']>[number];
export type ProductionField = NonNullable<Descriptor<'production-data'>['data']['schema']>[number];

/**
 * The production-data field a training field stands for: its `mapping_production_data`, or, for a
 * label field with no mapping (TEC's form disables the mapping of labels), the field of the same name.
 */
export function productionNameOf(field: TrainingField): string | undefined {
  const mapping = field.mapping_production_data?.trim();
  if (mapping) return mapping;
  return field.label_field ? field.field_name : undefined;
}

export interface FieldPair {
  training: Descriptor<'training-data'>;
  trainingIndex: number;
  trainingField: TrainingField;
  production: Descriptor<'production-data'>;
  productionIndex: number;
  productionField: ProductionField;
}

/** Every training field paired with the field it stands for in every production-data descriptor that has it. */
export function fieldPairs(facts: Facts): FieldPair[] {
  const pairs: FieldPair[] = [];
  for (const training of facts.all('training-data')) {
    for (const [trainingIndex, trainingField] of (training.data.schema ?? []).entries()) {
      const target = productionNameOf(trainingField);
      if (!target) continue;
      for (const production of facts.productionDataOf(training)) {
        const productionIndex = (production.data.schema ?? []).findIndex((f) => f.field_name === target);
        const productionField = production.data.schema?.[productionIndex];
        if (productionField)
          pairs.push({ training, trainingIndex, trainingField, production, productionIndex, productionField });
      }
    }
  }
  return pairs;
}

/** `distance` or, when production calls it something else, `distance` (production `dist_km`). */
export function pairName(pair: { trainingField: TrainingField; productionField: ProductionField }): string {
  const t = pair.trainingField.field_name;
  const p = pair.productionField.field_name;
  return t === p ? `\`${t}\`` : `\`${t}\` (production \`${p}\`)`;
}

// What kind of problem the model solves (missing-information, requirements).

/** Problem types whose outputs are classes, so false positives, false negatives and label shares mean something. */
export const CLASS_PROBLEMS: ReadonlySet<string> = new Set(['classification', 'detection', 'alert']);

/**
 * Whether the model predicts classes: the system context says so, or (when no system context gives
 * the problem type) the training data has a boolean or categorical label field.
 */
export function predictsClasses(facts: Facts): boolean {
  const types = facts.all('system-context').flatMap((sc) => (sc.data.ml_problem_type ? [sc.data.ml_problem_type] : []));
  if (types.length > 0) return types.some((t) => CLASS_PROBLEMS.has(t));
  return facts
    .all('training-data')
    .some((td) =>
      (td.data.schema ?? []).some((f) => f.label_field && (f.field_type === 'boolean' || f.field_type === 'category')),
    );
}

// What is logged about a trained model, as text to search: the model's log_data (name and format)
// and the model_logs and other_logs of the production environments serving it (name and
// implementation). For the rules that ask whether something in particular is logged (monitoring,
// traceability).

export interface LogText {
  text: string;
  descriptor: Descriptor;
  path: (string | number)[];
}

export interface Logging {
  /** Every log entry, as text. */
  entries: LogText[];
  /** Where the logging plan is, to cite when something is missing from all of it. */
  cite: Cite[];
}

export function loggingOf(facts: Facts, model: Descriptor<'trained-model'>): Logging {
  const entries: LogText[] = (model.data.log_data ?? []).map((l, i) => ({
    text: `${l.log} ${l.log_data_format ?? ''}`,
    descriptor: model,
    path: ['log_data', i],
  }));
  const cite: Cite[] = [{ descriptor: model, path: model.data.log_data ? ['log_data'] : [] }];
  for (const env of facts.environmentsOf(model)) {
    for (const list of ['model_logs', 'other_logs'] as const) {
      for (const [i, l] of (env.data[list] ?? []).entries()) {
        entries.push({ text: `${l.log} ${l.implementation ?? ''}`, descriptor: env, path: [list, i] });
      }
    }
    cite.push({
      descriptor: env,
      path: env.data.model_logs ? ['model_logs'] : env.data.other_logs ? ['other_logs'] : [],
    });
  }
  return { entries, cite };
}

/** The first log entry that mentions one of the phrases (whole words, case and punctuation ignored). */
export function loggedMention(logging: Logging, phrases: readonly string[]): LogText | undefined {
  return logging.entries.find((e) => mentions(e.text, phrases) !== undefined);
}

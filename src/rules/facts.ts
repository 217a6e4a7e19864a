// The facts rules read: the system's descriptors (declared) and, at run time, what the monitor
// observed. Lookups that several rules need live here so each rule stays a few lines of logic.
import { parseReference } from '../descriptors/fields.js';
import type { KindId } from '../descriptors/kinds/index.js';
import { type Descriptor, descriptorsOf, type System } from '../descriptors/system.js';

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
}

export function factsOf(system: System): Facts {
  const all = <K extends KindId>(kind: K) => descriptorsOf(system, kind);
  const resolve = <K extends KindId>(kind: K, ref: string | undefined) => {
    if (!ref) return undefined;
    const { name } = parseReference(ref);
    return all(kind).find((d) => d.name === name);
  };
  const modelOf = (environment: Descriptor<'production-environment'>) => {
    const models = all('trained-model');
    if (environment.data.trained_model) return resolve('trained-model', environment.data.trained_model);
    return models.length === 1 ? models[0] : undefined;
  };
  return {
    system,
    all,
    has: (kind) => all(kind).length > 0,
    resolve,
    modelOf,
    environmentsOf: (model) => all('production-environment').filter((env) => modelOf(env) === model),
  };
}

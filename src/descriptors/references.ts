// Identity and references across descriptors. Goals, items, fields, metrics, logs and feedback are
// referred to by their ids and names, so those must be unique; a reference that points at nothing is
// an error naming both places. A reference into a kind the system has no descriptor of yet is a
// warning: the other role has not written it, which the missing-information rules report.
import { closest, type Diagnostic } from './diagnostics.js';
import { parseReference } from './fields.js';
import type { KindId } from './kinds/index.js';
import type { Path } from './source.js';
import { type Descriptor, descriptorsOf, type Location, linked, pipelineEnvironments, type System } from './system.js';

function where(loc: Location): string {
  return `${loc.file}${loc.line ? `:${loc.line}` : ''}`;
}

function report(
  severity: 'error' | 'warning',
  from: Descriptor,
  path: Path,
  message: string,
  expected?: string,
  found?: string,
): Diagnostic {
  return { severity, ...from.locate(path), message, expected, found };
}

function suggestion(word: string, candidates: string[]): string {
  const guess = closest(word, candidates);
  return guess ? `; did you mean "${guess}"?` : '';
}

/** Lists whose entries must have distinct keys, per kind: [list path, key field]. */
const UNIQUE: Partial<Record<KindId, [string, string][]>> = {
  'system-context': [['goals', 'id']],
  'raw-data': [['schema', 'field_name']],
  'data-pipeline': [['input_spec', 'item_name']],
  'training-data': [['schema', 'field_name']],
  'trained-model': [
    ['output_spec', 'item_name'],
    ['final_output_spec', 'item_name'],
    ['algorithm_metrics', 'metric'],
    ['business_metrics', 'metric'],
    ['user_system_feedback', 'short_name'],
    ['log_data', 'log'],
  ],
  'development-environment': [
    ['upstream_components', 'component_name'],
    ['downstream_components', 'component_name'],
  ],
  'production-data': [['schema', 'field_name']],
};

function checkUnique(list: unknown, listPath: Path, key: string, d: Descriptor, out: Diagnostic[]): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const value = (entry as Record<string, unknown>)[key];
    if (typeof value !== 'string') return;
    const firstIndex = seen.get(value);
    if (firstIndex === undefined) {
      seen.set(value, i);
      return;
    }
    const first = d.locate([...listPath, firstIndex, key]);
    out.push(
      report(
        'error',
        d,
        [...listPath, i, key],
        `duplicate ${key} "${value}"; the first is at ${where(first)}`,
        `a ${key} unique in ${listPath.join('.')}`,
        JSON.stringify(value),
      ),
    );
  });
}

function checkIdentities(system: System, out: Diagnostic[]): void {
  for (const d of system.descriptors) {
    const data = d.data as Record<string, unknown>;
    for (const [list, key] of UNIQUE[d.kind] ?? []) checkUnique(data[list], [list], key, d, out);
    if (d.kind === 'development-environment') {
      for (const [list, items] of [
        ['upstream_components', 'output_spec'],
        ['downstream_components', 'input_spec'],
      ] as const) {
        const components = (data[list] ?? []) as Record<string, unknown>[];
        components.forEach((c, i) => {
          checkUnique(c[items], [list, i, items], 'item_name', d, out);
        });
      }
    }
  }
}

/** A descriptor-to-descriptor reference: `from.path` names a descriptor of kind `to`. */
function checkDescriptorReference(system: System, from: Descriptor, path: string, to: KindId, out: Diagnostic[]): void {
  const ref = (from.data as Record<string, unknown>)[path];
  if (typeof ref !== 'string') return;
  const { name } = parseReference(ref);
  const targets = descriptorsOf(system, to);
  if (targets.some((t) => t.name === name)) return;
  if (targets.length === 0) {
    out.push(
      report(
        'warning',
        from,
        [path],
        `refers to ${to} "${name}", but the system has no ${to} descriptor yet`,
        `a ${to} descriptor named "${name}"`,
      ),
    );
    return;
  }
  const names = targets.map((t) => t.name);
  out.push(
    report(
      'error',
      from,
      [path],
      `refers to ${to} "${name}", which does not exist${suggestion(name, names)} (${to} descriptors: ${targets
        .map((t) => `"${t.name}" in ${t.file}`)
        .join(', ')})`,
      `the name of a ${to} descriptor`,
      JSON.stringify(ref),
    ),
  );
}

function checkGoalReferences(system: System, out: Diagnostic[]): void {
  const contexts = descriptorsOf(system, 'system-context');
  const goals = contexts.flatMap((c) => (c.data.goals ?? []).map((g) => ({ id: g.id, context: c })));
  for (const model of descriptorsOf(system, 'trained-model')) {
    for (const list of ['algorithm_metrics', 'business_metrics'] as const) {
      (model.data[list] ?? []).forEach((metric, i) => {
        const id = metric.goal_mapping;
        if (!id || goals.some((g) => g.id === id)) return;
        const path = [list, i, 'goal_mapping'];
        if (contexts.length === 0) {
          out.push(
            report('warning', model, path, `maps to goal "${id}", but the system has no system-context descriptor yet`),
          );
          return;
        }
        out.push(
          report(
            'error',
            model,
            path,
            `maps to goal "${id}", which no system-context goal has${suggestion(
              id,
              goals.map((g) => g.id),
            )} (goals: ${goals.map((g) => `"${g.id}"`).join(', ') || 'none'} in ${contexts.map((c) => c.file).join(', ')})`,
            'the id of a system-context goal',
            JSON.stringify(id),
          ),
        );
      });
    }
  }
}

type Side = 'upstream_components' | 'downstream_components';

function checkComponentMapping(
  from: Descriptor,
  path: Path,
  mapping: { component: string; data_item: string } | undefined,
  side: Side,
  environments: Descriptor<'development-environment'>[],
  out: Diagnostic[],
): void {
  if (!mapping) return;
  const direction = side === 'upstream_components' ? 'upstream' : 'downstream';
  if (environments.length === 0) {
    out.push(
      report(
        'warning',
        from,
        [...path, 'component'],
        `maps to ${direction} component "${mapping.component}", but the system has no development-environment descriptor yet`,
      ),
    );
    return;
  }
  const components = environments.flatMap((env) =>
    (env.data[side] ?? []).map((c, i) => ({
      env,
      index: i,
      name: c.component_name,
      items: ('output_spec' in c ? c.output_spec : 'input_spec' in c ? c.input_spec : undefined) ?? [],
    })),
  );
  const target = components.find((c) => c.name === mapping.component);
  if (!target) {
    out.push(
      report(
        'error',
        from,
        [...path, 'component'],
        `maps to ${direction} component "${mapping.component}", which no development environment has${suggestion(
          mapping.component,
          components.map((c) => c.name),
        )} (${direction} components: ${components.map((c) => `"${c.name}"`).join(', ') || 'none'} in ${environments
          .map((e) => e.file)
          .join(', ')})`,
        `the component_name of a ${direction} component`,
        JSON.stringify(mapping.component),
      ),
    );
    return;
  }
  if (target.items.some((item) => item.item_name === mapping.data_item)) return;
  const itemsField = side === 'upstream_components' ? 'output_spec' : 'input_spec';
  const loc = target.env.locate([side, target.index, 'component_name']);
  out.push(
    report(
      'error',
      from,
      [...path, 'data_item'],
      `maps to item "${mapping.data_item}" of ${direction} component "${mapping.component}" (${where(loc)}), which has no such item${suggestion(
        mapping.data_item,
        target.items.map((i) => i.item_name),
      )}`,
      `one of ${target.items.map((i) => `"${i.item_name}"`).join(', ') || `the items in its ${itemsField}`}`,
      JSON.stringify(mapping.data_item),
    ),
  );
}

function checkComponentMappings(system: System, out: Diagnostic[]): void {
  const models = descriptorsOf(system, 'trained-model');
  for (const model of models) {
    const environments = linked(system, model, 'development_environment', 'development-environment');
    for (const list of ['output_spec', 'final_output_spec'] as const) {
      for (const [i, item] of (model.data[list] ?? []).entries()) {
        const path = [list, i, 'component_mapping'];
        checkComponentMapping(model, path, item.component_mapping, 'downstream_components', environments, out);
      }
    }
  }
  for (const pipeline of descriptorsOf(system, 'data-pipeline')) {
    const environments = pipelineEnvironments(system, pipeline);
    for (const [i, item] of (pipeline.data.input_spec ?? []).entries()) {
      const path = ['input_spec', i, 'component_mapping'];
      checkComponentMapping(pipeline, path, item.component_mapping, 'upstream_components', environments, out);
    }
  }
}

/** Production environments name the trained model's metrics, logs and feedback they implement. */
function checkProductionEnvironment(system: System, out: Diagnostic[]): void {
  const models = descriptorsOf(system, 'trained-model');
  for (const env of descriptorsOf(system, 'production-environment')) {
    const named = env.data.trained_model ? parseReference(env.data.trained_model).name : undefined;
    const model = named ? models.find((m) => m.name === named) : models.length === 1 ? models[0] : undefined;
    if (!model) {
      const uses = ['algorithm_metrics', 'business_metrics', 'user_system_feedback', 'model_logs'].some(
        (k) => ((env.data as Record<string, unknown>)[k] as unknown[] | undefined)?.length,
      );
      if (!named && models.length > 1 && uses) {
        out.push(
          report(
            'error',
            env,
            [],
            `the system has ${models.length} trained models; say which one this environment serves`,
            `trained_model: one of ${models.map((m) => `"${m.name}"`).join(', ')}`,
          ),
        );
      }
      continue; // a named model that does not exist is reported by the descriptor reference check
    }
    const lists: [string, string, string[], string][] = [
      ['algorithm_metrics', 'metric', (model.data.algorithm_metrics ?? []).map((m) => m.metric), 'algorithm metric'],
      ['business_metrics', 'metric', (model.data.business_metrics ?? []).map((m) => m.metric), 'business metric'],
      [
        'user_system_feedback',
        'feedback',
        (model.data.user_system_feedback ?? []).map((f) => f.short_name),
        'feedback item',
      ],
      ['model_logs', 'log', (model.data.log_data ?? []).map((l) => l.log), 'log'],
    ];
    for (const [list, key, names, what] of lists) {
      const entries = ((env.data as Record<string, unknown>)[list] ?? []) as Record<string, string>[];
      entries.forEach((entry, i) => {
        const name = entry[key];
        if (name === undefined || names.includes(name)) return;
        out.push(
          report(
            'error',
            env,
            [list, i, key],
            `names ${what} "${name}", which trained model "${model.name}" (${model.file}) does not declare${suggestion(name, names)}`,
            names.length
              ? `one of ${names.map((n) => `"${n}"`).join(', ')}`
              : `a ${what} declared by the trained model`,
            JSON.stringify(name),
          ),
        );
      });
    }
  }
}

/** Training-data fields and labels map to production-data fields and labels; statistics name own fields. */
function checkDataMappings(system: System, out: Diagnostic[]): void {
  for (const training of descriptorsOf(system, 'training-data')) {
    const production = linked(system, training, 'production_data', 'production-data');
    const fields = production.flatMap((p) => (p.data.schema ?? []).map((f) => f.field_name));
    const labels = production.flatMap((p) => (p.data.distribution ?? []).map((l) => l.label));
    const checks: [string, number, string | undefined, string[], string][] = [
      ...(training.data.schema ?? []).map(
        (f, i) =>
          ['schema', i, f.mapping_production_data, fields, 'field'] as [
            string,
            number,
            string | undefined,
            string[],
            string,
          ],
      ),
      ...(training.data.distribution ?? []).map(
        (l, i) =>
          ['distribution', i, l.mapping_production_data, labels, 'label'] as [
            string,
            number,
            string | undefined,
            string[],
            string,
          ],
      ),
    ];
    for (const [list, i, target, names, what] of checks) {
      if (!target || names.includes(target)) continue;
      const path = [list, i, 'mapping_production_data'];
      if (production.length === 0) {
        out.push(
          report(
            'warning',
            training,
            path,
            `maps to production ${what} "${target}", but the system has no production-data descriptor yet`,
          ),
        );
        continue;
      }
      out.push(
        report(
          'error',
          training,
          path,
          `maps to production ${what} "${target}", which no production-data descriptor has${suggestion(target, names)} (${production
            .map((p) => p.file)
            .join(', ')})`,
          names.length ? `one of ${names.map((n) => `"${n}"`).join(', ')}` : `a ${what} of the production data`,
          JSON.stringify(target),
        ),
      );
    }
  }
  for (const d of [...descriptorsOf(system, 'training-data'), ...descriptorsOf(system, 'production-data')]) {
    const own = (d.data.schema ?? []).map((f) => f.field_name);
    (d.data.statistics ?? []).forEach((s, i) => {
      if (own.includes(s.field)) return;
      out.push(
        report(
          'error',
          d,
          ['statistics', i, 'field'],
          `describes field "${s.field}", which this descriptor's schema does not list${suggestion(s.field, own)}`,
          own.length ? `one of ${own.map((n) => `"${n}"`).join(', ')}` : 'a field listed in `schema`',
          JSON.stringify(s.field),
        ),
      );
    });
  }
}

export function checkReferences(system: System): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkIdentities(system, out);
  for (const model of descriptorsOf(system, 'trained-model')) {
    checkDescriptorReference(system, model, 'training_data', 'training-data', out);
    checkDescriptorReference(system, model, 'data_pipeline', 'data-pipeline', out);
    checkDescriptorReference(system, model, 'development_environment', 'development-environment', out);
  }
  for (const training of descriptorsOf(system, 'training-data')) {
    checkDescriptorReference(system, training, 'raw_data', 'raw-data', out);
    checkDescriptorReference(system, training, 'production_data', 'production-data', out);
  }
  for (const env of descriptorsOf(system, 'production-environment')) {
    checkDescriptorReference(system, env, 'trained_model', 'trained-model', out);
  }
  checkGoalReferences(system, out);
  checkComponentMappings(system, out);
  checkProductionEnvironment(system, out);
  checkDataMappings(system, out);
  return out;
}

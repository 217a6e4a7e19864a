// Telling what a TEC document is. TEC files carry no kind, only their fields (and usually a schema
// `version`), so the kind is the one whose characteristic keys the document holds.

import { isObject, type Obj } from '../json.js';
import type { KindId } from '../kinds/index.js';
import type { TecVersion } from './index.js';

/** Keys only one kind has (weight 3) and keys two or three kinds share (weight 1). */
const SIGNS: Record<KindId, { own: string[]; shared: string[] }> = {
  'system-context': {
    own: [
      'task',
      'ml_problem_type',
      'goals',
      'business_goals',
      'success_criteria',
      'usage_context',
      'data_rights_policies',
      'risks',
      'available_data',
    ],
    shared: [],
  },
  'raw-data': {
    own: [
      'instance_type',
      'number_of_instances',
      'labels_distribution',
      'metadata',
      'restrictions',
      'anonymization',
      'proxy_data',
      'data_rights',
      'data_policies',
    ],
    shared: ['dataset_identifier', 'dataset_name', 'dataset_version', 'dataset_description', 'schema'],
  },
  'data-pipeline': {
    own: [
      'pipeline_identifier',
      'pipeline_version',
      'pipeline_description',
      'input_spec',
      'test_cases',
      'pipeline_steps',
      'pipeline_code',
    ],
    shared: [],
  },
  'training-data': {
    own: ['raw_data_identifier', 'preparation_process', 'preparation_code'],
    shared: [
      'dataset_identifier',
      'dataset_name',
      'dataset_version',
      'dataset_description',
      'schema',
      'statistics',
      'distribution',
    ],
  },
  'trained-model': {
    own: [
      'model_name',
      'model_version',
      'model_description',
      'model_components',
      'training_date',
      'ensemble',
      'evaluation_metrics',
      'output_spec',
      'final_output_spec',
      'inference_time',
      'computing_resource_reqs',
      'log_data',
      'data_pipeline_identifier',
      'training_data_identifier',
    ],
    shared: ['algorithm_metrics', 'business_metrics', 'user_system_feedback', 'ml_frameworks'],
  },
  'development-environment': {
    own: ['upstream_components', 'downstream_components', 'milestones'],
    shared: ['programming_languages', 'ml_frameworks', 'computing_resources'],
  },
  'production-environment': {
    own: [
      'required_inference_time',
      'model_logs',
      'other_logs',
      'other_metrics',
      'deployment_platform',
      'deployment_mechanism',
    ],
    shared: ['computing_resources', 'algorithm_metrics', 'business_metrics', 'user_system_feedback'],
  },
  'production-data': {
    own: ['data_rates'],
    shared: ['schema', 'statistics', 'distribution'],
  },
};

function score(doc: Obj, kind: KindId): number {
  const signs = SIGNS[kind];
  let s = 0;
  for (const k of signs.own) if (k in doc) s += 3;
  for (const k of signs.shared) if (k in doc) s += 1;
  // Data sources are a list of objects in raw data and one string in production data.
  if (kind === 'raw-data' && Array.isArray(doc.data_sources)) s += 2;
  if (kind === 'production-data' && typeof doc.data_sources === 'string') s += 3;
  return s;
}

function declaredVersion(value: unknown): TecVersion | undefined {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (s === '1' || s === '1.0') return '1.0';
  if (s === '1.1' || s === '1.2') return s;
  return undefined;
}

function items(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The schema version a document without a usable `version` was written in, from what it holds. */
function inferVersion(doc: Obj, kind: KindId): TecVersion {
  if (kind === 'system-context' && ('business_goals' in doc || 'success_criteria' in doc)) return '1.0';
  if (kind === 'trained-model') {
    const metrics = [...items(doc.algorithm_metrics), ...items(doc.business_metrics)];
    if (metrics.some((m) => 'business_goal_mapping' in m)) return '1.0';
    if (metrics.length > 0 && metrics.every((m) => !('operator' in m))) return '1.0';
    const outputs = [...items(doc.output_spec), ...items(doc.final_output_spec)];
    if (outputs.some((o) => 'expected_values' in o && !('item_specification' in o))) return '1.1';
    if (items(doc.error_handling).length > 0 && !outputs.some((o) => 'item_specification' in o)) return '1.1';
  }
  if (kind === 'data-pipeline') {
    const inputs = items(doc.input_spec);
    if (inputs.some((i) => 'expected_values' in i && !('item_specification' in i))) return '1.1';
  }
  return '1.2';
}

/**
 * The kind and schema version of a TEC document, or undefined when it is not one. A document with a
 * Dovetail `kind` key is a Dovetail descriptor, not TEC. Never throws.
 */
export function detectTec(value: unknown): { kind: KindId; version: TecVersion } | undefined {
  try {
    if (!isObject(value) || 'kind' in value) return undefined;
    let best: KindId | undefined;
    let bestScore = 0;
    let tie = false;
    for (const kind of Object.keys(SIGNS) as KindId[]) {
      const s = score(value, kind);
      if (s > bestScore) {
        best = kind;
        bestScore = s;
        tie = false;
      } else if (s === bestScore && s > 0) tie = true;
    }
    if (!best || tie) return undefined;
    return { kind: best, version: declaredVersion(value.version) ?? inferVersion(value, best) };
  } catch {
    return undefined;
  }
}

/** The version a document declares, if it is one TEC has. */
export function declaredTecVersion(value: unknown): TecVersion | undefined {
  return isObject(value) ? declaredVersion(value.version) : undefined;
}

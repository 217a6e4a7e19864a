// A small system in which every descriptor says everything the missing-information rules ask for;
// tests take it whole (nothing to report) and remove or change fields to make gaps.
import type { Doc } from '../tester.js';

type Kind =
  | 'system-context'
  | 'raw-data'
  | 'data-pipeline'
  | 'training-data'
  | 'trained-model'
  | 'development-environment'
  | 'production-environment'
  | 'production-data';

const COMPLETE: Record<Kind, Doc> = {
  'system-context': {
    kind: 'system-context',
    name: 'sys',
    version: '1',
    task: 'Estimate whether a flight arrives more than 15 minutes late.',
    ml_problem_type: 'classification',
    usage_context: 'Travellers see a badge next to flights likely to be late.',
    available_data: 'BTS on-time records, 2001.',
    data_rights_policies: 'Public data; no personal data reaches the model.',
    goals: [{ id: 'G-01', goal: 'Warn about most late flights.', metric: 'recall', operator: '>=', baseline: 0.5 }],
    success_criteria: ['G-01 holds on every 7-day window.'],
    risks: { risk_fp: 'Needless rebooking.', risk_fn: 'A missed connection.' },
  },
  'raw-data': {
    kind: 'raw-data',
    name: 'raw',
    version: '2001-h1',
    data_sources: [{ data_source: 'public', other_source: 'BTS' }],
    instance_type: 'One arrived flight.',
    number_of_instances: 3000,
    labels_distribution: [
      { label: true, percentage: 20 },
      { label: false, percentage: 80 },
    ],
    schema: [
      {
        field_name: 'delay',
        field_description: 'Arrival delay.',
        field_type: 'integer',
        unit: 'minutes',
        expected_values: '-120 to 1700',
        interpret_missing: 'Never missing.',
      },
    ],
    metadata: {
      collection_date: '2001-06-30',
      geographic_location: 'United States',
      timeframe: '2001-01-01 to 2001-06-30',
      known_issues: 'Times carry no time zone.',
    },
    restrictions: 'None.',
    data_rights: 'Public data, attribution to BTS.',
    data_policies: 'Kept 3 years.',
    anonymization: 'Not needed: no personal data.',
    proxy_data: 'Yes: 2001 records stand in for live traffic.',
  },
  'data-pipeline': {
    kind: 'data-pipeline',
    name: 'pipe',
    version: '1.4.0',
    input_spec: [
      {
        item_name: 'distance',
        item_description: 'Route distance.',
        item_type: 'integer',
        unit: 'miles',
        item_specification: { min_value: 10, max_value: 5100 },
        error_handling: { error_type: 'return-error-code', error_code_value: 422 },
        component_mapping: { component: 'booking-api', data_item: 'distance' },
      },
    ],
    pipeline_steps: [{ data_processing_step: 'validate', data_processing_detail: 'Reject bad distances.' }],
    pipeline_code: 'https://git.example.com/features',
    programming_languages: ['Python'],
  },
  'training-data': {
    kind: 'training-data',
    name: 'train',
    version: '1.1',
    raw_data: 'raw',
    schema: [
      {
        field_name: 'distance',
        field_description: 'Route distance.',
        field_type: 'integer',
        expected_values: '10 to 5100 miles',
        missing_values: 'None.',
        mapping_production_data: 'distance',
      },
      {
        field_name: 'delayed',
        field_description: 'The label: more than 15 minutes late.',
        field_type: 'boolean',
        expected_values: 'true or false',
        label_field: true,
        missing_values: 'None.',
      },
    ],
    statistics: [{ field: 'distance', property: 'mean', value: 729.04 }],
    distribution: [
      { label: true, percentage: 20.6, mapping_production_data: 'true' },
      { label: false, percentage: 79.4, mapping_production_data: 'false' },
    ],
    preparation_process: [{ data_processing_step: 'select January–April' }],
    preparation_code: 'https://git.example.com/prepare.py',
  },
  'trained-model': {
    kind: 'trained-model',
    name: 'm',
    version: '2.3.0',
    training_date: '2025-03-14',
    training_data: 'train@1.1',
    data_pipeline: 'pipe',
    model_components: [{ algorithm: 'gradient-boosting', programming_languages: ['Python'] }],
    ml_frameworks: ['lightgbm 4.3.0'],
    output_spec: [
      {
        item_name: 'p',
        item_description: 'Probability of a delay.',
        item_type: 'float',
        item_specification: { min_value: 0, max_value: 1 },
        component_mapping: { component: 'notifications', data_item: 'p' },
      },
    ],
    evaluation_dataset: { name: 'valid', holdout_percentage: 10, seed: 42, algorithm: 'random, stratified' },
    evaluation_metrics: [{ metric: 'recall', result: 0.6 }],
    model_output_interpretation: 'Calibrated probability.',
    default_model_output: 'None: callers show no warning.',
    algorithm_metrics: [{ metric: 'recall-7d', operator: '>=', threshold: 0.5, goal_mapping: 'G-01' }],
    business_metrics: [{ metric: 'delay-calls', operator: '<=', threshold: 12 }],
    user_system_feedback: [{ short_name: 'actual-arrival-delay' }],
    log_data: [{ log: 'prediction-log', log_data_format: 'JSON lines', history: '90d' }],
    data_buffering_reqs: 'None: one request is one flight.',
    decisions_assumptions: ['Distances are statute miles.'],
    computing_resource_reqs: { gpu: 0, cpu: 2, memory: '6Gi', storage: '2Gi' },
    inference_time: '35ms',
    system_dependencies: ['Python 3.11', 'fastapi 0.110.0'],
  },
  'development-environment': {
    kind: 'development-environment',
    name: 'dev',
    version: '2025.03',
    programming_languages: ['TypeScript', 'Python'],
    ml_frameworks: ['lightgbm 4.3.0'],
    operating_system: 'Ubuntu 22.04',
    system_dependencies: ['Node.js 20'],
    upstream_components: [
      {
        component_name: 'booking-api',
        output_spec: [
          {
            item_name: 'distance',
            item_description: 'Route distance.',
            item_type: 'integer',
            expected_values: '10 to 5100',
          },
        ],
      },
    ],
    downstream_components: [
      {
        component_name: 'notifications',
        input_spec: [
          { item_name: 'p', item_description: 'Probability.', item_type: 'float', expected_values: '0 to 1' },
        ],
      },
    ],
    computing_resources: { cpu: 4, memory: '16Gi', storage: '100Gi' },
  },
  'production-environment': {
    kind: 'production-environment',
    name: 'prod',
    version: '2025.04',
    trained_model: 'm',
    required_inference_time: '50ms',
    computing_resources: { gpu: 0, cpu: 2, memory: '8Gi', storage: '20Gi' },
    deployment_platform: 'cloud',
    deployment_mechanism: 'api',
    operating_system: 'Debian 12',
    ml_frameworks: ['lightgbm 4.3.0'],
    system_dependencies: ['Python 3.11'],
    algorithm_metrics: [{ metric: 'recall-7d', implementation: 'Nightly job.' }],
    business_metrics: [{ metric: 'delay-calls', implementation: 'CRM export.' }],
    user_system_feedback: [{ feedback: 'actual-arrival-delay', implementation: 'Kafka topic.' }],
    model_logs: [{ log: 'prediction-log', implementation: 'Loki.' }],
    log_retention: '90d',
  },
  'production-data': {
    kind: 'production-data',
    name: 'traffic',
    version: '2001-05',
    data_sources: ['booking-api requests'],
    data_rates: '25/s',
    schema: [
      {
        field_name: 'distance',
        field_description: 'Route distance.',
        field_type: 'integer',
        expected_values: '10 to 5100',
      },
      {
        field_name: 'delayed',
        field_description: 'Ground truth.',
        field_type: 'boolean',
        expected_values: 'true or false',
      },
    ],
    statistics: [{ field: 'distance', property: 'mean', value: 736.63 }],
    distribution: [
      { label: true, percentage: 18.7 },
      { label: false, percentage: 81.3 },
    ],
  },
};

/**
 * The complete system with changes: per kind, `null` leaves the descriptor out, and an object sets
 * fields (a field set to `undefined` is removed).
 */
export function system(changes: Partial<Record<Kind, Record<string, unknown> | null>> = {}): Doc[] {
  return (Object.keys(COMPLETE) as Kind[]).flatMap((kind) => {
    const change = changes[kind];
    if (change === null) return [];
    const doc: Doc = { ...structuredClone(COMPLETE[kind]), ...change };
    for (const [k, v] of Object.entries(doc)) if (v === undefined) delete doc[k];
    return [doc];
  });
}

/** One descriptor of the complete system, with changes as in `system`. */
export function one(kind: Kind, change: Record<string, unknown> = {}): Doc {
  const [doc] = system({ ...Object.fromEntries(Object.keys(COMPLETE).map((k) => [k, null])), [kind]: change });
  return doc as Doc;
}

/** A copy of a field of the complete system, to edit. */
export function field<T = unknown>(kind: Kind, name: string): T {
  return structuredClone(COMPLETE[kind][name]) as T;
}

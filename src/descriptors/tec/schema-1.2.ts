// The structure of TEC 1.2 documents (required keys, types, enums), written from TEC's published
// field lists, for checking that exports are documents TEC accepts. Like TEC's JSON Schemas
// it allows extra keys and does not check formats (TEC never enables its format checker). One fix:
// the trained model must have `error_handling`, which TEC 1.2 requires without defining it.
import * as z from 'zod';
import type { KindId } from '../kinds/index.js';

const str = z.string();
const int = z.number().int();
const num = z.number();
const bool = z.boolean();
const strings = (min = 0) => z.array(str).min(min);
const rows = <T extends z.ZodType>(item: T, min = 0) => z.array(item).min(min);

export const TEC_ITEM_TYPES = ['Integer', 'Float', 'String', 'Image', 'Other'] as const;
export const TEC_ML_PROBLEMS = [
  'Alert',
  'Benchmarking',
  'Classification',
  'Clustering',
  'Content Generation',
  'Detection',
  'Forecasting',
  'Goals',
  'Summarization',
  'Trend',
  'Other',
] as const;
export const TEC_DATA_SOURCES = [
  'Enterprise Data',
  'Public Data Source',
  'Synthetic Data',
  'Simulated Data',
  'Other',
] as const;
export const TEC_ERROR_TYPES = ['Log to console', 'Log to file', 'Return error code', 'Return none'] as const;
export const TEC_ALGORITHMS = [
  'Recurring Neural Network (RNN)',
  'Convolutional Neural Network (CNN)',
  'Gradient Boosting Tree (GBT)',
  'Linear Regression',
  'Bayesian Network',
  'Random Forest',
  'Support Vector Machine (SVM)',
  'Logistic Regression',
  'K-Nearest Neighbors (KNN)',
  'Naive Bayes Classifier',
  'Other',
] as const;
export const TEC_METRICS = [
  'Accuracy',
  'False Positive Rate',
  'False Negative Rate',
  'Positive Predictive Value (PPV)',
  'Negative Predictive Value (NPV)',
  'F1 Score',
  'Other',
] as const;
export const TEC_OPERATORS = [
  'greater than',
  'greater or equal than',
  'less than',
  'less or equal than',
  'equal to',
  'different than',
] as const;
export const TEC_TIME_UNITS = ['Milliseconds', 'Seconds', 'Minutes', 'Hours'] as const;

const documentation = rows(z.object({ description: str, location: str }));
const percentage = num.min(0).max(100);
const processingStep = z.object({ data_processing_step: str, data_processing_detail: str });

const itemSpecification = z.object({
  other_value: str,
  min_value: num,
  max_value: num,
  resolution_x: int,
  resolution_y: int,
  channels: int.optional(),
  image_format: z.enum(['', 'JPG', 'PNG']).optional(),
  min_length: int,
  max_length: int,
  empty: bool,
  numeric: bool,
  slashes: bool,
  spaces: bool,
  special: bool,
});
const componentMapping = z.object({ component: str, data_item: str });

const modelOutput = z.object({
  item_name: str,
  item_description: str,
  item_type: z.enum(TEC_ITEM_TYPES),
  item_specification: itemSpecification.optional(),
  component_mapping: componentMapping,
});

const resources = z.object({ gpu: int, cpu: int, memory: num, storage: num });
const timeWithUnit = z.object({ time: int, unit: z.enum(TEC_TIME_UNITS) });
const evaluatedMetric = z.object({ metric: z.enum(TEC_METRICS), other_metric: str, result: num });
const monitoredMetric = z.object({
  metric: str,
  operator: z.enum(TEC_OPERATORS),
  threshold: num,
  goal_mapping: str,
});
const testDataset = z.object({ name: str, test_results: str, file: str });
const environmentItem = z.object({
  item_name: str,
  item_description: str,
  item_type: str,
  expected_values: str,
});
const statistic = z.object({ property: str, field: str, value: str });
const implemented = <K extends string>(key: K) =>
  z.object({ [key]: str, implementation: str } as Record<K | 'implementation', typeof str>);

export const tec12Schemas: Record<KindId, z.ZodType> = {
  'system-context': z.object({
    version: z.literal('1.2'),
    task: str,
    ml_problem_type: z.object({ ml_problem: z.enum(TEC_ML_PROBLEMS), other_problem: str }),
    goals: rows(z.object({ id: str, goal: str, metric: str, baseline: str }), 1),
    available_data: str,
    usage_context: str,
    data_rights_policies: str,
    risks: z.object({ risk_fp: str, risk_fn: str, risk_other: str }),
    documentation,
  }),
  'raw-data': z.object({
    version: z.literal('1.2'),
    dataset_identifier: str,
    dataset_version: str,
    dataset_name: str,
    dataset_description: str,
    data_sources: rows(z.object({ data_source: z.enum(TEC_DATA_SOURCES), other_source: str }), 1),
    instance_type: str,
    number_of_instances: int,
    labels_distribution: rows(z.object({ label: str, percentage })),
    schema: rows(
      z.object({
        field_name: str,
        field_description: str,
        field_type: str,
        expected_values: str,
        interpret_missing: str,
        interpret_special: str,
      }),
    ),
    metadata: z.object({ collection_date: str, geographic_location: str, timeframe: str, known_issues: str }),
    restrictions: str,
    data_rights: str.optional(),
    data_policies: str.optional(),
    anonymization: str,
    proxy_data: str,
    documentation,
  }),
  'data-pipeline': z.object({
    version: z.literal('1.2'),
    pipeline_identifier: str.optional(),
    pipeline_version: str,
    pipeline_description: str,
    input_spec: rows(
      z.object({
        item_name: str,
        item_description: str,
        item_type: z.enum(TEC_ITEM_TYPES),
        item_specification: itemSpecification,
        error_handling: z.object({ error_type: z.enum(TEC_ERROR_TYPES), error_code_value: int }),
        component_mapping: componentMapping,
      }),
      1,
    ),
    test_cases: rows(z.object({ test_case_name: str, tested_property: str, file: str })),
    pipeline_steps: rows(processingStep),
    pipeline_code: str,
    documentation,
  }),
  'training-data': z.object({
    version: z.literal('1.2'),
    dataset_identifier: str,
    dataset_name: str,
    dataset_version: str,
    dataset_description: str,
    raw_data_identifier: str,
    schema: rows(
      z.object({
        field_name: str,
        label_field: bool,
        field_description: str,
        field_type: str,
        expected_values: str,
        missing_values: str,
        mapping_production_data: str,
      }),
    ),
    statistics: rows(statistic, 1),
    distribution: rows(z.object({ label: str, percentage, mapping_production_data: str })),
    preparation_process: rows(processingStep),
    preparation_code: str,
    documentation,
  }),
  'trained-model': z.object({
    version: z.literal('1.2'),
    model_name: str,
    model_version: str,
    model_description: str,
    training_date: str,
    ensemble: bool,
    model_components: rows(
      z.object({
        learning_algorithm: z.object({ algorithm: z.enum(TEC_ALGORITHMS), other_algorithm: str }),
        hyper_parameters: rows(z.object({ parameter_name: str, parameter_value: str })),
        programming_languages: strings(1),
      }),
      1,
    ),
    model_composition_details: str,
    ml_frameworks: strings(1),
    data_pipeline_identifier: str,
    training_data_identifier: str,
    output_spec: rows(modelOutput, 1),
    post_processing: bool,
    post_processing_process: strings(),
    final_output_spec: rows(modelOutput),
    // Required by TEC 1.2 but no longer defined there; Dovetail writes the 1.1 shape.
    error_handling: rows(z.object({ error_condition: str, how_handled: str })),
    evaluation_dataset: z.object({
      name: str,
      holdout_percentage: percentage,
      seed: int,
      algorithm: str,
      file: str,
    }),
    evaluation_metrics: rows(evaluatedMetric, 1),
    test_dataset: testDataset,
    integration_test_dataset: testDataset,
    test_metrics: rows(evaluatedMetric, 1),
    model_output_interpretation: str,
    default_model_output: str,
    algorithm_metrics: rows(monitoredMetric, 1),
    business_metrics: rows(monitoredMetric, 1),
    user_system_feedback: rows(z.object({ short_name: str, details: str }), 1),
    log_data: rows(z.object({ log: str, log_data_format: str, history: str }), 1),
    data_buffering_reqs: str,
    decisions_assumptions: strings(1),
    computing_resource_reqs: resources,
    inference_time: timeWithUnit,
    system_dependencies: strings(1),
    model_training_code: str,
    trained_model_code: str,
    documentation,
  }),
  'development-environment': z.object({
    version: z.literal('1.2'),
    programming_languages: strings(1),
    ml_frameworks: strings(1),
    upstream_components: rows(
      z.object({ component_name: str, output_spec: rows(environmentItem, 1), ml_component: bool }),
    ),
    downstream_components: rows(
      z.object({ component_name: str, input_spec: rows(environmentItem, 1), ml_component: bool }),
    ),
    milestones: rows(z.object({ milestone: str, milestone_date: str })),
    computing_resources: resources,
    documentation,
  }),
  'production-environment': z.object({
    version: z.literal('1.2'),
    required_inference_time: timeWithUnit,
    computing_resources: resources,
    deployment_platform: str.optional(),
    deployment_mechanism: str.optional(),
    algorithm_metrics: rows(implemented('metric')),
    business_metrics: rows(implemented('metric')),
    other_metrics: rows(implemented('metric')),
    user_system_feedback: rows(implemented('feedback')),
    model_logs: rows(implemented('log')),
    other_logs: rows(implemented('log')),
    documentation,
  }),
  'production-data': z.object({
    version: z.literal('1.2'),
    data_sources: str,
    data_rates: str,
    schema: rows(z.object({ field_name: str, field_description: str, field_type: str, expected_values: str })),
    statistics: rows(statistic, 1),
    distribution: rows(z.object({ label: str, percentage })),
    documentation,
  }),
};

// Where each Dovetail field lives in TEC 1.2, one declarative map per kind, used by both the importer
// and the exporter. Keys are listed in TEC's order so exports read like TEC's own files. Dovetail
// fields not listed here have no TEC place; the exporter keeps them as `x-dovetail-<field>`.
import type { KindId } from '../kinds/index.js';
import {
  algorithms,
  dataSourceTypes,
  deploymentMechanisms,
  deploymentPlatforms,
  errorHandlingTypes,
  itemTypes,
  metrics,
  mlProblems,
  operators,
  statisticProperties,
} from '../vocabulary.js';
import { choice } from './choice.js';
import { type Field, field, fixed, list, object } from './codec.js';
import { baseline, characters, dataRates, pair } from './compound.js';
import {
  boolean,
  cpus,
  date,
  durationText,
  gigabytes,
  gpus,
  identifier,
  imageFormat,
  number,
  statisticValue,
  text,
  textAsList,
  timeWithUnit,
  versionText,
} from './values.js';

/** Dovetail's `kind` has no TEC key: the importer sets it, the exporter drops it. */
const kindKey: Field = {
  dove: [],
  ignores: ['kind'],
  tec: [],
  read: () => ({}),
  write: () => ({}),
  check: () => ({}),
  blank: () => true,
};

/** Every TEC 1.2 document starts with its schema version. */
const head = [kindKey, fixed('version', '1.2')];

const texts = (key: string, minItems = 0) => field(key, key, list(text, minItems));
const t = (key: string) => field(key, key, text);

const documentation = field('documentation', 'documentation', list(object([t('description'), t('location')])));

const processingStep = object([t('data_processing_step'), t('data_processing_detail')]);

const itemType = (closed: boolean, key = 'item_type') =>
  choice({
    vocab: itemTypes,
    dove: key,
    tec: key,
    closed,
    fallback: 'other',
    placeholder: closed ? 'Other' : '',
    placeholderBlank: true,
  });

/** TEC's ItemSpec: zeros and false where a constraint does not apply. */
const itemSpecification = object([
  t('other_value'),
  pair('min_value', 'max_value', number()),
  pair('resolution_x', 'resolution_y', number({ integer: true })),
  field('channels', 'channels', number({ integer: true, zeroIsBlank: true })),
  field('image_format', 'image_format', imageFormat),
  pair('min_length', 'max_length', number({ integer: true })),
  characters(),
]);

const componentMapping = object([t('component'), t('data_item')]);

const errorHandling = object([
  choice({
    vocab: errorHandlingTypes,
    dove: 'error_type',
    tec: 'error_type',
    closed: true,
    placeholder: 'Log to console',
  }),
  field('error_code_value', 'error_code_value', number({ integer: true })),
]);

const pipelineInput = object([
  t('item_name'),
  t('item_description'),
  itemType(true),
  field('item_specification', 'item_specification', itemSpecification),
  field('error_handling', 'error_handling', errorHandling),
  field('component_mapping', 'component_mapping', componentMapping),
]);

const modelOutput = object([
  t('item_name'),
  t('item_description'),
  itemType(true),
  // Optional in TEC 1.2, but TEC's own checks crash on an output without it: always written.
  field('item_specification', 'item_specification', itemSpecification),
  field('component_mapping', 'component_mapping', componentMapping),
]);

const environmentItem = object([t('item_name'), t('item_description'), itemType(false), t('expected_values')]);

const evaluatedMetric = object([
  choice({
    vocab: metrics,
    dove: 'metric',
    tec: 'metric',
    doveOther: 'other_metric',
    tecOther: 'other_metric',
    closed: true,
    fallback: 'other',
    placeholder: 'Other',
    placeholderBlank: true,
  }),
  field('result', 'result', number()),
]);

const monitoredMetric = object([
  t('metric'),
  choice({
    vocab: operators,
    dove: 'operator',
    tec: 'operator',
    closed: true,
    placeholder: 'greater than',
    placeholderBlank: true,
  }),
  field('threshold', 'threshold', number()),
  t('goal_mapping'),
]);

const statistic = object([
  choice({ vocab: statisticProperties, dove: 'property', tec: 'property', fallback: 'other' }),
  t('field'),
  field('value', 'value', statisticValue),
]);

const labelShare = [t('label'), field('percentage', 'percentage', number())];

const resources = (rounding: 'up' | 'down') =>
  object([
    field('gpu', 'gpu', gpus),
    field('cpu', 'cpu', cpus(rounding)),
    field('memory', 'memory', gigabytes),
    field('storage', 'storage', gigabytes),
  ]);

const implemented = (key: string) => object([t(key), t('implementation')]);

const testDataset = object([t('name'), t('test_results'), t('file')]);

const goal = object([
  t('id'),
  t('goal'),
  choice({ vocab: metrics, dove: 'metric', tec: 'metric', doveOther: 'other_metric', fallback: 'other' }),
  baseline(),
]);

const component = (items: 'output_spec' | 'input_spec') =>
  object([
    t('component_name'),
    field(items, items, list(environmentItem, 1)),
    field('ml_component', 'ml_component', boolean),
  ]);

export const tecMaps: Record<KindId, readonly Field[]> = {
  'system-context': [
    ...head,
    t('task'),
    choice({
      vocab: mlProblems,
      dove: 'ml_problem_type',
      tec: ['ml_problem_type', 'ml_problem'],
      doveOther: 'other_problem',
      tecOther: ['ml_problem_type', 'other_problem'],
      closed: true,
      fallback: 'other',
      placeholder: 'Other',
    }),
    field('goals', 'goals', list(goal, 1)),
    t('available_data'),
    t('usage_context'),
    t('data_rights_policies'),
    field('risks', 'risks', object([t('risk_fp'), t('risk_fn'), t('risk_other')])),
    documentation,
  ],
  'raw-data': [
    ...head,
    field('name', 'dataset_identifier', identifier),
    field('version', 'dataset_version', versionText),
    field('title', 'dataset_name', text),
    field('description', 'dataset_description', text),
    field(
      'data_sources',
      'data_sources',
      list(
        object([
          choice({
            vocab: dataSourceTypes,
            dove: 'data_source',
            tec: 'data_source',
            doveOther: 'other_source',
            tecOther: 'other_source',
            closed: true,
            fallback: 'other',
            placeholder: 'Other',
            placeholderBlank: true,
          }),
        ]),
        1,
      ),
    ),
    t('instance_type'),
    field('number_of_instances', 'number_of_instances', number({ integer: true })),
    field('labels_distribution', 'labels_distribution', list(object(labelShare))),
    field(
      'schema',
      'schema',
      list(
        object([
          t('field_name'),
          t('field_description'),
          itemType(false, 'field_type'),
          t('expected_values'),
          t('interpret_missing'),
          t('interpret_special'),
        ]),
      ),
    ),
    field(
      'metadata',
      'metadata',
      object([
        field('collection_date', 'collection_date', date),
        t('geographic_location'),
        t('timeframe'),
        t('known_issues'),
      ]),
    ),
    t('restrictions'),
    t('data_rights'),
    t('data_policies'),
    t('anonymization'),
    t('proxy_data'),
    documentation,
  ],
  'data-pipeline': [
    ...head,
    field('name', 'pipeline_identifier', identifier),
    field('version', 'pipeline_version', versionText),
    field('description', 'pipeline_description', text),
    field('input_spec', 'input_spec', list(pipelineInput, 1)),
    field('test_cases', 'test_cases', list(object([t('test_case_name'), t('tested_property'), t('file')]))),
    field('pipeline_steps', 'pipeline_steps', list(processingStep)),
    t('pipeline_code'),
    documentation,
  ],
  'training-data': [
    ...head,
    field('name', 'dataset_identifier', identifier),
    field('title', 'dataset_name', text),
    field('version', 'dataset_version', versionText),
    field('description', 'dataset_description', text),
    field('raw_data', 'raw_data_identifier', identifier),
    field(
      'schema',
      'schema',
      list(
        object([
          t('field_name'),
          field('label_field', 'label_field', boolean),
          t('field_description'),
          itemType(false, 'field_type'),
          t('expected_values'),
          t('missing_values'),
          t('mapping_production_data'),
        ]),
      ),
    ),
    field('statistics', 'statistics', list(statistic, 1)),
    field('distribution', 'distribution', list(object([...labelShare, t('mapping_production_data')]))),
    field('preparation_process', 'preparation_process', list(processingStep)),
    t('preparation_code'),
    documentation,
  ],
  'trained-model': [
    ...head,
    field('name', 'model_name', identifier),
    field('version', 'model_version', versionText),
    field('description', 'model_description', text),
    field('training_date', 'training_date', date),
    field('ensemble', 'ensemble', boolean),
    field(
      'model_components',
      'model_components',
      list(
        object([
          choice({
            vocab: algorithms,
            dove: 'algorithm',
            tec: ['learning_algorithm', 'algorithm'],
            doveOther: 'other_algorithm',
            tecOther: ['learning_algorithm', 'other_algorithm'],
            closed: true,
            fallback: 'other',
            placeholder: 'Other',
            placeholderBlank: true,
          }),
          field('hyper_parameters', 'hyper_parameters', list(object([t('parameter_name'), t('parameter_value')]))),
          texts('programming_languages', 1),
        ]),
        1,
      ),
    ),
    t('model_composition_details'),
    texts('ml_frameworks', 1),
    field('data_pipeline', 'data_pipeline_identifier', identifier),
    field('training_data', 'training_data_identifier', identifier),
    field('output_spec', 'output_spec', list(modelOutput, 1)),
    field('post_processing', 'post_processing', boolean),
    texts('post_processing_process'),
    field('final_output_spec', 'final_output_spec', list(modelOutput)),
    // TEC 1.2 dropped the definition of error_handling but still requires the key.
    field('error_handling', 'error_handling', list(object([t('error_condition'), t('how_handled')]))),
    field(
      'evaluation_dataset',
      'evaluation_dataset',
      object([
        t('name'),
        field('holdout_percentage', 'holdout_percentage', number()),
        field('seed', 'seed', number({ integer: true })),
        t('algorithm'),
        t('file'),
      ]),
    ),
    field('evaluation_metrics', 'evaluation_metrics', list(evaluatedMetric, 1)),
    field('test_dataset', 'test_dataset', testDataset),
    field('integration_test_dataset', 'integration_test_dataset', testDataset),
    field('test_metrics', 'test_metrics', list(evaluatedMetric, 1)),
    t('model_output_interpretation'),
    t('default_model_output'),
    field('algorithm_metrics', 'algorithm_metrics', list(monitoredMetric, 1)),
    field('business_metrics', 'business_metrics', list(monitoredMetric, 1)),
    field('user_system_feedback', 'user_system_feedback', list(object([t('short_name'), t('details')]), 1)),
    field(
      'log_data',
      'log_data',
      list(object([t('log'), t('log_data_format'), field('history', 'history', durationText)]), 1),
    ),
    t('data_buffering_reqs'),
    texts('decisions_assumptions', 1),
    field('computing_resource_reqs', 'computing_resource_reqs', resources('up')),
    field('inference_time', 'inference_time', timeWithUnit),
    texts('system_dependencies', 1),
    t('model_training_code'),
    t('trained_model_code'),
    documentation,
  ],
  'development-environment': [
    ...head,
    texts('programming_languages', 1),
    texts('ml_frameworks', 1),
    field('upstream_components', 'upstream_components', list(component('output_spec'))),
    field('downstream_components', 'downstream_components', list(component('input_spec'))),
    field('milestones', 'milestones', list(object([t('milestone'), field('milestone_date', 'milestone_date', date)]))),
    field('computing_resources', 'computing_resources', resources('down')),
    documentation,
  ],
  'production-environment': [
    ...head,
    field('required_inference_time', 'required_inference_time', timeWithUnit),
    field('computing_resources', 'computing_resources', resources('down')),
    choice({
      vocab: deploymentPlatforms,
      dove: 'deployment_platform',
      tec: 'deployment_platform',
      doveOther: 'deployment_platform_details',
      fallback: 'other',
    }),
    choice({
      vocab: deploymentMechanisms,
      dove: 'deployment_mechanism',
      tec: 'deployment_mechanism',
      fallback: 'other',
    }),
    field('algorithm_metrics', 'algorithm_metrics', list(implemented('metric'))),
    field('business_metrics', 'business_metrics', list(implemented('metric'))),
    field('other_metrics', 'other_metrics', list(implemented('metric'))),
    field('user_system_feedback', 'user_system_feedback', list(implemented('feedback'))),
    field('model_logs', 'model_logs', list(implemented('log'))),
    field('other_logs', 'other_logs', list(implemented('log'))),
    documentation,
  ],
  'production-data': [
    ...head,
    field('data_sources', 'data_sources', textAsList),
    dataRates(),
    field(
      'schema',
      'schema',
      list(object([t('field_name'), t('field_description'), itemType(false, 'field_type'), t('expected_values')])),
    ),
    field('statistics', 'statistics', list(statistic, 1)),
    field('distribution', 'distribution', list(object(labelShare))),
    documentation,
  ],
};

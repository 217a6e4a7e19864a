import * as z from 'zod';
import {
  componentMapping,
  dataItem,
  date,
  duration,
  evaluatedMetric,
  header,
  monitoredMetric,
  optionalText,
  reference,
  resources,
  term,
  testDataset,
  texts,
} from '../fields.js';
import { algorithms } from '../vocabulary.js';

export const modelOutput = z.strictObject({
  ...dataItem,
  component_mapping: componentMapping.optional(),
});

export const trainedModel = z
  .strictObject({
    ...header('trained-model', 'trained model'),
    training_date: date('When the model was trained.').optional(),
    ensemble: z.boolean().optional().meta({ description: 'The model combines several components.' }),
    model_components: z
      .array(
        z.strictObject({
          algorithm: term(algorithms, 'Learning algorithm.'),
          other_algorithm: optionalText('The algorithm when `algorithm` is other.'),
          hyper_parameters: z
            .array(
              z.strictObject({
                parameter_name: z.string().meta({ description: 'Hyper-parameter.' }),
                parameter_value: z.union([z.string(), z.number(), z.boolean()]).meta({ description: 'Its value.' }),
              }),
            )
            .optional()
            .meta({ description: 'Hyper-parameters that differ from the defaults.' }),
          programming_languages: texts('Languages the component is written in.').optional(),
        }),
      )
      .optional()
      .meta({ description: 'The parts of the model; one unless it is an ensemble.' }),
    model_composition_details: optionalText('For an ensemble: how the components combine into one output.'),
    ml_frameworks: texts(
      'ML frameworks the model needs, each optionally with a version: `scikit-learn 1.5`.',
    ).optional(),
    data_pipeline: reference('data-pipeline', 'The pipeline that prepares the model inputs.').optional(),
    training_data: reference('training-data', 'The data set the model was trained on.').optional(),
    development_environment: reference(
      'development-environment',
      'The environment the model is integrated in; may be left out when the system has one.',
    ).optional(),
    output_spec: z.array(modelOutput).optional().meta({ description: 'The raw model outputs.' }),
    post_processing: z
      .boolean()
      .optional()
      .meta({ description: 'The outputs are post-processed before they leave the model.' }),
    post_processing_process: texts('The post-processing steps.').optional(),
    final_output_spec: z.array(modelOutput).optional().meta({ description: 'The outputs after post-processing.' }),
    evaluation_dataset: z
      .strictObject({
        name: optionalText('Name of the evaluation split.'),
        holdout_percentage: z.number().min(0).max(100).optional().meta({ description: 'Share held out, 0 to 100.' }),
        seed: z.number().int().optional().meta({ description: 'Random seed of the split.' }),
        algorithm: optionalText('How the split was drawn: random, stratified, by time.'),
        file: optionalText('Where the split is.'),
      })
      .optional()
      .meta({ description: 'How the evaluation data was split off.' }),
    evaluation_metrics: z.array(evaluatedMetric).optional().meta({ description: 'Results on the evaluation data.' }),
    test_dataset: testDataset.optional().meta({ description: 'The held-out test set, used once.' }),
    integration_test_dataset: testDataset
      .optional()
      .meta({ description: 'Data with expected outputs for integration tests of the deployed model.' }),
    test_metrics: z.array(evaluatedMetric).optional().meta({ description: 'Results on the test set.' }),
    model_output_interpretation: optionalText('What the outputs mean: classes, units, confidence, uncertainty.'),
    default_model_output: optionalText('What the model returns when it cannot produce an output.'),
    error_handling: z
      .array(
        z.strictObject({
          error_condition: z.string().meta({ description: 'The failure.' }),
          how_handled: optionalText('What the model does about it.'),
        }),
      )
      .optional()
      .meta({ description: 'Failures the model detects and how it handles each.' }),
    algorithm_metrics: z.array(monitoredMetric).optional().meta({
      description: 'Model metrics production must compute (accuracy, drift), with notification thresholds.',
    }),
    business_metrics: z.array(monitoredMetric).optional().meta({
      description: 'Business metrics production must compute (conversion, complaints), with notification thresholds.',
    }),
    user_system_feedback: z
      .array(
        z.strictObject({
          short_name: z
            .string()
            .min(1)
            .meta({ description: 'Name of the feedback; production refers to it by this name.' }),
          details: optionalText('What the feedback is and who gives it.'),
        }),
      )
      .optional()
      .meta({ description: 'Feedback from users or systems that production must collect.' }),
    log_data: z
      .array(
        z.strictObject({
          log: z.string().min(1).meta({ description: 'What to log; production refers to it by this name.' }),
          log_data_format: optionalText('Format of the records.'),
          history: duration('How long the records must be kept.', 'd').optional(),
        }),
      )
      .optional()
      .meta({ description: 'What production must log for troubleshooting and retraining.' }),
    data_buffering_reqs: optionalText('Batching or windowing the model needs: unit of analysis, window size.'),
    decisions_assumptions: texts('Decisions, assumptions, limitations and constraints of the model.').optional(),
    computing_resource_reqs: resources('the model needs to serve').optional(),
    inference_time: duration('Time to produce one output, as measured.').optional(),
    system_dependencies: texts('Libraries, tools and services the model needs at run time.').optional(),
    model_training_code: optionalText('Where the training code is.'),
    trained_model_code: optionalText('Where the trained model (its artefact and serving code) is.'),
  })
  .meta({
    title: 'Trained model',
    description:
      'The model as delivered: API, evaluation, test data, run-time metrics and logs, resources. Owned by the data scientist.',
  });

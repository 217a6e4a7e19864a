import * as z from 'zod';
import {
  deploymentMechanism,
  duration,
  header,
  implementedItem,
  optionalText,
  reference,
  resources,
  term,
  texts,
} from '../fields.js';
import { deploymentPlatforms } from '../vocabulary.js';

const metricRef = 'Name of a metric of the trained model (algorithm_metrics or business_metrics).';

export const productionEnvironment = z
  .strictObject({
    ...header('production-environment', 'production environment'),
    trained_model: reference(
      'trained-model',
      'The model this environment serves; may be left out when there is one.',
    ).optional(),
    required_inference_time: duration('Longest time the system allows for one output.').optional(),
    computing_resources: resources('available to serve the model').optional(),
    deployment_platform: term(deploymentPlatforms, 'Where the model runs.').optional(),
    deployment_platform_details: optionalText('The platform in words: provider, region, device.'),
    deployment_mechanism: deploymentMechanism.optional(),
    operating_system: optionalText('Operating system and version.'),
    ml_frameworks: texts('ML frameworks installed, each optionally with a version.').optional(),
    system_dependencies: texts('Libraries, tools and services available.').optional(),
    algorithm_metrics: z.array(implementedItem('metric', metricRef)).optional().meta({
      description: 'Algorithm metrics of the trained model that production computes, and how.',
    }),
    business_metrics: z.array(implementedItem('metric', metricRef)).optional().meta({
      description: 'Business metrics of the trained model that production computes, and how.',
    }),
    other_metrics: z.array(implementedItem('metric', 'Name of the metric.')).optional().meta({
      description: 'Further metrics production computes.',
    }),
    user_system_feedback: z
      .array(implementedItem('feedback', 'Short name of a feedback item of the trained model.'))
      .optional()
      .meta({ description: 'Feedback production collects, and how.' }),
    model_logs: z
      .array(implementedItem('log', 'Name of a log of the trained model.'))
      .optional()
      .meta({ description: 'Logs of the trained model production keeps, and how.' }),
    log_retention: duration('How long production keeps logs.', 'd').optional(),
    other_logs: z.array(implementedItem('log', 'What is logged.')).optional().meta({
      description: 'Further logs production keeps.',
    }),
  })
  .meta({
    title: 'Production environment',
    description:
      'Where the model runs in operation: resources, required latency, platform, metrics, logs and feedback collected. Owned by operations.',
  });

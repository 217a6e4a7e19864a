// Resources and latency on both sides: what the model needs and how fast it answers, what the
// environments offer and how fast production needs it. A zero (`gpu: 0`) is an answer (TEC treats all
// zeros as missing and ignores the GPU: B-M2). An environment may leave the GPU out: it has none.
import type { Descriptor } from '../../descriptors/system.js';
import { blank, type Gap, missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const computingResourcesImportance = importance(['OE Computing Resources', 'OE Required Model Inference Time']);

const MODEL_DIMENSIONS = ['cpu', 'memory', 'storage', 'gpu'] as const;
const ENVIRONMENT_DIMENSIONS = ['cpu', 'memory', 'storage'] as const;

function environmentGaps(env: Descriptor<'development-environment'> | Descriptor<'production-environment'>): Gap[] {
  const resources = env.data.computing_resources;
  return blank(resources)
    ? missingFields(env.data, ['computing_resources'])
    : missingFields(resources, ENVIRONMENT_DIMENSIONS, ['computing_resources']);
}

export const computingResources = presenceRule(
  {
    topic: 'computing-resources',
    description:
      'The trained model states the CPU, memory, storage and GPU it needs and its inference time; environments state the CPU, memory and storage they offer, and production its required inference time.',
    rationale:
      'When needs and offers are not written down, a model reaches production and cannot run there (too little memory, no GPU) or answers too slowly for the system that calls it; operations cannot size the deployment or meet its SLA.',
    remedy:
      'The data scientist fills in computing_resource_reqs (gpu: 0 when none is needed) and the measured inference_time; operations and the software engineer fill in computing_resources, and operations the required_inference_time.',
    tec: ['MF-TM', 'MF-DE', 'MF-PE'],
    examples: [
      'M06-04',
      'M07-01',
      'M14-04',
      'M15-06',
      'M18-05',
      'M12-09',
      'M07-03',
      'M11-07',
      'M19-02',
      'M17-03',
      'M17-04',
    ],
    importance: computingResourcesImportance,
  },
  {
    'trained-model': {
      gaps: (tm) => {
        const d = tm.data;
        const gaps: Gap[] = blank(d.computing_resource_reqs)
          ? missingFields(d, ['computing_resource_reqs'])
          : missingFields(d.computing_resource_reqs, MODEL_DIMENSIONS, ['computing_resource_reqs']);
        return [...gaps, ...missingFields(d, ['inference_time'])];
      },
    },
    'production-environment': {
      gaps: (pe) => [...environmentGaps(pe), ...missingFields(pe.data, ['required_inference_time'])],
    },
    // Development resources were rarely the cause of a mismatch (2 interview mentions): info.
    'development-environment': { gaps: environmentGaps, subcategories: ['DE Computing Resources'] },
  },
);

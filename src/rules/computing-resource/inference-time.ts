import { formatDuration } from '../../descriptors/units.js';
import { rule } from '../types.js';

export const inferenceTime = rule(
  {
    id: 'computing-resource/inference-time',
    category: 'computing-resource',
    severity: 'error',
    phases: ['design', 'runtime'],
    roles: ['data-scientist', 'operations'],
    description: 'The model’s inference time is within the inference time the production environment requires.',
    rationale:
      'A model slower than the latency budget times out, delays the page or the process it serves, and its outputs arrive too late to be used. Times are compared in real units (250ms, 1.5s) with no rounding; equal is within budget.',
    remedy:
      'Make the model faster (fewer trees or layers, quantisation, no data-frame libraries in the request path, a faster runtime), give production faster hardware, or renegotiate the budget with the product owner, then update both descriptors.',
    tec: ['R12'],
    examples: ['M11-07', 'M19-02'],
    needs: ['trained-model', 'production-environment'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const takes = model.data.inference_time;
      if (takes === undefined) continue;
      for (const env of facts.environmentsOf(model)) {
        const budget = env.data.required_inference_time;
        // A zero budget is a blank left by a form (TEC's 0), not a requirement nothing can meet.
        // Parsed units can leave float dust (0.7s → 700.0000000000001ms): a relative 1e-9 is equality.
        if (budget === undefined || budget === 0 || takes <= budget * (1 + 1e-9)) continue;
        report({
          message: `the model takes ${formatDuration(takes)}; production-environment \`${env.name}\` requires ${formatDuration(budget)}`,
          cite: [
            { descriptor: model, path: ['inference_time'] },
            { descriptor: env, path: ['required_inference_time'] },
          ],
          key: 'inference_time',
        });
      }
    }
  },
);

import { formatDuration } from '../../descriptors/units.js';
import { windowText } from '../observed.js';
import { rule } from '../types.js';

/** Parsed units can leave float dust (0.7s → 700.0000000000001ms): a relative 1e-9 is equality. */
const within = (ms: number, budget: number) => ms <= budget * (1 + 1e-9);

export const inferenceTime = rule(
  {
    id: 'computing-resource/inference-time',
    category: 'computing-resource',
    severity: 'error',
    phases: ['design', 'runtime'],
    roles: ['data-scientist', 'operations'],
    description:
      'The model’s inference time is within the inference time the production environment requires: as declared at design time, as measured (95th percentile of a window) at run time.',
    rationale:
      'A model slower than the latency budget times out, delays the page or the process it serves, and its outputs arrive too late to be used. Times are compared in real units (250ms, 1.5s) with no rounding; equal is within budget. In operation the 95th percentile of each window is compared, so a slow tail fails the budget even when the average meets it.',
    remedy:
      'Make the model faster (fewer trees or layers, quantisation, no data-frame libraries in the request path, a faster runtime), give production faster hardware, or renegotiate the budget with the product owner, then update both descriptors.',
    tec: ['R12'],
    examples: ['M11-07', 'M19-02'],
    needs: ['trained-model', 'production-environment'],
  },
  ({ facts, phase, report }) => {
    for (const model of facts.all('trained-model')) {
      const takes = model.data.inference_time;
      const observed = facts.observed(model);
      const p95 = observed?.latest.latency.p95;
      if (phase === 'runtime' ? p95 == null : takes === undefined) continue;
      for (const env of facts.environmentsOf(model)) {
        const budget = env.data.required_inference_time;
        // A zero budget is a blank left by a form (TEC's 0), not a requirement nothing can meet.
        if (budget === undefined || budget === 0) continue;
        if (observed && p95 != null) {
          if (within(p95, budget)) continue;
          const { p50, p99 } = observed.latest.latency;
          const declared = takes === undefined ? '' : `; the model declares ${formatDuration(takes)}`;
          report({
            message: `${windowText(model.name, observed)}, the 95th percentile of latency was ${formatDuration(p95)} (median ${formatDuration(p50 ?? p95)}, 99th ${formatDuration(p99 ?? p95)}); production-environment \`${env.name}\` requires ${formatDuration(budget)}${declared}`,
            cite: [
              { descriptor: env, path: ['required_inference_time'] },
              { descriptor: model, path: takes === undefined ? [] : ['inference_time'], value: { p95 } },
            ],
            key: 'inference_time',
          });
        } else if (takes !== undefined && !within(takes, budget)) {
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
    }
  },
);

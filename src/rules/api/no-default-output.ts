import type { Cite } from '../types.js';
import { rule } from '../types.js';
import { deliveredOutputs, mappedItem } from './model-outputs.js';

export const noDefaultOutput = rule(
  {
    id: 'api/no-default-output',
    category: 'api',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer', 'operations'],
    description:
      'A model whose outputs other software consumes (downstream components, an API or output-to-component deployment) says what it returns when it cannot produce an output (default_model_output).',
    rationale:
      'Callers must handle the model failing (bad input, model not loaded, timeout). If nobody wrote down what comes back, each caller guesses: one shows nothing, one shows a stale value, one crashes on null.',
    remedy:
      'Write default_model_output in the trained-model descriptor (a fixed value, null with an error code, or a fallback rule) and check that each downstream component handles it.',
    tec: [],
    examples: ['M12-04', 'M18-04', 'M02-08'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      if (model.data.default_model_output?.trim()) continue;
      const callers: Cite[] = [];
      const who: string[] = [];
      for (const output of deliveredOutputs(model).items) {
        const target = mappedItem(
          facts.developmentEnvironmentsOf(model),
          'downstream_components',
          output.component_mapping,
        );
        const name = `downstream component \`${target?.component}\``;
        if (!target || who.includes(name)) continue;
        who.push(name);
        callers.push({ descriptor: target.environment, path: ['downstream_components', target.componentIndex] });
      }
      for (const env of facts.environmentsOf(model)) {
        const mechanism = env.data.deployment_mechanism;
        if (mechanism !== 'api' && mechanism !== 'output-to-component') continue;
        callers.push({ descriptor: env, path: ['deployment_mechanism'] });
        who.push(
          mechanism === 'api'
            ? `the API callers of production-environment \`${env.name}\``
            : `the components production-environment \`${env.name}\` sends outputs to`,
        );
      }
      if (who.length === 0) continue;
      report({
        message: `trained-model \`${model.name}\` does not say what it returns when it cannot produce an output (default_model_output); ${who.join(' and ')} must handle that case`,
        cite: [{ descriptor: model, path: [] }, ...callers],
        key: 'default_model_output',
      });
    }
  },
);

// Integration test data: inputs with the outputs the deployed model must return, so integrators can
// verify their wrapper, the pipeline and the post-processing end to end. Needed once the model's
// outputs feed other components or are post-processed; TEC asks for it only with post-processing.
// A warning, not an error: nothing breaks by itself, but integration defects go undetected.
import { rule } from '../types.js';
import { described } from './datasets.js';

export const noIntegrationTestData = rule(
  {
    id: 'test-data/no-integration-test-data',
    category: 'test-data',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer'],
    description:
      'A trained model whose outputs feed downstream components, or which post-processes its outputs, comes with integration test data.',
    rationale:
      'Without inputs and expected outputs, integrators cannot check that the deployed model, its pipeline and its post-processing produce what the data scientist validated: a unit mix-up, a wrong threshold or a port that behaves differently ships unnoticed.',
    remedy:
      'Add an integration_test_dataset: requests built from realistic inputs with the expected outputs (and their tolerance), plus invalid inputs with the expected errors, stored where the integrators can reach it.',
    tec: ['MF-trained-model'],
    examples: ['M01-03', 'M01-05', 'M03-06', 'M12-06', 'M14-07'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    const downstream = facts
      .all('development-environment')
      .filter((env) => (env.data.downstream_components?.length ?? 0) > 0);
    for (const model of facts.all('trained-model')) {
      if (described(model.data.integration_test_dataset)) continue;
      const outputs = [...(model.data.output_spec ?? []), ...(model.data.final_output_spec ?? [])];
      const components = [
        ...new Set(outputs.flatMap((o) => (o.component_mapping ? [o.component_mapping.component] : []))),
      ];
      const reasons: string[] = [];
      // the environments that hold the mapped components, or every one with downstream components
      const involved = components.length
        ? downstream.filter((env) =>
            (env.data.downstream_components ?? []).some((c) => components.includes(c.component_name)),
          )
        : downstream;
      if (components.length > 0) {
        reasons.push(
          `its outputs feed downstream component${components.length > 1 ? 's' : ''} ${components.map((c) => `\`${c}\``).join(', ')}`,
        );
      } else if (downstream.length > 0) {
        reasons.push(
          `development-environment ${downstream.map((e) => `\`${e.name}\``).join(', ')} has downstream components`,
        );
      }
      if (model.data.post_processing) reasons.push('it post-processes its outputs');
      if (reasons.length === 0) continue;
      report({
        message: `trained-model \`${model.name}\` has no integration_test_dataset, but ${reasons.join(' and ')}: integrators cannot verify the deployed model against expected outputs`,
        cite: [
          { descriptor: model, path: model.data.integration_test_dataset ? ['integration_test_dataset'] : [] },
          ...involved.map((env) => ({ descriptor: env, path: ['downstream_components'] })),
        ],
        key: 'integration_test_dataset',
      });
    }
  },
);

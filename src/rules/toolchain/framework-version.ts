// One home for version comparisons between what the model needs and what an environment has:
// frameworks, system dependencies and the versions of its languages, against every development
// environment and every production environment serving the model. Presence is checked elsewhere
// (framework-unsupported, production-framework-missing, dependency-missing, language-unsupported);
// development against production is dev-prod-parity's concern.
import type { Descriptor } from '../../descriptors/system.js';
import { findIn, majorMismatch, parseTool, toolLists, unmet } from '../tools.js';
import { rule } from '../types.js';

type Environment = Descriptor<'development-environment' | 'production-environment'>;

function needs(model: Descriptor<'trained-model'>): { text: string; path: (string | number)[] }[] {
  return [
    ...(model.data.ml_frameworks ?? []).map((text, i) => ({ text, path: ['ml_frameworks', i] })),
    ...(model.data.system_dependencies ?? []).map((text, i) => ({ text, path: ['system_dependencies', i] })),
    ...(model.data.model_components ?? []).flatMap((c, i) =>
      (c.programming_languages ?? []).map((text, j) => ({
        text,
        path: ['model_components', i, 'programming_languages', j],
      })),
    ),
  ];
}

export const frameworkVersion = rule(
  {
    id: 'toolchain/framework-version',
    category: 'toolchain',
    severity: 'error',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer', 'operations'],
    description:
      'Where the model and an environment both name a framework, dependency or language with a version, the version the environment has satisfies the model’s requirement.',
    rationale:
      'Models saved with one version of a framework often fail to load in another, or load and predict differently (changed defaults, numerical differences); examples and tests written against one library version fail on another. A different major version is an error; a different minor or patch version is a warning.',
    remedy:
      'Pin the version the model was trained and tested with in every environment (or retrain and re-test the model with the environment’s version), and write the same version in the descriptors.',
    tec: [],
    examples: ['M16-01', 'M08-02', 'M10-05', 'M09-04'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const environments: Environment[] = [...facts.developmentEnvironmentsOf(model), ...facts.environmentsOf(model)];
      for (const env of environments) {
        const lists = toolLists(env);
        for (const need of needs(model)) {
          const req = parseTool(need.text);
          if (req.constraints.length === 0) continue;
          // The first entry that names the tool exactly and gives a version (`Python` among the
          // languages and `Python 3.8` among the dependencies: 3.8 is what is installed). A tool
          // found only as a word inside a longer entry has no version we can trust.
          const found = Object.keys(lists)
            .map((field) => findIn({ [field]: lists[field] }, req))
            .find((f) => f && !f.loose && f.tool.version);
          if (!found?.tool.version) continue;
          if (!unmet(req, found.tool.version)) continue;
          const entry = lists[found.field]?.[found.index] ?? '';
          report({
            message: `trained-model \`${model.name}\` needs ${need.text}; ${env.kind} \`${env.name}\` has ${entry}`,
            cite: [
              { descriptor: model, path: need.path },
              { descriptor: env, path: [found.field, found.index] },
            ],
            key: req.key,
            severity: majorMismatch(req, found.tool.version) ? 'error' : 'warning',
          });
        }
      }
    }
  },
);

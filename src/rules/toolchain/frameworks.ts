// The model's ML frameworks against what an environment has installed, by name (TEC R8 for the
// development environment; production has no TEC counterpart). A framework listed among the
// environment's system dependencies counts as present. Versions are framework-version's concern.
import type { Descriptor } from '../../descriptors/system.js';
import { findIn, listsAnything, parseTool, toolLists } from '../tools.js';
import { rule } from '../types.js';
import { listText } from '../wording.js';

type EnvironmentKind = 'development-environment' | 'production-environment';

function frameworkRule(kind: EnvironmentKind) {
  const dev = kind === 'development-environment';
  return rule(
    {
      id: dev ? 'toolchain/framework-unsupported' : 'toolchain/production-framework-missing',
      category: 'toolchain',
      severity: 'error',
      phases: ['design'],
      roles: ['data-scientist', dev ? 'software-engineer' : 'operations'],
      description: dev
        ? 'Each ML framework the model needs is available in the development environment.'
        : 'Each ML framework the model needs is installed in the production environment that serves it.',
      rationale: dev
        ? 'Integrators cannot load, wrap or test a model whose framework they do not have; they discover it when the artefact arrives (an ONNX runtime set up for a LightGBM booster) and the schedule slips while the model is exported or the environment rebuilt.'
        : 'A model whose framework is not installed where it is served does not start in production, or starts with whatever version the base image happens to carry.',
      remedy: dev
        ? 'Add the framework (with the version the model was trained with) to the development environment, or export the model to a format the environment runs and list that runtime in the trained-model descriptor.'
        : 'Install the framework in the production image (pinned to the version the model was trained with), or export the model to a runtime production has.',
      tec: dev ? ['R8'] : [],
      examples: dev ? ['M08-02', 'M09-04', 'M10-05', 'M16-08', 'M06-02'] : ['M06-02', 'M16-08', 'M16-01'],
      needs: ['trained-model', kind],
    },
    ({ facts, report }) => {
      for (const model of facts.all('trained-model')) {
        const environments: Descriptor<EnvironmentKind>[] = dev
          ? facts.developmentEnvironmentsOf(model)
          : facts.environmentsOf(model);
        for (const env of environments) {
          const lists = toolLists(env, false);
          if (!listsAnything(lists)) continue; // nothing listed: not described yet
          const installed = env.data.ml_frameworks;
          const envName = `${kind} \`${env.name}\``;
          for (const [i, text] of (model.data.ml_frameworks ?? []).entries()) {
            const need = parseTool(text);
            if (findIn(lists, need)) continue;
            report({
              message: `trained-model \`${model.name}\` needs ${text}; ${envName} does not have it (its ML frameworks: ${listText(installed)})`,
              cite: [
                { descriptor: model, path: ['ml_frameworks', i] },
                { descriptor: env, path: installed?.length ? ['ml_frameworks'] : ['system_dependencies'] },
              ],
              key: need.key,
            });
          }
        }
      }
    },
  );
}

export const frameworkUnsupported = frameworkRule('development-environment');
export const productionFrameworkMissing = frameworkRule('production-environment');

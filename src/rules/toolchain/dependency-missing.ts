import type { Descriptor } from '../../descriptors/system.js';
import { findIn, parseTool, toolLists } from '../tools.js';
import { rule } from '../types.js';

type Environment = Descriptor<'development-environment' | 'production-environment'>;

export const dependencyMissing = rule(
  {
    id: 'toolchain/dependency-missing',
    category: 'toolchain',
    severity: 'error',
    phases: ['design'],
    roles: ['data-scientist', 'operations', 'software-engineer'],
    description:
      'Each library, tool or service the model needs at run time (system_dependencies) is available in the production environments that serve it, and in the development environments.',
    rationale:
      'Run-time needs nobody listed for operations are found at deployment, one failed start at a time. Missing in production is an error (the model will not run there); missing in development is a warning (integrators cannot run it end to end).',
    remedy:
      'Add the dependency (with its version) to the environment, or remove the model’s need for it, and update both descriptors. An environment that lists no system dependencies is not checked: describe what it provides.',
    tec: [],
    examples: ['M06-02', 'M16-08', 'M16-01', 'M03-05'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const environments: Environment[] = [...facts.environmentsOf(model), ...facts.developmentEnvironmentsOf(model)];
      for (const env of environments) {
        // An environment that lists no system dependencies has not described them yet (TEC's
        // development environment has no such field): missing information, not a mismatch.
        if (!env.data.system_dependencies?.length) continue;
        const lists = toolLists(env);
        const production = env.kind === 'production-environment';
        for (const [i, text] of (model.data.system_dependencies ?? []).entries()) {
          const need = parseTool(text);
          if (findIn(lists, need)) continue;
          report({
            message: `trained-model \`${model.name}\` needs ${text} at run time; ${env.kind} \`${env.name}\` does not list it among its ${production ? 'ML frameworks or system dependencies' : 'languages, ML frameworks or system dependencies'}`,
            cite: [
              { descriptor: model, path: ['system_dependencies', i] },
              { descriptor: env, path: ['system_dependencies'] },
            ],
            key: need.key,
            severity: production ? 'error' : 'warning',
          });
        }
      }
    }
  },
);

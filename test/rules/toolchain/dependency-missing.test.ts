import { dependencyMissing } from '../../../src/rules/toolchain/dependency-missing.js';
import { ruleTester } from '../tester.js';

const model = (deps: string[]) => ({ kind: 'trained-model', name: 'm', system_dependencies: deps });
const prod = (deps?: string[], frameworks?: string[]) => ({
  kind: 'production-environment',
  name: 'prod',
  ...(deps ? { system_dependencies: deps } : {}),
  ...(frameworks ? { ml_frameworks: frameworks } : {}),
});
const dev = (deps?: string[], languages?: string[]) => ({
  kind: 'development-environment',
  name: 'dev',
  ...(deps ? { system_dependencies: deps } : {}),
  ...(languages ? { programming_languages: languages } : {}),
});

ruleTester(dependencyMissing, {
  valid: [
    {
      name: 'everything there, in other spellings and versions',
      docs: [
        model(['Python 3.11', 'sklearn', 'fastapi 0.110.0']),
        prod(['python3', 'FastAPI 0.111'], ['scikit-learn 1.4.2']),
      ],
    },
    {
      name: 'a dependency named inside a longer entry',
      docs: [model(['docker']), prod(['Docker 25 with docker compose'])],
    },
    { name: 'production lists no dependencies yet', docs: [model(['redis']), prod(undefined, ['lightgbm'])] },
    {
      name: 'a development environment that lists no dependencies (TEC has no such field)',
      docs: [model(['redis']), dev(undefined, ['Python'])],
    },
    {
      name: 'a language the development environment is built in',
      docs: [model(['Python 3.11']), dev(['Docker'], ['Python'])],
    },
  ],
  invalid: [
    {
      name: 'missing in production: an error',
      docs: [model(['Python 3.11', 'redis-py 5.0']), prod(['Python 3.11'])],
      findings: [
        {
          message:
            /^trained-model `m` needs redis-py 5\.0 at run time; production-environment `prod` does not list it among its ML frameworks or system dependencies$/,
          severity: 'error',
          evidence: ['trained-model/m:/system_dependencies/1', 'production-environment/prod:/system_dependencies'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'missing in development: a warning',
      docs: [model(['libgomp1']), dev(['Python 3.11'])],
      findings: [
        {
          message: /needs libgomp1 at run time; development-environment `dev` does not list it among its languages/,
          severity: 'warning',
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
  ],
});

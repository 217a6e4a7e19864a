import { languageUnsupported, pipelineLanguage } from '../../../src/rules/toolchain/languages.js';
import { ruleTester } from '../tester.js';

const dev = (languages?: string[], deps?: string[]) => ({
  kind: 'development-environment',
  name: 'dev',
  ...(languages ? { programming_languages: languages } : {}),
  ...(deps ? { system_dependencies: deps } : {}),
});
const model = (...components: string[][]) => ({
  kind: 'trained-model',
  name: 'm',
  model_components: components.map((langs) => ({ algorithm: 'random-forest', programming_languages: langs })),
});

ruleTester(languageUnsupported, {
  valid: [
    {
      name: 'a versioned name is the language (TEC R2 flags Python 3.11 vs Python)',
      docs: [model(['Python 3.11']), dev(['Java', 'python'])],
    },
    { name: 'synonyms: python3 and py', docs: [model(['python3']), dev(['Py'])] },
    { name: 'no development environment (TEC R2 flags every language)', docs: [model(['R'])] },
    { name: 'an environment that lists no language yet', docs: [model(['R']), dev(undefined, ['Docker'])] },
  ],
  invalid: [
    {
      name: 'a SAS model in a Java system (TEC R2 finds it)',
      docs: [model(['SAS']), dev(['Java'])],
      findings: [
        {
          message: /^trained-model `m` is written in SAS; development-environment `dev` supports Java$/,
          severity: 'error',
          evidence: [
            'trained-model/m:/model_components/0/programming_languages/0',
            'development-environment/dev:/programming_languages',
          ],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'two components in R: one finding (TEC R2 reports it twice)',
      docs: [model(['R', 'Python'], ['R 4.3']), dev(['Python'])],
      findings: [
        {
          message: /written in R; .* supports Python$/,
          evidence: [
            'trained-model/m:/model_components/0/programming_languages/0',
            'development-environment/dev:/programming_languages',
          ],
        },
      ],
    },
    {
      name: 'a language available only as a runtime is a warning',
      docs: [model(['R']), dev(['Java'], ['R 4.3 (Rserve)'])],
      findings: [
        {
          message:
            /^trained-model `m` is written in R; development-environment `dev` is built in Java and has R only as a dependency \(`R 4\.3 \(Rserve\)`\): calls across languages need a bridge$/,
          severity: 'warning',
          evidence: [
            'trained-model/m:/model_components/0/programming_languages/0',
            'development-environment/dev:/system_dependencies/0',
          ],
        },
      ],
    },
  ],
});

ruleTester(pipelineLanguage, {
  valid: [
    {
      name: 'a Python pipeline in a Python system',
      docs: [
        { kind: 'data-pipeline', name: 'p', programming_languages: ['Python 3.11'] },
        dev(['TypeScript', 'Python']),
      ],
    },
    {
      name: 'no development environment',
      docs: [{ kind: 'data-pipeline', name: 'p', programming_languages: ['Scala'] }],
    },
  ],
  invalid: [
    {
      name: 'a Spark pipeline in Scala next to a Python service',
      docs: [{ kind: 'data-pipeline', name: 'p', programming_languages: ['Python', 'Scala 2.13'] }, dev(['Python'])],
      findings: [
        {
          message: /^data-pipeline `p` is written in Scala; development-environment `dev` supports Python$/,
          evidence: ['data-pipeline/p:/programming_languages/1', 'development-environment/dev:/programming_languages'],
          roles: ['data-engineer', 'software-engineer'],
        },
      ],
    },
  ],
});

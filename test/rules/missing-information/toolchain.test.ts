import { toolchain } from '../../../src/rules/missing-information/toolchain.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(toolchain, {
  valid: [{ name: 'every toolchain listed', docs: system() }],
  invalid: [
    {
      name: 'the first component lacks its language while the last is complete (TEC misses this: it checks the last component only, B-M5)',
      docs: [
        one('trained-model', {
          ensemble: true,
          model_components: [
            { algorithm: 'random-forest' },
            { algorithm: 'logistic-regression', programming_languages: ['R'] },
          ],
        }),
      ],
      findings: [
        {
          message:
            /^trained-model `m` does not say: model_components\.programming_languages of `#1 \(random-forest\)`$/,
          severity: 'info',
          evidence: ['trained-model/m:/model_components/0'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'an `other` algorithm without its name; no frameworks',
      docs: [
        one('trained-model', {
          model_components: [{ algorithm: 'other', programming_languages: ['Julia'] }],
          ml_frameworks: [],
        }),
      ],
      findings: [
        {
          message:
            /^trained-model `m` does not say: model_components\.other_algorithm of `#1 \(other\)`; ml_frameworks$/,
          evidence: ['trained-model/m:'],
        },
      ],
    },
    {
      name: 'development environment and pipeline silent',
      docs: system({
        'development-environment': {
          programming_languages: undefined,
          ml_frameworks: [],
          system_dependencies: undefined,
          operating_system: undefined,
        },
        'data-pipeline': { programming_languages: undefined },
      }),
      findings: [
        {
          message:
            /^development-environment `dev` does not say: programming_languages, ml_frameworks, system_dependencies, operating_system$/,
          roles: ['software-engineer'],
        },
        { message: /^data-pipeline `pipe` does not say: programming_languages$/, roles: ['data-engineer'] },
      ],
    },
  ],
});

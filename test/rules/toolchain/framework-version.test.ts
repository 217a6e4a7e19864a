import { frameworkVersion } from '../../../src/rules/toolchain/framework-version.js';
import { ruleTester } from '../tester.js';

const model = (frameworks: string[], deps: string[] = [], languages: string[] = []) => ({
  kind: 'trained-model',
  name: 'm',
  ml_frameworks: frameworks,
  system_dependencies: deps,
  ...(languages.length ? { model_components: [{ algorithm: 'cnn', programming_languages: languages }] } : {}),
});
const dev = (frameworks: string[], deps: string[] = [], languages: string[] = []) => ({
  kind: 'development-environment',
  name: 'dev',
  ml_frameworks: frameworks,
  system_dependencies: deps,
  programming_languages: languages,
});
const prod = (frameworks: string[], deps: string[] = []) => ({
  kind: 'production-environment',
  name: 'prod',
  ml_frameworks: frameworks,
  system_dependencies: deps,
});

ruleTester(frameworkVersion, {
  valid: [
    {
      name: 'the same version',
      docs: [model(['scikit-learn 1.4.2']), dev(['sklearn 1.4.2']), prod(['scikit-learn==1.4.2'])],
    },
    {
      name: 'a less precise requirement accepts a patch release',
      docs: [model(['lightgbm 4.3']), prod(['lightgbm 4.3.0'])],
    },
    { name: 'a range requirement met', docs: [model(['scikit-learn>=1.3,<2']), prod(['scikit-learn 1.5.0'])] },
    { name: 'compatible release ~=', docs: [model([], ['numpy~=1.26']), prod([], ['numpy 1.26.4'])] },
    { name: 'no version on one side: nothing to compare', docs: [model(['torch 2.1']), dev(['PyTorch'])] },
    {
      name: 'a tool found only inside a longer entry has no version to trust',
      docs: [model(['torch 2.1']), dev([], ['PyTorch 1.13 with CUDA 11.7 (conda)'])],
    },
    {
      name: 'absent from the environment is another rule’s concern',
      docs: [model(['lightgbm 4.3.0']), prod(['scikit-learn 1.4.2'])],
    },
  ],
  invalid: [
    {
      name: 'another major version in production',
      docs: [model(['torch 2.1']), prod(['pytorch 1.13.1'])],
      findings: [
        {
          message: /^trained-model `m` needs torch 2\.1; production-environment `prod` has pytorch 1\.13\.1$/,
          severity: 'error',
          evidence: ['trained-model/m:/ml_frameworks/0', 'production-environment/prod:/ml_frameworks/0'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'a pickled scikit-learn model and another minor version in development',
      docs: [model(['scikit-learn 1.4.2']), dev(['scikit-learn 1.3.0'])],
      findings: [
        {
          message: /needs scikit-learn 1\.4\.2; development-environment `dev` has scikit-learn 1\.3\.0$/,
          severity: 'warning',
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'a range requirement production fails',
      docs: [model(['scikit-learn>=1.3,<2']), prod(['scikit-learn 2.0.1'])],
      findings: [{ message: /needs scikit-learn>=1\.3,<2; .* has scikit-learn 2\.0\.1$/, severity: 'error' }],
    },
    {
      name: 'a dependency and a language version, with the versioned entry found among the dependencies',
      docs: [model([], ['pandas 2.2.1'], ['Python 3.11']), dev([], ['Python 3.8', 'pandas 1.5.3'], ['Python'])],
      findings: [
        {
          message: /needs pandas 2\.2\.1; development-environment `dev` has pandas 1\.5\.3$/,
          severity: 'error',
          evidence: ['trained-model/m:/system_dependencies/0', 'development-environment/dev:/system_dependencies/1'],
        },
        {
          message: /needs Python 3\.11; development-environment `dev` has Python 3\.8$/,
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

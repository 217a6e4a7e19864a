import { frameworkUnsupported, productionFrameworkMissing } from '../../../src/rules/toolchain/frameworks.js';
import { ruleTester } from '../tester.js';

const model = (frameworks: string[]) => ({ kind: 'trained-model', name: 'm', ml_frameworks: frameworks });
const dev = (frameworks?: string[], deps?: string[]) => ({
  kind: 'development-environment',
  name: 'dev',
  ...(frameworks ? { ml_frameworks: frameworks } : {}),
  ...(deps ? { system_dependencies: deps } : {}),
});
const prod = (frameworks?: string[], deps?: string[], extra: Record<string, unknown> = {}) => ({
  kind: 'production-environment',
  name: 'prod',
  ...(frameworks ? { ml_frameworks: frameworks } : {}),
  ...(deps ? { system_dependencies: deps } : {}),
  ...extra,
});

ruleTester(frameworkUnsupported, {
  valid: [
    {
      name: 'one framework, different spellings (TEC R8 flags sklearn vs scikit-learn 1.4.2)',
      docs: [model(['sklearn', 'LightGBM']), dev(['scikit-learn 1.4.2', 'lightgbm'])],
    },
    { name: 'versions are framework-version’s concern', docs: [model(['torch 2.1']), dev(['PyTorch 1.13'])] },
    {
      name: 'a framework among the system dependencies counts',
      docs: [model(['xgboost 2.0']), dev(['onnxruntime'], ['XGBoost 2.0.3 (conda)'])],
    },
    { name: 'no development environment (TEC R8 flags every framework)', docs: [model(['lightgbm'])] },
    { name: 'an environment that lists nothing yet', docs: [model(['lightgbm']), dev()] },
  ],
  invalid: [
    {
      name: 'LightGBM expected as ONNX (the flight-delays example; TEC R8 finds it)',
      docs: [model(['lightgbm 4.3.0', 'scikit-learn 1.4.2']), dev(['scikit-learn 1.4.2', 'onnxruntime 1.17.3'])],
      findings: [
        {
          message:
            /^trained-model `m` needs lightgbm 4\.3\.0; development-environment `dev` does not have it \(its ML frameworks: scikit-learn 1\.4\.2, onnxruntime 1\.17\.3\)$/,
          severity: 'error',
          evidence: ['trained-model/m:/ml_frameworks/0', 'development-environment/dev:/ml_frameworks'],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
  ],
});

ruleTester(productionFrameworkMissing, {
  valid: [
    { name: 'production has it', docs: [model(['lightgbm 4.3.0']), prod(['LightGBM 4.3.0'])] },
    { name: 'production lists nothing yet', docs: [model(['lightgbm 4.3.0']), prod()] },
    {
      name: 'an environment serving another model',
      docs: [
        model(['lightgbm']),
        { ...model(['torch']), name: 'other' },
        prod(['torch'], undefined, { trained_model: 'other' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a framework production does not install',
      docs: [model(['lightgbm 4.3.0', 'scikit-learn']), prod(['scikit-learn 1.4.2'], ['Python 3.11'])],
      findings: [
        {
          message:
            /^trained-model `m` needs lightgbm 4\.3\.0; production-environment `prod` does not have it \(its ML frameworks: scikit-learn 1\.4\.2\)$/,
          evidence: ['trained-model/m:/ml_frameworks/0', 'production-environment/prod:/ml_frameworks'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'production lists only system dependencies',
      docs: [model(['onnxruntime']), prod(undefined, ['Python 3.11', 'numpy 1.26'])],
      findings: [
        {
          message: /needs onnxruntime; .* \(its ML frameworks: none\)$/,
          evidence: ['trained-model/m:/ml_frameworks/0', 'production-environment/prod:/system_dependencies'],
        },
      ],
    },
  ],
});

import { outputInterpretation } from '../../../src/rules/missing-information/output-interpretation.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(outputInterpretation, {
  valid: [
    { name: 'said', docs: system() },
    {
      name: 'a missing default output is api/no-default-output’s concern',
      docs: [one('trained-model', { default_model_output: undefined })],
    },
    { name: 'no trained model: nothing to check', docs: [one('production-environment', { trained_model: undefined })] },
  ],
  invalid: [
    {
      name: 'not said, or blank',
      docs: [one('trained-model', { model_output_interpretation: ' ' })],
      findings: [
        {
          message: /^trained-model `m` does not say: model_output_interpretation$/,
          severity: 'warning',
          evidence: ['trained-model/m:'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'each model on its own',
      docs: [
        one('trained-model', { model_output_interpretation: undefined }),
        { ...one('trained-model', { model_output_interpretation: undefined }), name: 'm2' },
      ],
      findings: [
        { message: /^trained-model `m` does not say: model_output_interpretation$/ },
        { message: /^trained-model `m2` does not say: model_output_interpretation$/ },
      ],
    },
  ],
});

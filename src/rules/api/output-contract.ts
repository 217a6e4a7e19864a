import { contractRule } from '../contract-violations.js';

export const outputContract = contractRule({
  id: 'api/output-contract',
  category: 'api',
  side: 'output',
  severity: 'error',
  description:
    "The model's answers in operation carry the outputs it declares (final_output_spec when it post-processes, else output_spec): every required field, of the declared type, within the declared ranges, allowed values, lengths and shapes.",
  rationale:
    'Downstream components were built against the declared outputs: a probability above 1, a missing field, a string where a number was promised breaks them or, worse, is read silently as something else. The monitor checks every answer against the declaration and reports each declared field and kind of violation in a window with examples, and the fields nobody declared together.',
  remedy:
    'Fix the model service (post-processing, serialisation, the model version deployed) so its answers keep the declaration, or agree on a new output specification with the teams downstream and update the trained-model descriptor.',
  examples: ['M02-11', 'M08-05', 'M18-03', 'M11-04'],
  needs: ['trained-model'],
});

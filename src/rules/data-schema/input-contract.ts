import { contractRule } from '../contract-violations.js';

export const inputContract = contractRule({
  id: 'data-schema/input-contract',
  category: 'data-schema',
  side: 'input',
  severity: 'warning',
  description:
    "Requests to the model in operation carry the inputs its data pipeline declares (or, without one, the training schema's features): every required field, of the declared type, within the declared ranges, allowed values, lengths and shapes, and categories seen in training.",
  rationale:
    'A model answers whatever it is sent: a distance in kilometres, a missing airport, a category it never saw in training all produce a prediction, just a wrong one, with no error anywhere. The monitor checks every event against the declarations and reports each declared field and kind of violation in a window, and the fields nobody declared together, with the share of events and examples, so the team that sends the data and the team that declared it can talk about a concrete request.',
  remedy:
    'Find the sender of the examples (a changed upstream feed, a new client, a unit change) and fix it, or, when the data is right and the declaration out of date, update the pipeline’s input_spec (and retrain when training never saw such values).',
  examples: ['M06-05', 'M19-04', 'M14-01', 'M08-08', 'M12-04', 'M12-02', 'M04-01'],
  needs: ['data-pipeline', 'training-data'],
});

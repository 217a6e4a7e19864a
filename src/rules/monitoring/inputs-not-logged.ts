// Whether anything logs the operational inputs of the model. Searched in the log names and formats
// (model) and implementations (production) for words such as inputs, requests, features, payload,
// or the names of the pipeline's inputs. A model with no logging plan at all is left to the
// missing-information rules.
import { loggedMention, loggingOf } from '../facts.js';
import { rule } from '../types.js';

const INPUT_WORDS = [
  'input',
  'inputs',
  'request',
  'requests',
  'request body',
  'feature',
  'features',
  'feature vector',
  'payload',
  'payloads',
  'query',
  'queries',
];

export const inputsNotLogged = rule(
  {
    id: 'monitoring/inputs-not-logged',
    category: 'monitoring',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      "Some log of the trained model (its log_data, or production's model_logs and other_logs) records the model's operational inputs.",
    rationale:
      'Without the inputs the model received, data scientists cannot troubleshoot a wrong output, check the inputs against the training data (ranges, units, new categories), or collect data to retrain on.',
    remedy:
      'Add a log of the inputs (or the features) with the outputs and the model version to log_data, and keep it in production under model_logs; mask personal data if policies require.',
    tec: [],
    examples: ['M02-04', 'M03-01', 'M09-05', 'M13-06', 'M16-05', 'M14-05', 'M12-02'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const logging = loggingOf(facts, model);
      if (logging.entries.length === 0) continue;
      const pipeline = facts.resolve('data-pipeline', model.data.data_pipeline);
      const items = (pipeline?.data.input_spec ?? []).map((i) => i.item_name);
      if (loggedMention(logging, [...INPUT_WORDS, ...items])) continue;
      report({
        message: `no log of trained-model \`${model.name}\` records its inputs: neither its log_data nor the logs of the production environments serving it mention inputs, requests or features`,
        cite: logging.cite,
        key: 'inputs',
      });
    }
  },
);

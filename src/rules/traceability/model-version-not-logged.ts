// Whether the version of the model that produced an output can be known in operation: an output
// that carries it, or a log that records it (the model's log_data, production's model_logs and
// other_logs). Runs once there is a logging plan or a production environment for the model.
import { loggedMention, loggingOf } from '../facts.js';
import { mentions } from '../match.js';
import { rule } from '../types.js';

const VERSION_WORDS = [
  'model version',
  'model versions',
  'modelversion',
  'version of the model',
  'model id',
  'model identifier',
  'model revision',
  'model tag',
  'model hash',
  'model sha',
  'model checksum',
  'artifact version',
  'artefact version',
  'artifact hash',
  'artefact hash',
];

export const modelVersionNotLogged = rule(
  {
    id: 'traceability/model-version-not-logged',
    category: 'traceability',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      "The model version reaches operation: an output of the trained model, its log_data, or production's logs record it.",
    rationale:
      'When nobody records which model version produced an output, an incident cannot be traced to a model, a rollback cannot be confirmed, and metrics of two versions get mixed (a pipeline/model version skew floods operations with false alerts).',
    remedy:
      'Return the model version with every output, or log it with every prediction (and at start-up), and keep that log in production.',
    tec: [],
    examples: ['M03-07', 'M04-05', 'M14-03', 'M15-05', 'M16-06'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const logging = loggingOf(facts, model);
      const deployed = facts.environmentsOf(model).length > 0;
      if (logging.entries.length === 0 && !deployed) continue;
      const outputs = [...(model.data.output_spec ?? []), ...(model.data.final_output_spec ?? [])];
      if (outputs.some((o) => mentions(`${o.item_name} ${o.item_description ?? ''}`, VERSION_WORDS))) continue;
      if (loggedMention(logging, VERSION_WORDS)) continue;
      const version = model.data.version ? ` ${model.data.version}` : '';
      report({
        message: `nothing records which version of trained-model \`${model.name}\` produced an output: no output carries the model version${version ? ` (now${version})` : ''}, and neither its log_data nor the logs of the production environments serving it mention it`,
        cite: logging.cite,
        key: 'model-version',
      });
    }
  },
);

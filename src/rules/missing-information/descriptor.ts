// A whole descriptor kind the system lacks. Other rules stay quiet when a kind is absent (nothing to
// compare), so this is where the absence is said, once per kind, to the role who must write it. TEC
// instead fires every missing-field check of the absent descriptor, dozens of findings for one gap.
import { KIND_IDS, type KindId, kinds } from '../../descriptors/kinds/index.js';
import { rule } from '../types.js';

/** What each kind tells the others, and so what nobody can check while it is missing. */
const CONTENT: Record<KindId, string> = {
  'system-context': 'the task, the goals with their metrics and baselines, the usage context and the risks',
  'raw-data': 'where the data comes from, its data dictionary, provenance and rights',
  'data-pipeline': 'how production inputs become model inputs, and which upstream component feeds each',
  'training-data': 'the training schema and its mapping to production fields, statistics and label distribution',
  'trained-model': 'the model API, evaluation results, resource needs, and the metrics and logs production must keep',
  'development-environment': 'the languages, frameworks, resources and upstream and downstream components',
  'production-environment':
    'the resources, latency budget, platform, and the metrics, logs and feedback production keeps',
  'production-data': 'the sources, rates, schema and statistics of the data the model sees in operation',
};

const ROLE_NAMES: Record<string, string> = {
  'product-owner': 'the product owner',
  'data-engineer': 'the data engineer',
  'data-scientist': 'the data scientist',
  'software-engineer': 'the software engineer',
  operations: 'operations',
};

export const descriptor = rule(
  {
    id: 'missing-information/descriptor',
    category: 'missing-information',
    severity: 'warning',
    phases: ['design'],
    roles: ['product-owner', 'data-engineer', 'data-scientist', 'software-engineer', 'operations'],
    description:
      'The system has a descriptor of each of the eight kinds. Survey weight: each kind holds items the survey rated Very Important.',
    rationale:
      'Every mismatch check compares two descriptors; while one kind is missing, the checks that need it cannot run and the assumptions it should state stay in one team’s head. The study traced every interview mismatch to information that one role had and another lacked.',
    remedy:
      'Ask the role that owns the missing kind to write it (`dovetail init` creates a template), even partly: every field filled in lets more checks run.',
    tec: ['MF-SC', 'MF-RD', 'MF-DP', 'MF-TD', 'MF-TM', 'MF-DE', 'MF-PE', 'MF-PD'],
    examples: ['M14-02', 'M09-06', 'M17-04'],
    needs: [],
  },
  ({ facts, report }) => {
    for (const kind of KIND_IDS) {
      if (facts.has(kind)) continue;
      const owner = kinds[kind].owner;
      report({
        message: `the system has no ${kind} descriptor: ${ROLE_NAMES[owner] ?? owner} should describe ${CONTENT[kind]}`,
        // Nothing in the system can be pointed at: the finding names the role who must write it.
        cite: [],
        roles: [owner],
        key: kind,
      });
    }
  },
);

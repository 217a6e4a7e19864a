// A reference pinned to a version (`flights@1.0`) against the version the referenced descriptor
// describes: trained model → training data and data pipeline, training data → raw data, production
// environment → trained model. Versions compare as versions (`v1.1` = `1.1.0`), not as strings.
import { sameVersion } from '../tools.js';
import { rule } from '../types.js';
import { resolvedLinks } from './links.js';

export const pinnedVersion = rule(
  {
    id: 'traceability/pinned-version',
    category: 'traceability',
    severity: 'error',
    phases: ['design'],
    roles: ['data-scientist', 'data-engineer', 'operations'],
    description:
      'A reference pinned to a version (name@version) names the version the referenced descriptor describes: training data, data pipeline and raw data of the model, and the model production serves.',
    rationale:
      'When the model was trained on (or production serves) another version than the one described, every check against that descriptor compares the wrong thing: statistics, schemas, resources and results describe data or a model that is not the one in use, and results cannot be reproduced.',
    remedy:
      'Update the pin to the version actually used, or update the referenced descriptor to describe that version (and re-run the checks that depend on it).',
    tec: [],
    examples: ['M08-04', 'M02-10', 'M17-06', 'M03-07'],
    needs: ['trained-model', 'training-data', 'production-environment'],
  },
  ({ facts, report }) => {
    for (const { link, from, target, ref, pinned } of resolvedLinks(facts)) {
      if (pinned === undefined) continue;
      const version = target.data.version;
      const head = `${from.kind} \`${from.name}\` ${link.relation} ${target.kind} \`${target.name}\` version ${pinned} (${link.field}: ${ref})`;
      const cite = [
        { descriptor: from, path: [link.field] },
        { descriptor: target, path: version === undefined ? [] : ['version'] },
      ];
      if (version === undefined) {
        report({
          message: `${head}; ${target.kind} \`${target.name}\` does not say which version it describes, so the pin cannot be checked`,
          cite,
          key: link.field,
          severity: 'info',
        });
      } else if (!sameVersion(pinned, version)) {
        report({
          message: `${head}; ${target.kind} \`${target.name}\` describes version ${version}`,
          cite,
          key: link.field,
          severity: link.severity,
        });
      }
    }
  },
);

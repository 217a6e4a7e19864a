// A reference without a version to a descriptor that has one: which version was the model trained
// on, which one does production serve? Worth knowing, not wrong: the pin is what makes the link checkable.
// TEC documents are skipped: their identifiers must equal the target's identifier, so they cannot pin.
import { rule } from '../types.js';
import { resolvedLinks } from './links.js';

export const unpinnedReference = rule(
  {
    id: 'traceability/unpinned-reference',
    category: 'traceability',
    severity: 'info',
    phases: ['design'],
    roles: ['data-scientist', 'data-engineer', 'operations'],
    description:
      'References to versioned descriptors (training data, data pipeline, raw data, trained model) pin the version they mean: name@version.',
    rationale:
      'An unpinned reference keeps pointing at the descriptor when a new version replaces the old one: nobody can tell which data version a model was trained on or which model version production serves, and a version skew goes unnoticed.',
    remedy: 'Write the reference as name@version, with the version the referenced descriptor declares.',
    tec: [],
    examples: ['M08-04', 'M02-10', 'M17-06', 'M03-07', 'M15-05'],
    needs: ['trained-model', 'training-data', 'production-environment'],
  },
  ({ facts, report }) => {
    for (const { link, from, target, ref, pinned } of resolvedLinks(facts)) {
      const version = target.data.version;
      if (pinned !== undefined || version === undefined || from.format !== 'dovetail') continue;
      report({
        message: `${from.kind} \`${from.name}\` ${link.relation} ${target.kind} \`${target.name}\` without saying which version (${link.field}: ${ref}); ${target.kind} \`${target.name}\` is version ${version}: write ${target.name}@${version}`,
        cite: [
          { descriptor: from, path: [link.field] },
          { descriptor: target, path: ['version'] },
        ],
        key: link.field,
      });
    }
  },
);

import { typesCompatible } from '../match.js';
import { rule } from '../types.js';
import { at, mappedPairs } from './mapped-items.js';

export const outputType = rule(
  {
    id: 'api/output-type',
    category: 'api',
    severity: 'error',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer'],
    description: 'Each model output has a type the downstream component it is mapped to can take.',
    rationale:
      'A downstream component that receives another type than it expects fails, or silently converts (a probability read as a yes/no, a float truncated), so a wrapper must be written and maintained.',
    remedy:
      'Agree on one type: change the model output (or add a post-processing step that produces the expected type), or change the downstream input, and update both descriptors.',
    tec: ['R3A', 'R4A'],
    examples: ['M02-11', 'M08-05', 'M18-03', 'M06-05', 'M11-04'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const pair of mappedPairs(facts)) {
      if (pair.flow !== 'model-to-downstream') continue;
      const { producer, consumer } = pair;
      if (typesCompatible(producer.item.item_type, consumer.item.item_type)) continue;
      report({
        message: `the model outputs \`${producer.item.item_name}\` as ${producer.item.item_type}; ${consumer.label} expects \`${consumer.item.item_name}\` as ${consumer.item.item_type}`,
        cite: [
          { descriptor: producer.descriptor, path: at(producer, 'item_type') },
          { descriptor: consumer.descriptor, path: at(consumer, 'item_type') },
        ],
        key: pair.key,
      });
    }
  },
);

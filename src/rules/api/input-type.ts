import { typesCompatible } from '../match.js';
import { rule } from '../types.js';
import { at, mappedPairs } from './mapped-items.js';

export const inputType = rule(
  {
    id: 'api/input-type',
    category: 'api',
    severity: 'error',
    phases: ['design'],
    roles: ['data-engineer', 'software-engineer'],
    description: 'Each data-pipeline input has a type the upstream component output it is mapped to can deliver.',
    rationale:
      'A pipeline that receives another type than it parses rejects every request, or converts silently (a float truncated to an integer, a timestamp read as text), and the model is fed wrong features.',
    remedy:
      'Agree on one type: change what the upstream component sends or what the pipeline accepts (adding an explicit conversion step), and update both descriptors.',
    tec: ['R5A'],
    examples: ['M02-11', 'M08-05', 'M18-03', 'M06-05', 'M19-04', 'M03-02', 'M07-02'],
    needs: ['data-pipeline'],
  },
  ({ facts, report }) => {
    for (const pair of mappedPairs(facts)) {
      if (pair.flow !== 'upstream-to-pipeline') continue;
      const { producer, consumer } = pair;
      if (typesCompatible(producer.item.item_type, consumer.item.item_type)) continue;
      report({
        message: `${consumer.label} takes input \`${consumer.item.item_name}\` as ${consumer.item.item_type}; ${producer.label} sends \`${producer.item.item_name}\` as ${producer.item.item_type}`,
        cite: [
          { descriptor: consumer.descriptor, path: at(consumer, 'item_type') },
          { descriptor: producer.descriptor, path: at(producer, 'item_type') },
        ],
        key: pair.key,
      });
    }
  },
);

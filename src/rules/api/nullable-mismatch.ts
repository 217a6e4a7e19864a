import { rule } from '../types.js';
import { at, mappedPairs } from './mapped-items.js';

export const nullableMismatch = rule(
  {
    id: 'api/nullable-mismatch',
    category: 'api',
    severity: 'error',
    phases: ['design'],
    roles: ['software-engineer', 'data-engineer', 'data-scientist'],
    description:
      'A producer that may send null (nullable: true) feeds a consumer that takes no null (nullable: false) only when the consumer says how it handles an invalid value.',
    rationale:
      'A null where the consumer assumes a value crashes it, or turns into 0, "None" or NaN and is scored as if it were real data. Who handles missing values, inside or outside the model, is a classic unspoken assumption.',
    remedy:
      'Either the producer guarantees a value (nullable: false, with a default it chooses) or the consumer accepts null and says what it does with it (error_handling on pipeline inputs, nullable: true on downstream inputs).',
    tec: [],
    examples: ['M12-04', 'M08-08', 'M18-04'],
    needs: ['development-environment'],
  },
  ({ facts, report }) => {
    for (const pair of mappedPairs(facts)) {
      const { producer, consumer } = pair;
      // Unstated on either side is missing information, not a mismatch.
      if (producer.item.nullable !== true || consumer.item.nullable !== false || pair.errorHandling) continue;
      const handling = pair.flow === 'upstream-to-pipeline' ? ' and has no error_handling' : '';
      report({
        message: `${producer.label} may send \`${producer.item.item_name}\` as null; ${consumer.label} does not accept null for \`${consumer.item.item_name}\`${handling}`,
        cite: [
          { descriptor: producer.descriptor, path: at(producer, 'nullable') },
          { descriptor: consumer.descriptor, path: at(consumer, 'nullable') },
        ],
        key: pair.key,
      });
    }
  },
);

import { typesCompatible } from '../match.js';
import { rule } from '../types.js';
import { componentItemPath, deliveredOutputs, mappedItem } from './model-outputs.js';

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
    for (const model of facts.all('trained-model')) {
      const { list, items } = deliveredOutputs(model);
      for (const [i, output] of items.entries()) {
        const target = mappedItem(facts, 'downstream_components', output.component_mapping);
        if (!target) continue;
        // `other` names no type (TEC's enum has no subtype for it): nothing to compare.
        const [from, to] = [output.item_type, target.item.item_type];
        if (from === 'other' || to === 'other' || typesCompatible(from, to)) continue;
        report({
          message: `the model outputs \`${output.item_name}\` as ${output.item_type}; downstream component \`${target.component}\` expects \`${target.item.item_name}\` as ${target.item.item_type}`,
          cite: [
            { descriptor: model, path: [list, i, 'item_type'] },
            { descriptor: target.environment, path: componentItemPath(target, 'item_type') },
          ],
          key: `${output.item_name}->${target.component}.${target.item.item_name}`,
        });
      }
    }
  },
);

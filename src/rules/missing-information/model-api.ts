// The interfaces between the model and its neighbours: the model's outputs, the pipeline's inputs and
// the items of upstream and downstream components, each with a description, a type and valid values.
// Whether items are mapped and agree is the api category's; here, only whether they are described.
import type { Descriptor } from '../../descriptors/system.js';
import { blank, type Gap, itemGaps, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const modelApiImportance = importance(['TM API/Specifications', 'DE Upstream & Downstream Components']);

function componentGaps(dev: Descriptor<'development-environment'>): Gap[] {
  const gaps: Gap[] = [];
  const sides = [
    { side: 'upstream_components', items: 'output_spec', list: dev.data.upstream_components },
    { side: 'downstream_components', items: 'input_spec', list: dev.data.downstream_components },
  ] as const;
  for (const { side, items, list } of sides) {
    for (const [ci, c] of (list ?? []).entries()) {
      const entries = 'output_spec' in c ? c.output_spec : 'input_spec' in c ? c.input_spec : undefined;
      if (blank(entries)) {
        gaps.push({ field: `${side}.${items}`, item: c.component_name, path: [side, ci, items] });
        continue;
      }
      gaps.push(
        ...missingInList(
          entries,
          [side, ci, items],
          (i) => `${c.component_name}.${i.item_name}`,
          itemGaps,
          `${side}.${items}`,
        ),
      );
    }
  }
  return gaps;
}

export const modelApi = presenceRule(
  {
    topic: 'model-api',
    description:
      'Model outputs, pipeline inputs and the items of upstream and downstream components each have a description, a type and expected values; pipeline inputs say how invalid values are handled.',
    rationale:
      'Without a specified API, inputs and outputs are misunderstood on both sides, changes to the model break integration, and nobody knows which validation and error handling happen inside the model and which outside it.',
    remedy:
      'Describe every item (item_description, item_type, expected_values or item_specification); give the pipeline inputs error_handling; when the model post-processes, list the post_processing_process and the final_output_spec.',
    tec: ['MF-TM', 'MF-DP', 'MF-DE'],
    examples: ['M02-11', 'M08-05', 'M18-03', 'M06-05', 'M12-04', 'M08-08', 'M07-02', 'M19-04'],
    importance: modelApiImportance,
  },
  {
    'trained-model': {
      gaps: (tm) => {
        const d = tm.data;
        const gaps: Gap[] = blank(d.output_spec)
          ? missingFields(d, ['output_spec'])
          : missingInList(d.output_spec, ['output_spec'], (o) => o.item_name, itemGaps);
        if (d.post_processing === true)
          gaps.push(...missingFields(d, ['post_processing_process', 'final_output_spec']));
        gaps.push(...missingInList(d.final_output_spec, ['final_output_spec'], (o) => o.item_name, itemGaps));
        return gaps;
      },
    },
    'data-pipeline': {
      gaps: (dp) =>
        blank(dp.data.input_spec)
          ? missingFields(dp.data, ['input_spec'])
          : missingInList(
              dp.data.input_spec,
              ['input_spec'],
              (i) => i.item_name,
              (i) => [...itemGaps(i), ...(blank(i.error_handling) ? ['error_handling'] : [])],
            ),
    },
    'development-environment': { gaps: componentGaps },
  },
);

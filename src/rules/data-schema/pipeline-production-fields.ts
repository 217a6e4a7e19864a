import { typesCompatible } from '../match.js';
import { unitDifference, unitNote } from '../measure-units.js';
import { describeRange, groupRangeProblems, rangePath, rangeProblems, rangeSeverity } from '../ranges.js';
import { rule } from '../types.js';

export const pipelineProductionFields = rule(
  {
    id: 'data-schema/pipeline-production-fields',
    category: 'data-schema',
    severity: 'error',
    phases: ['design'],
    roles: ['data-engineer', 'operations'],
    description:
      'Each data-pipeline input and the production-data field of the same name agree on type, unit and range of values.',
    rationale:
      'The pipeline consumes production data: a field that arrives with another type fails or is converted silently, one in another unit is scaled wrongly for every request, and values outside the accepted range are rejected or replaced by defaults.',
    remedy:
      'Make production send what the pipeline accepts (convert upstream), or change the pipeline input spec and its validation, and update both descriptors.',
    tec: [],
    examples: ['M14-01', 'M19-04', 'M07-02', 'M13-02'],
    needs: ['data-pipeline', 'production-data'],
  },
  ({ facts, report }) => {
    for (const pipeline of facts.all('data-pipeline')) {
      // The pipeline sees the production data of the models that use it (all of it when none says).
      const users = facts
        .all('trained-model')
        .filter((m) => facts.resolve('data-pipeline', m.data.data_pipeline) === pipeline);
      const productions = users.length
        ? [...new Set(users.flatMap((m) => facts.productionDataOfModel(m)))]
        : facts.all('production-data');
      for (const [ii, input] of (pipeline.data.input_spec ?? []).entries()) {
        for (const production of productions) {
          const fi = (production.data.schema ?? []).findIndex((f) => f.field_name === input.item_name);
          const field = production.data.schema?.[fi];
          if (!field) continue;
          const where = `data-pipeline \`${pipeline.name}\` input \`${input.item_name}\``;
          const from = `production-data \`${production.name}\``;
          const key = input.item_name;
          if (!typesCompatible(field.field_type, input.item_type)) {
            report({
              message: `${where} takes ${input.item_type}; ${from} supplies it as ${field.field_type}`,
              cite: [
                { descriptor: pipeline, path: ['input_spec', ii, 'item_type'] },
                { descriptor: production, path: ['schema', fi, 'field_type'] },
              ],
              key: `${key}:type`,
            });
          }
          const unit = unitDifference(input.unit, field.unit);
          if (unit) {
            report({
              message: `${where} is in ${input.unit}; ${from} supplies it in ${field.unit}${unit.note}`,
              cite: [
                { descriptor: pipeline, path: ['input_spec', ii, 'unit'] },
                { descriptor: production, path: ['schema', fi, 'unit'] },
              ],
              key: `${key}:unit`,
              severity: unit.known ? 'error' : 'warning',
            });
          }
          const handling = input.error_handling ? ` (its error handling: ${input.error_handling.error_type})` : '';
          for (const group of groupRangeProblems(rangeProblems(input.item_specification, field.item_specification))) {
            const { actual, reference } = describeRange(group);
            report({
              message: `${from} field \`${field.field_name}\` allows ${actual}; ${where} accepts ${reference}${unitNote(input.unit, field.unit)}: those production values are rejected or altered${handling}`,
              cite: [
                { descriptor: pipeline, path: ['input_spec', ii, ...rangePath(group)] },
                { descriptor: production, path: ['schema', fi, ...rangePath(group)] },
              ],
              key: `${key}:${group.key}`,
              // Unlike a model, a pipeline does not extrapolate: outside its range it rejects, so anything beyond is a warning.
              severity: rangeSeverity(group) === 'error' ? 'error' : 'warning',
            });
          }
        }
      }
    }
  },
);

// The data dictionaries: what each field of the raw, training and production data means, its type,
// its valid values and what a missing value means. Label fields of the training data need no
// production mapping: production does not send the label (TEC flags them all: B-M4). The mapping is
// asked for here only while no production schema exists to map to.
import { blank, fieldGaps, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const dataDictionaryImportance = importance(['RD Data Dictionary', 'OD Data Syntax & Semantics']);

export const dataDictionary = presenceRule(
  {
    topic: 'data-dictionary',
    description:
      'Raw, training and production data have a schema whose fields each have a description, a type and expected values; raw fields say what a missing value means, training fields how missing values were treated and which production field they match.',
    rationale:
      'Without a data dictionary, fields are misread: units, codes, the meaning of a missing value or of a time stamp are guessed, and a model trained on one meaning is fed another. Two differently named fields meaning the same thing go unnoticed.',
    remedy:
      'Describe every field: field_description, field_type, expected_values (or an item_specification with ranges or allowed values), and for raw data interpret_missing, for training data missing_values and mapping_production_data (not needed for label fields).',
    tec: ['MF-RD', 'MF-TD', 'MF-PD'],
    examples: ['M06-01', 'M09-03', 'M13-01', 'M16-03', 'M18-08', 'M17-11', 'M14-01', 'M19-04'],
    importance: dataDictionaryImportance,
  },
  {
    'raw-data': {
      gaps: (rd) =>
        blank(rd.data.schema)
          ? missingFields(rd.data, ['schema'])
          : missingInList(
              rd.data.schema,
              ['schema'],
              (f) => f.field_name,
              (f) => [...fieldGaps(f), ...(blank(f.interpret_missing) ? ['interpret_missing'] : [])],
            ),
    },
    'training-data': {
      gaps: (td, facts) => {
        // Against a production schema, an unmapped feature is data-schema/training-field-unmapped's finding.
        const askMapping = !facts.all('production-data').some((pd) => !blank(pd.data.schema));
        return blank(td.data.schema)
          ? missingFields(td.data, ['schema'])
          : missingInList(
              td.data.schema,
              ['schema'],
              (f) => f.field_name,
              (f) => [
                ...fieldGaps(f),
                ...(blank(f.missing_values) ? ['missing_values'] : []),
                ...(askMapping && !f.label_field && blank(f.mapping_production_data)
                  ? ['mapping_production_data']
                  : []),
              ],
            );
      },
    },
    'production-data': {
      gaps: (pd) =>
        blank(pd.data.schema)
          ? missingFields(pd.data, ['schema'])
          : missingInList(pd.data.schema, ['schema'], (f) => f.field_name, fieldGaps),
    },
  },
);

// What the outputs mean: the item software engineers and operations both rated most important. What
// the model returns when it cannot answer matters to its software consumers: api/no-default-output.
import { missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const outputInterpretationImportance = importance(['TM Model Output Interpretation']);

export const outputInterpretation = presenceRule(
  {
    topic: 'output-interpretation',
    description: 'The trained model says how to interpret its outputs: classes, units, confidence, uncertainty.',
    rationale:
      'Engineers and users who cannot interpret the outputs misuse them: a probability read as a decision, a confidence ignored, a default value taken for a prediction. Operations cannot tell a failing model from a working one.',
    remedy:
      'The data scientist writes model_output_interpretation: the meaning of each output, units, calibration, confidence, known limits.',
    tec: ['MF-TM'],
    examples: ['M02-08', 'M03-08', 'M04-02', 'M04-03', 'M12-07', 'M13-04', 'M15-02', 'M14-08', 'M11-02', 'M13-03'],
    importance: outputInterpretationImportance,
  },
  {
    'trained-model': {
      gaps: (tm) => missingFields(tm.data, ['model_output_interpretation']),
    },
  },
);

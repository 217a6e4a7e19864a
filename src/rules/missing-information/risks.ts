// What wrong outputs cost. False positives and false negatives only mean something when the model
// predicts classes; for other problems (regression, forecasting) one account of the risks is enough.
import { CLASS_PROBLEMS } from '../facts.js';
import { blank, missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const risksImportance = importance([]);

export const risks = presenceRule(
  {
    topic: 'risks',
    description:
      'The system context states the cost of a false positive and of a false negative (for a model that does not predict classes: the cost of a wrong output).',
    rationale:
      'The cost of each kind of error decides the threshold, the metric to optimise and what to monitor; when it is not written down, the data scientist’s notion of a “correct” output differs from the users’.',
    remedy:
      'The product owner fills in risks.risk_fp and risks.risk_fn (or risks.risk_other for regression and forecasting).',
    tec: ['MF-SC'],
    examples: ['M10-07', 'M10-01'],
    importance: risksImportance,
  },
  {
    'system-context': {
      gaps: (sc) => {
        const risksOf = sc.data.risks;
        // An unknown problem type is taken for classification, the common case.
        const type = sc.data.ml_problem_type;
        if (type === undefined || CLASS_PROBLEMS.has(type))
          return missingFields(risksOf, ['risk_fp', 'risk_fn'], ['risks']);
        return blank(risksOf) ? missingFields(risksOf, ['risk_other'], ['risks']) : [];
      },
    },
  },
);

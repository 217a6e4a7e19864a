// The system context's account of what the model is for: the task, the kind of problem, who uses the
// outputs and how, the goals and how success is judged. The survey's three most important items are here.
import { blank, type Gap, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const taskAndPurposeImportance = importance(['TP Task', 'TP Success Criteria', 'TP Usage Context']);

export const taskAndPurpose = presenceRule(
  {
    topic: 'task-and-purpose',
    description:
      'The system context states the task, the ML problem type, the usage context, the available data, the goals and the success criteria.',
    rationale:
      'A data scientist who does not know how the outputs will be used, or what success means, optimises the wrong thing: the model is accurate and useless, or judged by criteria nobody told them.',
    remedy:
      'The product owner fills in the system context: the task in a sentence or two, the problem type, who uses the outputs and how, each goal in words, and the success criteria of the whole system.',
    tec: ['MF-SC'],
    examples: ['M03-09', 'M10-01', 'M12-01', 'M14-06', 'M17-05', 'M17-10', 'M14-02', 'M10-07', 'M15-01'],
    importance: taskAndPurposeImportance,
  },
  {
    'system-context': {
      gaps: (sc) => {
        const d = sc.data;
        const gaps: Gap[] = missingFields(d, ['task', 'ml_problem_type']);
        if (d.ml_problem_type === 'other') gaps.push(...missingFields(d, ['other_problem']));
        gaps.push(...missingFields(d, ['usage_context', 'available_data', 'goals', 'success_criteria']));
        if (!blank(d.goals)) {
          gaps.push(
            ...missingInList(
              d.goals,
              ['goals'],
              (g) => g.id,
              (g) => (blank(g.goal) ? ['goal'] : []),
            ),
          );
        }
        return gaps;
      },
    },
  },
);

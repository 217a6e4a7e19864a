// Run time: the model's performance in operation, computed from ground truth joined to its
// predictions, against the goals' baselines (error) and against its own test result (warning: the
// model is worse than it was shown to be, though maybe still good enough). Each comparison is made
// over the window of the monitored metric that verifies the goal, or over every window kept, and
// fails only when the whole confidence interval is on the wrong side.
import { formatDuration } from '../../descriptors/units.js';
import { describeResult, goalOperator, metricKind, metricName, naturalOperator, resultOf } from '../metrics.js';
import { CONFIDENCE, computable, computedMetric, describeComputed, intervalBreaks } from '../observed-metrics.js';
import { rule } from '../types.js';

export const observedPerformance = rule(
  {
    id: 'requirements/observed-performance',
    category: 'requirements',
    severity: 'error',
    phases: ['runtime'],
    roles: ['product-owner', 'data-scientist', 'operations'],
    description:
      "In operation, the model's accuracy, recall, precision and rates computed from ground truth meet the goals' baselines and are no worse than its test results.",
    rationale: `A model evaluated once, on data of its time, is assumed to keep its test performance; ground truth arriving later is the only direct evidence that it does. Below a goal's baseline the system fails its purpose (an error); below its own test result the model has degraded, or the test set did not represent production (a warning). Each figure is a proportion given with its ${CONFIDENCE * 100}% Wilson score interval and is judged on the whole interval, over the window of the metric that verifies the goal (or every window kept).`,
    remedy:
      'Find what changed (drifted inputs, a new population, a broken feature, label delay or leakage in the test set); retrain on recent data or roll back; if the goal was unrealistic, agree a new baseline with the product owner.',
    tec: [],
    examples: ['M15-01', 'M10-07', 'M11-06', 'M05-03'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const observed = facts.observed(model);
      if (!observed) continue;
      const monitored = model.data.algorithm_metrics ?? [];
      /** The declared window of the monitored metric of this kind verifying `goal`, else everything kept. */
      const spanFor = (kind: string, goal?: string) => {
        const windows = monitored
          .filter((m) => metricKind(m.metric) === kind && (goal === undefined || m.goal_mapping === goal))
          .map((m) => m.window ?? 0);
        return windows.length && Math.max(...windows) > 0 ? Math.max(...windows) : Number.POSITIVE_INFINITY;
      };
      const over = (span: number) => (Number.isFinite(span) ? ` over the last ${formatDuration(span)}` : '');
      for (const context of facts.all('system-context')) {
        for (const [i, goal] of (context.data.goals ?? []).entries()) {
          const op = goalOperator(goal);
          if (!computable(goal.metric) || goal.baseline === undefined || !op) continue;
          const span = spanFor(goal.metric, goal.id);
          const c = computedMetric(facts, model, goal.metric, span);
          if (!c || !intervalBreaks(c, op, goal.baseline)) continue;
          report({
            message: `trained-model \`${model.name}\` in operation${over(span)}: ${describeComputed(goal.metric, c)}; goal ${goal.id} of system-context \`${context.name}\` needs ${metricName(goal)} ${op} ${goal.baseline}`,
            cite: [
              {
                descriptor: context,
                path: ['goals', i, 'baseline'],
                value: { observed: c.value, low: c.low, high: c.high },
              },
            ],
            roles: ['data-scientist'],
            key: `goal:${goal.id}`,
          });
        }
      }
      for (const list of ['test_metrics', 'evaluation_metrics'] as const) {
        for (const entry of model.data[list] ?? []) {
          const kind = entry.metric;
          if (!computable(kind)) continue;
          const result = resultOf(model, kind);
          // One comparison per metric: with the test result when there is one (resultOf's choice).
          if (!result || result.list !== list) continue;
          const span = spanFor(kind);
          const c = computedMetric(facts, model, kind, span);
          if (!c || !intervalBreaks(c, naturalOperator(kind), result.value)) continue;
          report({
            message: `trained-model \`${model.name}\` in operation${over(span)}: ${describeComputed(kind, c)}; it has a ${describeResult(kind, result)}`,
            cite: [
              {
                descriptor: model,
                path: [result.list, result.index, 'result'],
                value: { observed: c.value, low: c.low, high: c.high },
              },
            ],
            key: `result:${kind}`,
            severity: 'warning',
          });
        }
      }
    }
  },
);

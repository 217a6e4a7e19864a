// `check --format json` (DESIGN §8): {tool, system, findings, summary}.
import type { CheckReport } from './model.js';

export function renderJson(r: CheckReport): string {
  return `${JSON.stringify({ tool: r.tool, system: r.system, findings: r.findings, summary: r.summary }, null, 2)}\n`;
}

// What every report format renders: the findings of one check run and its context.
import { counts, type Summary, summarize } from '../rules/engine.js';
import type { Finding, Rule, Severity } from '../rules/types.js';

export type FailOn = Severity | 'none';

export interface CheckReport {
  tool: { name: string; version: string };
  system: string;
  /** When the check ran (ISO 8601). */
  date: string;
  findings: Finding[];
  summary: Summary;
  /** The rules that ran (reports list them, e.g. one JUnit test case each). */
  rules: Rule[];
  failOn: FailOn;
  /** Files the findings are about, relative to `root`. */
  root: string;
  /** `dovetail.yaml` of the system, if any: where findings without evidence point. */
  projectFile?: string;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Whether a finding fails the run under `--fail-on`. */
export function fails(f: Finding, failOn: FailOn): boolean {
  return failOn !== 'none' && counts(f) && RANK[f.severity] >= RANK[failOn];
}

export function exitCode(report: CheckReport): 0 | 1 {
  return report.findings.some((f) => fails(f, report.failOn)) ? 1 : 0;
}

export function makeReport(parts: Omit<CheckReport, 'summary' | 'date'> & { date?: string }): CheckReport {
  return { ...parts, date: parts.date ?? new Date().toISOString(), summary: summarize(parts.findings) };
}

export function byCategory(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.category) ?? [];
    list.push(f);
    groups.set(f.category, list);
  }
  return groups;
}

/** `file:line` of a finding's first evidence. */
export function where(f: Finding): string {
  const e = f.evidence[0];
  if (!e) return '';
  return `${e.file}${e.line ? `:${e.line}` : ''}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryText(r: CheckReport): string {
  const s = r.summary.by_severity;
  const parts = [plural(s.error, 'error'), plural(s.warning, 'warning'), `${s.info} info`];
  if (r.summary.waived) parts.push(`${r.summary.waived} waived`);
  return `${r.system}: ${parts.join(', ')} from ${plural(r.rules.length, 'rule')}`;
}

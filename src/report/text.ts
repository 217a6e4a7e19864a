// The terminal report: findings grouped by category, most severe first, colour on a TTY.
import pc from 'picocolors';
import type { Finding } from '../rules/types.js';
import { byCategory, type CheckReport, exitCode, summaryText } from './model.js';

const SEVERITY = {
  error: (s: string) => pc.red(s),
  warning: (s: string) => pc.yellow(s),
  info: (s: string) => pc.cyan(s),
};

function finding(f: Finding): string {
  const tag = f.waiver
    ? f.waiver.expired
      ? pc.red(` [waiver expired ${f.waiver.expires}: ${f.waiver.reason}]`)
      : pc.dim(` [waived: ${f.waiver.reason}]`)
    : '';
  const lines = [`  ${SEVERITY[f.severity](f.severity.padEnd(7))} ${f.message}${tag} ${pc.dim(f.rule)}`];
  for (const e of f.evidence)
    lines.push(pc.dim(`          ${e.file}${e.line ? `:${e.line}:${e.column ?? 1}` : ''} ${e.path}`));
  lines.push(pc.dim(`          who: ${f.roles.join(', ')} · fix: ${f.remedy}`));
  return lines.join('\n');
}

export function renderText(r: CheckReport): string {
  const out: string[] = [];
  for (const [category, findings] of byCategory(r.findings)) {
    out.push(pc.bold(category), ...findings.map(finding), '');
  }
  const summary = summaryText(r);
  out.push(exitCode(r) ? pc.red(`✖ ${summary}`) : pc.green(`✔ ${summary}`));
  return `${out.join('\n')}\n`;
}

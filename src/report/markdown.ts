// A report fit for a pull-request comment: a summary table, then findings per category, with
// details folded so a long report does not flood the conversation.
import type { Finding } from '../rules/types.js';
import { byCategory, type CheckReport, exitCode, summaryText } from './model.js';

const ICON = { error: '🔴', warning: '🟠', info: '🔵' };

/** Escapes text for a Markdown table cell or line: no HTML, no table breaks. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

function finding(f: Finding): string {
  const loc = f.evidence.map((e) => `\`${e.file}${e.line ? `:${e.line}` : ''}\` ${md(e.path)}`).join(', ');
  const waived = f.waiver
    ? f.waiver.expired
      ? ` — **waiver expired ${f.waiver.expires}**`
      : ` — waived: ${md(f.waiver.reason)}`
    : '';
  return [
    `- ${ICON[f.severity]} **${md(f.message)}**${waived}`,
    `  <details><summary>${md(f.rule)} · ${md(f.roles.join(', '))}</summary>`,
    '',
    `  ${loc}`,
    '',
    `  *Why:* ${md(f.rationale)}`,
    '',
    `  *Fix:* ${md(f.remedy)}`,
    '  </details>',
  ].join('\n');
}

export function renderMarkdown(r: CheckReport): string {
  const s = r.summary.by_severity;
  const out = [
    `### Dovetail: ${exitCode(r) ? '✖' : '✔'} ${md(summaryText(r))}`,
    '',
    '| errors | warnings | info | waived |',
    '|---:|---:|---:|---:|',
    `| ${s.error} | ${s.warning} | ${s.info} | ${r.summary.waived} |`,
    '',
  ];
  for (const [category, findings] of byCategory(r.findings)) {
    out.push(`#### ${category}`, '', ...findings.map(finding), '');
  }
  out.push(`<sub>${md(r.tool.name)} ${md(r.tool.version)} · ${r.date.slice(0, 16).replace('T', ' ')} UTC</sub>`);
  return `${out.join('\n')}\n`;
}

// A standalone HTML report: one file, no external assets, readable when mailed or archived.
import type { Finding } from '../rules/types.js';
import { byCategory, type CheckReport, exitCode, summaryText } from './model.js';

export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.summary{display:flex;gap:1rem}.summary div{padding:.5rem 1rem;border-radius:6px;background:#f6f8fa}
.finding{border-left:4px solid #8c959f;padding:.25rem .75rem;margin:.75rem 0}
.error{border-color:#cf222e}.warning{border-color:#bf8700}.info{border-color:#0969da}
.meta,.where{color:#57606a;font-size:.9em}code{background:#f6f8fa;padding:0 .2em}.waived{opacity:.6}`;

function finding(f: Finding): string {
  const where = f.evidence
    .map((e) => `<code>${html(e.file)}${e.line ? `:${e.line}` : ''}</code> ${html(e.path)}`)
    .join('<br>');
  const waiver = f.waiver
    ? `<div class="meta">${f.waiver.expired ? `<strong>Waiver expired ${html(f.waiver.expires ?? '')}</strong>: ` : 'Waived: '}${html(f.waiver.reason)}</div>`
    : '';
  return `<div class="finding ${f.severity}${f.waiver && !f.waiver.expired ? ' waived' : ''}">
<div><strong>${html(f.severity)}</strong> ${html(f.message)}</div>
<div class="where">${where}</div>
<div class="meta">${html(f.rule)} · who: ${html(f.roles.join(', '))}</div>
<div class="meta">Why: ${html(f.rationale)}<br>Fix: ${html(f.remedy)}</div>${waiver}
</div>`;
}

export function renderHtml(r: CheckReport): string {
  const s = r.summary.by_severity;
  const sections = [...byCategory(r.findings)]
    .map(([category, findings]) => `<h2>${html(category)}</h2>\n${findings.map(finding).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dovetail: ${html(r.system)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><h1>${exitCode(r) ? '✖' : '✔'} ${html(summaryText(r))}</h1>
<div class="summary"><div>${s.error} errors</div><div>${s.warning} warnings</div><div>${s.info} info</div><div>${r.summary.waived} waived</div></div>
${sections || '<p>No findings.</p>'}
<p class="meta">${html(r.tool.name)} ${html(r.tool.version)} · ${html(r.date)}</p>
</body></html>
`;
}

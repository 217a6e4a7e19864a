// docs/rules/: one page per category and an index, generated from the rules' metadata, so the docs
// say exactly what the code does. A test fails when the committed pages are stale.
import type { Rule } from '../rules/types.js';
import { md } from './markdown.js';

function rulePage(rule: Rule): string {
  const m = rule.meta;
  return [
    `## \`${m.id}\``,
    '',
    m.description,
    '',
    `- **Severity:** ${m.severity} · **Phases:** ${m.phases.join(', ')} · **Roles:** ${m.roles.join(', ')}`,
    `- **TEC:** ${m.tec.length ? m.tec.join(', ') : '—'} · **Mismatch examples:** ${m.examples.length ? m.examples.join(', ') : '—'}`,
    `- **Reads:** ${m.needs.length ? m.needs.join(', ') : 'any system'}`,
    '',
    `**Why it matters.** ${m.rationale}`,
    '',
    `**How to fix.** ${m.remedy}`,
    '',
  ].join('\n');
}

export function ruleDocs(rules: readonly Rule[]): Map<string, string> {
  const pages = new Map<string, string>();
  const categories = [...new Set(rules.map((r) => r.meta.category))];
  const index = [
    '# Rules',
    '',
    'Generated from the rules’ metadata by `dovetail rules --write-docs docs/rules`; do not edit by hand.',
    '`dovetail rules` lists them, `dovetail rules <id>` shows one.',
    '',
    '| rule | severity | TEC | what it checks |',
    '|---|---|---|---|',
    ...rules.map(
      (r) =>
        `| [\`${r.meta.id}\`](${r.meta.category}.md#${r.meta.id.replace(/[^a-z0-9-]/g, '')}) | ${r.meta.severity} | ${r.meta.tec.join(', ')} | ${md(r.meta.description)} |`,
    ),
    '',
  ];
  pages.set('README.md', index.join('\n'));
  for (const category of categories) {
    const list = rules.filter((r) => r.meta.category === category);
    pages.set(`${category}.md`, [`# ${category}`, '', ...list.map(rulePage)].join('\n'));
  }
  return pages;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { ruleDocs } from '../../report/rule-docs.js';
import { catalogue, findRule } from '../../rules/catalogue.js';
import { printJson } from '../output.js';

/** `dovetail rules`: the catalogue, one rule in full, or the generated docs. */
export async function rules(
  id: string | undefined,
  opts: { format: 'text' | 'json'; writeDocs?: string },
): Promise<void> {
  if (opts.writeDocs) {
    mkdirSync(opts.writeDocs, { recursive: true });
    const pages = ruleDocs(catalogue);
    for (const [file, text] of pages) writeFileSync(join(opts.writeDocs, file), text);
    process.stderr.write(`wrote ${pages.size} pages to ${opts.writeDocs}\n`);
    return;
  }
  if (id) {
    const rule = findRule(id);
    if (!rule) {
      process.stderr.write(`dovetail: no rule "${id}"; \`dovetail rules\` lists them\n`);
      process.exitCode = 2;
      return;
    }
    if (opts.format === 'json') return printJson(rule.meta);
    const m = rule.meta;
    process.stdout.write(
      [
        pc.bold(m.id),
        m.description,
        '',
        `severity ${m.severity} · phases ${m.phases.join(', ')} · roles ${m.roles.join(', ')}`,
        `TEC ${m.tec.join(', ') || '—'} · examples ${m.examples.join(', ') || '—'} · reads ${m.needs.join(', ') || 'any system'}`,
        '',
        `Why: ${m.rationale}`,
        `Fix: ${m.remedy}`,
        '',
      ].join('\n'),
    );
    return;
  }
  if (opts.format === 'json') {
    return printJson(
      catalogue.map(({ meta: m }) => ({
        id: m.id,
        category: m.category,
        severity: m.severity,
        phases: m.phases,
        roles: m.roles,
        tec: m.tec,
        description: m.description,
      })),
    );
  }
  let category = '';
  for (const { meta: m } of catalogue) {
    if (m.category !== category) {
      category = m.category;
      process.stdout.write(`\n${pc.bold(category)}\n`);
    }
    const tec = m.tec.length ? pc.dim(` [${m.tec.join(', ')}]`) : '';
    process.stdout.write(`  ${m.id.padEnd(48)} ${m.severity.padEnd(8)}${m.description}${tec}\n`);
  }
  process.stdout.write(`\n${catalogue.length} rules\n`);
}

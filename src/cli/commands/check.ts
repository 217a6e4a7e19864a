import { writeFileSync } from 'node:fs';
import { loadSystem } from '../../descriptors/load.js';
import { hasErrors } from '../../descriptors/system.js';
import { type CheckReport, exitCode, type FailOn, makeReport } from '../../report/model.js';
import { catalogue } from '../../rules/catalogue.js';
import { runRules } from '../../rules/engine.js';
import { CATEGORIES, type Category } from '../../rules/types.js';
import { formatDiagnostic, tool } from '../output.js';

export type CheckFormat = 'text' | 'json' | 'markdown' | 'html' | 'sarif' | 'junit';

/** Each format's renderer, loaded only when that format is asked for. */
const RENDER: Record<CheckFormat, () => Promise<(r: CheckReport) => string>> = {
  text: async () => (await import('../../report/text.js')).renderText,
  json: async () => (await import('../../report/json.js')).renderJson,
  markdown: async () => (await import('../../report/markdown.js')).renderMarkdown,
  html: async () => (await import('../../report/html.js')).renderHtml,
  sarif: async () => {
    const { renderSarif } = await import('../../report/sarif.js');
    return (r) => renderSarif(r);
  },
  junit: async () => (await import('../../report/junit.js')).renderJunit,
};

export interface CheckOptions {
  format: CheckFormat;
  failOn: FailOn;
  rule?: string[];
  category?: string[];
  output?: string;
}

function fail(message: string): void {
  process.stderr.write(`dovetail: ${message}\n`);
  process.exitCode = 2;
}

/** `dovetail check`: every rule on a system; exit 0, 1 (findings at or above --fail-on) or 2 (bad input). */
export async function check(paths: string[], opts: CheckOptions): Promise<void> {
  const unknownRules = (opts.rule ?? []).filter(
    (id) => !catalogue.some((r) => r.meta.id === id || (id.endsWith('/*') && r.meta.id.startsWith(id.slice(0, -1)))),
  );
  if (unknownRules.length)
    return fail(`no rule ${unknownRules.map((r) => `"${r}"`).join(', ')}; \`dovetail rules\` lists them`);
  const unknownCategories = (opts.category ?? []).filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknownCategories.length)
    return fail(`no category ${unknownCategories.join(', ')}; expected one of ${CATEGORIES.join(', ')}`);

  const system = await loadSystem(paths);
  if (hasErrors(system.diagnostics)) {
    process.stderr.write(`${system.diagnostics.map(formatDiagnostic).join('\n')}\n`);
    return fail(`${system.name} is not valid; nothing was checked (\`dovetail validate\` shows the same problems)`);
  }
  const warnings = system.diagnostics.length;
  if (warnings && opts.format === 'text') {
    process.stderr.write(
      `${warnings} validation warning${warnings === 1 ? '' : 's'}: \`dovetail validate\` shows them\n`,
    );
  }
  const result = runRules(system, catalogue, {
    phase: 'design',
    rules: opts.rule,
    categories: opts.category as Category[] | undefined,
  });
  for (const f of result.failures)
    process.stderr.write(`dovetail: rule ${f.rule} failed and was skipped: ${f.message}\n`);
  for (const w of result.unusedWaivers) {
    process.stderr.write(
      `dovetail: waiver for ${w.rule}${w.descriptor ? ` on ${w.descriptor}` : ''} matches no finding; remove it?\n`,
    );
  }
  const report = makeReport({
    tool: tool(),
    system: system.name,
    findings: result.findings,
    rules: result.ran,
    failOn: opts.failOn,
    root: system.root,
    projectFile: system.projectFile,
  });
  const text = (await RENDER[opts.format]())(report);
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  process.exitCode = exitCode(report);
}

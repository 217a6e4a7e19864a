import { loadSystem } from '../../descriptors/load.js';
import { hasErrors } from '../../descriptors/system.js';
import { formatDiagnostic, printJson, summaryLine, tool } from '../output.js';

/** `dovetail validate`: exit 0 when valid (warnings allowed), 2 when any error. */
export async function validate(paths: string[], opts: { format: 'text' | 'json' }): Promise<void> {
  const system = await loadSystem(paths);
  const valid = !hasErrors(system.diagnostics);
  if (opts.format === 'json') {
    printJson({
      tool: tool(),
      system: system.name,
      valid,
      descriptors: system.descriptors.map((d) => ({
        kind: d.kind,
        name: d.name,
        file: d.file,
        format: d.format,
      })),
      diagnostics: system.diagnostics,
    });
  } else {
    const lines = system.diagnostics.map(formatDiagnostic);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    process.stdout.write(`${summaryLine(system)}\n`);
  }
  process.exitCode = valid ? 0 : 2;
}

// Printing diagnostics for people (colour on a terminal) and for programs (one JSON document).
import pc from 'picocolors';
import type { Diagnostic } from '../descriptors/diagnostics.js';
import type { System } from '../descriptors/system.js';
import { packageVersion } from './main.js';

export function tool() {
  return { name: 'dovetail', version: packageVersion() };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const severity = d.severity === 'error' ? pc.red('error') : pc.yellow('warning');
  const details = [d.expected && `expected ${d.expected}`, d.found && `found ${d.found}`].filter(Boolean).join('; ');
  const ptr = d.pointer ? ` ${pc.dim(d.pointer)}` : '';
  return `${pc.bold(where)} ${severity}${ptr} ${d.message}${details ? pc.dim(` (${details})`) : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(system: System): string {
  const errors = system.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = system.diagnostics.length - errors;
  const what = `${system.name}: ${plural(system.descriptors.length, 'valid descriptor')}`;
  if (errors) return pc.red(`✖ ${what}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return pc.green(`✔ ${what}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

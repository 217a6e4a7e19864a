// The terminal form of a drift comparison: one row per column, then the outcome and the policy.
import pc from 'picocolors';
import type { ColumnDrift } from '../data/drift/columns.js';
import { type DriftDocument, effectText, formatNumber, lowerBoundText, outcome, policyText } from './drift-model.js';

const HEADER = ['column', 'type', 'method', 'statistic', 'p-value', 'threshold', 'effect', ''];

function row(c: ColumnDrift): string[] {
  if (c.method === null) return [c.name, c.type, '—', '', '', '', '', c.note ?? ''];
  return [
    c.name,
    c.type,
    c.method,
    formatNumber(c.statistic),
    formatNumber(c.p_value),
    formatNumber(c.threshold),
    effectText(c),
    c.drifted ? 'DRIFT' : '',
  ];
}

/** What a reader must know about a compared column's numbers: sketch-derived, approximate, a note. */
function caveat(c: ColumnDrift): string | undefined {
  const p = c.parameters ?? {};
  const parts: string[] = [];
  if (c.note) parts.push(c.note);
  if (p.values === 'sketch') {
    const bound = p.statistic_error_bound as number | undefined;
    parts.push(
      bound === undefined
        ? `from KLL sketches, CDFs within ±${formatNumber(p.rank_error_bound as number)}`
        : `from KLL sketches, statistic within ±${formatNumber(bound)}`,
    );
    const lower = lowerBoundText(c);
    if (lower) parts.push(lower);
  }
  if (p.values === 'approximate') parts.push('from approximate frequent-value counts, the rest pooled');
  return parts.length ? `${c.name}: ${parts.join('; ')}` : undefined;
}

export function renderDriftText(d: DriftDocument): string {
  const rows = [HEADER, ...d.columns.map(row)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const body = d.columns.map((c, i) => {
    const text = line(rows[i + 1] ?? []);
    return c.drifted ? pc.red(text) : c.method === null ? pc.dim(text) : text;
  });
  const caveats = d.columns.filter((c) => c.method !== null).flatMap((c) => caveat(c) ?? []);
  const summary = outcome(d);
  return [
    `${pc.dim(`reference ${d.reference.path} (${d.reference.input}, ${d.reference.rows} rows) · current ${d.current.path} (${d.current.input}, ${d.current.rows} rows)`)}`,
    pc.bold(line(HEADER)),
    ...body,
    ...(caveats.length ? ['', ...caveats.map((c) => pc.dim(c))] : []),
    '',
    d.dataset_drift ? pc.red(`✖ ${summary}`) : pc.green(`✔ ${summary}`),
    pc.dim(policyText(d)),
    '',
  ].join('\n');
}

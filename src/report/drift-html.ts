// A drift comparison as one standalone HTML file (inline CSS and SVG, no external assets): the outcome,
// the policy, the statistics table, and per compared column the two sides drawn on common bins.
import type { ColumnChart } from '../data/drift/charts.js';
import type { ColumnDrift } from '../data/drift/columns.js';
import { type DriftDocument, effectText, formatNumber, lowerBoundText, outcome, policyText } from './drift-model.js';
import { html } from './html.js';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem;margin:1.5rem 0 .25rem}
table{border-collapse:collapse;font-size:.9em}th,td{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #d0d7de}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.drift td{color:#cf222e}tr.skipped td{color:#57606a}
.drift-mark{color:#cf222e;font-weight:600}.meta{color:#57606a;font-size:.9em}code{background:#f6f8fa;padding:0 .2em}
.key span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:-.05em}
svg{display:block;max-width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#57606a}`;

const REFERENCE = '#8c959f';
const CURRENT = '#0969da';
const WIDTH = 640;

function cell(text: string, numeric = false): string {
  return `<td${numeric ? ' class="num"' : ''}>${html(text)}</td>`;
}

function tableRow(c: ColumnDrift): string {
  const cls = c.drifted ? ' class="drift"' : c.method === null ? ' class="skipped"' : '';
  return `<tr${cls}>${cell(c.name)}${cell(c.type)}${cell(c.method ?? '—')}${cell(formatNumber(c.statistic), true)}${cell(formatNumber(c.p_value), true)}${cell(formatNumber(c.threshold), true)}${cell(effectText(c))}${cell(c.drifted ? 'DRIFT' : (c.note ?? ''))}</tr>`;
}

const n1 = (x: number) => x.toFixed(1);

function axisValue(x: number, datetime: boolean): string {
  if (!datetime) return formatNumber(x);
  // Grid edges are powers of two of milliseconds: minutes are precise enough to read.
  const iso = new Date(x).toISOString();
  const minute = iso.slice(11, 16);
  return minute === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${minute}`;
}

/** Both sides' shares per bin, reference left and current right in each bin. */
function histogramSvg(chart: ColumnChart & { kind: 'histogram' }): string {
  const height = 150;
  const plot = height - 20;
  const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0) || 1;
  const tr = total(chart.reference);
  const tc = total(chart.current);
  const bins = chart.reference.length;
  const top = Math.max(...chart.reference.map((x) => x / tr), ...chart.current.map((x) => x / tc)) || 1;
  const w = WIDTH / bins;
  const bars = chart.reference.flatMap((r, i) => {
    const lo = axisValue(chart.edges[i] as number, chart.datetime);
    const hi = axisValue(chart.edges[i + 1] as number, chart.datetime);
    const c = chart.current[i] as number;
    const tip = `[${lo}, ${hi}): reference ${formatNumber((100 * r) / tr)}%, current ${formatNumber((100 * c) / tc)}%`;
    return [r / tr, c / tc].map((share, side) => {
      const h = (share / top) * plot;
      return `<rect x="${n1(i * w + (side * w) / 2)}" y="${n1(plot - h)}" width="${n1(w / 2)}" height="${n1(h)}" fill="${side ? CURRENT : REFERENCE}"><title>${html(tip)}</title></rect>`;
    });
  });
  const first = axisValue(chart.edges[0] as number, chart.datetime);
  const last = axisValue(chart.edges.at(-1) as number, chart.datetime);
  return `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="histogram">
${bars.join('')}
<line x1="0" y1="${plot}" x2="${WIDTH}" y2="${plot}" stroke="#d0d7de"/>
<text x="0" y="${height - 4}">${html(first)}</text><text x="${WIDTH}" y="${height - 4}" text-anchor="end">${html(last)}</text>
</svg>`;
}

/** The most frequent values as pairs of horizontal bars (shares); the rest as a line of text. */
function topValuesSvg(chart: ColumnChart & { kind: 'top-values' }): string {
  const nr = chart.reference.reduce((s, x) => s + x, chart.restReference) || 1;
  const nc = chart.current.reduce((s, x) => s + x, chart.restCurrent) || 1;
  const shares = (r: number, c: number) => `${formatNumber((100 * r) / nr)}% → ${formatNumber((100 * c) / nc)}%`;
  const label = 160;
  const plot = WIDTH - label - 130;
  const rowHeight = 22;
  const top = Math.max(...chart.reference.map((r) => r / nr), ...chart.current.map((c) => c / nc)) || 1;
  const body = chart.labels.map((name, i) => {
    const y = i * rowHeight;
    const r = chart.reference[i] as number;
    const c = chart.current[i] as number;
    const shown = name.length > 24 ? `${name.slice(0, 23)}…` : name;
    const bar = (share: number, side: number) =>
      `<rect x="${label}" y="${y + 2 + side * 9}" width="${n1((share / top) * plot)}" height="8" fill="${side ? CURRENT : REFERENCE}"/>`;
    return `<g><title>${html(`${name}: ${shares(r, c)}`)}</title><text x="${label - 6}" y="${y + 15}" text-anchor="end">${html(shown)}</text>${bar(r / nr, 0)}${bar(c / nc, 1)}<text x="${n1(label + (Math.max(r / nr, c / nc) / top) * plot + 4)}" y="${y + 15}">${html(shares(r, c))}</text></g>`;
  });
  const rest = chart.restReference > 0 || chart.restCurrent > 0;
  if (rest) {
    const y = chart.labels.length * rowHeight;
    body.push(
      `<text x="${label - 6}" y="${y + 15}" text-anchor="end">all other values</text><text x="${label}" y="${y + 15}">${html(shares(chart.restReference, chart.restCurrent))}</text>`,
    );
  }
  const height = (chart.labels.length + (rest ? 1 : 0)) * rowHeight + 4;
  return `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="most frequent values">
${body.join('\n')}
</svg>`;
}

function parameterText(c: ColumnDrift): string {
  const p = c.parameters ?? {};
  const parts = [`${c.method}`, `n ${p.n_reference} → ${p.n_current}`, `values ${p.values}`];
  if (p.statistic_error_bound !== undefined)
    parts.push(`statistic within ±${formatNumber(p.statistic_error_bound as number)}`);
  const lower = lowerBoundText(c);
  if (lower) parts.push(lower);
  if (p.rank_error_bound !== undefined) parts.push(`rank error ${formatNumber(p.rank_error_bound as number)}`);
  if (p.dof !== undefined) parts.push(`dof ${p.dof}${p.yates_correction ? ', Yates' : ''}`);
  if (p.bins !== undefined) parts.push(`${p.bins} bins, epsilon ${p.epsilon}`);
  if (p.reference_std !== undefined)
    parts.push(`threshold ${p.threshold_factor} × reference std ${formatNumber(p.reference_std as number)}`);
  if (c.note) parts.push(c.note);
  return parts.join(' · ');
}

function columnSection(c: ColumnDrift, chart: ColumnChart | undefined): string {
  const svg = !chart ? '' : chart.kind === 'histogram' ? histogramSvg(chart) : topValuesSvg(chart);
  const approx = chart?.kind === 'histogram' && chart.approximate ? ' · bins from KLL sketches (approximate)' : '';
  const mark = c.drifted ? ' <span class="drift-mark">DRIFT</span>' : '';
  return `<h3>${html(c.name)} <span class="meta">${html(c.type)}</span>${mark}</h3>
${svg}
<p class="meta">${html(parameterText(c) + approx)}</p>`;
}

export function renderDriftHtml(d: DriftDocument, charts: ReadonlyMap<string, ColumnChart>): string {
  const side = (label: string, s: DriftDocument['reference']) =>
    `${label} <code>${html(s.path)}</code> (${html(s.input)}, ${s.rows} rows)`;
  const compared = d.columns.filter((c) => c.method !== null);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dovetail: ${html(d.current.path)} against ${html(d.reference.path)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><h1>${d.dataset_drift ? '✖' : '✔'} ${html(outcome(d))}</h1>
<p class="meta">${side('reference', d.reference)} · ${side('current', d.current)}</p>
<p>${html(policyText(d))}</p>
<table><thead><tr><th>column</th><th>type</th><th>method</th><th>statistic</th><th>p-value</th><th>threshold</th><th>effect</th><th></th></tr></thead>
<tbody>${d.columns.map(tableRow).join('\n')}</tbody></table>
<h2>Columns</h2>
<p class="key meta"><span style="background:${REFERENCE}"></span>reference<span style="background:${CURRENT}"></span>current (shares of each side)</p>
${compared.map((c) => columnSection(c, charts.get(c.name))).join('\n')}
<p class="meta">${html(d.tool.name)} ${html(d.tool.version)}</p>
</body></html>
`;
}

// The rule engine: runs the rules whose facts exist, turns their reports into findings with
// evidence, roles and fingerprints, and applies the waivers of dovetail.yaml.
import { createHash } from 'node:crypto';
import { valueAt } from '../descriptors/json.js';
import { kinds } from '../descriptors/kinds/index.js';
import type { Waiver } from '../descriptors/project.js';
import type { Path } from '../descriptors/source.js';
import type { Descriptor, System } from '../descriptors/system.js';
import type { Role } from '../descriptors/vocabulary.js';
import { type Facts, factsOf } from './facts.js';
import type { Observed } from './observed.js';
import {
  type Category,
  type Evidence,
  type Finding,
  type Phase,
  type Report,
  type Rule,
  SEVERITY_RANK,
  type Severity,
} from './types.js';

export interface RunOptions {
  phase?: Phase;
  /** Run only these rule ids (or `category/*`). */
  rules?: readonly string[];
  categories?: readonly Category[];
  /** Today, for waiver expiry (YYYY-MM-DD); tests set it. */
  today?: string;
  /** What the monitor observed: the facts of the runtime phase. */
  observed?: Observed;
}

export interface RunResult {
  findings: Finding[];
  /** Rules that ran. */
  ran: Rule[];
  /** Rules that threw: a defect in the rule, reported rather than hidden. */
  failures: { rule: string; message: string }[];
  /** Waivers that matched no finding: probably stale. */
  unusedWaivers: Waiver[];
}

export function ownerOf(d: Descriptor): Role {
  return (d.data.owner as Role | undefined) ?? kinds[d.kind].owner;
}

export function descriptorId(d: Descriptor): string {
  return `${d.kind}/${d.name}`;
}

function evidenceOf(d: Descriptor, path: Path, value: unknown): Evidence {
  const loc = d.locate(path);
  return {
    descriptor: descriptorId(d),
    kind: d.kind,
    name: d.name,
    file: loc.file,
    path: loc.pointer,
    line: loc.line,
    column: loc.column,
    value: value === undefined ? valueAt(d.raw, path) : value,
  };
}

export function fingerprint(rule: string, descriptors: readonly string[], key: string | undefined): string {
  const text = [rule, [...new Set(descriptors)].sort().join(','), key ?? ''].join('|');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function selected(rule: Rule, options: RunOptions): boolean {
  if (options.phase && !rule.meta.phases.includes(options.phase)) return false;
  if (options.categories?.length && !options.categories.includes(rule.meta.category)) return false;
  if (options.rules?.length) {
    return options.rules.some(
      (id) => id === rule.meta.id || (id.endsWith('/*') && rule.meta.id.startsWith(id.slice(0, -1))),
    );
  }
  return true;
}

function runnable(rule: Rule, facts: Facts): boolean {
  return rule.meta.needs.length === 0 || rule.meta.needs.some((k) => facts.has(k));
}

function waiverMatches(w: Waiver, f: Finding): boolean {
  const ruleMatches = w.rule === f.rule || (w.rule.endsWith('/*') && f.rule.startsWith(w.rule.slice(0, -1)));
  if (!ruleMatches) return false;
  return f.evidence.some((e) => {
    const descriptorMatches = !w.descriptor || w.descriptor === e.descriptor || w.descriptor === e.name;
    const pathMatches = !w.path || e.path === w.path || e.path.startsWith(`${w.path}/`);
    return descriptorMatches && pathMatches;
  });
}

/** Runs the rules on a loaded system. Never throws: a failing rule is reported in `failures`. */
export function runRules(system: System, rules: readonly Rule[], options: RunOptions = {}): RunResult {
  const facts = factsOf(system, options.observed);
  const phase = options.phase ?? 'design';
  const findings: Finding[] = [];
  const failures: RunResult['failures'] = [];
  const ran: Rule[] = [];
  for (const rule of rules) {
    if (!selected(rule, { ...options, phase }) || !runnable(rule, facts)) continue;
    ran.push(rule);
    const seen = new Set<string>();
    const report = (r: Report) => {
      const cited = r.cite.map((c) => c.descriptor);
      const print = fingerprint(rule.meta.id, cited.map(descriptorId), r.key);
      if (seen.has(print)) return; // the same problem reported twice by one rule is one finding
      seen.add(print);
      findings.push({
        rule: rule.meta.id,
        category: rule.meta.category,
        severity: r.severity ?? rule.meta.severity,
        phase,
        message: r.message,
        evidence: r.cite.map((c) => evidenceOf(c.descriptor, c.path ?? [], c.value)),
        rationale: rule.meta.rationale,
        remedy: rule.meta.remedy,
        roles: [...new Set([...cited.map(ownerOf), ...(r.roles ?? [])])],
        fingerprint: print,
      });
    };
    try {
      rule.check({ facts, phase, report });
    } catch (e) {
      failures.push({ rule: rule.meta.id, message: (e as Error).message });
    }
  }

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const waivers = system.project?.waivers ?? [];
  const used = new Set<Waiver>();
  for (const f of findings) {
    const w = waivers.find((candidate) => waiverMatches(candidate, f));
    if (!w) continue;
    used.add(w);
    const expired = w.expires !== undefined && w.expires < today;
    f.waiver = { reason: w.reason, expires: w.expires, expired };
  }

  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.category.localeCompare(b.category) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
  return { findings, ran, failures, unusedWaivers: waivers.filter((w) => !used.has(w)) };
}

/** Whether a finding counts against `--fail-on`: waived findings do not, expired waivers do. */
export function counts(f: Finding): boolean {
  return !f.waiver || f.waiver.expired;
}

export interface Summary {
  total: number;
  by_severity: Record<Severity, number>;
  by_category: Partial<Record<Category, number>>;
  waived: number;
  expired_waivers: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const by_severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const by_category: Partial<Record<Category, number>> = {};
  let waived = 0;
  let expired = 0;
  for (const f of findings) {
    if (f.waiver?.expired) expired++;
    if (!counts(f)) {
      waived++;
      continue;
    }
    by_severity[f.severity]++;
    by_category[f.category] = (by_category[f.category] ?? 0) + 1;
  }
  return { total: findings.length, by_severity, by_category, waived, expired_waivers: expired };
}

// The rule contract (DESIGN §5): a rule is metadata plus a check from the system's facts to findings.
// Rules do no I/O; they read facts and report.
import type { KindId } from '../descriptors/kinds/index.js';
import type { Path } from '../descriptors/source.js';
import type { Descriptor } from '../descriptors/system.js';
import type { Role } from '../descriptors/vocabulary.js';
import type { Facts } from './facts.js';

export const CATEGORIES = [
  'computing-resource',
  'data-distribution',
  'data-schema',
  'api',
  'test-data',
  'monitoring',
  'toolchain',
  'requirements',
  'traceability',
  'policy',
  'missing-information',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Error first: sorts findings and picks the worst of several problems. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The most severe of some severities (undefined entries are no problem); undefined when there is none. */
export function worst(severities: readonly (Severity | undefined)[]): Severity | undefined {
  return severities
    .filter((s): s is Severity => s !== undefined)
    .reduce<Severity | undefined>(
      (a, b) => (a === undefined || SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a),
      undefined,
    );
}

export type Phase = 'design' | 'runtime';

export interface RuleMeta {
  /** `category/name`, stable: waivers and dashboards refer to it. */
  id: string;
  category: Category;
  /** Default severity; a finding may lower or raise it when the rule says why. */
  severity: Severity;
  phases: readonly Phase[];
  /** Roles usually involved; each finding names the owners of the descriptors it cites. */
  roles: readonly Role[];
  /** One line: what the rule checks. */
  description: string;
  /** Why the mismatch matters: what goes wrong if nobody acts. */
  rationale: string;
  /** What to do about it, in general terms. */
  remedy: string;
  /** TEC checks whose concern this rule covers (R1 … R16, or MF-<kind> for TEC's missing-field checks). */
  tec: readonly string[];
  /** Ids of the mismatch examples from the ML mismatch study that this rule detects (M01-03, ...). */
  examples: readonly string[];
  /** Descriptor kinds the rule reads; it runs when at least one of them is present. Empty: always runs. */
  needs: readonly KindId[];
}

/** One place a finding points at. */
export interface Evidence {
  /** `kind/name` of the descriptor. */
  descriptor: string;
  kind: KindId;
  name: string;
  file: string;
  /** JSON pointer into the file as written (TEC input: into the TEC document). */
  path: string;
  line?: number;
  column?: number;
  /** The value at that place, as the rule read it. */
  value?: unknown;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  phase: Phase;
  message: string;
  evidence: Evidence[];
  rationale: string;
  remedy: string;
  /** Owners of the descriptors involved: the people who must talk. */
  roles: Role[];
  /** Same problem → same fingerprint, across runs and edits elsewhere in the files. */
  fingerprint: string;
  /** Present when a waiver in dovetail.yaml accepts this finding. */
  waiver?: { reason: string; expires?: string; expired: boolean };
}

/** A place a rule cites: a descriptor and a path in it (Dovetail paths, before any TEC mapping). */
export interface Cite {
  descriptor: Descriptor;
  path?: Path;
  /** Override the value shown in the evidence (default: the value at `path`). */
  value?: unknown;
}

export interface Report {
  message: string;
  /** The places involved; may be empty when what is missing is a whole descriptor. */
  cite: Cite[];
  /** Roles who must act beyond the owners of the cited descriptors (e.g. the owner of a missing descriptor). */
  roles?: Role[];
  /**
   * What makes this problem this problem, beyond the rule and the descriptors cited: an item name,
   * a metric, a field. Never an array index or a line (those change with edits elsewhere).
   */
  key?: string;
  severity?: Severity;
}

export interface RuleContext {
  facts: Facts;
  phase: Phase;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Declares a rule; keeps the object literal typed. */
export function rule(meta: RuleMeta, check: (context: RuleContext) => void): Rule {
  return { meta, check };
}

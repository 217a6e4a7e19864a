// How important the practitioners of the ML mismatch study (WAIN 2021) rated each kind of information,
// so the missing-information rules can be weighted by it. Figures from the study's interviews and
// survey: `interviews` is how many of the 232 information instances behind the
// 140 interview mismatches were coded to the sub-category; `veryImportant` is how many of the 31 survey
// respondents rated it Very Important, where the study reports that count; `top` names the roles whose
// most important item it was. Counts the study does not report are left out, never estimated.
import type { Severity } from '../types.js';

export interface SubCategory {
  /** Category abbreviation and name, as in the study: TP task and purpose, RD raw data, TD training data, TM trained model, DE development environment, OE operational environment, OD operational data. */
  name: string;
  interviews: number;
  veryImportant?: number;
  top?: string;
  /** Other findings of the survey about it. */
  note?: string;
}

export const SUBCATEGORIES = {
  'TP Task': { name: 'TP Task', interviews: 6, veryImportant: 26 },
  'TP Success Criteria': { name: 'TP Success Criteria', interviews: 9, veryImportant: 25 },
  'TP Usage Context': { name: 'TP Usage Context', interviews: 5, veryImportant: 25 },
  'TP Business Goals': {
    name: 'TP Business Goals',
    interviews: 10,
    note: 'every data scientist rated it Important or Very Important',
  },
  'TP Data Rights & Policies': {
    name: 'TP Data Rights & Policies',
    interviews: 4,
    note: 'every software engineer rated it Important or Very Important',
  },
  'RD Data Dictionary': {
    name: 'RD Data Dictionary',
    interviews: 7,
    veryImportant: 26,
    note: '94% rated it Important or Very Important',
  },
  'RD Metadata': {
    name: 'RD Metadata',
    interviews: 11,
    note: '81% rated it Important or Very Important',
  },
  'RD Proxy Data': { name: 'RD Proxy Data', interviews: 3, veryImportant: 14 },
  'RD Restrictions': {
    name: 'RD Restrictions',
    interviews: 1,
    note: 'every software engineer rated it Important or Very Important',
  },
  'RD Anonymization': { name: 'RD Anonymization', interviews: 1 },
  'TD Data Preparation Pipelines': { name: 'TD Data Preparation Pipelines', interviews: 8 },
  'TD Data Statistics': { name: 'TD Data Statistics', interviews: 3 },
  'TD Versioning': { name: 'TD Versioning', interviews: 2, veryImportant: 8, note: 'the least important item' },
  'TM Test Cases & Data': {
    name: 'TM Test Cases & Data',
    interviews: 14,
    top: 'software engineers (8 of 10 rated it Very Important)',
  },
  'TM API/Specifications': { name: 'TM API/Specifications', interviews: 14 },
  'TM Decisions, Assumptions, Limitations & Constraints': {
    name: 'TM Decisions, Assumptions, Limitations & Constraints',
    interviews: 12,
    top: 'software engineers (8 of 10 rated it Very Important)',
  },
  'TM Model Output Interpretation': {
    name: 'TM Model Output Interpretation',
    interviews: 12,
    top: 'software engineers (8 of 10 rated it Very Important) and operations (4 of 5)',
  },
  'TM Programming Language/ML Framework/Tools/Libraries': {
    name: 'TM Programming Language/ML Framework/Tools/Libraries',
    interviews: 10,
    veryImportant: 10,
  },
  'TM Evaluation Metrics': {
    name: 'TM Evaluation Metrics',
    interviews: 9,
    top: 'data scientists (14 of 16 rated it Very Important)',
  },
  'TM Versioning': { name: 'TM Versioning', interviews: 7, veryImportant: 14 },
  'TM System Configuration Requirements': {
    name: 'TM System Configuration Requirements',
    interviews: 4,
    top: 'operations (4 of 5 rated it Very Important)',
  },
  'TM Data Buffering/Window Requirements': {
    name: 'TM Data Buffering/Window Requirements',
    interviews: 2,
    veryImportant: 14,
  },
  'DE Programming Language/ML Framework/Tools/Libraries': {
    name: 'DE Programming Language/ML Framework/Tools/Libraries',
    interviews: 10,
  },
  'DE Upstream & Downstream Components': {
    name: 'DE Upstream & Downstream Components',
    interviews: 8,
    note: 'every software engineer rated it Important or Very Important',
  },
  'DE Computing Resources': { name: 'DE Computing Resources', interviews: 2 },
  'DE Development & Integration Timelines': { name: 'DE Development & Integration Timelines', interviews: 1 },
  'OE Runtime Metrics & Data': {
    name: 'OE Runtime Metrics & Data',
    interviews: 20,
    note: 'the most interview mentions, yet the most Not Important answers (Important or Very Important: 81% of data scientists, 90% of software engineers, 60% of operations)',
  },
  'OE Computing Resources': {
    name: 'OE Computing Resources',
    interviews: 13,
    top: 'operations (4 of 5 rated it Very Important)',
  },
  'OE Required Model Inference Time': {
    name: 'OE Required Model Inference Time',
    interviews: 5,
    note: 'every software engineer rated it Important or Very Important',
  },
  'OD Data Statistics': { name: 'OD Data Statistics', interviews: 7, veryImportant: 24 },
  'OD Data Syntax & Semantics': { name: 'OD Data Syntax & Semantics', interviews: 3, veryImportant: 24 },
  'OD Data Sources': { name: 'OD Data Sources', interviews: 4 },
  'OD Data Pipelines': { name: 'OD Data Pipelines', interviews: 4 },
  'OD Data Rates': {
    name: 'OD Data Rates',
    interviews: 1,
    note: 'every software engineer rated it Important or Very Important',
  },
} as const satisfies Record<string, SubCategory>;

export type SubCategoryId = keyof typeof SUBCATEGORIES;

/** Respondents of the survey. */
export const RESPONDENTS = 31;

/** Very-Important count from which a topic is reported as a warning (the mean over the 34 sub-categories is 19.5). */
export const WARNING_FROM = 20;

/** What the survey says about the information a missing-information rule asks for. */
export interface Importance {
  subcategories: readonly SubCategoryId[];
  /** warning when a sub-category was rated Very Important by at least 20 of 31, or was a role's top item; else info. */
  severity: Severity;
  /** Short form for the one-line description: `TP Task 26/31 Very Important`. */
  short: string;
  /** Full sentence for the rationale. */
  rating: string;
}

function important(s: SubCategory): boolean {
  return (s.veryImportant ?? 0) >= WARNING_FROM || s.top !== undefined;
}

function shortOf(s: SubCategory): string {
  if (s.veryImportant !== undefined) return `${s.name} ${s.veryImportant}/${RESPONDENTS} Very Important`;
  if (s.top) return `${s.name} top item of ${s.top}`;
  return `${s.name} ${s.interviews} interview mention${s.interviews === 1 ? '' : 's'}`;
}

function sentenceOf(s: SubCategory): string {
  const parts: string[] = [];
  if (s.veryImportant !== undefined) parts.push(`rated Very Important by ${s.veryImportant} of ${RESPONDENTS}`);
  if (s.top) parts.push(`the top item of ${s.top}`);
  if (s.note) parts.push(s.note);
  parts.push(`${s.interviews} of 232 information instances in the interviews`);
  return `${s.name}: ${parts.join('; ')}`;
}

/** The survey weight of a topic made of these sub-categories (none: not a sub-category of the study). */
export function importance(subcategories: readonly SubCategoryId[]): Importance {
  const subs: SubCategory[] = subcategories.map((id) => SUBCATEGORIES[id]);
  const severity: Severity = subs.some(important) ? 'warning' : 'info';
  if (subs.length === 0) {
    return {
      subcategories,
      severity,
      short: 'not rated by the survey',
      rating: 'Survey weight: not a sub-category of the ML mismatch study, so reported as info.',
    };
  }
  return {
    subcategories,
    severity,
    short: subs.map(shortOf).join(', '),
    rating: `Survey weight (ML mismatch study, ${RESPONDENTS} practitioners): ${subs.map(sentenceOf).join('. ')}. Reported as ${severity === 'warning' ? 'a warning: at least one of these was rated Very Important by 20 or more, or was a role’s top item' : 'info: none of these was rated Very Important by 20 or more or was a role’s top item'}.`,
  };
}

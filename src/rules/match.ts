// Comparing what different roles wrote for the same thing: tool and language names with versions,
// metric names, types. People write `sklearn`, `scikit-learn 1.4.2` and `Scikit-Learn`; they mean one tool.
import type { ItemType } from '../descriptors/vocabulary.js';
import { metrics, squash } from '../descriptors/vocabulary.js';

const TOOL_SYNONYMS: Record<string, string> = {
  sklearn: 'scikitlearn',
  scikit: 'scikitlearn',
  torch: 'pytorch',
  tf: 'tensorflow',
  tensorflowcpu: 'tensorflow',
  tensorflowgpu: 'tensorflow',
  lgbm: 'lightgbm',
  xgb: 'xgboost',
  onnx: 'onnxruntime',
  hf: 'huggingface',
  transformers: 'huggingface',
  js: 'javascript',
  nodejs: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  py: 'python',
  python3: 'python',
  cpp: 'c++',
  golang: 'go',
  sparkml: 'spark',
  pyspark: 'spark',
  mllib: 'spark',
};

export interface Tool {
  /** Canonical name for comparison (lower case, no punctuation, synonyms resolved). */
  key: string;
  /** The name as written. */
  name: string;
  version?: string;
}

/** Splits `scikit-learn 1.4.2`, `scikit-learn==1.4.2`, `Python 3.11`, `lightgbm>=4` into name and version. */
export function parseTool(text: string): Tool {
  const m = /^(.*?)[\s@=<>~^v]*((?:\d+)(?:\.[\w-]+)*)?\s*$/.exec(text.trim());
  const name = (m?.[1] ?? text).replace(/[\s=<>~^@]+$/, '').trim() || text.trim();
  const version = m?.[2];
  const squashed = name.toLowerCase().replace(/[\s\-_.()]+/g, '');
  return { key: TOOL_SYNONYMS[squashed] ?? squashed, name, version };
}

/** Whether an available version satisfies a required one: equal on every part the requirement gives. */
export function versionSatisfies(required: string | undefined, available: string | undefined): boolean {
  if (!required || !available) return true;
  const need = required.split('.');
  const have = available.split('.');
  return need.every((part, i) => have[i] === undefined || have[i] === part);
}

/** Finds a tool by name in a list of tool strings. */
export function findTool(list: readonly string[] | undefined, tool: Tool): Tool | undefined {
  return (list ?? []).map(parseTool).find((t) => t.key === tool.key);
}

/**
 * The kind of a monitored metric from its free name: `recall-7d` and `Recall (weekly)` are recall.
 * Tries the whole name, then shorter and shorter prefixes of its words.
 */
export function metricKind(name: string): (typeof metrics.values)[number] | undefined {
  const whole = metrics.normalize(name);
  if (whole) return whole;
  const words = name.split(/[\s\-_/()@:]+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const found = metrics.normalize(words.slice(0, n).join(' '));
    if (found && found !== 'other') return found;
  }
  return undefined;
}

/**
 * Whether values of type `from` can be handed to a consumer expecting `to` without a conversion
 * that can lose or invent information. Integers fit floats; categories travel as strings.
 */
export function typesCompatible(from: ItemType | undefined, to: ItemType | undefined): boolean {
  if (!from || !to || from === to) return true;
  if (from === 'integer' && to === 'float') return true;
  if ((from === 'category' && to === 'string') || (from === 'string' && to === 'category')) return true;
  return false;
}

/** Whether free text mentions any of the phrases (case- and punctuation-insensitive, whole words). */
export function mentions(text: string | undefined, phrases: readonly string[]): string | undefined {
  if (!text) return undefined;
  const hay = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  return phrases.find((p) => hay.includes(` ${p.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `));
}

export { squash };

// Reading descriptor text (YAML or JSON) into values while keeping where each value came from, so
// every error and finding can say file:line:column. The parser's event stream carries source
// offsets; positions are indexed from it only when something asks where a value is. YAML hazards
// are refused with a clear message: duplicate keys, alias bombs, oversized files, deep nesting.
import { constructFromEvents, EVENT_ID, type Event, getScalarValue, parseEvents, YAMLException } from 'js-yaml';

export type Path = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** One parsed YAML document (a file may hold several, separated by `---`). */
export interface SourceDocument {
  file: string;
  /** Index of the document in its file. */
  index: number;
  value: unknown;
  locate(path: Path, target?: 'value' | 'key'): Position | undefined;
}

export interface SourceProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  expected?: string;
}

/** Descriptors are small; anything bigger is a mistake (a data file passed as a descriptor). */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
/** Aliases may be used, but not to make a document expand far beyond its text (an alias bomb). */
const MAX_EXPANDED_NODES = 1_000_000;
const MAX_DEPTH = 100;

export function pointer(path: Path): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Where a node starts and, for a mapping value, where its key starts. */
interface Located {
  at: number;
  key?: number;
  entries?: Map<string, Located>;
  items?: Located[];
}

function startOf(e: Event): number {
  switch (e.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return e.start;
    case EVENT_ID.SCALAR:
      return [e.anchorStart, e.tagStart, e.valueStart]
        .filter((n) => n >= 0)
        .reduce((a, b) => Math.min(a, b), e.valueStart);
    case EVENT_ID.ALIAS:
      return Math.max(0, e.anchorStart - 1);
    default:
      return 0;
  }
}

/** Rebuilds the document tree from the events, keeping only offsets: one root per document. */
function indexEvents(events: readonly Event[], source: string): Located[] {
  interface Frame {
    node: Located;
    expectKey: boolean;
    pendingKey?: { name: string; at: number };
  }
  const roots: Located[] = [];
  const stack: Frame[] = [];
  let inDocument = false;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      inDocument = true;
      continue;
    }
    if (e.type === EVENT_ID.POP) {
      if (stack.length) stack.pop();
      else inDocument = false;
      continue;
    }
    const node: Located = { at: startOf(e) };
    if (e.type === EVENT_ID.MAPPING) node.entries = new Map();
    if (e.type === EVENT_ID.SEQUENCE) node.items = [];
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (inDocument) roots.push(node);
    } else if (parent.node.items) {
      parent.node.items.push(node);
    } else if (parent.expectKey) {
      parent.pendingKey = { name: e.type === EVENT_ID.SCALAR ? getScalarValue(source, e) : '?', at: node.at };
      parent.expectKey = false;
    } else {
      node.key = parent.pendingKey?.at;
      parent.node.entries?.set(parent.pendingKey?.name ?? '?', node);
      parent.expectKey = true;
    }
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) stack.push({ node, expectKey: true });
  }
  return roots;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** Counts nodes as if every alias were expanded, stopping once past the limit. */
function expandedSize(value: unknown, limit: number, memo = new Map<object, number>()): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, limit, memo);
    if (size > limit) break;
  }
  memo.set(value, size);
  return size;
}

function parseFailure(file: string, e: unknown): SourceProblem {
  if (e instanceof YAMLException) {
    const reason = e.reason || e.message;
    const duplicate = /duplicated mapping key/i.test(reason);
    return {
      file,
      line: e.mark ? e.mark.line + 1 : undefined,
      column: e.mark ? e.mark.column + 1 : undefined,
      message: duplicate ? 'duplicate key' : `not valid YAML/JSON: ${reason}`,
      expected: duplicate ? 'each key once per mapping' : undefined,
    };
  }
  return { file, message: `not valid YAML/JSON: ${(e as Error).message}` };
}

/** Parses YAML or JSON text. Returns the documents, or the problems that stopped parsing. */
export function parseSource(file: string, text: string): { documents: SourceDocument[]; problems: SourceProblem[] } {
  if (Buffer.byteLength(text) > MAX_SOURCE_BYTES) {
    return {
      documents: [],
      problems: [
        {
          file,
          message: `file is ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB; descriptors are limited to ${MAX_SOURCE_BYTES / 1048576} MiB`,
          expected: 'a descriptor (data belongs in data files, profiled with `dovetail profile`)',
        },
      ],
    };
  }
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_DEPTH });
    values = constructFromEvents(events, { source: text, filename: file });
  } catch (e) {
    return { documents: [], problems: [parseFailure(file, e)] };
  }
  let index: Located[] | undefined;
  let starts: number[] | undefined;
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [];
  values.forEach((value, i) => {
    if (value === null || value === undefined) return; // an empty document, e.g. after a trailing `---`
    if (expandedSize(value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
      problems.push({
        file,
        message: `refused: YAML aliases expand this document beyond ${MAX_EXPANDED_NODES.toLocaleString('en')} values (an alias bomb?)`,
        expected: 'aliases that do not multiply the document',
      });
      return;
    }
    documents.push({
      file,
      index: i,
      value,
      locate(path, target = 'value') {
        index ??= indexEvents(events, text);
        starts ??= lineStarts(text);
        let node: Located | undefined = index[i];
        if (!node) return undefined;
        for (const [depth, seg] of path.entries()) {
          const next: Located | undefined = node.entries ? node.entries.get(String(seg)) : node.items?.[Number(seg)];
          if (!next) break;
          node = next;
          if (depth === path.length - 1 && target === 'key' && next.key !== undefined) {
            return position(starts, next.key);
          }
        }
        return position(starts, node.at);
      },
    });
  });
  return { documents, problems };
}

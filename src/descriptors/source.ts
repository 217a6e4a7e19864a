// Reading descriptor text (YAML or JSON) into values while keeping where each value came from, so
// every error and finding can say file:line:column. YAML hazards are refused with a clear message:
// duplicate keys, alias bombs, oversized files.
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';

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
const MAX_ALIASES = 1000;

export function pointer(path: Path): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function parsePointer(ptr: string): string[] {
  if (ptr === '' || ptr === '/') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAt(doc: Document, path: Path, target: 'value' | 'key'): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return found;
      if (last && target === 'key' && isScalar(pair.key)) return pair.key;
      node = pair.value;
      found = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return found;
      node = item;
      found = item as Node;
    } else {
      return found;
    }
  }
  return found;
}

/** Parses YAML or JSON text. Returns the documents, or the problems that stopped parsing. */
export function parseSource(file: string, text: string): { documents: SourceDocument[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  if (Buffer.byteLength(text) > MAX_SOURCE_BYTES) {
    problems.push({
      file,
      message: `file is ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB; descriptors are limited to ${MAX_SOURCE_BYTES / 1048576} MiB`,
      expected: 'a descriptor (data belongs in data files, profiled with `dovetail profile`)',
    });
    return { documents: [], problems };
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents: SourceDocument[] = [];

  docs.forEach((doc, index) => {
    const errors = [...doc.errors];
    for (const e of errors) {
      const at = e.linePos?.[0];
      const duplicate = e.code === 'DUPLICATE_KEY';
      problems.push({
        file,
        line: at?.line,
        column: at?.col,
        message: duplicate
          ? `duplicate key: ${e.message.split('\n')[0]?.replace(/ at line.*$/, '')}`
          : `not valid YAML/JSON: ${e.message.split('\n')[0]?.replace(/ at line.*$/, '')}`,
        expected: duplicate ? 'each key once per mapping' : undefined,
      });
    }
    if (errors.length > 0) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      problems.push({
        file,
        message: `refused to expand YAML aliases: ${(e as Error).message}`,
        expected: `at most ${MAX_ALIASES} alias expansions`,
      });
      return;
    }
    if (value === null || value === undefined) return; // an empty document, e.g. after a trailing `---`
    documents.push({
      file,
      index,
      value,
      locate(path, target = 'value') {
        const node = nodeAt(doc, path, target);
        const offset = node?.range?.[0];
        if (offset === undefined) return undefined;
        const p = lineCounter.linePos(offset);
        return { line: p.line, column: p.col };
      },
    });
  });
  return { documents, problems };
}

// Adding to a descriptor's text in place: new keys in a mapping and new entries at the end of a list,
// with everything already written left as it was. YAML is edited as text: the document tree (the
// `yaml` package) says where each node starts and ends, and only the added nodes are rendered, so
// comments, quoting, folded text and the layout of untouched parts stay byte for byte. JSON is
// parsed, extended and written back with 2-space indentation.
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseAllDocuments,
  stringify,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { deepEqual, isObject, valueAt } from './json.js';
import { type Path, pointer } from './source.js';

/** Text that cannot be edited: not YAML or JSON, several documents, or not the kind expected. */
export class DescriptorEditError extends Error {
  override name = 'DescriptorEditError';
}

export interface DescriptorEditor {
  /** The document as it stands, as plain values. */
  readonly value: unknown;
  /**
   * Sets `key` of the mapping at `parent`. A new key goes after the last key that precedes it in
   * `order` (the kind's key order), else last. An existing key's value is replaced: callers do that
   * only to fill an empty value (null or "").
   */
  set(parent: Path, key: string, value: unknown, order: readonly string[]): void;
  /** Adds entries to the end of the list at `parent`/`key`, creating the list when there is none. */
  append(parent: Path, key: string, items: readonly unknown[], order: readonly string[]): void;
  /** The edited text. Throws if an edit changed a value the text held before. */
  text(): string;
}

/** An editor for one descriptor's text: JSON for `.json` files, YAML otherwise. */
export function descriptorEditor(file: string, text: string): DescriptorEditor {
  return file.toLowerCase().endsWith('.json') ? new JsonEditor(file, text) : new YamlEditor(file, text);
}

/** Whether `after` still holds everything `before` held; empty values (null, "") may have been filled. */
function keeps(before: unknown, after: unknown): boolean {
  if (before === null || before === '') return true;
  if (Array.isArray(before)) return Array.isArray(after) && before.every((v, i) => keeps(v, after[i]));
  if (isObject(before)) return isObject(after) && Object.entries(before).every(([k, v]) => keeps(v, after[k]));
  return deepEqual(before, after);
}

function checkKept(file: string, before: unknown, after: unknown): void {
  if (!keeps(before, after)) throw new Error(`editing ${file} would change what it holds; nothing is written`);
}

/** The existing key a new `key` goes after: the last one that precedes it in `order`, else the last. */
function keyBefore(existing: readonly string[], key: string, order: readonly string[]): string | undefined {
  const rank = order.indexOf(key);
  const preceding = existing.filter((k) => {
    const r = order.indexOf(k);
    return r >= 0 && r < rank;
  });
  return preceding.at(-1) ?? existing.at(-1);
}

const isCollection = (value: unknown) => typeof value === 'object' && value !== null;

class YamlEditor implements DescriptorEditor {
  private source: string;
  private document: Document.Parsed;
  private readonly original: unknown;
  private readonly eol: string;

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.source = text;
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.document = this.parse();
    this.original = this.value;
  }

  get value(): unknown {
    return this.document.toJS();
  }

  private parse(): Document.Parsed {
    // Merge keys (`<<`) are read as the loader reads them.
    const documents = parseAllDocuments(this.source, { merge: true });
    const error = [...documents].flatMap((d) => d.errors)[0];
    if (error) {
      const at = error.linePos?.[0];
      const where = at ? `${this.file}:${at.line}:${at.col}` : this.file;
      throw new DescriptorEditError(`${where}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const filled = [...documents].filter((d) => d.contents !== null);
    const first = filled[0];
    if (!first) throw new DescriptorEditError(`${this.file}: empty document`);
    if (filled.length > 1)
      throw new DescriptorEditError(
        `${this.file} holds ${filled.length} documents; only a file with one can be filled`,
      );
    return first;
  }

  private splice(at: number, end: number, text: string): void {
    this.source = this.source.slice(0, at) + text + this.source.slice(end);
    this.document = this.parse();
  }

  private node(path: Path): unknown {
    return path.length ? this.document.getIn(path, true) : this.document.contents;
  }

  /** Column of an offset: the indentation of a node that starts its line. */
  private column(offset: number): number {
    return offset - (this.source.lastIndexOf('\n', offset - 1) + 1);
  }

  /** Where the next line starts after `offset`; at the end of a text without a final newline, a newline is due. */
  private nextLine(offset: number): { at: number; newline: string } {
    if (offset > 0 && this.source[offset - 1] === '\n') return { at: offset, newline: '' };
    const end = this.source.indexOf('\n', offset);
    return end < 0 ? { at: this.source.length, newline: this.eol } : { at: end + 1, newline: '' };
  }

  /** Block YAML of a value, every line indented, each ending with a newline. */
  private block(value: unknown, indent: number, first = ''): string {
    const lines = stringify(value, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
    const pad = ' '.repeat(indent);
    return lines
      .map((line, i) => (i === 0 ? pad + first + line : pad + ' '.repeat(first.length) + line).trimEnd() + this.eol)
      .join('');
  }

  private mapping(path: Path): YAMLMap {
    const map = this.node(path);
    if (!isMap(map)) throw new Error(`${this.file}: ${pointer(path) || '/'} is not a mapping`);
    return map;
  }

  set(parent: Path, key: string, value: unknown, order: readonly string[]): void {
    const map = this.mapping(parent);
    const pair = map.items.find((p) => keyName(p) === key);
    if (pair) this.replace(map, pair, value);
    else if (map.flow) this.addToFlow(map, `${inline(key)}: ${inline(value)}`);
    else {
      const names = map.items.map(keyName);
      const after = map.items[names.lastIndexOf(keyBefore(names, key, order) ?? '')];
      const first = map.items[0];
      if (!after || !first) throw new Error(`${this.file}: ${pointer(parent) || '/'} is an empty block mapping`);
      const { at, newline } = this.nextLine(contentEnd(after));
      this.insertAt(at, newline + this.block({ [key]: value }, this.column(rangeOf(first.key)[0])));
    }
  }

  /** Replaces an empty value; a list or mapping under a block key starts on the next line. */
  private replace(map: YAMLMap, pair: Pair, value: unknown): void {
    let [start, end] = rangeOf(pair.value);
    if (map.flow || !isCollection(value)) {
      this.splice(start, end, inline(value));
      return;
    }
    while (start > 0 && (this.source[start - 1] === ' ' || this.source[start - 1] === '\t')) start--;
    const indent = this.column(rangeOf(pair.key)[0]) + 2;
    this.splice(start, end, this.eol + this.block(value, indent).slice(0, -this.eol.length));
  }

  append(parent: Path, key: string, items: readonly unknown[], order: readonly string[]): void {
    const list = this.node([...parent, key]);
    const last = isSeq(list) ? list.items.at(-1) : undefined;
    // No list yet, or an empty flow list under a block key: the entries become a block list.
    if (!isSeq(list) || (!last && !this.mapping(parent).flow)) this.set(parent, key, items, order);
    else if (list.flow) this.addToFlow(list, items.map(inline).join(', '));
    else {
      const { at, newline } = this.nextLine(contentEnd(last));
      const indent = this.column(rangeOf(list)[0]);
      this.insertAt(at, newline + items.map((item) => this.block(item, indent, '- ')).join(''));
    }
  }

  /** Adds entries written on one line to the end of a flow collection. */
  private addToFlow(collection: YAMLMap | YAMLSeq, entries: string): void {
    const last = collection.items.at(-1);
    if (last) this.insertAt(contentEnd(last), `, ${entries}`);
    else this.insertAt(rangeOf(collection)[0] + 1, ` ${entries} `);
  }

  private insertAt(at: number, text: string): void {
    this.splice(at, at, text);
  }

  text(): string {
    checkKept(this.file, this.original, this.value);
    return this.source;
  }
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** A value on one line: flow collections, quoted where YAML needs it. */
function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

function rangeOf(node: unknown): [number, number] {
  const range = (node as Node | null)?.range;
  if (!range) throw new Error('a YAML node without a source range');
  return [range[0], range[1]];
}

/**
 * Where the content of a node ends: a block collection ends with its last entry (its own range also
 * covers the comments that follow, which belong to what comes next).
 */
function contentEnd(node: unknown): number {
  if (isPair(node)) return contentEnd(node.value ?? node.key);
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items.at(-1);
    if (last) return contentEnd(last);
  }
  return rangeOf(node)[1];
}

class JsonEditor implements DescriptorEditor {
  private readonly document: unknown;
  private readonly original: unknown;

  constructor(
    private readonly file: string,
    text: string,
  ) {
    try {
      this.document = JSON.parse(text);
      this.original = JSON.parse(text);
    } catch (e) {
      throw new DescriptorEditError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
  }

  get value(): unknown {
    return this.document;
  }

  private mapping(parent: Path): Record<string, unknown> {
    const map = valueAt(this.document, parent);
    if (!isObject(map)) throw new Error(`${this.file}: ${pointer(parent) || '/'} is not an object`);
    return map;
  }

  set(parent: Path, key: string, value: unknown, order: readonly string[]): void {
    const map = this.mapping(parent);
    if (key in map) {
      map[key] = value;
      return;
    }
    const entries = Object.entries(map);
    const names = entries.map(([k]) => k);
    const after = keyBefore(names, key, order);
    entries.splice(after === undefined ? entries.length : names.indexOf(after) + 1, 0, [key, value]);
    for (const name of names) delete map[name];
    for (const [k, v] of entries) map[k] = v;
  }

  append(parent: Path, key: string, items: readonly unknown[], order: readonly string[]): void {
    const list = this.mapping(parent)[key];
    if (Array.isArray(list)) list.push(...items);
    else this.set(parent, key, [...items], order);
  }

  text(): string {
    checkKept(this.file, this.original, this.document);
    return `${JSON.stringify(this.document, null, 2)}\n`;
  }
}

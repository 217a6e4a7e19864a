// The one error every data reader throws: it names the file and, where DuckDB says it, the line.

export interface DataReadErrorDetails {
  /** The file as the user named it (`<stdin>` for standard input). */
  file: string;
  /** 1-based line in the file, when the reader knows it (CSV and JSON Lines parse errors). */
  line?: number;
  /** What was expected instead, e.g. `3 columns` or `one of .csv, .tsv, …`. */
  expected?: string;
  cause?: unknown;
}

export class DataReadError extends Error {
  override readonly name = 'DataReadError';
  readonly file: string;
  readonly line?: number;
  readonly expected?: string;
  /** The reason alone, without the file and line prefix that `message` has. */
  readonly reason: string;

  constructor(reason: string, details: DataReadErrorDetails) {
    const where = details.line === undefined ? details.file : `${details.file}:${details.line}`;
    const expected = details.expected === undefined ? '' : ` (expected ${details.expected})`;
    super(`${where}: ${reason}${expected}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.file = details.file;
    this.reason = reason;
    if (details.line !== undefined) this.line = details.line;
    if (details.expected !== undefined) this.expected = details.expected;
  }
}

/**
 * Turns a DuckDB error into a DataReadError: drops DuckDB's echo of our SQL (`LINE 1: select …`),
 * keeps its first lines, and picks out the line number and the expectation where it states them.
 */
export function fromDuckDBError(error: unknown, file: string): DataReadError {
  if (error instanceof DataReadError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const text = raw.replace(/\n+LINE \d+:[\s\S]*$/, '').trim();
  const lineMatch = /CSV Error on Line: (\d+)/i.exec(text) ?? /\bin line (\d+)/i.exec(text);
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/i.exec(text);
  const original = /Original Line: (.*)/.exec(text);
  let reason = (text.split('\n')[0] ?? text).replace(/^[A-Za-z ]+Error: /, '');
  let expected: string | undefined;
  if (columns) {
    reason = `row has ${columns[2]} columns${original ? `: ${original[1]}` : ''}`;
    expected = `${columns[1]} columns`;
  } else if (/It was not possible to automatically detect the CSV parsing dialect/.test(text)) {
    reason = 'cannot detect the CSV layout: rows disagree on the number of columns or quoting';
    expected = 'the same number of delimited columns on every row';
  }
  const details: DataReadErrorDetails = { file, cause: error };
  if (lineMatch?.[1]) {
    // DuckDB 1.4's JSON reader counts one past the offending line ("line 3" for a bad second line);
    // test/data/read pins this, so a DuckDB that fixes it fails a test rather than shifting lines.
    const jsonOffByOne = /^(?:[A-Za-z ]+Error: )?Malformed JSON/.test(text) ? 1 : 0;
    details.line = Math.max(1, Number(lineMatch[1]) - jsonOffByOne);
  }
  if (expected !== undefined) details.expected = expected;
  return new DataReadError(reason, details);
}

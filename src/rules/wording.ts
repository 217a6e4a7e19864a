// How findings write lists of values, so every rule cuts them short and says "none" the same way.
// Numbers are written with `round` (descriptors/units.ts), like the quantities the loader formats.

/** At most `n` values, quoted, then how many more: `` `a`, `b`, `c`, `d`, `e` and 2 more ``. */
export function listSome(values: readonly unknown[], n = 5): string {
  const shown = values.slice(0, n).map((v) => `\`${String(v)}\``);
  return values.length > n ? `${shown.join(', ')} and ${values.length - n} more` : shown.join(', ');
}

/** The entries of a list as written, or `none`: `scikit-learn 1.4.2, onnxruntime 1.17.3`. */
export function listText(entries: readonly string[] | undefined): string {
  return entries?.length ? entries.join(', ') : 'none';
}

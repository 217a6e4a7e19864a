// Short texts cut from long ones, to keep: V8 makes a slice of a long string a view that holds the
// whole of it alive, so a prefix kept for a window's life would hold a client's megabyte value.

/**
 * The first `chars` UTF-16 units of `text` (one fewer rather than half a surrogate pair), in a string
 * of its own; `text` itself when it is no longer.
 */
export function prefixOf(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const last = text.charCodeAt(chars - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? chars - 1 : chars;
  return text.slice(0, end).split('').join('');
}

// A value from a controlled vocabulary, often with a sibling free-text field for "Other"
// (TEC's `algorithm` + `other_algorithm`). Reading normalises TEC's labels and synonyms to Dovetail's
// canonical ids; writing uses TEC's label, and "Other" plus the id where TEC has no label.

import { isObject, type Obj } from '../json.js';
import type { Vocabulary } from '../vocabulary.js';
import { at, type Field, getPath, setPath, type TecPath, Unreadable } from './codec.js';
import { blankText, readText } from './values.js';

export interface ChoiceOptions {
  vocab: Vocabulary;
  dove: string;
  tec: string | TecPath;
  /** Dovetail's free-text sibling (`other_algorithm`, `deployment_platform_details`). */
  doveOther?: string;
  /** TEC's free-text sibling, when TEC has one. */
  tecOther?: string | TecPath;
  /** TEC 1.2 allows only its labels here (a JSON-Schema enum); otherwise TEC takes any text. */
  closed?: boolean;
  /** What text that does not normalise becomes (the text itself is kept too). */
  fallback?: string;
  /** TEC value written when Dovetail has none: "" for free text; an enum value when closed. */
  placeholder?: string;
  /** The placeholder alone means "not filled in" (so a row holding only it is blank). */
  placeholderBlank?: boolean;
}

export function choice(o: ChoiceOptions): Field {
  const tecPath: TecPath = typeof o.tec === 'string' ? [o.tec] : o.tec;
  const otherPath: TecPath | undefined = typeof o.tecOther === 'string' ? [o.tecOther] : o.tecOther;
  const xKey = `x-${o.dove}`;
  const labels = new Set(Object.values(o.vocab.tec) as string[]);
  const otherLabel = (o.vocab.tec as Record<string, string | undefined>).other;
  const placeholder = o.placeholder ?? '';
  const label = (id: string) => (o.vocab.tec as Record<string, string | undefined>)[id];
  const accepts = (v: unknown) => typeof v === 'string' && (!o.closed || labels.has(v));
  const nested = tecPath.length === 2 ? tecPath[0] : undefined;
  const usedInNested = new Set([tecPath[1], otherPath?.[1]].filter((k): k is string => k !== undefined));

  function valueAt(obj: Obj): unknown {
    // A wild document may hold the label itself where TEC nests it (`ml_problem_type: "Alert"`).
    if (nested !== undefined && typeof obj[nested] === 'string') return obj[nested];
    return getPath(obj, tecPath);
  }

  return {
    dove: [o.dove, ...(o.doveOther ? [o.doveOther] : []), xKey],
    tec: [...new Set([tecPath[0], ...(otherPath ? [otherPath[0]] : [])])],
    read(obj, where) {
      // Dovetail's own keys first, in the order a person would write them.
      const out: Obj = { [o.dove]: undefined, ...(o.doveOther ? { [o.doveOther]: undefined } : {}) };
      const here = at(where, tecPath, [o.dove]);
      if (nested !== undefined) {
        const inner = obj[nested];
        if (typeof inner === 'string' && !blankText(inner))
          where.reader.warn(
            here.tec.slice(0, -1),
            `expected an object, found the text ${JSON.stringify(inner)}; read as its ${tecPath[1]}`,
          );
        // Keys TEC does not define inside the nested object are kept flat, as `x-<object>.<key>`.
        if (isObject(inner))
          for (const [k, v] of Object.entries(inner)) {
            if (usedInNested.has(k)) continue;
            const x = `x-${nested}.${k}`;
            out[x] = v;
            where.reader.link([...where.dove, x], [...where.tec, nested, k], true);
            where.reader.warn([...where.tec, nested, k], `unknown key "${k}" kept as "${x}"`);
          }
      }
      let other: string | undefined;
      if (otherPath) {
        const r = readText(getPath(obj, otherPath), at(where, otherPath, []));
        if (r instanceof Unreadable) where.reader.warn([...where.tec, ...otherPath], `${r.reason}; ignored`);
        else other = r;
        if (other !== undefined && o.doveOther) {
          out[o.doveOther] = other;
          where.reader.link([...where.dove, o.doveOther], [...where.tec, ...otherPath]);
        }
      }
      const raw = valueAt(obj);
      const value = readText(raw, here);
      if (value instanceof Unreadable) {
        where.reader.warn(here.tec, `${value.reason}; kept as "${xKey}"`);
        out[xKey] = raw;
        where.reader.link([...where.dove, xKey], here.tec, true);
        return out;
      }
      if (value === undefined) return out;
      where.reader.link(here.dove, here.tec);
      const id = o.vocab.normalize(value);
      if (id === 'other' && other !== undefined) {
        // "Other" with a name Dovetail knows ("Other" + "Decision tree") is that value.
        const named = o.vocab.normalize(other);
        out[o.dove] = named ?? 'other';
        if (named !== undefined && named === other && o.doveOther) delete out[o.doveOther];
      } else if (id !== undefined) {
        out[o.dove] = id;
      } else if (o.doveOther && !otherPath) {
        // TEC takes free text here; Dovetail keeps the words in its sibling field.
        out[o.dove] = o.fallback ?? 'other';
        out[o.doveOther] = value;
        where.reader.link([...where.dove, o.doveOther], here.tec);
      } else {
        if (o.fallback !== undefined) out[o.dove] = o.fallback;
        out[xKey] = raw;
        where.reader.link([...where.dove, xKey], here.tec, true);
        where.reader.warn(
          here.tec,
          `${JSON.stringify(value)} is not a known ${o.vocab.name}; kept as "${xKey}"${o.fallback ? `, read as ${o.fallback}` : ''}`,
        );
      }
      return out;
    },
    write(data, raw) {
      const id = typeof data[o.dove] === 'string' ? (data[o.dove] as string) : undefined;
      const otherText = o.doveOther ? (raw[o.doveOther] ?? data[o.doveOther]) : undefined;
      const ot = typeof otherText === 'string' ? otherText : undefined;
      const x = raw[xKey];
      let value: string;
      let tecOther: string | undefined;
      if ((id === undefined || id === o.fallback) && accepts(x)) value = x as string;
      else if (id === undefined) value = placeholder;
      else if (id === 'other' && !o.closed && !otherPath && ot !== undefined) value = ot;
      else if (label(id) !== undefined) value = label(id) as string;
      else if (o.closed) {
        value = otherLabel ?? placeholder;
        // The canonical id goes in TEC's "other" text, where nothing else needs it.
        if (ot === undefined) tecOther = id;
      } else value = id;
      const out = setPath({}, tecPath, value);
      if (otherPath) setPath(out, otherPath, tecOther ?? ot ?? '');
      return out;
    },
    check(raw) {
      const v = raw[o.dove];
      return {
        [o.dove]: typeof v === 'string' ? o.vocab.normalize(v) : v,
        ...(o.doveOther ? { [o.doveOther]: raw[o.doveOther] } : {}),
        [xKey]: raw[xKey],
      };
    },
    blank(obj) {
      const v = valueAt(obj);
      const valueBlank = blankText(v) || (o.placeholderBlank === true && v === placeholder);
      return valueBlank && (!otherPath || blankText(getPath(obj, otherPath)));
    },
  };
}

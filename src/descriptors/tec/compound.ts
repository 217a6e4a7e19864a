// Fields that span several keys on one side: a goal's baseline text (operator, number, rationale),
// production data rates (a rate or words), and the parts of TEC's item specification.

import type { Obj } from '../json.js';
import { parseRate } from '../units.js';
import { metrics, operators } from '../vocabulary.js';
import { at, type Codec, type Field, field, Unreadable } from './codec.js';
import { blankText, boolean, readText, writeRate } from './values.js';

/**
 * Metrics whose values are shares (0 to 1). For these a baseline written "90%" clearly means 0.9;
 * for any other metric the number is kept as written (90), since "%" may be the metric's own unit.
 */
const SHARE_METRICS = new Set([
  'accuracy',
  'false-positive-rate',
  'false-negative-rate',
  'precision',
  'npv',
  'f1',
  'recall',
  'specificity',
  'roc-auc',
  'pr-auc',
]);

const SYMBOLS: Record<string, string> = { '≥': '>=', '≤': '<=', '=': '==' };
const BASELINE =
  /^\s*(>=|<=|==|!=|≥|≤|>|<|=)?\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(\s*%)?(?=$|[^\w.%])(.*)$/s;

function rationale(rest: string): string | undefined {
  let r = rest.trim().replace(/^[,;:–-]\s*/, '');
  if (r.startsWith('(') && r.endsWith(')')) r = r.slice(1, -1).trim();
  return r === '' ? undefined : r;
}

/**
 * TEC's goal baseline is free text ("0.9 (human parity)"). Dovetail splits it: a leading comparison
 * becomes `operator`, the leading number `baseline`, the rest `baseline_rationale`; text with no
 * leading number is all rationale. "90%" is 0.9 only for share metrics (see SHARE_METRICS).
 */
export function baseline(): Field {
  const keys = ['baseline', 'baseline_rationale', 'operator'] as const;
  return {
    dove: keys,
    tec: ['baseline'],
    read(obj, where) {
      const here = at(where, ['baseline'], []);
      const textValue = typeof obj.baseline === 'number' ? String(obj.baseline) : readText(obj.baseline, here);
      if (typeof textValue !== 'string') {
        if (textValue !== undefined) where.reader.warn(here.tec, `${textValue.reason}; ignored`);
        return {};
      }
      for (const k of keys) where.reader.link([...where.dove, k], here.tec);
      const m = BASELINE.exec(textValue);
      if (!m?.[2]) return { baseline_rationale: textValue.trim() };
      let n = Number(m[2].replace(/,/g, ''));
      if (m[3]) {
        const metricText = typeof obj.metric === 'string' ? obj.metric : '';
        const metric = metrics.normalize(metricText);
        if (metric && SHARE_METRICS.has(metric)) {
          where.reader.warn(
            here.tec,
            `baseline ${JSON.stringify(textValue.trim())} read as the share ${n / 100}, as ${metric} is measured 0 to 1`,
          );
          n /= 100;
        } else {
          where.reader.warn(
            here.tec,
            `baseline ${JSON.stringify(textValue.trim())} read as ${n}; the percent sign is dropped`,
          );
        }
      }
      const op = m[1] ? operators.normalize(SYMBOLS[m[1]] ?? m[1]) : undefined;
      return { operator: op, baseline: n, baseline_rationale: rationale(m[4] ?? '') };
    },
    write(data, raw) {
      const head = [data.operator, data.baseline].filter((v) => v !== undefined).join(' ');
      const why = typeof raw.baseline_rationale === 'string' ? raw.baseline_rationale : undefined;
      return { baseline: why === undefined ? head : head === '' ? why : `${head} (${why})` };
    },
    check(raw) {
      return {
        baseline: raw.baseline,
        baseline_rationale: raw.baseline_rationale,
        operator: typeof raw.operator === 'string' ? operators.normalize(raw.operator) : raw.operator,
      };
    },
    blank: (obj) => blankText(obj.baseline),
  };
}

/** PD `data_rates` is free text: a rate Dovetail can parse goes to `data_rates`, other words to `data_rates_details`. */
export function dataRates(): Field {
  return {
    dove: ['data_rates', 'data_rates_details'],
    tec: ['data_rates'],
    read(obj, where) {
      const here = at(where, ['data_rates'], []);
      if (typeof obj.data_rates === 'number' && Number.isFinite(obj.data_rates)) {
        where.reader.link([...where.dove, 'data_rates'], here.tec);
        return { data_rates: obj.data_rates };
      }
      const r = readText(obj.data_rates, here);
      if (typeof r !== 'string') {
        if (r !== undefined) where.reader.warn(here.tec, `${r.reason}; ignored`);
        return {};
      }
      const key = parseRate(r).ok ? 'data_rates' : 'data_rates_details';
      where.reader.link([...where.dove, key], here.tec);
      return { [key]: r };
    },
    write(data, raw) {
      if (data.data_rates !== undefined) return { data_rates: writeRate(data.data_rates, raw.data_rates) };
      return { data_rates: typeof raw.data_rates_details === 'string' ? raw.data_rates_details : '' };
    },
    check(raw) {
      const r = raw.data_rates;
      return {
        data_rates: typeof r === 'number' || typeof r === 'string' ? parseRate(r).value : r,
        data_rates_details: raw.data_rates_details,
      };
    },
    blank: (obj) => blankText(obj.data_rates),
  };
}

/** Two numbers TEC fills with 0 together when they do not apply (min/max, resolution): both 0 is "not given". */
export function pair(a: string, b: string, codec: Codec): Field {
  const fa = field(a, a, codec);
  const fb = field(b, b, codec);
  return {
    dove: [...fa.dove, ...fb.dove],
    tec: [a, b],
    read: (obj, where) => (fa.blank(obj) && fb.blank(obj) ? {} : { ...fa.read(obj, where), ...fb.read(obj, where) }),
    write: (data, raw) => ({ ...fa.write(data, raw), ...fb.write(data, raw) }),
    check: (raw) => ({ ...fa.check(raw), ...fb.check(raw) }),
    blank: (obj) => fa.blank(obj) && fb.blank(obj),
  };
}

const FLAGS = ['empty', 'numeric', 'slashes', 'spaces', 'special'] as const;

/** TEC's five allowed-character flags ⇄ Dovetail's `characters`; all false is "not given". */
export function characters(): Field {
  return {
    dove: ['characters'],
    tec: FLAGS,
    read(obj, where) {
      if (FLAGS.every((f) => boolean.blank(obj[f]))) return {};
      const out: Obj = {};
      for (const f of FLAGS) {
        const r = boolean.read(obj[f], at(where, [f], []));
        if (typeof r === 'boolean') out[f] = r;
        else if (r instanceof Unreadable) where.reader.warn([...where.tec, f], `${r.reason}; ignored`);
      }
      where.reader.link([...where.dove, 'characters'], [...where.tec, 'empty']);
      return { characters: out };
    },
    write(data) {
      const chars = (data.characters ?? {}) as Obj;
      return Object.fromEntries(FLAGS.map((f) => [f, chars[f] === true]));
    },
    check: (raw) => ({ characters: raw.characters }),
    blank: (obj) => FLAGS.every((f) => boolean.blank(obj[f])),
  };
}

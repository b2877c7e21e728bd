/**
 * Aggregations over the documents a query matched: bucket aggregations `terms`, `date_histogram`,
 * `histogram` (each may hold sub-aggregations) and metrics `avg`, `sum`, `min`, `max`,
 * `value_count`, `cardinality`, answered in Elasticsearch's response shapes. Cardinality is exact
 * here (Elasticsearch's HyperLogLog is exact below its precision threshold, 3000 by default).
 */
import type { EsDocument } from '../../nodes/elasticsearch/store.js';
import { fieldValues, type EsType, type Field, type IndexMapping } from './mapping.js';
import { addUnits, floorTo, formatDate } from './dates.js';
import { errorBody, fielddataDisabled, notModelled, parsingError, shardFailure, xContentError } from './errors.js';
import { isObject, type Json } from './json.js';
import type { Where } from './query.js';

const METRICS = ['avg', 'sum', 'min', 'max', 'value_count', 'cardinality'] as const;
const BUCKETS = ['terms', 'date_histogram', 'histogram'] as const;
type AggType = (typeof METRICS)[number] | (typeof BUCKETS)[number];

export interface Agg {
  name: string;
  type: AggType;
  params: Record<string, Json>;
  subs: Agg[];
}

const PARAMS: Record<AggType, readonly string[]> = {
  avg: ['field', 'missing', 'format'],
  sum: ['field', 'missing', 'format'],
  min: ['field', 'missing', 'format'],
  max: ['field', 'missing', 'format'],
  value_count: ['field'],
  cardinality: ['field', 'precision_threshold'],
  terms: ['field', 'size', 'order', 'min_doc_count', 'shard_size', 'missing'],
  date_histogram: ['field', 'fixed_interval', 'calendar_interval', 'format', 'min_doc_count', 'time_zone', 'offset'],
  histogram: ['field', 'interval', 'min_doc_count', 'offset'],
};

/** Edit distance, for the "did you mean" hint on a misspelt aggregation type. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function didYouMean(name: string, known: readonly string[]): string {
  const close = known.filter((k) => distance(name, k) <= 2).sort();
  if (close.length === 0) return '';
  return close.length === 1 ? ` did you mean [${close[0]}]?` : ` did you mean any of [${close.join(', ')}]?`;
}

/** `"aggs": { "<name>": { "<type>": { … }, "aggs": { … } } }`. */
export function parseAggs(value: Json, at: Where): Agg[] {
  if (!isObject(value)) throw parsingError('Aggregation definition must start with an object', at.of(value));
  return Object.entries(value).map(([name, def]) => {
    if (!isObject(def)) throw parsingError(`Expected [START_OBJECT] under [${name}], but got a [VALUE] in [${name}]`, at.key(value, name));
    let type: AggType | undefined;
    let params: Record<string, Json> = {};
    let subs: Agg[] = [];
    for (const [k, body] of Object.entries(def)) {
      if (k === 'aggs' || k === 'aggregations') {
        subs = parseAggs(body, at);
        continue;
      }
      if (k === 'meta') continue;
      if (type !== undefined) throw parsingError(`Found two aggregation type definitions in [${name}]: [${type}] and [${k}]`, at.key(def, k));
      if (!(METRICS as readonly string[]).includes(k) && !(BUCKETS as readonly string[]).includes(k)) {
        // Since 7.9 a parsing_exception with a hint (elastic/elasticsearch#58255).
        const loc = at.key(def, k);
        throw parsingError(`Unknown aggregation type [${k}]${didYouMean(k, [...METRICS, ...BUCKETS])}`, loc, {
          type: 'named_object_not_found_exception',
          reason: `${loc ? `[${loc.line}:${loc.col}] ` : ''}unknown field [${k}]`,
        });
      }
      type = k as AggType;
      if (!isObject(body)) throw parsingError(`Expected [START_OBJECT] under [${k}], but got a [VALUE] in [${name}]`, at.key(def, k));
      for (const p of Object.keys(body)) {
        if (!PARAMS[type].includes(p)) throw xContentError(`[${type}] unknown field [${p}]`, at.key(body, p));
        // Times here are UTC and buckets start at 0: shifted buckets are not modelled.
        if (p === 'time_zone' || p === 'offset') throw notModelled(type, p);
      }
      params = body;
    }
    if (type === undefined) throw parsingError(`Missing definition for aggregation [${name}]`, at.of(def));
    if (subs.length && (METRICS as readonly string[]).includes(type)) {
      throw errorBody(400, { type: 'aggregation_initialization_exception', reason: `Aggregator [${name}] of type [${type}] cannot accept sub-aggregations` });
    }
    return { name, type, params, subs };
  });
}

interface Run {
  index: string;
  mapping: IndexMapping;
}

const NUMERIC: readonly EsType[] = ['long', 'float', 'double', 'date', 'boolean'];

/** The field an aggregation reads, refusing types Elasticsearch would refuse for it. Undefined: unmapped. */
function aggField(run: Run, agg: Agg): Field | undefined {
  const name = agg.params['field'];
  if (typeof name !== 'string') throw errorBody(400, { type: 'illegal_argument_exception', reason: `Required one of fields [field, script], but none were specified.` });
  const f = run.mapping.field(name);
  if (!f) return undefined;
  if (f.type === 'text') {
    if (agg.type === 'terms' || agg.type === 'cardinality' || agg.type === 'value_count') throw shardFailure(run.index, fielddataDisabled(name));
    throw shardFailure(run.index, { type: 'illegal_argument_exception', reason: `Field [${name}] of type [text] is not supported for aggregation [${agg.type}]` });
  }
  const numericOnly = agg.type === 'avg' || agg.type === 'sum' || agg.type === 'min' || agg.type === 'max' || agg.type === 'histogram';
  if ((numericOnly && !NUMERIC.includes(f.type)) || (agg.type === 'date_histogram' && f.type !== 'date') || f.type === 'object') {
    throw shardFailure(run.index, { type: 'illegal_argument_exception', reason: `Field [${name}] of type [${f.type}] is not supported for aggregation [${agg.type}]` });
  }
  return f;
}

const num = (v: string | number | boolean) => (typeof v === 'boolean' ? (v ? 1 : 0) : Number(v));

function metric(run: Run, agg: Agg, docs: readonly EsDocument[]): Record<string, unknown> {
  const f = aggField(run, agg);
  const missing = agg.params['missing'];
  const values = docs.flatMap((d) => {
    const vs = f ? fieldValues(d.record.fields, f) : [];
    // `missing`: a document without the field counts with this value instead.
    return vs.length === 0 && (typeof missing === 'number' || typeof missing === 'string') ? [Number(missing)] : vs;
  });
  const isDate = f?.type === 'date';
  const withString = (value: number | null) => (isDate && value !== null ? { value, value_as_string: formatDate(value, agg.params['format'] as string | undefined) } : { value });
  switch (agg.type) {
    case 'value_count':
      return { value: values.length };
    case 'cardinality':
      return { value: new Set(values).size };
    case 'sum':
      return withString(values.reduce<number>((s, v) => s + num(v), 0));
    case 'avg':
      return withString(values.length ? values.reduce<number>((s, v) => s + num(v), 0) / values.length : null);
    case 'min':
    case 'max': {
      if (!values.length) return { value: null };
      const ns = values.map(num);
      return withString(agg.type === 'min' ? Math.min(...ns) : Math.max(...ns));
    }
    default:
      return {};
  }
}

const FIXED_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const CALENDAR: Record<string, string> = { minute: 'm', '1m': 'm', hour: 'h', '1h': 'h', day: 'd', '1d': 'd', week: 'w', '1w': 'w', month: 'M', '1M': 'M', quarter: 'q', '1q': 'q', year: 'y', '1y': 'y' };

/** The bucket key function and the step to the next bucket of a date_histogram. */
function dateInterval(agg: Agg): { key: (ms: number) => number; next: (key: number) => number } {
  const fixed = agg.params['fixed_interval'];
  const calendar = agg.params['calendar_interval'];
  if ((fixed === undefined) === (calendar === undefined)) {
    throw errorBody(400, { type: 'illegal_argument_exception', reason: 'Invalid interval specified, must be non-null and non-empty' });
  }
  if (fixed !== undefined) {
    const m = /^(\d+)(ms|s|m|h|d)$/.exec(String(fixed));
    if (!m || Number(m[1]) === 0) throw errorBody(400, { type: 'illegal_argument_exception', reason: `failed to parse setting [date_histogram.fixedInterval] with value [${String(fixed)}] as a time value: unit is missing or unrecognized` });
    const size = Number(m[1]) * FIXED_UNITS[m[2]!]!;
    return { key: (ms) => Math.floor(ms / size) * size, next: (k) => k + size };
  }
  const unit = CALENDAR[String(calendar)];
  if (!unit) throw errorBody(400, { type: 'illegal_argument_exception', reason: `The supplied interval [${String(calendar)}] could not be parsed as a calendar interval.` });
  return { key: (ms) => floorTo(ms, unit), next: (k) => addUnits(k, 1, unit) };
}

function bucketsOf(run: Run, agg: Agg, docs: readonly EsDocument[]): Record<string, unknown> {
  const f = aggField(run, agg);
  const groups = new Map<string | number | boolean, EsDocument[]>();
  const add = (key: string | number | boolean, d: EsDocument) => {
    const list = groups.get(key);
    if (list) {
      if (list[list.length - 1] !== d) list.push(d);
    } else groups.set(key, [d]);
  };
  const sub = (bucketDocs: EsDocument[]) => runAggs(run, agg.subs, bucketDocs);

  if (agg.type === 'terms') {
    const missing = agg.params['missing'];
    for (const d of docs) {
      const vs = f ? fieldValues(d.record.fields, f) : [];
      for (const v of vs) add(v, d);
      if (vs.length === 0 && (typeof missing === 'string' || typeof missing === 'number')) add(missing, d);
    }
    const size = Number(agg.params['size'] ?? 10);
    const minDocCount = Number(agg.params['min_doc_count'] ?? 1);
    const order = isObject(agg.params['order']) ? Object.entries(agg.params['order'])[0] : undefined;
    const [by, dir] = order ? [order[0], String(order[1])] : ['_count', 'desc'];
    const sign = dir === 'asc' ? 1 : -1;
    const cmpKey = (a: string | number | boolean, b: string | number | boolean) => (a < b ? -1 : a > b ? 1 : 0);
    const entries = [...groups].filter(([, ds]) => ds.length >= minDocCount);
    // Elasticsearch breaks doc-count ties by key, ascending.
    entries.sort(([ka, a], [kb, b]) => (by === '_key' ? sign * cmpKey(ka, kb) : sign * (a.length - b.length) || cmpKey(ka, kb)));
    const shown = entries.slice(0, size);
    const other = entries.slice(size).reduce((n, [, ds]) => n + ds.length, 0);
    const buckets = shown.map(([key, ds]) => {
      const head: Record<string, unknown> = f?.type === 'date' ? { key, key_as_string: formatDate(Number(key)) } : f?.type === 'boolean' ? { key: key ? 1 : 0, key_as_string: String(key) } : { key };
      return { ...head, doc_count: ds.length, ...sub(ds) };
    });
    return { doc_count_error_upper_bound: 0, sum_other_doc_count: other, buckets };
  }

  let step: { key: (v: number) => number; next: (k: number) => number };
  if (agg.type === 'date_histogram') step = dateInterval(agg);
  else {
    const interval = Number(agg.params['interval']);
    if (!(interval > 0)) throw errorBody(400, { type: 'illegal_argument_exception', reason: `[interval] must be >0 for histogram aggregation [${agg.name}]` });
    step = { key: (v) => Math.floor(v / interval) * interval, next: (k) => k + interval };
  }
  if (f) for (const d of docs) for (const v of fieldValues(d.record.fields, f)) add(step.key(num(v)), d);
  const minDocCount = Number(agg.params['min_doc_count'] ?? 0);
  const keys = [...groups.keys()].map(Number).sort((a, b) => a - b);
  const all: number[] = [];
  // Empty buckets between the first and the last are part of the answer (min_doc_count 0).
  if (keys.length && minDocCount === 0) for (let k = keys[0]!; k <= keys[keys.length - 1]!; k = step.next(k)) all.push(k);
  else all.push(...keys);
  const format = agg.params['format'] as string | undefined;
  const buckets = all
    .map((key) => ({ key, ds: groups.get(key) ?? [] }))
    .filter(({ ds }) => ds.length >= minDocCount)
    .map(({ key, ds }) => (agg.type === 'date_histogram' ? { key_as_string: formatDate(key, format), key, doc_count: ds.length, ...sub(ds) } : { key, doc_count: ds.length, ...sub(ds) }));
  return { buckets };
}

export function runAggs(run: Run, aggs: readonly Agg[], docs: readonly EsDocument[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const agg of aggs) out[agg.name] = (METRICS as readonly string[]).includes(agg.type) ? metric(run, agg, docs) : bucketsOf(run, agg, docs);
  return out;
}

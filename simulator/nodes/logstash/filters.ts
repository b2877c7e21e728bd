/**
 * The filter stage: the spec's filter plugins compiled into one pure function per event
 * (SEMANTICS §2). Each plugin may carry an `if` conditional. Nothing is dropped unless a
 * `drop` filter says so; failed parses only add tags.
 */
import type { FieldMap, FieldValue, Rec } from '../../core/record.js';
import { LazyRec, withEventTime, withFields } from '../../core/record.js';
import type { LogstashFilterSpec } from '../../spec/schema/logstash.js';
import { EPOCH_MS, isoTimestamp } from '../../workload/clock.js';
import { compileCondition, type Condition } from './conditional.js';
import { compileGrok } from './grok.js';
import { compileDateFormat } from './date-parse.js';
import { copyOf, getField, setField, setFieldMutable, sprintf } from './field-paths.js';
import { FilteredRec } from './filtered-rec.js';

/** The result of filtering one event: the new event, or null if a `drop` removed it. */
export type FilterFn = (rec: Rec, nowMs: number) => Rec | null;

export function addTags(fields: FieldMap, tags: readonly string[]): FieldMap {
  if (tags.length === 0) return fields;
  const existing = fields['tags'];
  const list = Array.isArray(existing) ? [...(existing as readonly string[])] : typeof existing === 'string' ? [existing] : [];
  for (const t of tags) if (!list.includes(t)) list.push(t);
  return Object.assign({}, fields, { tags: list });
}

function grokFilter(spec: Extract<LogstashFilterSpec, { grok: unknown }>['grok']): FilterFn {
  const matchers = Object.entries(spec.match).map(([field, patterns]) => ({
    field,
    groks: (Array.isArray(patterns) ? patterns : [patterns]).map((p) => {
      const g = compileGrok(p);
      // Captures into top-level fields only: one Object.assign writes them all, as setField would one by one.
      return { g, flat: g.captures.every((c) => !c.field.includes('.') && !c.field.includes('[')) };
    }),
  }));
  const only = matchers.length === 1 && matchers[0]!.groks.length === 1 ? { field: matchers[0]!.field, grok: matchers[0]!.groks[0]!.g } : null;
  // `%{COMBINEDAPACHELOG}` alone on `message`: a lazy line may know its captures without its text.
  const combinedOnMessage = only !== null && only.field === 'message' && only.grok.direct;
  return (rec) => {
    if (combinedOnMessage && rec instanceof LazyRec) {
      const parsed = rec.combinedApacheParse();
      if (parsed) return parsed;
    }
    if (only) {
      // One pattern on one field (`%{COMBINEDAPACHELOG}` on `message`, most often): the direct
      // parser, if it takes the line, builds the new event in one go.
      const text = getField(rec.fields, only.field);
      const event = typeof text === 'string' ? only.grok.matchEvent(text, rec.fields) : null;
      if (event) return withFields(rec, event);
    }
    let fields = rec.fields;
    let matched = false;
    // The event's fields are copied once, the first time a pattern is tried; matches write into the copy.
    let copy: Record<string, FieldValue | undefined> | null = null;
    for (const { field, groks } of matchers) {
      const text = getField(fields, field);
      if (typeof text !== 'string') continue;
      for (const { g, flat } of groks) {
        copy ??= copyOf(fields);
        if (flat) {
          if (!g.matchInto(text, copy)) continue;
        } else {
          const captured = g.match(text);
          if (!captured) continue;
          for (const k in captured) copy = setFieldMutable(copy, k, captured[k]) as Record<string, FieldValue | undefined>;
        }
        matched = true;
        fields = copy;
        if (spec.break_on_match) break;
      }
      if (matched && spec.break_on_match) break;
    }
    return matched ? withFields(rec, fields) : withFields(rec, addTags(fields, spec.tag_on_failure));
  };
}

function dateFilter(spec: Extract<LogstashFilterSpec, { date: unknown }>['date']): FilterFn {
  const [source, ...formats] = spec.match as [string, ...string[]];
  const parsers = formats.map(compileDateFormat);
  return (rec) => {
    const raw = getField(rec.fields, source);
    let epochMs: number | null = null;
    if (raw !== undefined && raw !== null) {
      for (const p of parsers) {
        epochMs = p(String(raw));
        if (epochMs !== null) break;
      }
    }
    // Failure: tag it; the target keeps its value — for @timestamp, the ingest time [LS6].
    if (epochMs === null) {
      const tagged = withFields(rec, addTags(rec.fields, spec.tag_on_failure));
      if (spec.target !== '@timestamp') return tagged;
      const ingest = getField(rec.fields, '@timestamp');
      return withEventTime(tagged, typeof ingest === 'string' ? Date.parse(ingest) - EPOCH_MS : rec.eventTimeMs);
    }
    const virtual = epochMs - EPOCH_MS;
    const out = withFields(rec, setField(rec.fields, spec.target, isoCached(virtual)));
    return spec.target === '@timestamp' ? withEventTime(out, virtual) : out;
  };
}

/** Log lines share timestamps (one-second resolution): format each one once. */
let lastIsoMs = Number.NaN;
let lastIso = '';
function isoCached(virtualMs: number): string {
  if (virtualMs !== lastIsoMs) {
    lastIsoMs = virtualMs;
    lastIso = isoTimestamp(virtualMs);
  }
  return lastIso;
}

function convert(value: FieldValue | undefined, to: 'integer' | 'float' | 'string' | 'boolean'): FieldValue | undefined {
  if (value === undefined || value === null) return value;
  switch (to) {
    case 'integer': {
      const n = parseInt(String(value), 10);
      return Number.isNaN(n) ? value : n;
    }
    case 'float': {
      const n = parseFloat(String(value));
      return Number.isNaN(n) ? value : n;
    }
    case 'string':
      return String(value);
    case 'boolean': {
      const s = String(value).toLowerCase();
      return ['true', 't', 'yes', 'y', '1'].includes(s) ? true : ['false', 'f', 'no', 'n', '0'].includes(s) ? false : value;
    }
  }
}

function mutateFilter(spec: Extract<LogstashFilterSpec, { mutate: unknown }>['mutate']): FilterFn {
  return (rec) => {
    let f = rec.fields;
    for (const [from, to] of Object.entries(spec.rename ?? {})) {
      const v = getField(f, from);
      if (v === undefined) continue;
      f = setField(setField(f, from, undefined), to, v);
    }
    for (const [field, to] of Object.entries(spec.convert ?? {})) {
      const v = getField(f, field);
      if (v !== undefined) f = setField(f, field, convert(v, to));
    }
    for (const field of spec.remove_field ?? []) f = setField(f, sprintf(field, f), undefined);
    for (const [field, value] of Object.entries(spec.add_field ?? {})) f = setField(f, sprintf(field, f), sprintf(value, f));
    f = addTags(f, (spec.add_tag ?? []).map((t) => sprintf(t, f)));
    return withFields(rec, f);
  };
}

function jsonFilter(spec: Extract<LogstashFilterSpec, { json: unknown }>['json']): FilterFn {
  return (rec) => {
    const raw = getField(rec.fields, spec.source);
    if (typeof raw !== 'string') return rec;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      return withFields(rec, Object.assign({}, rec.fields, parsed as FieldMap));
    } catch {
      return withFields(rec, addTags(rec.fields, ['_jsonparsefailure']));
    }
  };
}

/** Compiles the whole filter section into one function; conditions apply per plugin. */
export function compileFilters(specs: readonly LogstashFilterSpec[]): FilterFn {
  const stages: { when: Condition | undefined; run: FilterFn }[] = specs.map((s) => {
    if ('grok' in s) return { when: cond(s.grok.if), run: grokFilter(s.grok) };
    if ('date' in s) return { when: cond(s.date.if), run: dateFilter(s.date) };
    if ('mutate' in s) return { when: cond(s.mutate.if), run: mutateFilter(s.mutate) };
    if ('json' in s) return { when: cond(s.json.if), run: jsonFilter(s.json) };
    return { when: cond(s.drop.if), run: () => null };
  });
  const run: FilterFn = (rec, nowMs) => {
    let cur: Rec | null = rec;
    for (const stage of stages) {
      if (stage.when && !stage.when(cur instanceof LazyRec ? cur : cur.fields)) continue;
      cur = stage.run(cur, nowMs);
      if (cur === null) return null;
    }
    return cur;
  };
  return (rec, nowMs) => {
    const out = run(rec, nowMs);
    // A lazy event the filters wrote out as a field map is kept as the event and the filters
    // (filtered-rec.ts): an output may hold it for the rest of the run.
    if (out !== null && out.rid >= 0 && rec instanceof LazyRec && !(out instanceof LazyRec)) return new FilteredRec(rec, run, nowMs, out);
    return out;
  };
}

function cond(src: string | undefined): Condition | undefined {
  return src === undefined ? undefined : compileCondition(src);
}

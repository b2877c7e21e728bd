/**
 * Runs a parsed query against one index's documents: a compiled predicate per query that returns the
 * document's score, or null when it does not match. Scores are not BM25: a matching scoring clause
 * adds 1 (a text `match` the share of its words found), filter context (bool.filter, must_not) adds
 * 0 as in Elasticsearch, so `_score` tells a learner which clauses counted without pretending to
 * relevance ranking.
 */
import type { EsDocument } from '../../nodes/elasticsearch/store.js';
import { analyze, fieldValues, valuesAt, type Field, type IndexMapping } from './mapping.js';
import { resolveDate } from './dates.js';
import { shardFailure, type EsError } from './errors.js';
import type { Query, Scalar } from './query.js';
import type { Json } from './json.js';

export interface EvalContext {
  index: string;
  mapping: IndexMapping;
  /** The run's virtual end as epoch ms: what `now` means in date math. */
  nowMs: number;
}

export type Matcher = (doc: EsDocument) => number | null;

const NEVER: Matcher = () => null;

function badValue(ctx: EvalContext, reason: string): EsError {
  return shardFailure(ctx.index, { type: 'query_shard_exception', reason: `failed to create query: ${reason}`, index: ctx.index });
}

/** A query value in the field's own terms (a number for numeric fields, epoch ms for dates). */
function coerce(ctx: EvalContext, f: Field, v: Scalar, roundUp = false, format?: string): string | number | boolean {
  switch (f.type) {
    case 'long':
    case 'float':
    case 'double': {
      const n = typeof v === 'number' ? v : Number(v);
      if (typeof v === 'boolean' || !Number.isFinite(n) || String(v).trim() === '') throw badValue(ctx, `For input string: "${String(v)}"`);
      return n;
    }
    case 'date': {
      const ms = resolveDate(v as string | number, ctx.nowMs, format, roundUp);
      if (ms === undefined) {
        const fmt = format ?? 'strict_date_optional_time||epoch_millis';
        throw shardFailure(ctx.index, { type: 'parse_exception', reason: `failed to parse date field [${String(v)}] with format [${fmt}]` });
      }
      return ms;
    }
    case 'boolean':
      return v === true || v === 'true';
    default:
      return String(v);
  }
}

/** `minimum_should_match` as a count out of `n` optional clauses: 2, -1, "75%", "-25%". */
export function minimumShouldMatch(spec: Json | undefined, n: number, fallback: number): number {
  if (spec === undefined || spec === null) return fallback;
  const s = String(spec).trim();
  const pct = /^(-?\d+)%$/.exec(s);
  let k: number;
  if (pct) {
    const p = Number(pct[1]);
    k = p < 0 ? n - Math.floor((n * -p) / 100) : Math.floor((n * p) / 100);
  } else {
    const i = Number(s);
    k = i < 0 ? n + i : i;
  }
  return Math.max(0, Math.min(n, k));
}

function hasPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Compiles a query; `scoring` is false inside filter context. Errors that depend on the mapping are thrown here, once. */
export function compile(q: Query, ctx: EvalContext, scoring = true): Matcher {
  const score = scoring ? 1 : 0;
  const fieldOf = (name: string) => ctx.mapping.field(name);
  switch (q.kind) {
    case 'match_all':
      return () => score;
    case 'match_none':
      return NEVER;
    case 'ids': {
      const ids = new Set(q.values);
      return (d) => (ids.has(d.id) ? score : null);
    }
    case 'exists': {
      const f = fieldOf(q.field);
      if (!f) return NEVER;
      if (f.type === 'object') return (d) => (valuesAt(d.record.fields, f.path).length > 0 ? score : null);
      return (d) => (fieldValues(d.record.fields, f).length > 0 ? score : null);
    }
    case 'term':
    case 'terms': {
      const f = fieldOf(q.field);
      if (!f) return NEVER;
      const raw = q.kind === 'term' ? [q.value] : q.values;
      const insensitive = q.kind === 'term' && q.caseInsensitive;
      const wanted = new Set(raw.map((v) => {
        const c = coerce(ctx, f, v);
        return insensitive && typeof c === 'string' ? c.toLowerCase() : c;
      }));
      // The term is not analysed: against a text field it must equal one of the stored lowercase words.
      return (d) => (fieldValues(d.record.fields, f).some((v) => wanted.has(insensitive && typeof v === 'string' ? v.toLowerCase() : v)) ? score : null);
    }
    case 'prefix': {
      const f = fieldOf(q.field);
      if (!f) return NEVER;
      return (d) => (fieldValues(d.record.fields, f).some((v) => String(v).startsWith(q.value)) ? score : null);
    }
    case 'match': {
      const f = fieldOf(q.field);
      if (!f) return NEVER;
      if (f.type !== 'text') {
        // Keyword, numeric and date fields compare the whole query value.
        const want = coerce(ctx, f, q.query);
        return (d) => (fieldValues(d.record.fields, f).includes(want) ? score : null);
      }
      const words = [...new Set(analyze(String(q.query)))];
      if (words.length === 0) return NEVER;
      const need = q.operator === 'and' ? words.length : minimumShouldMatch(q.minimumShouldMatch, words.length, 1);
      return (d) => {
        const have = new Set(fieldValues(d.record.fields, f));
        const n = words.filter((w) => have.has(w)).length;
        return n >= Math.max(1, need) ? (scoring ? n / words.length : 0) : null;
      };
    }
    case 'match_phrase': {
      const f = fieldOf(q.field);
      if (!f) return NEVER;
      if (f.type !== 'text') {
        const want = coerce(ctx, f, q.query);
        return (d) => (fieldValues(d.record.fields, f).includes(want) ? score : null);
      }
      const phrase = analyze(String(q.query));
      // Each value is its own phrase: words of two array elements are not adjacent.
      return (d) => (valuesAt(d.record.fields, f.path).some((v) => hasPhrase(analyze(String(v)), phrase)) ? score : null);
    }
    case 'range': {
      const f = fieldOf(q.field);
      if (!f) return NEVER;
      const bound = (v: Scalar | undefined, roundUp: boolean) => (v === undefined ? undefined : coerce(ctx, f, v, roundUp, q.format));
      const gte = bound(q.gte, false);
      const gt = bound(q.gt, true);
      const lte = bound(q.lte, true);
      const lt = bound(q.lt, false);
      const inRange = (v: string | number | boolean) =>
        (gte === undefined || v >= gte) && (gt === undefined || v > gt) && (lte === undefined || v <= lte) && (lt === undefined || v < lt);
      return (d) => (fieldValues(d.record.fields, f).some(inRange) ? score : null);
    }
    case 'bool': {
      const must = q.must.map((c) => compile(c, ctx, scoring));
      const should = q.should.map((c) => compile(c, ctx, scoring));
      const filter = q.filter.map((c) => compile(c, ctx, false));
      const mustNot = q.mustNot.map((c) => compile(c, ctx, false));
      // With no must or filter clause, at least one should clause has to match (Elasticsearch's default).
      const need = minimumShouldMatch(q.minimumShouldMatch, should.length, must.length + filter.length === 0 && should.length > 0 ? 1 : 0);
      return (d) => {
        let total = 0;
        for (const m of must) {
          const s = m(d);
          if (s === null) return null;
          total += s;
        }
        for (const m of filter) if (m(d) === null) return null;
        for (const m of mustNot) if (m(d) !== null) return null;
        let matched = 0;
        for (const m of should) {
          const s = m(d);
          if (s !== null) {
            matched++;
            total += s;
          }
        }
        return matched >= need ? total : null;
      };
    }
  }
}

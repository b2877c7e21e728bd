/**
 * The batch job's `where`: the same Logstash-style condition language the Flink job uses
 * (compiled by Flink's `where.ts`), so one spec's job reads the same in both layers — even
 * though, as Kreps points out, a real Lambda keeps two codebases that must agree (SEMANTICS §6).
 * Compiled predicates are cached per condition text: a batch job recompiles nothing per run.
 */
import type { Rec } from '../core/record.js';
import { compileWhere as compileCondition } from '../nodes/flink/where.js';

export type RecordFilter = (rec: Rec) => boolean;

const keepAll: RecordFilter = () => true;
const cache = new Map<string, RecordFilter | Error>();

/** A predicate for `where`, or an Error whose message says why the condition cannot be read. */
export function compileWhere(where: string | undefined): RecordFilter | Error {
  if (where === undefined || where.trim() === '') return keepAll;
  let compiled = cache.get(where);
  if (!compiled) {
    try {
      const predicate = compileCondition(where);
      compiled = (rec: Rec) => predicate(rec.fields);
    } catch (e) {
      compiled = e instanceof Error ? e : new Error(String(e));
    }
    cache.set(where, compiled);
  }
  return compiled;
}

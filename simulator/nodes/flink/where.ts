/**
 * The job's `where` filter: a Logstash-style condition (`[status] != "404"`,
 * `[bytes] > 1000 and not [verb] == "HEAD"`, `"_grokparsefailure" in [tags]`), so a learner
 * writes the same conditions in Flink and in the batch job as in Logstash. It is exactly the
 * Logstash conditional language, so it uses the one parser the simulator has for it.
 */
import type { FieldMap } from '../../core/record.js';
import { compileCondition } from '../logstash/conditional.js';

/** Compiles a condition once per job version; throws a readable error on bad syntax. */
export function compileWhere(source: string): (fields: FieldMap) => boolean {
  return compileCondition(source);
}

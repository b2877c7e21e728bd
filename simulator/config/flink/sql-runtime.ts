/**
 * dt-sql-parser (the FlinkSQL grammar and its generated parser classes) is about half of the
 * simulator worker's bundle, and only a workspace with a job.sql needs it. So nothing imports it
 * statically: a browser worker calls `loadFlinkSqlRuntime()` (a dynamic import, its own chunk)
 * before it compiles files that include a `.sql`, and Node programs import `./sql-runtime-node.js`
 * once at start, which provides it synchronously. The parser code reads it through `flinkGrammar()`.
 */
import type { FlinkSQL } from 'dt-sql-parser/dist/parser/flink';
import type * as Grammar from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser';

export interface FlinkSqlRuntime {
  FlinkSQL: typeof FlinkSQL;
  /** The generated parser's context classes (for `instanceof` on expression alternatives). */
  grammar: typeof Grammar;
}

let runtime: FlinkSqlRuntime | undefined;
let loading: Promise<FlinkSqlRuntime> | undefined;

export function provideFlinkSqlRuntime(r: FlinkSqlRuntime): void {
  runtime = r;
}

/** The runtime once provided or loaded; undefined before. */
export function flinkSqlRuntime(): FlinkSqlRuntime | undefined {
  return runtime;
}

/** The generated parser classes; only called while parsing, after parseFlinkSql found the runtime. */
export function flinkGrammar(): typeof Grammar {
  if (!runtime) throw new Error('the Flink SQL parser is not loaded (call loadFlinkSqlRuntime() first)');
  return runtime.grammar;
}

/** Loads dt-sql-parser's Flink grammar on first call (one chunk in the browser). */
export function loadFlinkSqlRuntime(): Promise<FlinkSqlRuntime> {
  if (runtime) return Promise.resolve(runtime);
  loading ??= Promise.all([import('dt-sql-parser/dist/parser/flink'), import('dt-sql-parser/dist/lib/flink/FlinkSqlParser')]).then(([lib, grammar]) => {
    runtime ??= { FlinkSQL: lib.FlinkSQL, grammar };
    return runtime;
  });
  return loading;
}

/** True when `paths` include a Flink SQL file, i.e. compiling them needs the parser. */
export function needsFlinkSql(paths: Iterable<string>): boolean {
  for (const p of paths) if (p.endsWith('.sql')) return true;
  return false;
}

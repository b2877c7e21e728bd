/**
 * Flink as real files: `<host>/config.yaml` (Flink's configuration) and `<host>/job.sql` (the job in
 * Flink SQL). Parse (dt-sql-parser's FlinkSQL grammar, the `yaml` package) → validate (connector
 * and option declarations in connectors.ts, config options in config-yaml.ts) → compile (job.ts)
 * into the internal spec's `type: flink` node, whose Kafka and Elasticsearch addresses the
 * workspace then resolves to its hosts.
 */
import { Problems } from '../shared/issues.js';
import { parseFlinkSql, type SqlScript } from './sql-parse.js';
import { compileJob, type CompiledJob } from './job.js';
import { readFlinkConfigYaml, setFlinkOption, type FlinkConfig } from './config-yaml.js';

export { compileFlinkConfig, warnApproximations, readFlinkConfigYaml, windowLatenessMs, type FlinkConfig } from './config-yaml.js';
export type { CompiledJob, CompiledSink, CompiledSource } from './job.js';

export interface FlinkSqlResult { problems: Problems; script?: SqlScript; compiled?: CompiledJob }

/** Checks and compiles job.sql; its SET lines are added to `config` (they override config.yaml). */
export function checkFlinkSql(text: string, file: string, config: FlinkConfig = new Map()): FlinkSqlResult {
  const problems = new Problems(file);
  const script = parseFlinkSql(text, problems);
  if (!script) return { problems };
  for (const set of script.sets) setFlinkOption(set.key, set.value, set.keyLoc, set.valueLoc, problems, config);
  const compiled = compileJob(script, text, problems);
  return { problems, script, ...(compiled ? { compiled } : {}) };
}

/** Checks config.yaml on its own. */
export function checkFlinkConfigYaml(text: string, file: string): Problems {
  const problems = new Problems(file);
  readFlinkConfigYaml(text, problems);
  return problems;
}

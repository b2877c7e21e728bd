/** Logstash: parse (grammar.peggy) → check (plugin declarations) → compile (internal spec parts). */
import { Problems } from '../shared/issues.js';
import { parseLogstashConfig } from './parse.js';
import { checkPipeline, type CheckedPlugin } from './validate.js';
import { compilePipeline, type CompiledPipeline } from './compile.js';

export { parseLogstashConfig } from './parse.js';
export { readLogstashYml, LOGSTASH_SETTINGS } from './settings.js';
export type { CompiledPipeline, CompiledOutputs, Listener } from './compile.js';

export interface LogstashPipelineResult {
  problems: Problems;
  plugins: CheckedPlugin[];
  /** Absent when the file has syntax errors. */
  compiled?: CompiledPipeline;
}

/** One pipeline file, checked and compiled; several `*.conf` files are concatenated first, as Logstash does. */
export function checkLogstashPipeline(text: string, file: string): LogstashPipelineResult {
  const problems = new Problems(file);
  const parsed = parseLogstashConfig(text, file);
  if (!parsed.ok) {
    problems.list.push(parsed.error);
    return { problems, plugins: [] };
  }
  const plugins = checkPipeline(parsed.config, problems);
  const compiled = compilePipeline(plugins, problems);
  return { problems, plugins, compiled };
}

/**
 * Parallelism in Flink's config.yaml and SQL SET lines: `parallelism.default`,
 * `table.exec.resource.default-parallelism` (the SQL job's operators; -1 = parallelism.default) and
 * `pipeline.max-parallelism`, as Flink's configuration reference documents them.
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/config/
 */
import { describe, expect, it } from 'vitest';
import { checkFlinkSql, compileFlinkConfig, readFlinkConfigYaml, type FlinkConfig } from '../../../simulator/config/flink/index.js';
import { Problems } from '../../../simulator/config/shared/issues.js';

const compile = (yaml: string) => {
  const p = new Problems('counter/config.yaml');
  const config = readFlinkConfigYaml(yaml, p);
  const spec = compileFlinkConfig(config);
  return { parallelism: spec['parallelism.default'], max: spec['pipeline.max-parallelism'], problems: p.list.map((i) => `${i.severity} ${i.line}: ${i.message}`) };
};

describe('parallelism in config.yaml', () => {
  it('unset: nothing reaches the spec (Flink default 1)', () => {
    expect(compile('execution.checkpointing.interval: 5 s\n')).toEqual({ parallelism: undefined, max: undefined, problems: [] });
  });
  it('parallelism.default and pipeline.max-parallelism are simulated', () => {
    expect(compile('parallelism.default: 4\npipeline.max-parallelism: 64\n')).toEqual({ parallelism: 4, max: 64, problems: [] });
  });
  it('table.exec.resource.default-parallelism above 0 wins for the SQL job; -1 falls back to parallelism.default', () => {
    expect(compile('parallelism.default: 2\ntable.exec.resource.default-parallelism: 6\n').parallelism).toBe(6);
    expect(compile('parallelism.default: 2\ntable.exec.resource.default-parallelism: -1\n').parallelism).toBe(2);
  });
  it('refuses a parallelism of 0 and a max parallelism below the parallelism', () => {
    expect(compile('parallelism.default: 0\n').problems).toEqual(['error 1: parallelism.default 0 is out of range: the parallelism must be at least 1 and at most 32768']);
    expect(compile('parallelism.default: 4\npipeline.max-parallelism: 2\n').problems).toEqual(['error 2: pipeline.max-parallelism 2 is below the parallelism 4: a subtask needs at least one key group']);
  });
  it("a job.sql SET line sets it too (SET 'parallelism.default' = '4')", () => {
    const config: FlinkConfig = new Map();
    checkFlinkSql("SET 'parallelism.default' = '4';\n", 'counter/job-v2.sql', config);
    expect(compileFlinkConfig(config)['parallelism.default']).toBe(4);
  });
});

/**
 * Flink parallelism against Kafka partitions (issue #24), through the real run path.
 *
 * Flink docs, "Parallel Execution": each operator runs as `parallelism` subtasks; the Kafka source
 * (KafkaSourceEnumerator.getSplitOwner) gives each partition to exactly one source subtask, so
 * with more subtasks than partitions the extra ones are idle.
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/datastream/execution/parallel/
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/kafka/
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runYaml } from './flink-helpers.js';

const base = readFileSync(new URL('../../examples/scaling-flink-parallelism.yaml', import.meta.url), 'utf8');
const withParallelism = (p: number) => base.replace(/^    parallelism.default: 1$/m, `    parallelism.default: ${p}`);
const delivered = (p: number) => {
  const out = runYaml(withParallelism(p)).result.outputs['kafka/out']!;
  return { exactlyOnce: out.exactlyOnce, inFlight: out.inFlight, lost: out.lost, duplicated: out.duplicated };
};

describe('parallelism divides per-record processing time across subtasks (5 ms/record, 400 records/s, 4 partitions)', () => {
  it('one subtask keeps up with 200/s only: most records are still in flight after 10 s', () => {
    expect(delivered(1)).toEqual({ exactlyOnce: 1401, inFlight: 2599, lost: 0, duplicated: 0 });
  });
  it('two subtasks, two partitions each, keep up with the workload', () => {
    expect(delivered(2)).toEqual({ exactlyOnce: 3201, inFlight: 799, lost: 0, duplicated: 0 });
  });
  it('eight subtasks over four partitions do exactly as well as four: four subtasks are idle', () => {
    expect(delivered(8)).toEqual(delivered(4));
    expect(delivered(4)).toEqual({ exactlyOnce: 3282, inFlight: 718, lost: 0, duplicated: 0 });
  });
  it('the example as written (parallelism 1) keeps its byte-identical single-task timing', () => {
    expect(runYaml(base).result.outputs['kafka/out']!.exactlyOnce).toBe(1401);
  });
});

/**
 * Flink subtasks (issue #24), through the real run path: keyed state per subtask, a hot key, idle
 * source subtasks and their watermark, rescaling from a savepoint.
 *
 * Flink docs:
 * - "keyBy": records with the same key go to the same parallel instance, which holds that key's state;
 *   KeyGroupRangeAssignment maps key → key group (murmur hash of hashCode mod max parallelism) →
 *   subtask (keyGroup × parallelism / maxParallelism).
 *   https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/datastream/operators/overview/#keyby
 * - "Savepoints": a job can be stopped with a savepoint and resumed from it with another parallelism;
 *   keyed state is redistributed by key group, the max parallelism stays.
 *   https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/savepoints/
 * - Kafka connector, "Idleness": the Kafka source does not go idle by itself when the parallelism is
 *   above the number of partitions; lower the parallelism or set an idle timeout.
 *   https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/kafka/#idleness
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runYaml } from './flink-helpers.js';
import { FACTORIES } from '../../simulator/nodes/registry.js';
import type { FlinkNode } from '../../simulator/nodes/flink/flink-node.js';
import type { SubtaskView } from '../../simulator/nodes/flink/subtasks.js';

const hotKey = readFileSync(new URL('../../examples/flink-hot-key.yaml', import.meta.url), 'utf8');
const rescale = readFileSync(new URL('../../examples/flink-rescale-savepoint.yaml', import.meta.url), 'utf8');

interface FlinkState {
  instances: { status: string; lag: number; operators: { watermark: number; subtasks?: SubtaskView[]; idleSourceSubtasks?: number } }[];
}
const run = (yaml: string) => {
  const h = runYaml(yaml);
  const es = h.result.outputs['es']!;
  const flink = (h.result.state as Record<string, FlinkState>)['flink']!.instances[0]!;
  const log = h.result.log.filter((l) => l.source === 'flink').map((l) => l.text);
  return { es: { exactlyOnce: es.exactlyOnce, inFlight: es.inFlight, lost: es.lost, duplicated: es.duplicated }, flink, log };
};
const perSubtask = (rows: readonly SubtaskView[] | undefined, field: keyof SubtaskView) => (rows ?? []).map((r) => r[field]);

describe('keyBy sends a key to the subtask owning its key group; a hot key pins that subtask', () => {
  it('status codes over 4 subtasks and 128 key groups: 200, 500, 503 share subtask 2, 404 and 301 subtask 0, 304 subtask 3, subtask 1 gets none', () => {
    const { flink } = run(hotKey);
    const rows = flink.operators.subtasks!;
    expect(rows.map((r) => [r.keyGroups.start, r.keyGroups.end])).toEqual([[0, 31], [32, 63], [64, 95], [96, 127]]);
    expect(perSubtask(rows, 'partitions')).toEqual([[3], [0], [1], [2]]);
    expect(perSubtask(rows, 'recordsIn')).toEqual([1124, 0, 6247, 629]);
    expect(perSubtask(rows, 'busyTimeMs')).toEqual([4496, 0, 24988, 2516]);
  });
  it('the hot subtask sets the pace: keyed by status fewer windows are out by the end than keyed by clientip, spread over all four', () => {
    expect(run(hotKey).es).toEqual({ exactlyOnce: 4000, inFlight: 4000, lost: 0, duplicated: 0 });
    const spread = run(hotKey.replace('key-by: status', 'key-by: clientip'));
    expect(spread.es).toEqual({ exactlyOnce: 6000, inFlight: 2000, lost: 0, duplicated: 0 });
    expect(perSubtask(spread.flink.operators.subtasks, 'recordsIn')).toEqual([1949, 2036, 2007, 2008]);
  });
  it('parallelism 1 keeps the single-task model: no per-subtask view in the state', () => {
    expect(run(hotKey.replace('parallelism.default: 4', 'parallelism.default: 1')).flink.operators.subtasks).toBeUndefined();
  });
});

describe('more source subtasks than partitions: the idle subtasks hold back the watermark', () => {
  const idle = hotKey.replace('processing-time: 4ms', 'processing-time: 0ms');
  it('8 subtasks over 4 partitions: 4 subtasks read nothing, the watermark never moves, no window fires', () => {
    const { es, flink } = run(idle.replace('parallelism.default: 4', 'parallelism.default: 8'));
    expect(flink.operators.idleSourceSubtasks).toBe(4);
    expect(flink.operators.watermark).toBe(Number.NEGATIVE_INFINITY);
    expect(es).toEqual({ exactlyOnce: 0, inFlight: 8000, lost: 0, duplicated: 0 });
  });
  it('an idle timeout (table.exec.source.idle-timeout / withIdleness) lets the windows fire, as does parallelism 4', () => {
    const timeout = run(idle.replace('parallelism.default: 4', 'parallelism.default: 8').replace('source: { node: kafka, topic: logs }', 'source: { node: kafka, topic: logs, idleness: 3s }'));
    const four = run(idle);
    expect(timeout.es).toEqual(four.es);
    expect(four.es).toEqual({ exactlyOnce: 6000, inFlight: 2000, lost: 0, duplicated: 0 });
  });
});

describe('rescaling from a savepoint redistributes the key groups: nothing lost, nothing repeated', () => {
  it('2 → 4 subtasks at 7 s: the savepoint holds each subtask\'s key groups, the restored job spreads them over four', () => {
    const { es, log } = run(rescale);
    expect(es).toEqual({ exactlyOnce: 3000, inFlight: 1000, lost: 0, duplicated: 0 });
    expect(log.filter((l) => /savepoint|parallelism/.test(l))).toEqual([
      'job stopped with savepoint 2 at offsets {"p3":319,"p1":326,"p0":330,"p2":325}; subtask 0: key groups 0-63, 2 keys, 4 window cells; subtask 1: key groups 64-127, 4 keys, 8 window cells',
      'job restored from savepoint 2: sources rewound to {"p3":319,"p1":326,"p0":330,"p2":325}',
      'job runs with parallelism 4; subtask 0: key groups 0-31, 2 keys, 4 window cells; subtask 1: key groups 32-63, 0 keys, 0 window cells; subtask 2: key groups 64-95, 3 keys, 6 window cells; subtask 3: key groups 96-127, 1 key, 2 window cells',
      'deployed job version v2 from savepoint 2: parallelism 2 → 4',
    ]);
  });
  it('ends with the same outputs as the job that was never rescaled', () => {
    expect(run(rescale).es).toEqual(run(rescale.replace(/^    deploy: .*$/m, '')).es);
  });
  it('a parallelism above pipeline.max-parallelism is refused: the job stays stopped with its savepoint', () => {
    const { flink, log } = run(rescale.replace('parallelism.default: 2', 'parallelism.default: 2\n    pipeline.max-parallelism: 2'));
    expect(flink.status).toBe('savepointed');
    expect(log.some((l) => l.includes('the maximum parallelism (2) of the restored state is lower than the configured parallelism (4)'))).toBe(true);
  });
});

describe('a restart without the savepoint (flink run -p 4, no -s) at 12 s, after the first windows were written', () => {
  const original = FACTORIES.flink;
  afterEach(() => {
    FACTORIES.flink = original;
  });
  const restartWithoutState = (source: string, sink = 'document-id: "{key}-{window.start}"') => {
    FACTORIES.flink = (id, spec, ctx) => {
      original(id, spec, ctx);
      const node = ctx.sim.nodes().find((n) => n.address === id) as FlinkNode;
      ctx.sim.at(12_000, () => node.stopWithSavepoint(() => node.runWithoutState(4)));
    };
    const yaml = rescale.replace(/^    deploy: .*$/m, '').replace('source: { node: kafka, topic: logs }', `source: { node: kafka, topic: logs, ${source} }`).replace('document-id: "{key}-{window.start}"', sink);
    return run(yaml).es;
  };
  it('from the committed offsets (SQL group-offsets): the open windows\' records are gone', () => {
    expect(restartWithoutState('starting-offsets: committed, group.id: counter')).toEqual({ exactlyOnce: 2096, inFlight: 1000, lost: 904, duplicated: 0 });
  });
  it('from the earliest offset: every window is computed again, and without document ids written twice', () => {
    expect(restartWithoutState('starting-offsets: earliest', '')).toEqual({ exactlyOnce: 2000, inFlight: 1000, lost: 0, duplicated: 1000 });
  });
  it('from the savepoint instead: nothing lost, nothing twice', () => {
    FACTORIES.flink = (id, spec, ctx) => {
      original(id, spec, ctx);
      const node = ctx.sim.nodes().find((n) => n.address === id) as FlinkNode;
      ctx.sim.at(12_000, () => node.stopWithSavepoint(() => node.restoreFromSavepoint(4)));
    };
    expect(run(rescale.replace(/^    deploy: .*$/m, '').replace('document-id: "{key}-{window.start}"', '')).es).toEqual({ exactlyOnce: 3000, inFlight: 1000, lost: 0, duplicated: 0 });
  });
});

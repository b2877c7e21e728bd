/**
 * Flink's keyBy routing and Kafka split assignment, reproduced bit for bit.
 *
 * Expected values were computed by running Flink's own formulas in a JVM (Java int arithmetic,
 * java.lang.String.hashCode, Integer.rotateLeft):
 * - KeyGroupRangeAssignment / MathUtils.murmurHash (apache/flink, flink-runtime state package);
 *   docs: https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/datastream/fault-tolerance/state/#keyed-state
 *   and "Set an explicit max parallelism" in the production-readiness checklist (default 128).
 * - KafkaSourceEnumerator.getSplitOwner (apache/flink-connector-kafka): round-robin from a
 *   topic-derived start subtask; docs: https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/kafka/
 */
import { describe, expect, it } from 'vitest';
import {
  defaultMaxParallelism,
  flinkMurmurHash,
  javaStringHashCode,
  keyGroupForKey,
  keyGroupRangeForSubtask,
  subtaskForKey,
} from '../../../simulator/nodes/flink/key-groups.js';
import { partitionsBySubtask, splitOwner } from '../../../simulator/nodes/flink/split-owner.js';

describe('Flink key groups (KeyGroupRangeAssignment)', () => {
  it('hashes ints as MathUtils.murmurHash does', () => {
    expect(flinkMurmurHash(2)).toBe(1085422463);
    expect(flinkMurmurHash(-1)).toBe(1982413648);
    expect(flinkMurmurHash(0)).toBe(593689054);
  });

  it('uses java.lang.String.hashCode over UTF-16 code units', () => {
    expect(javaStringHashCode('user-1')).toBe(-836031825);
    expect(javaStringHashCode('héllo')).toBe(103094734);
    expect(javaStringHashCode('😀')).toBe(1772899);
    expect(javaStringHashCode('')).toBe(0);
  });

  it('routes keys to key groups and subtasks like a JVM does', () => {
    const cases: [string, number, number, number][] = [
      // key, key group (max parallelism 128), subtask at parallelism 4, at parallelism 3
      ['user-1', 121, 3, 2],
      ['user-2', 22, 0, 0],
      ['user-3', 40, 1, 0],
      ['user-42', 20, 0, 0],
      ['checkout', 126, 3, 2],
      ['', 94, 2, 2],
    ];
    for (const [key, group, at4, at3] of cases) {
      expect(keyGroupForKey(key, 128), key).toBe(group);
      expect(subtaskForKey(key, 128, 4), key).toBe(at4);
      expect(subtaskForKey(key, 128, 3), key).toBe(at3);
    }
  });

  it('defaults max parallelism to 128, or 1.5 × parallelism rounded up to a power of two, capped at 32768', () => {
    expect(defaultMaxParallelism(1)).toBe(128);
    expect(defaultMaxParallelism(85)).toBe(128);
    expect(defaultMaxParallelism(86)).toBe(256);
    expect(defaultMaxParallelism(200)).toBe(512);
    expect(defaultMaxParallelism(30000)).toBe(32768);
  });

  it('splits key groups into contiguous ranges, and every key lands in its subtask’s range', () => {
    expect([0, 1, 2].map((s) => keyGroupRangeForSubtask(128, 3, s))).toEqual([
      { start: 0, end: 42 },
      { start: 43, end: 85 },
      { start: 86, end: 127 },
    ]);
    for (const p of [1, 2, 3, 5, 8]) {
      for (let i = 0; i < 200; i++) {
        const key = `k${i}`;
        const range = keyGroupRangeForSubtask(128, p, subtaskForKey(key, 128, p));
        const group = keyGroupForKey(key, 128);
        expect(group >= range.start && group <= range.end, `${key} at p=${p}`).toBe(true);
      }
    }
  });

  it('refuses a parallelism above the max parallelism', () => {
    expect(() => keyGroupRangeForSubtask(4, 8, 0)).toThrow(RangeError);
  });
});

describe('Kafka source split owner (KafkaSourceEnumerator.getSplitOwner)', () => {
  it('assigns partitions round-robin from a topic-derived start', () => {
    const owners = (topic: string, n: number) => [0, 1, 2, 3, 4, 5].map((p) => splitOwner(topic, p, n));
    expect(owners('events', 4)).toEqual([3, 0, 1, 2, 3, 0]);
    expect(owners('orders', 6)).toEqual([3, 4, 5, 0, 1, 2]);
    expect(owners('access-logs', 3)).toEqual([1, 2, 0, 1, 2, 0]);
    expect(owners('orders', 8)).toEqual([3, 4, 5, 6, 7, 0]);
  });

  it('leaves subtasks idle when parallelism exceeds partitions', () => {
    // 6 partitions of "orders" over 8 readers: subtasks 1 and 2 own nothing.
    expect(partitionsBySubtask('orders', 6, 8)).toEqual([[5], [], [], [0], [1], [2], [3], [4]]);
  });
});

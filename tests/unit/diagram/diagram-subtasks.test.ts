/**
 * A parallel Flink job in the diagram: one part per subtask with the partitions its source subtask reads
 * (KafkaSourceEnumerator.getSplitOwner) and the key groups it owns (KeyGroupRangeAssignment).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { diagramOf } from '../../../simulator/diagram/model.js';

const yaml = readFileSync(new URL('../../../examples/flink-hot-key.yaml', import.meta.url), 'utf8');
const flinkNode = (text: string) => {
  const r = parseSpec(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return diagramOf(r.spec).nodes.find((n) => n.id === 'flink')!;
};

describe('Flink subtasks in the diagram model', () => {
  it('four subtasks over four partitions: each reads one, and owns a quarter of the 128 key groups', () => {
    const node = flinkNode(yaml);
    expect(node.settings).toEqual(['checkpoints: EXACTLY_ONCE']);
    expect(node.parts.filter((p) => p.kind === 'subtask').map((p) => [p.id, p.reads, p.keyGroups])).toEqual([
      ['flink~subtask-0', [3], [0, 31]],
      ['flink~subtask-1', [0], [32, 63]],
      ['flink~subtask-2', [1], [64, 95]],
      ['flink~subtask-3', [2], [96, 127]],
    ]);
  });
  it('six subtasks over four partitions: two read nothing', () => {
    const subtasks = flinkNode(yaml.replace('parallelism.default: 4', 'parallelism.default: 6')).parts.filter((p) => p.kind === 'subtask');
    expect(subtasks.map((p) => p.reads)).toEqual([[1], [2], [3], [], [], [0]]);
  });
  it('parallelism 1 draws the operator chain only, as before', () => {
    const node = flinkNode(yaml.replace('parallelism.default: 4', 'parallelism.default: 1'));
    expect(node.parts.every((p) => p.kind === 'operator')).toBe(true);
    expect(node.settings).toEqual(['checkpoints: EXACTLY_ONCE']);
  });
});

/** world.yaml `processing-time:` — a Flink host's per-record cost, checked against the workspace's Flink hosts. */
import { describe, expect, it } from 'vitest';
import { applyWorldProcessingTime } from '../../../simulator/config/workspace/world-processing.js';
import { readYaml } from '../../../simulator/spec/parse.js';
import type { SpecIssue } from '../../../simulator/spec/issues.js';

function apply(text: string) {
  const read = readYaml(text, 'world.yaml');
  if (!read.ok) throw new Error('bad yaml');
  const nodes: Record<string, Record<string, unknown>> = { counter: { type: 'flink' }, kafka: { type: 'kafka' } };
  const issues: SpecIssue[] = [];
  applyWorldProcessingTime(read.data as Record<string, unknown>, read.map, nodes, issues);
  return { nodes, issues: issues.map((i) => `${i.line}:${i.column}: ${i.message}`) };
}

describe('world.yaml processing-time', () => {
  it('sets the Flink node\'s processing-time', () => {
    expect(apply('processing-time:\n  counter: 4ms\n').nodes.counter!['processing-time']).toBe(4);
  });

  it('refuses a host without a Flink job, and what is not a duration, at their place', () => {
    expect(apply('processing-time:\n  kafka: 4ms\n').issues).toEqual(['2:10: kafka runs no Flink job']);
    expect(apply('processing-time:\n  counter: fast\n').issues[0]).toMatch(/^2:12: /);
  });
});

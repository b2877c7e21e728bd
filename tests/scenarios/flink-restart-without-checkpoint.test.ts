/**
 * A Flink job without checkpointing that restarts runs its offsets initializer again
 * (`starting-offsets: latest`): what arrived while it was down is never read. The ledger must
 * say where those records went — lost at the job — not leave them unexplained.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../simulator/run/run.js';
import { specOf } from '../support/specs.js';

const spec = (startingOffsets: string, checkpoint: string) => `
duration: 20s
drain: 30s
workload: { rate: 50/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, topics: { logs: { partitions: 1 } } }
  job:
    type: flink
    source: { node: kafka, topic: logs, starting-offsets: ${startingOffsets} }
    ${checkpoint}
    sink: { elasticsearch: { node: es, index: raw, bulk.flush.interval: 1s } }
  es: { type: elasticsearch }
faults:
  - { crash: job, at: 5s, restart-after: 5s }
`;

describe('a Flink job restarting without a checkpoint', () => {
  it('skips what arrived while it was down with starting-offsets latest, and the ledger names the job', () => {
    const es = runSync(specOf(spec('latest', ''))).result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(200);
    expect(es.lostAt['job']).toBe(es.lost);
    expect(es.lostAt['unknown']).toBeUndefined();
  });

  it('counter-test: with checkpoints it rewinds to the last completed one and loses nothing', () => {
    const es = runSync(specOf(spec('latest', 'execution.checkpointing.interval: 1s'))).result.outputs['es']!;
    expect(es.lost).toBe(0);
  });
});

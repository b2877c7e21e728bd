/**
 * SEMANTICS-2 §3 scenario 3 (correcting SEMANTICS §8.1): Filebeat is killed 0.5 s after
 * 100 lines were acknowledged by Elasticsearch, before its registry flush wrote their offsets.
 * On restart it reads those 100 lines again. `add_id` made their ids when the first process
 * created the events, so the new process gives them new ids and Elasticsearch keeps both
 * copies; `fingerprint` hashes origin and content, so the re-read overwrites.
 */
import { describe, it, expect } from 'vitest';
import { run } from '../unit/collectors/helpers.js';

// Lines are read once a second; the registry is flushed at 5 s (lines 0–499) and not again
// before the crash at 5.5 s, by which time lines 500–599 have been indexed and acknowledged.
const restart = (processor: string) => `duration: 10s
drain: 60s
workload: { rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: es, index: logs, processors: [${processor}], filebeat.registry.flush: 5s }
  es: { type: elasticsearch }
faults:
  - { crash: filebeat, at: 5500ms, restart-after: 500ms }
`;

describe('add_id vs fingerprint across a Filebeat restart (SEMANTICS-2 §3 scenario 3)', () => {
  it('add_id: the 100 re-read lines get new ids, so Elasticsearch holds them twice', () => {
    const es = run(restart('add_id')).result.outputs['es']!;
    expect(es.documents).toBe(1100);
    expect(es.duplicated).toBe(100);
    expect(es.duplicatedAt).toEqual({ filebeat: 100 });
    expect(es['versionsAbove1']).toBe(0);
    expect(es.lost).toBe(0);
  });

  it('fingerprint: the re-read lines carry the same ids and overwrite (100 documents at _version 2)', () => {
    const es = run(restart('fingerprint')).result.outputs['es']!;
    expect(es.documents).toBe(1000);
    expect(es.exactlyOnce).toBe(1000);
    expect(es.duplicated).toBe(0);
    expect(es['versionsAbove1']).toBe(100);
  });

  it('the last processor listed writes @metadata._id, as in Filebeat’s processor chain', () => {
    expect(run(restart('fingerprint, add_id')).result.outputs['es']!.documents).toBe(1100);
    expect(run(restart('add_id, fingerprint')).result.outputs['es']!.documents).toBe(1000);
  });
});

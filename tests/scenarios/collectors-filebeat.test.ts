/** SEMANTICS §8 scenarios 1 and 2: Filebeat's registry, resends and backpressure. */
import { describe, it, expect } from 'vitest';
import { run, esStore, series, beatsLogstashEs } from '../unit/collectors/helpers.js';

// Batches leave Filebeat at every read (each second); a 200 ms link each way keeps
// the batch sent at 5 s unacknowledged when Filebeat is killed at 5.1 s.
const killBeforeAck = (ids: boolean | 'fingerprint') =>
  beatsLogstashEs({
    queue: 'memory',
    ids,
    files: 1,
    faults: ['{ link: filebeat->logstash, delay: 200ms }', '{ crash: filebeat, at: 5100ms, restart-after: 900ms }'],
  });

describe('§8.1 Filebeat killed after sending a batch, before Logstash\'s ACK', () => {
  it('auto ids: the batch is delivered twice, two documents per line, nothing lost', () => {
    const h = run(killBeforeAck(false));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
    // The batch read at 5 s holds the 100 lines written in (4 s, 5 s].
    expect(es.duplicated).toBe(100);
    expect(es.extraCopies).toBe(100);
    expect(es.exactlyOnce).toBe(900);
    expect(es['documents']).toBe(1100);
    expect(es.duplicatedAt).toEqual({ filebeat: 100 });
  });

  // SEMANTICS-2 §3 corrects §8 scenario 1: "one document, _version 2" needs an id that survives the
  // restart — fingerprint. add_id's id was made by the killed process; the re-read lines get new ones.
  it('add_id as document id: the re-read batch gets new ids, so two documents per line again', () => {
    const h = run(killBeforeAck(true));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.duplicated).toBe(100);
    expect(es.duplicatedAt).toEqual({ filebeat: 100 });
    expect(es['documents']).toBe(1100);
    expect(es['versionsAbove1']).toBe(0);
  });

  it('fingerprint as document id: one document per line, _version 2 for the resent batch', () => {
    const h = run(killBeforeAck('fingerprint'));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.duplicated).toBe(0);
    expect(es.exactlyOnce).toBe(1000);
    expect(es['documents']).toBe(1000);
    expect(es['versionsAbove1']).toBe(100);
    const versions = new Map<number, number>();
    esStore(h).documents('logs', (d) => versions.set(d.record.rid, d.version));
    expect(versions.get(450)).toBe(2);
    expect(versions.get(350)).toBe(1);
    expect(Math.max(...versions.values())).toBe(2);
  });
});

describe('§8.2 Logstash unreachable for 10 min, no rotation', () => {
  const yaml = beatsLogstashEs({
    duration: '60s',
    drain: '900s',
    faults: ['{ partition: [logstash], from: 5s, to: 605s }'],
  });
  const h = run(yaml);

  it('the Filebeat queue fills to queue.mem.events (3200) and reading pauses', () => {
    const fill = series(h, 'filebeat', 'queueFill', 60_000, 600_000);
    expect(fill.length).toBeGreaterThan(100);
    expect(fill.every((v) => v === 3200)).toBe(true);
    const read = series(h, 'filebeat', 'linesRead', 60_000, 600_000);
    expect(new Set(read).size).toBe(1);
  });

  it('the registry is frozen while Logstash is unreachable', () => {
    const registry = series(h, 'filebeat', 'registryFlushedLines', 7_000, 604_000);
    expect(new Set(registry).size).toBe(1);
    expect(registry[0]).toBeLessThanOrEqual(500);
  });

  it('after recovery every line arrives, none lost; duplicates only from batches in flight at the cut', () => {
    const es = h.result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
    expect(es.exactlyOnce + es.duplicated).toBe(6000);
    // At most the pipelining window (2 batches) was in flight when the partition began.
    expect(es.duplicated).toBeLessThanOrEqual(2 * 2048);
  });
});

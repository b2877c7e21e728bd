/**
 * Audit (SEMANTICS §3 "Log model", MISCONCEPTIONS 5) through the real run path: Kafka keeps data by
 * time (`retention.ms`), not until it is consumed. A consumer down longer than retention finds its
 * committed offset below the log start (OFFSET_OUT_OF_RANGE) and falls back to
 * `auto.offset.reset`: `latest` jumps to the end (a gap, and lag reads 0), `earliest` to the new log
 * start (only the deleted records are missing). And the group's committed offsets themselves expire
 * after `offsets.retention.minutes` without members.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';

/**
 * Retention deletes whole segments at retention checks (30 s after the broker starts, then every
 * log.retention.check.interval.ms): the topic rolls a segment every 2 s and the broker checks every
 * second, so a record goes about retention.ms after its segment's newest one, from 30 s on. The
 * indexer is down 5 s → 35 s by default, past the first check.
 */
const spec = (reset: string, opts: { retention?: string; offsetsRetention?: number; down?: string; duration?: string; compact?: boolean; segment?: string } = {}) => `
duration: ${opts.duration ?? '40s'}
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka:
    type: kafka
    brokers: 1
    group.initial.rebalance.delay.ms: 0
    log.retention.check.interval.ms: 1s
${opts.offsetsRetention ? `    offsets.retention.minutes: ${opts.offsetsRetention}\n` : ''}    topics:
      logs: { partitions: 1, retention.ms: ${opts.retention ?? '10s'}, segment.ms: ${opts.segment ?? '2s'}${opts.compact ? ', cleanup.policy: compact' : ''} }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: false, auto.offset.reset: ${reset}, session.timeout.ms: 6s }
    commit: after-processing
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { crash: indexer, at: 5s, restart-after: ${opts.down ?? '30s'} }
`;

const lastLag = (h: ReturnType<typeof runYaml>) => h.result.samples[h.result.samples.length - 1]!.stages['indexer']!['lag'];

describe('retention.ms shorter than a consumer outage (MISCONCEPTIONS 5)', () => {
  it('auto.offset.reset latest: skips to the log end — records missing, lag reads 0', () => {
    const h = runYaml(spec('latest'));
    const out = h.result.outputs['es']!;
    const log = h.result.log.map((l) => l.text);
    expect(log.some((t) => t.includes('out of range') && t.includes('auto.offset.reset=latest'))).toBe(true);
    expect(h.result.log.some((l) => l.source === 'kafka/broker-1' && l.text.includes('retention deleted'))).toBe(true);
    // Records deleted by retention plus the retained ones the reset jumped over.
    expect(out.lost).toBeGreaterThan(1500);
    expect(out.duplicated).toBe(0);
    expect(out.inFlight).toBe(0);
    expect(lastLag(h)).toBe(0);
  });

  it('auto.offset.reset earliest: resumes at the new log start — only what retention deleted is missing', () => {
    const latest = runYaml(spec('latest')).result.outputs['es']!;
    const h = runYaml(spec('earliest'));
    const out = h.result.outputs['es']!;
    expect(h.result.log.some((l) => l.text.includes('auto.offset.reset=earliest'))).toBe(true);
    expect(out.lost).toBeGreaterThan(500); // the hole: deleted before anyone read it
    expect(out.lost).toBeLessThan(latest.lost);
    expect(out.lostAt['kafka']).toBe(out.lost);
    expect(lastLag(h)).toBe(0);
  });

  it('retention.ms of seconds with the default segment.ms (7 days): the active segment keeps every record, nothing is deleted', () => {
    // Kafka deletes a segment only once its newest record is older than retention.ms; the only segment is
    // still being written, so retention finds nothing to delete (topic configs segment.ms, retention.ms).
    const h = runYaml(spec('latest', { segment: '7d' }));
    expect(h.result.log.some((l) => l.text.includes('retention deleted'))).toBe(false);
    expect(h.result.outputs['es']!.lost).toBeLessThanOrEqual(2); // only what preceded the group's very first join
  });

  it('no check, no deletion: the first retention check runs 30 s after the broker starts, then one a second here', () => {
    const times = runYaml(spec('earliest')).result.log.filter((l) => l.text.includes('retention deleted')).map((l) => l.timeMs);
    expect(times[0]).toBe(30_000);
    for (const t of times) expect(t % 1000).toBe(0);
  });

  it('retention longer than the outage: the consumer resumes at its committed offset, nothing lost', () => {
    const out = runYaml(spec('latest', { retention: '7d' })).result.outputs['es']!;
    // At most the line(s) written before the brand-new group first joined: latest starts after them.
    expect(out.lost).toBeLessThanOrEqual(2);
    expect(out.inFlight).toBe(0);
  });
});

describe('cleanup.policy: compact', () => {
  it('a compacted topic is not deleted by age: the same outage loses nothing', () => {
    const h = runYaml(spec('latest', { compact: true }));
    const out = h.result.outputs['es']!;
    expect(h.result.log.some((l) => l.text.includes('retention deleted'))).toBe(false);
    expect(out.lost).toBeLessThanOrEqual(2); // only what preceded the group's very first join
    expect(out.inFlight).toBe(0);
  });
});

describe('offsets.retention.minutes: committed offsets of an empty group expire', () => {
  it('group empty longer than offsets.retention.minutes → no committed offset → latest skips what was not read', () => {
    const h = runYaml(spec('latest', { retention: '7d', offsetsRetention: 1, down: '80s', duration: '100s' }));
    const out = h.result.outputs['es']!;
    expect(h.result.log.some((l) => l.source === 'kafka' && l.text.includes('committed offsets expired'))).toBe(true);
    // Down 5 s → 85 s: offsets expire at ~11 s + 60 s; everything written until the rejoin is skipped.
    expect(out.lost).toBeGreaterThan(6000);
    expect(out.lostAt['indexer']).toBe(out.lost);
  });

  it('a shorter outage keeps the offsets: the group resumes where it was', () => {
    const out = runYaml(spec('latest', { retention: '7d', offsetsRetention: 1, down: '20s', duration: '30s' })).result.outputs['es']!;
    expect(out.lost).toBeLessThanOrEqual(2); // only what preceded the group's very first join
    expect(out.inFlight).toBe(0);
  });
});

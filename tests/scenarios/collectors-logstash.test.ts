/** SEMANTICS §8 scenarios 3, 4 and 5: Logstash queues on a crash, and failed parses. */
import { describe, it, expect } from 'vitest';
import { run, esStore, beatsLogstashEs } from '../unit/collectors/helpers.js';

// One slow worker (20 ms per event: 50 events/s for 100 lines/s) keeps events queued in Logstash.
const slowLogstash = '    pipeline.workers: 1\n    processing-time: 20ms';
const crashLogstash = '{ crash: logstash, at: 5s, restart-after: 1s }';

describe('§8.3 Logstash memory queue, process killed with events queued', () => {
  // Filebeat's default 30 s timeout: Logstash's keep-alive comes every 5 s while its input is blocked
  // (Netty writer-idle time), so a 5 s timeout would race it and resend batches for that reason alone.
  const h = run(beatsLogstashEs({ queue: 'memory', timeout: '30s', logstash: slowLogstash, faults: [crashLogstash] }));
  const es = h.result.outputs['es']!;
  const lostOnCrash = (h.result.state['logstash'] as { lostOnCrash: number }).lostOnCrash;

  it('events already ACKed to Filebeat but not output are lost', () => {
    expect(lostOnCrash).toBeGreaterThan(0);
    expect(es.lost).toBe(lostOnCrash);
    expect(es.lostAt).toEqual({ logstash: lostOnCrash });
  });

  it('Filebeat does not resend them: no duplicates, everything else arrives once', () => {
    expect(es.duplicated).toBe(0);
    expect(es.inFlight).toBe(0);
    expect(es.exactlyOnce).toBe(1000 - lostOnCrash);
  });

  it('the same crash with the persisted queue (checkpoint.writes: 1) loses nothing', () => {
    const pq = run(beatsLogstashEs({ queue: 'persisted', logstash: slowLogstash, faults: [crashLogstash] })).result.outputs['es']!;
    expect(pq.lost).toBe(0);
    expect(pq.inFlight).toBe(0);
  });
});

describe('§8.4 Logstash PQ, killed after the Kafka output sent a batch but before the queue ACK', () => {
  // Produce requests take 300 ms to reach the brokers: the crash at 5.2 s falls between send and ACK.
  const yaml = `duration: 10s
drain: 300s
workload: { rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash, timeout: 5s }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    output:
      kafka: { node: kafka, topic_id: logs, acks: all, codec: json }
  kafka:
    type: kafka
    brokers: 3
    topics: { logs: { partitions: 1, replication.factor: 3 } }
faults:
  - { link: logstash->kafka/broker-1, delay: 300ms }
  - { link: logstash->kafka/broker-2, delay: 300ms }
  - { link: logstash->kafka/broker-3, delay: 300ms }
  - { crash: logstash, at: 5200ms, restart-after: 1s }
`;
  it('the batch is reprocessed on restart: duplicates in Kafka, nothing lost', () => {
    const h = run(yaml);
    const out = h.result.outputs['kafka/logs']!;
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
    expect(out.duplicated).toBeGreaterThan(0);
    expect(out.duplicatedAt['logstash']).toBe(out.duplicated);
    expect((h.result.state['logstash'] as { replayed: number }).replayed).toBeGreaterThanOrEqual(out.duplicated);
  });
});

describe('§8.5 Line fails grok / bad timestamp', () => {
  it('a line that fails grok is indexed with tags ["_grokparsefailure"] and no parsed fields', () => {
    const h = run(beatsLogstashEs({ malformed: 0.1 }));
    const es = h.result.outputs['es']!;
    expect(es.exactlyOnce).toBe(1000);
    let tagged = 0;
    esStore(h).documents('logs', (d) => {
      const malformed = h.workload.isMalformed(d.record.rid);
      const tags = d.record.fields['tags'];
      if (malformed) {
        tagged++;
        expect(tags).toEqual(['_grokparsefailure']);
        expect(d.record.fields['status']).toBeUndefined();
        expect(d.record.fields['clientip']).toBeUndefined();
      } else {
        expect(tags).toBeUndefined();
        expect(d.record.fields['status']).toBe(h.workload.truthField(d.record.rid, 'status'));
      }
    });
    expect(tagged).toBeGreaterThan(50);
  });

  it('with a conditional drop the failed lines are filtered, not lost', () => {
    const filter = [
      '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }',
      "      - drop: { if: '\"_grokparsefailure\" in [tags]' }",
    ].join('\n');
    const h = run(beatsLogstashEs({ malformed: 0.1, filter }));
    const es = h.result.outputs['es']!;
    let malformed = 0;
    for (let rid = 0; rid < 1000; rid++) if (h.workload.isMalformed(rid)) malformed++;
    expect(es.filtered).toBe(malformed);
    expect(es.lost).toBe(0);
    expect(es.exactlyOnce).toBe(1000 - malformed);
  });

  it('a bad timestamp is tagged _dateparsefailure and @timestamp keeps the ingest time', () => {
    const filter = [
      '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }',
      '      - mutate: { add_field: { when: "31/Feb/2026:25:61:00 +0000" } }',
      '      - date: { match: [when, "dd/MMM/yyyy:HH:mm:ss Z"] }',
    ].join('\n');
    const h = run(beatsLogstashEs({ filter, files: 1 }));
    let checked = 0;
    esStore(h).documents('logs', (d) => {
      expect(d.record.fields['tags']).toEqual(['_dateparsefailure']);
      const ts = d.record.fields['@timestamp'];
      expect(typeof ts).toBe('string');
      // Filebeat stamped it when the line was read: within a second after the line was written.
      const ingestMs = Date.parse(ts as string) - Date.parse('2026-01-01T00:00:00Z');
      const written = h.workload.writeTimeMs(d.record.rid);
      expect(ingestMs).toBeGreaterThanOrEqual(written);
      expect(ingestMs - written).toBeLessThanOrEqual(1000);
      checked++;
    });
    expect(checked).toBe(1000);
  });

  it('a good timestamp sets @timestamp to the time the line states', () => {
    const filter = [
      '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }',
      '      - date: { match: [timestamp, "dd/MMM/yyyy:HH:mm:ss Z"] }',
    ].join('\n');
    const h = run(beatsLogstashEs({ filter, files: 1 }));
    esStore(h).documents('logs', (d) => {
      expect(d.record.fields['tags']).toBeUndefined();
      expect(Date.parse(d.record.fields['@timestamp'] as string) - Date.parse('2026-01-01T00:00:00Z')).toBe(h.workload.eventTimeMs(d.record.rid));
    });
  });
});

describe('a dead Logstash resets the connection; a partition does not', () => {
  // Filebeat's default 30 s timeout; a slow Logstash whose small memory queue blocks the input, so batches wait unacknowledged.
  const spec = (fault: string) => beatsLogstashEs({ queue: 'memory', timeout: '30s', logstash: slowLogstash, faults: [fault] });
  const filebeatWarnings = (h: ReturnType<typeof run>) => h.result.log.filter((l) => l.source === 'filebeat' && l.level === 'warn');

  it('when the Logstash process dies, Filebeat learns one hop later and resends, without waiting for its timeout', () => {
    const h = run(spec('{ crash: logstash, at: 5s, restart-after: 1s }'));
    const [first] = filebeatWarnings(h);
    expect(first?.text).toMatch(/^connection to logstash reset \(the process went down\): \d+ batch\(es\) will be resent$/);
    expect(first!.timeMs).toBeGreaterThan(5000);
    expect(first!.timeMs).toBeLessThan(5100);
    // The resent batches arrive once Logstash is back; only what its memory queue held is gone (§8.3).
    const es = h.result.outputs['es']!;
    expect(es.inFlight).toBe(0);
    expect(es.duplicated).toBe(0);
    expect(es.lost).toBe((h.result.state['logstash'] as { lostOnCrash: number }).lostOnCrash);
  });

  it('behind a partition nothing arrives, so Filebeat waits its 30 s timeout before resending', () => {
    const h = run(spec('{ partition: [logstash], from: 5s, to: 6s }'));
    const warnings = filebeatWarnings(h);
    expect(warnings.some((l) => l.text.includes('reset'))).toBe(false);
    const timedOut = warnings.find((l) => l.text.startsWith('no ACK from logstash within 30000 ms'));
    expect(timedOut).toBeDefined();
    expect(timedOut!.timeMs).toBeGreaterThanOrEqual(30_000);
  });
});

describe("Logstash's Elasticsearch output when Elasticsearch dies", () => {
  it('the bulk requests in flight fail one hop after the crash and are retried; nothing is lost', () => {
    const h = run(beatsLogstashEs({ queue: 'persisted', faults: ['{ link: logstash->es, delay: 300ms }', '{ crash: es, at: 5200ms, restart-after: 1s }'] }));
    const reset = h.result.log.find((l) => l.source === 'logstash' && l.text.startsWith('elasticsearch output: connection to es reset'));
    expect(reset).toBeDefined();
    expect(reset!.timeMs).toBe(5500);
    const es = h.result.outputs['es']!;
    expect(es.lost + es.inFlight).toBe(0);
  });
});

/**
 * PutRecords through Logstash's kinesis output (logstash-output-kinesis, which drives the KPL):
 * entries fail one by one with `ProvisionedThroughputExceededException` while the others are
 * stored; the caller must resubmit the failed ones
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html). The KPL retries
 * them until `record_ttl`, or not at all with `fail_if_throttled`; the plugin ignores records the
 * KPL gives up on. A retry after a lost response stores a second copy
 * (https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-duplicates.html).
 */
import { describe, it, expect } from 'vitest';
import { run, output, logstashToStream } from './helpers.js';
import type { KinesisStreamNode } from '../../../simulator/nodes/kinesis/stream.js';

const shardsOf = (h: ReturnType<typeof run>) => (h.components.get('stream') as KinesisStreamNode).shards.map((s) => s.counters);

describe('PutRecords partial failures', () => {
  it('one shard, 1,500 records/s for 4 s, fail_if_throttled: 1,000 stored per second, the rest lost at Logstash', () => {
    const h = run(logstashToStream({ rate: '1500/s', duration: '4s', kinesisOutput: 'fail_if_throttled: true' }));
    const s = output(h, 'stream');
    // Seconds 0–3 take 1,000 each; two records reach the shard just after 4 s.
    expect(s).toMatchObject({ generated: 6000, exactlyOnce: 4002, lost: 1998, duplicated: 0, lostAt: { logstash: 1998 } });
    expect(shardsOf(h)[0]).toMatchObject({ written: 4002, throttledWrites: 1998 });
  });

  it('the KPL\'s default retries (record_ttl 30 s) store every record, later than newer ones', () => {
    const s = output(run(logstashToStream({ rate: '1500/s', duration: '4s' })), 'stream');
    expect(s).toMatchObject({ exactlyOnce: 6000, lost: 0, duplicated: 0 });
    expect(s.reordered).toBe(125);
  });

  it('record_ttl 1000 ms: the backlog the shard cannot take within a second of being added is lost', () => {
    const s = output(run(logstashToStream({ rate: '1500/s', duration: '4s', kinesisOutput: 'record_ttl: 1000' })), 'stream');
    expect(s).toMatchObject({ exactlyOnce: 5000, lost: 1000, lostAt: { logstash: 1000 } });
  });

  it('the default partition key `-` sends everything to one shard, however many there are', () => {
    const h = run(logstashToStream({ rate: '1500/s', duration: '4s', stream: 'ShardCount: 2' }));
    expect(shardsOf(h).map((c) => c.written)).toEqual([6000, 0]);
    expect(shardsOf(h)[0]!.throttledWrites).toBeGreaterThan(0);
  });

  it('randomized_partition_key spreads the records over both shards: no throttling', () => {
    const h = run(logstashToStream({ rate: '1500/s', duration: '4s', stream: 'ShardCount: 2', kinesisOutput: 'randomized_partition_key: true' }));
    expect(shardsOf(h).map((c) => [c.written, c.throttledWrites])).toEqual([[2976, 0], [3024, 0]]);
  });

  it('lost responses: the KPL resends the whole call, and the stream stores a second copy with a new sequence number', () => {
    const s = output(run(logstashToStream({ rate: '100/s', duration: '10s', faults: ['{ link: logstash->stream, loss: 0.3, from: 0s, to: 10s }'] })), 'stream');
    expect(s).toMatchObject({ generated: 1000, exactlyOnce: 800, duplicated: 200, lost: 0, duplicatedAt: { logstash: 200 } });
  });

  it('Logstash crash: the records the KPL still buffered are lost — the plugin had already reported them done', () => {
    const s = output(run(logstashToStream({ rate: '100/s', duration: '10s', kinesisOutput: 'record_max_buffered_time: 2000', faults: ['{ crash: logstash, at: 5s, restart-after: 1s }'] })), 'stream');
    expect(s).toMatchObject({ exactlyOnce: 900, lost: 100, lostAt: { logstash: 100 } });
  });
});

/**
 * Issue #24, Flink's Kafka source and partitions added during a run (flink-connector-kafka,
 * KafkaSourceEnumerator; docs "Kafka | Apache Flink", DataStream connector, "Dynamic Partition Discovery"
 * and the Table connector's `scan.topic-partition-discovery.interval`):
 * - "the Kafka source … periodically discover[s] newly added partitions"; the interval defaults to 5 minutes
 *   (KafkaConnectorOptions SCAN_TOPIC_PARTITION_DISCOVERY, KafkaSourceOptions PARTITION_DISCOVERY_INTERVAL_MS);
 *   0 / a non-positive value disables it: only the discovery at the job's start remains.
 * - The enumerator schedules discovery with callAsync(…, 0, interval): at the start, then every interval.
 * - Newly discovered partitions start from `OffsetsInitializer.earliest()` (newDiscoveryOffsetsInitializer),
 *   whatever the starting offsets of the initial partitions were.
 * - A new split goes to getSplitOwner: ((topic.hashCode() * 31) & 0x7FFFFFFF) % readers, plus the partition.
 * The producer (Logstash's Kafka output) sees the new partitions at its metadata refresh, ~300 s
 * (metadata.max.age.ms); from then some URLs' records go to partitions 2 and 3.
 */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../simulator/spec/parse.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';
import { formatIssue } from '../../simulator/spec/issues.js';
import { jobIdOf } from '../../simulator/shell/http/flink-rest.js';
import { savepointPath } from '../../simulator/operations/plan.js';
import { splitOwner } from '../../simulator/nodes/flink/split-owner.js';

const ALTER = '{ at: 60s, run: "kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 4" }';

/** Keyed by URL into 2 partitions, raised to 4 at 60 s; a windowed count per URL, 10 s windows. */
const pipeline = (discovery: string, more = '') => `
duration: 480s
drain: 30s
workload: { generator: access-log, rate: 20/s, files: 1, key: request }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, message_key: "%{request}", codec: json } }
  kafka: { type: kafka, topics: { logs: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs${discovery} }
    parallelism.default: 2
    execution.checkpointing.interval: 10s
    job: { key-by: request, window: { type: tumbling, size: 10s }, watermark: { max-out-of-orderness: 1s } }
    sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }
  es: { type: elasticsearch }
operations: [ ${ALTER}${more} ]
`;

function run(text: string): RunHandle {
  const out = parseSpec(text, 'pipeline.yaml');
  if (!out.ok) throw new Error(out.errors.map(formatIssue).join('\n'));
  return runSync(out.spec);
}

const discoveries = (h: RunHandle) => h.result.log.filter((l) => l.text.includes('discovered')).map((l) => `${l.timeMs} ${l.text}`);
const outcome = (h: RunHandle) => {
  const es = h.result.outputs.es!;
  return { counted: es.exactlyOnce, late: es.late, inFlight: es.inFlight, lost: es.lost };
};

describe('Flink partition discovery after kafka-topics.sh --alter --partitions', () => {
  // 9600 records; the last 10 s window (200 records) is still open at the end of every run.
  it('with discovery disabled (0), the new partitions are never read while the job runs: their records wait in Kafka', () => {
    const h = run(pipeline(', partition.discovery.interval.ms: 0'));
    expect(discoveries(h)).toEqual([]);
    expect(outcome(h)).toEqual({ counted: 6976, late: 0, inFlight: 2624, lost: 0 });
  });

  it('discovery every 30 s finds them at 60 s, before the producer writes there: nothing waits', () => {
    const h = run(pipeline(', partition.discovery.interval.ms: 30s'));
    expect(discoveries(h)).toEqual(['60000 job discovered new partitions of logs (2 → subtask 1, 3 → subtask 0): read from their earliest offsets']);
    expect(outcome(h)).toEqual({ counted: 9400, late: 0, inFlight: 200, lost: 0 });
  });

  it('by default (5 min from the job start) discovery at 300 s is just ahead of the producer refresh', () => {
    const h = run(pipeline(''));
    expect(discoveries(h)).toEqual(['300000 job discovered new partitions of logs (2 → subtask 1, 3 → subtask 0): read from their earliest offsets']);
    expect(outcome(h)).toEqual({ counted: 9400, late: 0, inFlight: 200, lost: 0 });
  });

  it('discovered after the producer moved keys (7 min): the windows closed without those records, which come late', () => {
    const h = run(pipeline(', partition.discovery.interval.ms: 7m'));
    expect(discoveries(h)).toEqual(['420000 job discovered new partitions of logs (2 → subtask 1, 3 → subtask 0): read from their earliest offsets']);
    // From ~300 s to 420 s the moved URLs' records wait; the old partitions' watermark closes their windows meanwhile.
    expect(outcome(h)).toEqual({ counted: 7839, late: 1561, inFlight: 200, lost: 0 });
  });

  it('new splits go to the same owner as at a start: (start index + partition) % readers', () => {
    expect([2, 3].map((p) => splitOwner('logs', p, 2))).toEqual([1, 0]);
  });

  it('a restore with discovery disabled finds them at its start and reads them from earliest; the window that straddled the move is overwritten', () => {
    const id = jobIdOf('flink', 'main');
    const stop = `, { at: 400s, run: "flink stop --savepointPath s3://flink/savepoints ${id}" }`;
    const start = `, { at: 410s, run: "flink run -s ${savepointPath('s3://flink/savepoints', id, 400_000)} /opt/flink/usrlib/job.jar" }`;
    const h = run(pipeline(', partition.discovery.interval.ms: 0', stop + start));
    expect(discoveries(h)).toEqual(['410000 job discovered partitions 2, 3 of logs at start: read from their earliest offsets']);
    // The restored job's watermark starts again, so the waiting records are on time; but the 290 s window
    // of the moved URLs had fired with their old-partition records, and its second result replaces that document.
    expect(outcome(h)).toEqual({ counted: 9269, late: 0, inFlight: 200, lost: 131 });
    const reasons = new Set<string>();
    const counts = h.countsOf('es');
    const held = h.heldRecords();
    for (let rid = 0; rid < counts.length; rid++) if (counts[rid] === 0) reasons.add(h.sim.ledger.fateOf(rid, 0, held, 'es').replace(/document \S+ /, 'document '));
    expect([...reasons].sort()).toEqual(['lost at es: document in counts overwritten by a result of its window that does not count it', 'still in flight']);
  });
});

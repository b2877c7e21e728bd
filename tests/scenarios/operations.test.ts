/**
 * Issue #24, operations during a run: real commands applied at their simulated time, with the
 * effects the Kafka and Flink documentation describe.
 * - Kafka, "Modifying topics": partitions can only be added; keyed data then moves
 *   (`hash(key) % number_of_partitions`) — "the partitioning of data will change".
 * - Producer/consumer configs, `metadata.max.age.ms` (default 300000): "the period of time after
 *   which we force a refresh of metadata even if we haven't seen any partition leadership changes
 *   to proactively discover any new brokers or partitions".
 * - kafka-consumer-groups.sh --reset-offsets: "only when the group is inactive"; without --execute
 *   it only prints the plan.
 * - Flink CLI, `flink stop --savepointPath` then `flink run -s`: resume from the savepoint's state and offsets.
 */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../simulator/spec/parse.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';
import { formatIssue } from '../../simulator/spec/issues.js';
import type { KafkaCluster } from '../../simulator/nodes/kafka/cluster.js';
import { jobIdOf } from '../../simulator/shell/http/flink-rest.js';
import { savepointPath } from '../../simulator/operations/plan.js';

function spec(text: string) {
  const out = parseSpec(text, 'pipeline.yaml');
  if (!out.ok) throw new Error(out.errors.map(formatIssue).join('\n'));
  return out.spec;
}

function errors(text: string): string[] {
  const out = parseSpec(text, 'pipeline.yaml');
  return out.ok ? [] : out.errors.map(formatIssue);
}

const operatorLog = (h: RunHandle) => h.result.log.filter((l) => l.source === 'operator').map((l) => `${l.timeMs} ${l.text.split('\n')[0]}`);

/** Keyed by URL (10 keys), two consumers that need 25 ms a record (80 a second together) at 100 a second: they fall behind. */
const keyed = (duration: string, ops: string, reset = 'earliest', faults = '[]') => `
duration: ${duration}
drain: 200s
workload: { generator: access-log, rate: 100/s, files: 1, key: request }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    pipeline.workers: 1
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output:
      kafka: { node: kafka, topic_id: logs, acks: all, message_key: "%{request}", codec: json }
  kafka: { type: kafka, topics: { logs: { partitions: 3 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, auto.offset.reset: ${reset}, enable.auto.commit: false }
    commit: after-processing
    processing-time: 25ms
    instances: 2
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults: ${faults}
operations: ${ops}
`;
const ALTER = '[ { at: 60s, run: "kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6" } ]';

describe('kafka-topics.sh --alter --partitions during a run', () => {
  it('adds the partitions at once, but producers keep the old count until metadata.max.age.ms has passed', () => {
    // 200 s: the producer's metadata (fetched at its first send, ~0 s) is never 300 s old.
    const h = runSync(spec(keyed('200s', ALTER)));
    const cluster = h.components.get('kafka') as KafkaCluster;
    expect(cluster.partitionsFor('logs')).toBe(6);
    expect(cluster.logEndOffsets('logs').slice(3)).toEqual([0, 0, 0]);
    expect(operatorLog(h)).toEqual(['60000 $ kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6']);
    expect(h.result.outputs.es!.reordered).toBe(0);
  });

  it('after the refresh keys move (murmur2 % 6), the group rebalances onto six partitions, and per-key order breaks', () => {
    const h = runSync(spec(keyed('400s', ALTER)));
    const cluster = h.components.get('kafka') as KafkaCluster;
    // /products/42, /cart, /search?q=kafka, /static/app.js, /img/logo.png, /checkout move to partitions 3–5.
    expect(cluster.logEndOffsets('logs').slice(3).every((n) => n > 0)).toBe(true);
    const rejoin = h.result.log.find((l) => l.text.includes('cached metadata has changed'))!;
    expect(rejoin.timeMs).toBeGreaterThanOrEqual(300_000);
    expect(h.result.log.some((l) => l.timeMs >= rejoin.timeMs && /generation 2: \S+→\[0,1,2\] \S+→\[3,4,5\]$/.test(l.text))).toBe(true);
    expect(h.result.outputs.es!.reordered).toBeGreaterThan(0);
    expect(h.result.outputs.es!.lost).toBe(0);
    // The same run without the operation keeps every key in order.
    expect(runSync(spec(keyed('400s', '[]'))).result.outputs.es!.reordered).toBe(0);
  });

  it('with auto.offset.reset=latest, what producers wrote to a new partition before the group took it is skipped', () => {
    // The indexer restarts at 10 s: its new client fetches metadata then, so its refresh comes ~10 s after the producer's.
    const h = runSync(spec(keyed('330s', ALTER, 'latest', '[ { crash: indexer, at: 10s, restart-after: 1ms } ]')));
    const es = h.result.outputs.es!;
    expect(es.lost).toBeGreaterThan(0);
    const reasons = new Set<string>();
    const counts = h.countsOf('es');
    const held = h.heldRecords();
    for (let rid = 0; rid < counts.length; rid++) if (counts[rid] === 0) reasons.add(h.sim.ledger.fateOf(rid, 0, held, 'es'));
    expect([...reasons].some((r) => r.includes('auto.offset.reset=latest'))).toBe(true);
  });

  it('refuses a count that is not an increase, as the controller does, at the place in the spec', () => {
    const text = keyed('10s', '[ { at: 5s, run: "kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 2" } ]');
    expect(errors(text)).toEqual([expect.stringMatching(/^pipeline\.yaml:\d+:\d+: The topic logs currently has 3 partition\(s\); 2 would not be an increase\. \(Kafka never removes partitions/)]);
    const same = keyed('10s', '[ { at: 5s, run: "kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 3" } ]');
    expect(errors(same)[0]).toContain('Topic already has 3 partition(s).');
  });

  it('refuses unknown commands and flags with the column of the word', () => {
    const line = (run: string) => errors(keyed('10s', `[ { at: 5s, run: "${run}" } ]`))[0] ?? '';
    expect(line('kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partition 6')).toMatch(/:\d+:\d+: partition is not a recognized option \(did you mean --partitions\?\)/);
    expect(line('kafka-topic.sh --alter')).toMatch(/command not found in the runbook \(did you mean kafka-topics.sh\?\)/);
    expect(line('kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic nope --partitions 6')).toContain("Topic 'nope' does not exist as expected");
  });
});

/** A group whose only member stops for good at 10 s, so it is empty when the operator resets it. */
const resetting = (run: string, at = '20s') => `
duration: 30s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, topics: { logs: { partitions: 2 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, auto.offset.reset: earliest, session.timeout.ms: 6s }
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults: [ { crash: indexer, at: 10s } ]
operations: [ { at: ${at}, run: "${run}" } ]
`;

describe('kafka-consumer-groups.sh --reset-offsets during a run', () => {
  const committed = (h: RunHandle) => (h.components.get('kafka') as KafkaCluster).committedOffsets('indexer', 'logs');

  it('is refused while the group has members, and changes nothing', () => {
    const h = runSync(spec(resetting('kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group indexer --topic logs --reset-offsets --to-earliest --execute', '5s')));
    expect(operatorLog(h)[1]).toBe("5000 Error: Assignments can only be reset if the group 'indexer' is inactive, but the current state is Stable.");
    const plain = runSync(spec(resetting('kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group indexer --topic logs --reset-offsets --to-earliest', '5s')));
    expect([...committed(h)]).toEqual([...committed(plain)]);
  });

  it('without --execute only prints the plan', () => {
    const h = runSync(spec(resetting('kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group indexer --topic logs --reset-offsets --to-earliest')));
    const printed = h.result.log.filter((l) => l.source === 'operator').map((l) => l.text).join('\n');
    expect(printed).toContain('WARN: No action will be performed as the --execute option is missing.');
    expect(printed).toMatch(/indexer\s+logs\s+0\s+0/);
    expect([...committed(h)].every(([, o]) => o > 0)).toBe(true);
  });

  it('with --execute on the empty group sets its committed offsets; --to-latest notes what it jumps over as lost', () => {
    const h = runSync(spec(resetting('kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group indexer --topic logs --reset-offsets --to-latest --execute')));
    const cluster = h.components.get('kafka') as KafkaCluster;
    const ends = cluster.logEndOffsets('logs');
    // Reset at 20 s to the log ends then; Filebeat writes on until 30 s, which nobody reads.
    const at20 = [...committed(h)].map(([, o]) => o);
    expect(at20.every((o, p) => o > 0 && o <= ends[p]!)).toBe(true);
    // The dry run leaves the offsets the group committed before it stopped: the reset jumps from those.
    const plain = runSync(spec(resetting('kafka-consumer-groups.sh --bootstrap-server kafka:9092 --group indexer --topic logs --reset-offsets --to-latest')));
    const before = [...committed(plain)].map(([, o]) => o);
    expect(plain.result.outputs.es!.lost).toBe(0);
    expect(at20.reduce((sum, o, p) => sum + o - before[p]!, 0)).toBeGreaterThan(1000);
    // Jumped over and never delivered: exactly what Filebeat wrote while the indexer was down before the reset,
    // 100 a second from 10 s to 20 s (the rest of the jump had been indexed, only not committed).
    expect(h.result.outputs.es!.lost).toBe(1000);
    const reasons = new Set<string>();
    const counts = h.countsOf('es');
    for (let rid = 0; rid < counts.length; rid++) if (counts[rid] === 0) reasons.add(h.sim.ledger.fateOf(rid, 0, h.heldRecords(), 'es'));
    expect([...reasons].some((r) => r.includes('--reset-offsets moved group indexer past it'))).toBe(true);
  });
});

const flinkJob = (ops: string) => `
duration: 30s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, topics: { logs: { partitions: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 10s
    execution.checkpointing.mode: EXACTLY_ONCE
    sink:
      elasticsearch: { node: es, index: logs, bulk.flush.interval: 1s }
  es: { type: elasticsearch }
faults: []
operations: ${ops}
`;

describe('flink stop --savepointPath, then flink run -s', () => {
  const jobId = jobIdOf('flink', 'main');
  const path = savepointPath('s3://flink/savepoints', jobId, 12_000);

  it('stops the job with a savepoint and restores it: nothing lost, nothing written twice', () => {
    const h = runSync(spec(flinkJob(`[ { at: 12s, run: "flink stop --savepointPath s3://flink/savepoints ${jobId}" }, { at: 20s, run: "flink run -s ${path} -p 2 /opt/flink/usrlib/job.jar" } ]`)));
    const log = operatorLog(h);
    expect(log).toContain(`12000 Suspending job "${jobId}" with a CANONICAL savepoint.`);
    expect(log.some((l) => l.endsWith(`Savepoint completed. Path: ${path}`))).toBe(true);
    expect(log).toContain(`20000 Job has been submitted with JobID ${jobId} (parallelism 2)`);
    const es = h.result.outputs.es!;
    expect(es.exactlyOnce).toBe(es.generated);
    expect(es.duplicated + es.lost + es.inFlight).toBe(0);
  });

  it('refuses a savepoint no stop wrote, and an unknown JobID', () => {
    expect(errors(flinkJob('[ { at: 20s, run: "flink run -s s3://flink/savepoints/savepoint-abc /opt/job.jar" } ]'))[0]).toContain("Cannot find checkpoint or savepoint file/directory 's3://flink/savepoints/savepoint-abc'");
    expect(errors(flinkJob(`[ { at: 12s, run: "flink stop --savepointPath s3://sp ${'0'.repeat(32)}" } ]`))[0]).toContain(`Job ${'0'.repeat(32)} not found`);
  });
});

/**
 * Flink CLI, "Terminating a Job": `flink cancel <jobId>` ends the job without a savepoint; `flink run`
 * without `-s` submits it anew, with empty state, its Kafka source starting where `scan.startup.mode`
 * says (group offsets: those committed at the last completed checkpoint).
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/cli/
 */
describe('flink cancel, then flink run without -s', () => {
  const jobId = jobIdOf('flink', 'main');
  /** Requests per status in 5 s windows, upserted by key and window start; checkpoints every 10 s. */
  const windowed = (ops: string, startup = 'committed') => `
duration: 30s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } }, { date: { match: [timestamp, "dd/MMM/yyyy:HH:mm:ss Z"] } } ]
    output:
      kafka: { node: kafka, topic_id: logs, acks: all, message_key: "%{clientip}", codec: json }
  kafka: { type: kafka, topics: { logs: { partitions: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, group.id: counter, starting-offsets: ${startup} }
    job: { key-by: status, window: { type: tumbling, size: 5s }, aggregate: count, watermark: { max-out-of-orderness: 1s } }
    execution.checkpointing.interval: 10s
    sink:
      elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}", bulk.flush.interval: 1s }
  es: { type: elasticsearch }
operations: ${ops}
`;
  const cancelAndRun = `[ { at: 12s, run: "flink cancel ${jobId}" }, { at: 14s, run: "flink run -p 2 /opt/flink/usrlib/job.jar" } ]`;

  it('cancels without a savepoint: the new job resumes at the last checkpoint\'s offsets and the windows open at the cancel lose what they held', () => {
    const h = runSync(spec(windowed(cancelAndRun)));
    const log = operatorLog(h);
    expect(log).toContain(`12000 Cancelling job ${jobId}.`);
    expect(log).toContain(`14000 Job has been submitted with JobID ${jobId} (parallelism 2)`);
    const es = h.result.outputs.es!;
    expect(es.lostAt).toEqual({ flink: 401 });
    expect({ exactlyOnce: es.exactlyOnce, lost: es.lost, duplicated: es.duplicated, inFlight: es.inFlight }).toEqual({ exactlyOnce: 2099, lost: 401, duplicated: 0, inFlight: 500 });
  });

  it('from the earliest offset instead, the new job replays the log and its upserts overwrite every window: nothing lost', () => {
    const es = runSync(spec(windowed(cancelAndRun, 'earliest'))).result.outputs.es!;
    expect({ exactlyOnce: es.exactlyOnce, lost: es.lost, duplicated: es.duplicated, inFlight: es.inFlight }).toEqual({ exactlyOnce: 2500, lost: 0, duplicated: 0, inFlight: 500 });
  });

  it('a cancel alone leaves the job cancelled: jobs.<node> reads it as not running', () => {
    const h = runSync(spec(windowed(`[ { at: 12s, run: "flink cancel ${jobId}" } ]`)));
    expect(h.result.jobs).toEqual({ flink: { parallelism: 1, running: 0, restarts: 0 } });
  });

  it('refuses a run while the job still runs, and a cancel with -s', () => {
    const h = runSync(spec(windowed('[ { at: 14s, run: "flink run -p 2 /opt/flink/usrlib/job.jar" } ]')));
    expect(operatorLog(h).some((l) => l.includes('could not be submitted'))).toBe(true);
    expect(errors(flinkJob(`[ { at: 12s, run: "flink cancel -s ${jobId}" } ]`))[0]).toContain('cancel with a savepoint (-s) is deprecated');
    expect(errors(flinkJob('[ { at: 12s, run: "flink run -m nowhere:8081 /opt/job.jar" } ]'))[0]).toContain('Could not connect to the JobManager at nowhere:8081');
  });
});

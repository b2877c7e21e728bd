/**
 * `tail /var/log/<node>.log` prints each node's log as the real process writes it (issue 30): the
 * lines below were checked by hand against the message texts in apache/kafka, apache/flink,
 * logstash-plugins/logstash-output-elasticsearch and elastic/beats, for runs that show each event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { runSync } from '../../../simulator/run/run.js';
import { offsetsPartitionOf } from '../../../simulator/shell/log-format/kafka.js';
import { terminalLine } from '../../../site/i18n/sim/index.js';
import { runSpec, terminal } from './fixtures.js';

const tailOf = (sh: ReturnType<typeof terminal>, file: string) => sh(`tail -n 200 ${file}`).text.split('\n');

/** Real tools' output stays English on Korean pages: the terminal leaves these lines as they are. */
function untouchedInKorean(lines: string[]): void {
  for (const line of lines) expect(terminalLine(line, 'ko')).toBe(line);
}

describe('a broker leaving the ISR (kafka.cluster.Partition)', () => {
  // Broker 2 stops fetching from the leader (broker 1) at 3 s; replica.lag.time.max.ms is 5 s.
  const sh = terminal(runSpec(`
duration: 20s
drain: 5s
workload: { generator: access-log, rate: 100/s, files: 2, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kafka: { node: kafka, topic_id: logs, acks: all } } }
  kafka: { type: kafka, brokers: 3, replica.lag.time.max.ms: 5s, topics: { logs: { partitions: 1, replication.factor: 3 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, auto.offset.reset: earliest }
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { link: kafka/broker-2->kafka/broker-1, loss: 1.0, from: 3s, to: 15s }
`));

  it('the leader logs the shrink in the broker layout, the group coordinator its stable group', () => {
    const lines = tailOf(sh, '/var/log/kafka.log');
    expect(lines).toContain('[2026-01-01 00:00:10,000] INFO [Partition logs-0 broker=1] Shrinking ISR from 1,2,3 to 1,3. (kafka.cluster.Partition)');
    expect(lines).toContain('[2026-01-01 00:00:03,500] INFO [GroupCoordinator]: Stabilized group indexer generation 1 (__consumer_offsets-9) with 1 members (kafka.coordinator.group.GroupCoordinator)');
    // The link fault is the simulator's note, not a line Kafka writes: it keeps the simulator's form.
    expect(lines).toContain('[T+3.000s][WARN ][kafka/broker-2->kafka/broker-1] link fault on: loss 1, delay 1ms');
    untouchedInKorean(lines.filter((l) => l.startsWith('[2026-')));
  });

  it('the simulator event log keeps its own form', () => {
    expect(tailOf(sh, '/var/log/sim.log')).toContain('[T+10.000s][WARN ][kafka/broker-1] logs-0: ISR shrunk to [1,3] (replica.lag.time.max.ms)');
  });
});

describe('a consumer rebalance (lessons/10-operating lag-that-never-drains)', () => {
  const outcome = compileWorkspace(readWorkspaceFolder('lessons/10-operating/exercises/lag-that-never-drains/starter'));
  if (!outcome.ok) throw new Error('the starter should compile');
  const sh = terminal(runSync(outcome.spec, {}));

  it('the consumer app logs the poll timeout, its LeaveGroup and the CommitFailedException', () => {
    const lines = tailOf(sh, '/var/log/enricher.log');
    const who = '[Consumer clientId=consumer-enricher-1, groupId=enricher]';
    expect(lines.slice(0, 3)).toEqual([
      `[2026-01-01 00:00:36,000] WARN ${who} consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records. (org.apache.kafka.clients.consumer.internals.ConsumerCoordinator)`,
      `[2026-01-01 00:00:36,000] INFO ${who} Member enricher-1 sending LeaveGroup request to coordinator due to consumer poll timeout has expired. (org.apache.kafka.clients.consumer.internals.ConsumerCoordinator)`,
      'org.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.',
    ]);
    untouchedInKorean(lines);
  });

  it('the group coordinator logs the member leaving and the rebalance it starts', () => {
    const lines = tailOf(sh, '/var/log/kafka.log');
    const at = lines.indexOf('[2026-01-01 00:00:36,001] INFO [GroupCoordinator 1]: Member[group.instance.id None, member.id enricher-1] in group enricher has left, removing it from the group (kafka.coordinator.group.GroupCoordinator)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('[2026-01-01 00:00:36,001] INFO [GroupCoordinator 1]: Preparing to rebalance group enricher in state PreparingRebalance with old generation 1 (__consumer_offsets-18) (reason: removing member enricher-1 on LeaveGroup) (kafka.coordinator.group.GroupCoordinator)');
    untouchedInKorean(lines);
  });

  it('the group lives on the __consumer_offsets partition Kafka computes: abs(String.hashCode) % 50', () => {
    // "indexer".hashCode() = 1943292159, "enricher".hashCode() = 2135087218 (java.lang.String, worked out by hand).
    expect([offsetsPartitionOf('indexer'), offsetsPartitionOf('enricher')]).toEqual([9, 18]);
  });
});

describe('a failed checkpoint (CheckpointCoordinator)', () => {
  // Checkpoints every 2 s that must complete within 2 ms: the first expires and fails the job.
  const sh = terminal(runSpec(`
duration: 12s
drain: 10s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 2s
    execution.checkpointing.timeout: 2ms
    sink:
      elasticsearch: { node: es, index: logs, bulk.flush.interval: 1s }
  es: { type: elasticsearch }
`));

  it('logs the trigger, the expiry, the failure count, the global failure and the restart', () => {
    const lines = tailOf(sh, '/var/log/flink.log');
    const job = 'e23f3f05d174d7ca6663fd8dee10986a';
    const c = (logger: string) => logger.padEnd(60);
    expect(lines.slice(0, 6)).toEqual([
      `2026-01-01 00:00:02,000 INFO  ${c('org.apache.flink.runtime.checkpoint.CheckpointCoordinator')} [] - Triggering checkpoint 1 (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ 1767225602000 for job ${job}.`,
      `2026-01-01 00:00:02,002 INFO  ${c('org.apache.flink.runtime.checkpoint.CheckpointCoordinator')} [] - Checkpoint 1 of job ${job} expired before completing.`,
      `2026-01-01 00:00:02,002 WARN  ${c('org.apache.flink.runtime.checkpoint.CheckpointFailureManager')} [] - Failed to trigger or complete checkpoint 1 for job ${job}. (1 consecutive failed attempts so far)`,
      `2026-01-01 00:00:02,002 INFO  ${c('org.apache.flink.runtime.jobmaster.JobMaster')} [] - Trying to recover from a global failure.`,
      'org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold.',
      `2026-01-01 00:00:02,002 INFO  ${c('org.apache.flink.runtime.executiongraph.ExecutionGraph')} [] - Job main (${job}) switched from state RUNNING to RESTARTING.`,
    ]);
    untouchedInKorean(lines);
  });

  it('a completed checkpoint is logged with its duration (examples/flink-checkpoint-replay.yaml)', () => {
    // Through the example's own file, as `npm run sim` reads it.
    const replay = terminal(runSpec(readExample('flink-checkpoint-replay')));
    expect(tailOf(replay, '/var/log/flink.log')[1]).toBe(`2026-01-01 00:00:10,054 INFO  ${'org.apache.flink.runtime.checkpoint.CheckpointCoordinator'.padEnd(60)} [] - Completed checkpoint 1 for job e23f3f05d174d7ca6663fd8dee10986a (checkpointDuration=54 ms).`);
  });
});

describe('a Logstash pipeline blocked on its output (Elasticsearch down)', () => {
  // Bulk requests take 500 ms to reach Elasticsearch, so one is in flight when it dies at 4.6 s;
  // Logstash dies at 12 s while a Filebeat batch is on its way.
  const sh = terminal(runSpec(`
duration: 20s
drain: 20s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { elasticsearch: { node: es, index: logs } } }
  es: { type: elasticsearch }
faults:
  - { crash: es, at: 4600ms, restart-after: 6s }
  - { crash: logstash, at: 12s, restart-after: 2s }
  - { link: logstash->es, delay: 500ms }
  - { link: filebeat->logstash, delay: 300ms }
`));

  it('the elasticsearch output logs the unreachable host and when it retries', () => {
    const lines = tailOf(sh, '/var/log/logstash.log');
    expect(lines).toContain('[2026-01-01T00:00:05,100][ERROR][logstash.outputs.elasticsearch][main] Attempted to send a bulk request but Elasticsearch appears to be unreachable or down {:message=>"Elasticsearch Unreachable: [http://es:9200/_bulk][Manticore::SocketException] Connection reset", :exception=>LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError, :will_retry_in_seconds=>2}');
    untouchedInKorean(lines.filter((l) => l.startsWith('[2026-')));
  });

  it('Filebeat logs the failed publish and reconnects, as JSON lines', () => {
    const lines = tailOf(sh, '/var/log/filebeat.log');
    expect(lines.map((l) => JSON.parse(l) as Record<string, string>)).toEqual([
      { 'log.level': 'error', '@timestamp': '2026-01-01T00:00:12.300Z', 'log.logger': 'logstash', message: 'Failed to publish events caused by: EOF', 'service.name': 'filebeat', 'ecs.version': '1.6.0' },
      { 'log.level': 'error', '@timestamp': '2026-01-01T00:00:12.300Z', 'log.logger': 'publisher_pipeline_output', message: 'failed to publish events: EOF', 'service.name': 'filebeat', 'ecs.version': '1.6.0' },
      { 'log.level': 'info', '@timestamp': '2026-01-01T00:00:12.300Z', 'log.logger': 'publisher_pipeline_output', message: 'Connecting to backoff(async(tcp://logstash:5044))', 'service.name': 'filebeat', 'ecs.version': '1.6.0' },
    ]);
    untouchedInKorean(lines);
  });
});

function readExample(name: string): string {
  return readFileSync(join('examples', `${name}.yaml`), 'utf8');
}

describe('the Korean terminal and real log lines', () => {
  it('leaves a real line alone even where a simulator template would match words inside it', () => {
    const line = '[2026-01-01T00:00:05,100][ERROR][logstash.outputs.elasticsearch][main] Attempted to send a bulk request but Elasticsearch appears to be unreachable or down';
    expect(terminalLine(line, 'ko')).toBe(line);
    // The simulator's own lines are still translated.
    expect(terminalLine('[T+12.000s][ERROR][logstash] process crashed: volatile state lost', 'ko')).not.toContain('process crashed');
  });
});

/**
 * The operator's metrics: each with the name, unit and meaning its real system gives it, and
 * where the real one is read (a JMX MBean, a REST path, an API field). Only metrics whose value
 * follows from a mechanism the simulator models are listed as modelled; the rest are named in
 * NOT_MODELLED with the reason, so the panel can say which are which (issue #30).
 *
 * Kinds:
 * - `gauge`: a value now (partitions under-replicated, lag, queue size).
 * - `counter`: a running total since the process started (a restart starts it again at 0).
 * - `rate`: per second over the last sample interval, from a running total. The real meters
 *   differ in their window (Kafka's JMX meters report 1/5/15-minute moving averages, the Java
 *   clients a 30 s window, Flink's MeterView 60 s): a one-second window shows a change at once.
 * - `average`: mean over the requests answered in the last sample interval (none → no value).
 */
export type MetricKind = 'gauge' | 'counter' | 'rate' | 'average';

export type MetricSystem = 'kafka-broker' | 'kafka-controller' | 'kafka-producer' | 'kafka-consumer' | 'flink' | 'logstash' | 'filebeat' | 'elasticsearch' | 'kinesis';

export interface MetricDef {
  readonly name: string;
  readonly system: MetricSystem;
  readonly kind: MetricKind;
  /** Unit of the value as stored (e.g. `partitions`, `records/s`, `ms`, `bytes/s`). */
  readonly unit: string;
  /** Where the real system publishes it. */
  readonly source: string;
  /**
   * Set when a process that is down still has it served by another process (Flink's job
   * metrics live on the JobManager, which a TaskManager crash leaves running).
   */
  readonly survivesCrash?: boolean;
}

const def = (system: MetricSystem, name: string, kind: MetricKind, unit: string, source: string, survivesCrash?: boolean): MetricDef => ({ name, system, kind, unit, source, ...(survivesCrash ? { survivesCrash } : {}) });

export const METRICS: readonly MetricDef[] = [
  def('kafka-broker', 'UnderReplicatedPartitions', 'gauge', 'partitions', 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions'),
  def('kafka-broker', 'UnderMinIsrPartitionCount', 'gauge', 'partitions', 'kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount'),
  def('kafka-broker', 'LeaderCount', 'gauge', 'partitions', 'kafka.server:type=ReplicaManager,name=LeaderCount'),
  def('kafka-broker', 'IsrShrinksPerSec', 'rate', 'shrinks/s', 'kafka.server:type=ReplicaManager,name=IsrShrinksPerSec'),
  def('kafka-broker', 'IsrExpandsPerSec', 'rate', 'expands/s', 'kafka.server:type=ReplicaManager,name=IsrExpandsPerSec'),
  def('kafka-broker', 'FailedProduceRequestsPerSec', 'rate', 'requests/s', 'kafka.server:type=BrokerTopicMetrics,name=FailedProduceRequestsPerSec'),
  def('kafka-broker', 'BytesInPerSec', 'rate', 'bytes/s', 'kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec'),
  def('kafka-broker', 'BytesOutPerSec', 'rate', 'bytes/s', 'kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec'),
  def('kafka-controller', 'OfflinePartitionsCount', 'gauge', 'partitions', 'kafka.controller:type=KafkaController,name=OfflinePartitionsCount'),
  def('kafka-controller', 'LeaderElectionRateAndTimeMs', 'rate', 'elections/s', 'kafka.controller:type=ControllerStats,name=LeaderElectionRateAndTimeMs'),
  def('kafka-controller', 'UncleanLeaderElectionsPerSec', 'rate', 'elections/s', 'kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec'),
  def('kafka-producer', 'record-send-rate', 'rate', 'records/s', 'kafka.producer:type=producer-metrics,client-id=*'),
  def('kafka-producer', 'record-retry-rate', 'rate', 'records/s', 'kafka.producer:type=producer-metrics,client-id=*'),
  def('kafka-producer', 'record-error-rate', 'rate', 'records/s', 'kafka.producer:type=producer-metrics,client-id=*'),
  def('kafka-producer', 'request-latency-avg', 'average', 'ms', 'kafka.producer:type=producer-metrics,client-id=*'),
  def('kafka-consumer', 'records-lag-max', 'gauge', 'records', 'kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*'),
  def('kafka-consumer', 'records-consumed-rate', 'rate', 'records/s', 'kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*'),
  def('kafka-consumer', 'commit-latency-avg', 'average', 'ms', 'kafka.consumer:type=consumer-coordinator-metrics,client-id=*'),
  def('kafka-consumer', 'rebalance-total', 'counter', 'rebalances', 'kafka.consumer:type=consumer-coordinator-metrics,client-id=*'),
  def('flink', 'numRecordsInPerSec', 'rate', 'records/s', '/jobs/<jobid>/vertices/<vertexid>/metrics?get=numRecordsInPerSec'),
  def('flink', 'currentInputWatermark', 'gauge', 'ms (event time)', '/jobs/<jobid>/vertices/<vertexid>/metrics?get=currentInputWatermark'),
  def('flink', 'numLateRecordsDropped', 'counter', 'records', '/jobs/<jobid>/vertices/<vertexid>/metrics?get=numLateRecordsDropped'),
  def('flink', 'lastCheckpointDuration', 'gauge', 'ms', '/jobs/<jobid>/metrics?get=lastCheckpointDuration', true),
  def('flink', 'numberOfCompletedCheckpoints', 'counter', 'checkpoints', '/jobs/<jobid>/metrics?get=numberOfCompletedCheckpoints', true),
  def('flink', 'numberOfFailedCheckpoints', 'counter', 'checkpoints', '/jobs/<jobid>/metrics?get=numberOfFailedCheckpoints', true),
  def('flink', 'numRestarts', 'counter', 'restarts', '/jobs/<jobid>/metrics?get=numRestarts', true),
  def('logstash', 'events.in', 'counter', 'events', 'GET _node/stats/pipelines → pipelines.main.events.in'),
  def('logstash', 'events.filtered', 'counter', 'events', 'GET _node/stats/pipelines → pipelines.main.events.filtered'),
  def('logstash', 'events.out', 'counter', 'events', 'GET _node/stats/pipelines → pipelines.main.events.out'),
  def('logstash', 'queue.events_count', 'gauge', 'events', 'GET _node/stats/pipelines → pipelines.main.queue.events_count'),
  def('logstash', 'dead_letter_queue.entries', 'gauge', 'events', 'GET _node/stats/pipelines → pipelines.main.dead_letter_queue (the real API reports queue_size_in_bytes)'),
  def('filebeat', 'libbeat.output.events.acked', 'counter', 'events', 'GET localhost:5066/stats → libbeat.output.events.acked'),
  def('filebeat', 'libbeat.output.events.failed', 'counter', 'events', 'GET localhost:5066/stats → libbeat.output.events.failed'),
  def('filebeat', 'harvester.open_files', 'gauge', 'files', 'GET localhost:5066/stats → filebeat.harvester.open_files'),
  def('filebeat', 'registrar.writes.success', 'counter', 'writes', 'GET localhost:5066/stats → registrar.writes.success'),
  def('elasticsearch', 'docs.count', 'gauge', 'documents', 'GET _cat/indices?v (docs.count), summed over indices'),
  def('elasticsearch', 'thread_pool.write.rejected', 'counter', 'items', 'GET _cat/thread_pool/write?v (rejected)'),
  def('elasticsearch', 'bulk item errors', 'counter', 'items', '_bulk responses: items with an error status (400, 409, 429)'),
  // Stream-level CloudWatch metrics of a Kinesis data stream (namespace AWS/Kinesis, dimension StreamName),
  // https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html; summed over its shards.
  def('kinesis', 'IncomingRecords', 'counter', 'records', 'CloudWatch AWS/Kinesis IncomingRecords (StreamName)', true),
  def('kinesis', 'WriteProvisionedThroughputExceeded', 'counter', 'records', 'CloudWatch AWS/Kinesis WriteProvisionedThroughputExceeded (StreamName)', true),
];

/** Real metrics of these systems the simulator does not produce, and why (shown in the panel). */
export const NOT_MODELLED: readonly { name: string; system: MetricSystem; why: string }[] = [
  { system: 'flink', name: 'lastCheckpointSize', why: 'state is not measured in bytes' },
  { system: 'flink', name: 'isBackPressured', why: 'operators are not given buffers that fill' },
  { system: 'kafka-producer', name: 'buffer-available-bytes', why: 'the accumulator counts records, not bytes of buffer.memory' },
  { system: 'logstash', name: 'dead_letter_queue.queue_size_in_bytes', why: 'entries are counted, not their bytes' },
  { system: 'kafka-controller', name: 'LeaderElectionRateAndTimeMs (time)', why: 'an election takes no simulated time: only its rate is real' },
];

export const METRIC_BY_NAME: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.name, m]));

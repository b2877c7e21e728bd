/**
 * Filebeat → Logstash → Kafka → a reader (a consumer application or a windowed Flink job) →
 * Elasticsearch, the pipelines the ledger-placement property and its scenarios run.
 */
export type Reader = { kind: 'consumer'; commit: string; processing: string; instances: number; documentId: boolean } | { kind: 'flink'; window: string; lateness: string; lateData: string; mode: string; documentId: boolean; maxActions?: number };

function readerYaml(r: Reader): string {
  if (r.kind === 'consumer') {
    return `  reader:
    type: consumer
    source: { node: kafka, topic: logs, enable.auto.commit: ${r.commit === 'auto'}, auto.offset.reset: earliest, session.timeout.ms: 6s }
    commit: ${r.commit}
    processing: ${r.processing}
    instances: ${r.instances}
    processing-time: 2ms
    output: { elasticsearch: { node: es, index: logs${r.documentId ? ', document_id: "%{[event_id]}"' : ''} } }`;
  }
  return `  reader:
    type: flink
    source: { node: kafka, topic: logs, idleness: 2s }
    execution.checkpointing.interval: 2s
    execution.checkpointing.mode: ${r.mode}
    job: { key-by: status, window: ${r.window}, watermark: { max-out-of-orderness: 500ms }, allowed-lateness: ${r.lateness}, late-data: ${r.lateData} }
    sink: { elasticsearch: { node: es, index: counts${r.documentId ? ', document-id: "{key}-{window.start}"' : ''}${r.maxActions === undefined ? '' : `, bulk.flush.max-actions: ${r.maxActions}`} } }`;
}

export function pipeline(r: Reader, faults: readonly object[]): string {
  return `duration: 10s
drain: 60s
workload: { generator: access-log, rate: 50/s, files: 2, key: status, late: { fraction: 0.1, max: 6s } }
nodes:
  filebeat: { type: beats, output: logstash, processors: [add_id] }
  logstash:
    type: logstash
    queue.type: persisted
    # @metadata never crosses Kafka: the id travels as a field, in the json codec's record.
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } }, { mutate: { add_field: { event_id: "%{[@metadata][_id]}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, codec: json } }
  kafka: { type: kafka, brokers: 3, min.insync.replicas: 2, topics: { logs: { partitions: 3, replication.factor: 3 } } }
${readerYaml(r)}
  es: { type: elasticsearch }
faults:
${faults.map((f) => `  - ${JSON.stringify(f)}`).join('\n') || '  []'}
`.replace('faults:\n  []', 'faults: []');
}

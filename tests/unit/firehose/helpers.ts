/** Filebeat → Logstash → Kinesis → Firehose → (S3 | OpenSearch) at test size. */
export function toFirehose(o: { rate: string; duration?: string; drain?: string; destination: string; es?: string; faults?: string[] }): string {
  return `duration: ${o.duration ?? '10s'}
drain: ${o.drain ?? '20m'}
workload: { rate: ${o.rate}, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kinesis: { node: stream, randomized_partition_key: true } } }
  stream: { type: kinesis, ShardCount: 2 }
  delivery:
    type: firehose
    KinesisStreamSourceConfiguration: { KinesisStreamARN: stream }
${o.destination}
  lake: { type: s3 }
  es: { type: elasticsearch${o.es ? `, ${o.es}` : ''} }
faults: [${(o.faults ?? []).join(', ')}]
`;
}

/**
 * The official images a bundle starts, pinned to the versions whose documented behaviour the
 * simulator follows (the comments of simulator/config: Filebeat 8.15, Logstash 8.x, Apache Kafka
 * 4.0, Flink 2.0). None of these was pulled or run while building the export (README, "Run it on
 * the real engines").
 */
export const IMAGES = {
  elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.5',
  logstash: 'docker.elastic.co/logstash/logstash:8.15.5',
  filebeat: 'docker.elastic.co/beats/filebeat:8.15.5',
  kafka: 'apache/kafka:4.0.0',
  flink: 'flink:2.0.0-java17',
  minio: 'minio/minio:RELEASE.2024-10-13T13-34-11Z',
  mc: 'minio/mc:RELEASE.2024-10-08T09-37-26Z',
  /** The log generator: BusyBox's sh, awk, date and sleep only. */
  busybox: 'busybox:1.36.1',
  /** For network faults: tc (iproute2) in a throw-away container sharing the target's network. */
  netshoot: 'nicolaka/netshoot:v0.13',
} as const;

/** The compose project name, so the network is always `pipeline-lab_default`. */
export const PROJECT = 'pipeline-lab';

/** One cluster id for every broker of the KRaft quorum (any 22-character base64 UUID). */
export const KAFKA_CLUSTER_ID = 'cGlwZWxpbmUtbGFiLWthZg';

/** The bucket MinIO serves for S3 writers. */
export const BUCKET = 'pipeline-lab';

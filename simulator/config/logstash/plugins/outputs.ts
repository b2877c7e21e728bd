/** Output plugin declarations (options and defaults from each plugin's `config` lines). */
import { opt, type PluginDecl } from './declare.js';
import { OUTPUT_COMMON } from './common.js';

// logstash-output-elasticsearch 11.22 lib/logstash/outputs/elasticsearch.rb and
// lib/logstash/plugin_mixins/elasticsearch/api_configs.rb
export const elasticsearchOutput: PluginDecl = {
  name: 'elasticsearch',
  kind: 'output',
  source: 'logstash-output-elasticsearch 11.22.x lib/logstash/outputs/elasticsearch.rb, plugin_mixins/elasticsearch/api_configs.rb',
  simulated: true,
  options: {
    ...OUTPUT_COMMON,
    hosts: opt('uri', 'Elasticsearch nodes, e.g. ["http://es:9200"].', { default: ['//127.0.0.1'], list: true }),
    index: opt('string', 'Target index; may use %{field} and %{+yyyy.MM.dd} dates.', { default: 'logstash-%{+yyyy.MM.dd}' }),
    document_id: opt('string', 'Document id, e.g. "%{[@metadata][_id]}"; without it each send makes a new document.'),
    action: opt('string', 'index, create, update or delete (may use %{field}).', { default: 'index' }),
    data_stream: opt(['true', 'false', 'auto'], 'Write to a data stream.', { default: 'auto' }),
    pipeline: opt('string', 'Ingest pipeline to run.'),
    routing: opt('string', 'Routing value.'),
    doc_as_upsert: opt('boolean', 'With action update: create the document if missing.', { default: false }),
    retry_on_conflict: opt('number', 'Retries of an update on a version conflict.', { default: 1 }),
    retry_initial_interval: opt('number', 'First wait between bulk retries, in seconds; doubles.', { default: 2, unit: 'seconds' }),
    retry_max_interval: opt('number', 'Longest wait between bulk retries, in seconds.', { default: 64, unit: 'seconds' }),
    timeout: opt('number', 'Network timeout in seconds.', { default: 60, unit: 'seconds' }),
    user: opt('string', 'Basic-auth user.'),
    password: opt('password', 'Basic-auth password.'),
    api_key: opt('password', 'API key id:key.'),
    ssl_enabled: opt('boolean', 'Use TLS (default: from the hosts\' scheme).'),
    ssl_certificate_authorities: opt('path', 'CA certificates.', { list: true }),
    manage_template: opt('boolean', 'Install an index template at startup.', { default: true }),
    template_name: opt('string', 'Name of the managed template.'),
    ilm_enabled: opt(['true', 'false', 'auto'], 'Index lifecycle management.', { default: 'auto' }),
    dlq_custom_codes: opt('number', 'Extra HTTP codes whose documents go to the dead letter queue.', { list: true, default: [] }),
    dlq_on_failed_indexname_interpolation: opt('boolean', 'Send events whose index name cannot be interpolated to the DLQ.', { default: true }),
    http_compression: opt('boolean', 'gzip request bodies.', { default: true }),
  },
};

// logstash-integration-kafka 12.1.4 lib/logstash/outputs/kafka.rb and plugin_mixins/kafka/common.rb
// (SEMANTICS-2 §1.1). There is no `enable.idempotence` option, nor any pass-through of producer
// properties: the client decides idempotence from acks and retries (SEMANTICS-2 §1.2).
export const kafkaOutput: PluginDecl = {
  name: 'kafka',
  kind: 'output',
  source: 'logstash-integration-kafka 12.1.4 lib/logstash/outputs/kafka.rb',
  simulated: true,
  options: {
    ...OUTPUT_COMMON,
    topic_id: opt('string', 'The topic to produce to (may use %{field}).', { required: true }),
    bootstrap_servers: opt('string', 'host1:port1,host2:port2 used to fetch cluster metadata.', { default: 'localhost:9092' }),
    acks: opt(['0', '1', 'all'], 'Acknowledgements the leader waits for before a send counts as done.', { default: '1' }),
    retries: opt('number', 'Unset: retry until success. A number bounds resend rounds and LOSES data when exhausted.'),
    retry_backoff_ms: opt('number', 'Wait before retrying a failed send, in ms.', { default: 100, unit: 'ms' }),
    batch_size: opt('number', 'Producer batch size in bytes.', { default: 16384, unit: 'bytes' }),
    linger_ms: opt('number', 'How long the producer waits to fill a batch, in ms (was 0 before 12.0.0).', { default: 5, unit: 'ms' }),
    buffer_memory: opt('number', 'Producer buffer in bytes.', { default: 33554432, unit: 'bytes' }),
    compression_type: opt(['none', 'gzip', 'snappy', 'lz4', 'zstd'], 'Compression of record batches.', { default: 'none' }),
    max_request_size: opt('number', 'Largest request in bytes.', { default: 1048576, unit: 'bytes' }),
    request_timeout_ms: opt('number', 'How long to wait for a broker\'s response, in ms.', { default: 40000, unit: 'ms' }),
    metadata_max_age_ms: opt('number', 'Refresh metadata at least this often, in ms.', { default: 300000, unit: 'ms' }),
    message_key: opt('string', 'Record key (may use %{field}); same key → same partition.'),
    message_headers: opt('hash', 'Record headers (values may use %{field}).', { default: {} }),
    partitioner: opt('string', 'round_robin or a partitioner class name (unset: the client\'s).'),
    client_id: opt('string', 'Client id sent with requests.', { default: 'logstash' }),
    client_dns_lookup: opt(['use_all_dns_ips', 'resolve_canonical_bootstrap_servers_only'], 'How broker names are resolved.', { default: 'use_all_dns_ips' }),
    key_serializer: opt('string', 'Key serializer class.', { default: 'org.apache.kafka.common.serialization.StringSerializer' }),
    value_serializer: opt('string', 'Value serializer class.', { default: 'org.apache.kafka.common.serialization.StringSerializer' }),
    security_protocol: opt(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'], 'Security protocol.', { default: 'PLAINTEXT' }),
    sasl_mechanism: opt('string', 'SASL mechanism.', { default: 'GSSAPI' }),
    sasl_jaas_config: opt('string', 'JAAS configuration.'),
  },
};

// logstash-output-s3 4.4.1 lib/logstash/outputs/s3.rb (SEMANTICS-2 §2.1)
export const s3Output: PluginDecl = {
  name: 's3',
  kind: 'output',
  source: 'logstash-output-s3 4.4.1 lib/logstash/outputs/s3.rb',
  simulated: true,
  options: {
    ...OUTPUT_COMMON,
    bucket: opt('string', 'The bucket.', { required: true }),
    region: opt('string', 'AWS region.', { default: 'us-east-1' }),
    endpoint: opt('string', 'A custom S3 endpoint, e.g. http://minio:9000.'),
    prefix: opt('string', 'Key prefix (may use %{field}).', { default: '' }),
    time_file: opt('number', 'Rotate the temporary file after this many MINUTES.', { default: 15, unit: 'minutes' }),
    size_file: opt('number', 'Rotate the temporary file at this size in bytes.', { default: 5242880, unit: 'bytes' }),
    rotation_strategy: opt(['size_and_time', 'size', 'time'], 'Which of time_file and size_file rotate.', { default: 'size_and_time' }),
    temporary_directory: opt('string', 'Where parts are written before upload.', { default: '/tmp/logstash' }),
    restore: opt('boolean', 'Upload parts left by a crash at the next start.', { default: true }),
    upload_workers_count: opt('number', 'Upload threads (default: CPU cores / 2, at least 1).'),
    upload_queue_size: opt('number', 'Parts waiting for upload.', { default: 4 }),
    retry_count: opt('number', 'Upload retries (default: Infinity).'),
    retry_delay: opt('number', 'Seconds between upload retries.', { default: 1, unit: 'seconds' }),
    encoding: opt(['none', 'gzip'], 'Compress parts.', { default: 'none' }),
    canned_acl: opt(['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'], 'ACL of uploaded objects.', { default: 'private' }),
    access_key_id: opt('string', 'AWS access key id.'),
    secret_access_key: opt('password', 'AWS secret key.'),
    validate_credentials_on_root_bucket: opt('boolean', 'Check write access at startup.', { default: true }),
    additional_settings: opt('hash', 'Extra S3 client settings.', { default: {} }),
  },
};

export const OUTPUTS: readonly PluginDecl[] = [elasticsearchOutput, kafkaOutput, s3Output];

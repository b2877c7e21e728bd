/** Input plugin declarations (options and defaults from each plugin's `config` lines). */
import { opt, type PluginDecl } from './declare.js';
import { INPUT_COMMON } from './common.js';

// logstash-input-beats 6.8 lib/logstash/inputs/beats.rb
export const beatsInput: PluginDecl = {
  name: 'beats',
  kind: 'input',
  source: 'logstash-input-beats 6.8.x lib/logstash/inputs/beats.rb',
  simulated: true,
  options: {
    ...INPUT_COMMON,
    host: opt('string', 'The address to listen on.', { default: '0.0.0.0' }),
    port: opt('number', 'The port to listen on; Filebeat\'s `output.logstash.hosts` names it.', { required: true }),
    ssl_enabled: opt('boolean', 'Accept TLS connections.', { default: false }),
    ssl_certificate: opt('path', 'Server certificate (PEM).'),
    ssl_key: opt('path', 'Server key (PKCS#8 PEM).'),
    ssl_client_authentication: opt(['none', 'optional', 'required'], 'Whether clients must present a certificate.', { default: 'none' }),
    ssl_certificate_authorities: opt('array', 'CA certificates that validate client certificates.', { default: [] }),
    client_inactivity_timeout: opt('number', 'Close an idle client connection after this many seconds.', { default: 60, unit: 'seconds' }),
    executor_threads: opt('number', 'Netty threads handling connections (default: 2 × CPU cores).'),
    include_codec_tag: opt('boolean', 'Tag events `beats_input_codec_…_applied`.', { default: true }),
    enrich: opt('array', 'Which metadata to add: source_metadata, codec_metadata, ssl_peer_metadata, all, none.'),
    event_loop_threads: opt('number', 'Netty event-loop threads (default: CPU cores).'),
  },
};

// logstash-input-file 4.4.7 lib/logstash/inputs/file.rb (SEMANTICS-2 §2.2)
export const fileInput: PluginDecl = {
  name: 'file',
  kind: 'input',
  source: 'logstash-input-file 4.4.7 lib/logstash/inputs/file.rb',
  simulated: false,
  options: {
    ...INPUT_COMMON,
    path: opt('array', 'Glob patterns of the files to read (absolute paths).', { required: true }),
    exclude: opt('array', 'Globs of file names to skip.'),
    mode: opt(['tail', 'read'], '`tail` follows files; `read` reads whole files once.', { default: 'tail' }),
    start_position: opt(['beginning', 'end'], 'Where a file never seen before is read from.', { default: 'end' }),
    sincedb_path: opt('string', 'Where read offsets are kept (default under path.data/plugins/inputs/file).'),
    sincedb_write_interval: opt('number', 'How often the sincedb is written (seconds, or a duration string such as "15 s").', { default: 15, unit: 'seconds' }),
    sincedb_clean_after: opt('number', 'Forget a file\'s offset after this many days.', { default: 14, unit: 'days' }),
    stat_interval: opt('number', 'How often files are checked for new lines (seconds).', { default: 1, unit: 'seconds' }),
    discover_interval: opt('number', 'Look for new files every this many stat intervals.', { default: 15 }),
    close_older: opt('number', 'Close a file not changed for this many seconds.', { default: 3600, unit: 'seconds' }),
    delimiter: opt('string', 'Line delimiter.', { default: '\n' }),
    file_completed_action: opt(['delete', 'log', 'log_and_delete'], 'In read mode, what to do with a finished file.', { default: 'delete' }),
    file_completed_log_path: opt('string', 'In read mode, the file completed paths are logged to.'),
  },
};

// logstash-integration-kafka 12.1.4 lib/logstash/inputs/kafka.rb (SEMANTICS-2 §2.3)
export const kafkaInput: PluginDecl = {
  name: 'kafka',
  kind: 'input',
  source: 'logstash-integration-kafka 12.1.4 lib/logstash/inputs/kafka.rb',
  simulated: false,
  options: {
    ...INPUT_COMMON,
    bootstrap_servers: opt('string', 'host:port,… of brokers to bootstrap from.', { default: 'localhost:9092' }),
    topics: opt('array', 'Topics to subscribe to.', { default: ['logstash'] }),
    topics_pattern: opt('string', 'A regex of topics to subscribe to (instead of `topics`).'),
    group_id: opt('string', 'Consumer group; instances with the same id share partitions.', { default: 'logstash' }),
    client_id: opt('string', 'Client id sent with requests.', { default: 'logstash' }),
    consumer_threads: opt('number', 'Consumer threads (more than partitions → idle threads).', { default: 1 }),
    auto_offset_reset: opt('string', 'earliest, latest, none (unset: the client default, latest).'),
    enable_auto_commit: opt('boolean', 'Commit offsets periodically in the background.', { default: true }),
    auto_commit_interval_ms: opt('number', 'Commit interval in ms.', { default: 5000, unit: 'ms' }),
    session_timeout_ms: opt('number', 'Group session timeout in ms.', { default: 10000, unit: 'ms' }),
    max_poll_records: opt('number', 'Most records returned by one poll.', { default: 500 }),
    isolation_level: opt(['read_uncommitted', 'read_committed'], 'Whether transactional records are read before their commit.', { default: 'read_uncommitted' }),
    decorate_events: opt(['none', 'basic', 'extended', 'false', 'true'], 'Add Kafka metadata under [@metadata][kafka].', { default: 'none' }),
    security_protocol: opt(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'], 'Security protocol.', { default: 'PLAINTEXT' }),
  },
};

// logstash-input-tcp 6.4 lib/logstash/inputs/tcp.rb
export const tcpInput: PluginDecl = {
  name: 'tcp',
  kind: 'input',
  source: 'logstash-input-tcp 6.4.x lib/logstash/inputs/tcp.rb',
  simulated: true,
  options: {
    ...INPUT_COMMON,
    host: opt('string', 'Address to listen on (server mode) or connect to (client mode).', { default: '0.0.0.0' }),
    port: opt('number', 'Port to listen on or connect to.', { required: true }),
    mode: opt(['server', 'client'], 'Listen for connections or connect out.', { default: 'server' }),
    tcp_keep_alive: opt('boolean', 'Enable TCP keep-alive.', { default: false }),
    dns_reverse_lookup_enabled: opt('boolean', 'Look up the client\'s host name.', { default: true }),
    ssl_enabled: opt('boolean', 'Accept TLS connections.', { default: false }),
  },
};

// logstash-input-udp 3.5 lib/logstash/inputs/udp.rb
export const udpInput: PluginDecl = {
  name: 'udp',
  kind: 'input',
  source: 'logstash-input-udp 3.5.x lib/logstash/inputs/udp.rb',
  simulated: true,
  options: {
    ...INPUT_COMMON,
    host: opt('string', 'Address to listen on.', { default: '0.0.0.0' }),
    port: opt('number', 'Port to listen on.', { required: true }),
    buffer_size: opt('number', 'Largest packet read, in bytes.', { default: 65536, unit: 'bytes' }),
    workers: opt('number', 'Threads processing packets.', { default: 2 }),
    queue_size: opt('number', 'Unprocessed packets held in memory; beyond it packets are dropped.', { default: 2000 }),
    receive_buffer_bytes: opt('number', 'Socket receive buffer size (default: the OS\'s).', { unit: 'bytes' }),
    source_ip_fieldname: opt('string', 'Field that receives the sender\'s address.'),
  },
};

export const INPUTS: readonly PluginDecl[] = [beatsInput, fileInput, kafkaInput, tcpInput, udpInput];

/**
 * A Kinesis Client Library application on <host>: two files, like a Kafka consumer app's.
 *
 *   <host>/kcl.properties   the KCL MultiLangDaemon's properties, KCL's own keys and defaults
 *                           (amazon-kinesis-client-python samples/sample.properties; KCL 2.x/3.x):
 *                           executableName, streamName (or streamArn), applicationName,
 *                           initialPositionInStream, failoverTimeMillis, maxRecords, idleTimeBetweenReadsInMillis, …
 *   <host>/app.yaml         what the record processor's code does, which no KCL property says:
 *       checkpoint: after-processing     # checkpointer.checkpoint() after writing | before-processing
 *       processing-time: 5ms             # work per record
 *       instances: 1                     # workers of the application (they share the shards' leases)
 *       output:
 *         elasticsearch: { hosts: ["http://es:9200"], index: logs, document_id: "%{[@metadata][_id]}" }
 *         # or s3: { prefix: raw/ }
 *
 * It compiles to the internal `type: kinesis-consumer` node named after the host (SEMANTICS-2 §6.1).
 */
import { closest } from '../../spec/suggest.js';
import type { Loc } from '../logstash/ast.js';
import { Problems } from '../shared/issues.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';
import { readSettingsYaml } from '../yaml/read.js';
import { readClientProperties, type ClientConfig } from '../kafka/clients.js';
import type { AwsTemplate } from './template.js';

const k = (kind: ClientConfig['kind'], def: string | null, doc: string, simulated = false): ClientConfig => ({ kind, default: def, doc, simulated });

/** MultiLangDaemon properties (KinesisClientLibConfigurator); times in ms. */
export const KCL_PROPERTIES: Readonly<Record<string, ClientConfig>> = {
  executableName: k('string', null, 'The record processor the daemon runs (speaks the multi-language protocol on stdin/stdout).', true),
  streamName: k('string', null, 'The Kinesis stream to read.', true),
  streamArn: k('string', null, 'The stream\'s ARN; takes precedence over streamName.', true),
  applicationName: k('string', null, 'The application: names the DynamoDB lease table that keeps its leases and checkpoints.', true),
  initialPositionInStream: k(['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'], 'LATEST', 'Where a shard without a checkpoint is read from.', true),
  initialPositionInStreamExtended: k('long', null, 'A timestamp for AT_TIMESTAMP.'),
  regionName: k('string', 'us-east-1', 'The region.', true),
  failoverTimeMillis: k('long', '10000', 'A lease not renewed for this long is taken by another worker.', true),
  maxRecords: k('int', '10000', 'Most records per GetRecords call.', true),
  idleTimeBetweenReadsInMillis: k('long', '1000', 'Pause between GetRecords calls on a shard.', true),
  workerId: k('string', null, 'This worker\'s id in the lease table.', true),
  AwsCredentialsProvider: k('string', 'DefaultCredentialsProvider', 'Credentials.', true),
  processingLanguage: k('string', null, 'Appended to the user agent.', true),
  shardSyncIntervalMillis: k('long', '60000', 'Between shard syncs.'),
  callProcessRecordsEvenForEmptyRecordList: k('boolean', 'false', 'Call processRecords with no records.'),
  parentShardPollIntervalMillis: k('long', '10000', 'Between checks that a parent shard is finished (after a reshard, a child shard waits for its parents).', true),
  cleanupLeasesUponShardCompletion: k('boolean', 'true', 'Delete a finished shard\'s lease.'),
  taskBackoffTimeMillis: k('long', '500', 'Backoff after a failed task.'),
  metricsBufferTimeMillis: k('long', '10000', 'Buffer metrics this long.'),
  metricsMaxQueueSize: k('int', '10000', 'Buffer at most this many metrics.'),
  metricsLevel: k(['NONE', 'SUMMARY', 'DETAILED'], 'DETAILED', 'CloudWatch metrics level.'),
  validateSequenceNumberBeforeCheckpointing: k('boolean', 'true', 'Check a checkpoint\'s sequence number with Kinesis.'),
  maxActiveThreads: k('int', '0', 'Threads of the daemon.'),
  maxLeasesForWorker: k('int', null, 'Most leases one worker holds.'),
  maxLeasesToStealAtOneTime: k('int', '1', 'Leases taken from another worker at once.'),
  shardPrioritization: k('string', null, 'Order in which shards are processed.'),
};

const APP_KEYS = ['checkpoint', 'processing-time', 'instances', 'output'] as const;

export interface KclApp { node: Record<string, unknown>; esHosts?: { hosts: HostPort[]; loc: Loc }; usesS3: boolean }

/** kcl.properties on its own: KCL's keys, the daemon's required ones, and the stream it names. */
export function checkKclProperties(properties: string, p: Problems) {
  // The Kafka reader's wording for an unknown key is the Kafka client's; the daemon's is its own.
  const read = new Problems(p.file);
  const settings = readClientProperties(properties, KCL_PROPERTIES, read);
  for (const issue of read.list) {
    const unknown = /^The configuration '(.+)' was supplied but isn't a known config\.$/.exec(issue.message);
    const hint = issue.hint?.replace(/ ?\(the client logs this and ignores the key\)|the client logs this and ignores the key/, '');
    const { hint: _h, ...rest } = issue;
    p.list.push(unknown ? { ...rest, message: `'${unknown[1]}' is not a KCL property: the MultiLangDaemon ignores it`, ...(hint ? { hint } : {}) } : issue);
  }
  for (const key of ['executableName', 'applicationName']) if (!settings.values.has(key)) p.error(undefined, `${key} is required by the MultiLangDaemon`, key === 'applicationName' ? 'applicationName=indexer' : 'executableName=processor.py');
  const arn = settings.values.get('streamArn');
  const named = settings.values.get('streamName');
  const nameEntry = arn ?? named;
  const streamName = arn ? /:stream\/(.+)$/.exec(String(arn.value))?.[1] : named ? String(named.value) : undefined;
  if (!nameEntry) p.error(undefined, 'streamName (or streamArn) is required by the MultiLangDaemon', 'streamName=logs');
  return { settings, nameEntry, streamName };
}

export function compileKclApp(host: string, properties: string, appYaml: string | undefined, p: Problems, ap: Problems, aws: AwsTemplate | undefined): KclApp {
  const { settings, nameEntry, streamName } = checkKclProperties(properties, p);
  const stream = streamName !== undefined ? aws?.streams.get(streamName) : undefined;
  if (nameEntry && !stream && !aws?.refusedStreams.has(streamName ?? '')) {
    const guess = closest(streamName ?? '', aws?.streams.keys() ?? []);
    p.error(nameEntry.entry.valueLoc, `no AWS::Kinesis::Stream named ${streamName} in aws/template.yaml`, guess ? `did you mean ${guess}?` : 'declare it in aws/template.yaml');
  }
  const source: Record<string, unknown> = { node: stream?.id ?? '' };
  const app = settings.values.get('applicationName');
  if (app) source['application-name'] = app.value;
  const position = settings.values.get('initialPositionInStream');
  if (position?.value === 'AT_TIMESTAMP') p.warn(position.entry.valueLoc, 'AT_TIMESTAMP is valid but not simulated: read as TRIM_HORIZON');
  if (position) source.initialPositionInStream = position.value === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON';
  for (const key of ['failoverTimeMillis', 'maxRecords', 'idleTimeBetweenReadsInMillis', 'parentShardPollIntervalMillis']) {
    const v = settings.values.get(key);
    if (v) source[key] = v.value;
  }
  const node: Record<string, unknown> = { type: 'kinesis-consumer', source };
  const out: KclApp = { node, usesS3: false };
  if (appYaml === undefined) {
    ap.error(undefined, `the KCL application on ${host} needs app.yaml: when it checkpoints and where it writes`, 'checkpoint: after-processing\noutput: { elasticsearch: { hosts: ["http://es:9200"], index: logs } }');
    return out;
  }
  const code = readKclAppYaml(appYaml, ap);
  Object.assign(node, code.fields);
  if (code.output) node.output = code.output;
  if (code.esHosts) out.esHosts = code.esHosts;
  out.usesS3 = code.usesS3;
  return out;
}

export interface KclAppYaml { fields: Record<string, unknown>; output?: Record<string, unknown>; esHosts?: { hosts: HostPort[]; loc: Loc }; usesS3: boolean }

/** A KCL app's app.yaml on its own (a small, documented form: see the header); values in the internal spec's units. */
export function readKclAppYaml(text: string, ap: Problems): KclAppYaml {
  const app: KclAppYaml = { fields: {}, usesS3: false };
  const yml = readSettingsYaml(text, ap, new Set(['output']));
  if (!yml) return app;
  for (const s of yml.settings.values()) {
    if (!(APP_KEYS as readonly string[]).includes(s.key)) {
      const guess = closest(s.key, APP_KEYS);
      ap.error(s.keyLoc, `unknown key \`${s.key}\` in a KCL app's app.yaml`, guess ? `did you mean \`${guess}\`?` : `app.yaml holds ${APP_KEYS.join(', ')}; KCL settings go in kcl.properties`);
      continue;
    }
    if (s.key !== 'output') {
      app.fields[s.key] = s.value;
      continue;
    }
    const o = s.value as Record<string, Record<string, unknown>> | null;
    const es = o?.elasticsearch;
    if (!o || typeof o !== 'object' || (!es && !o.s3) || Object.keys(o).length !== 1) ap.error(s.valueLoc, 'output is one of elasticsearch: { hosts, index, document_id } or s3: { prefix }');
    else if (es) {
      const { hosts, ...rest } = es;
      const list = Array.isArray(hosts) ? hosts : typeof hosts === 'string' ? [hosts] : [];
      if (list.length === 0) ap.error(s.valueLoc, 'output.elasticsearch needs hosts', 'hosts: ["http://es:9200"]');
      app.esHosts = { hosts: list.map((h) => parseHostPort(String(h), 9200)), loc: s.valueLoc };
      app.output = { elasticsearch: { node: '', ...rest } };
    } else {
      app.output = { s3: { node: 's3', ...o.s3 } };
      app.usesS3 = true;
    }
  }
  if (!app.output) ap.error(undefined, 'app.yaml needs `output`: where the record processor writes', 'output: { elasticsearch: { hosts: ["http://es:9200"], index: logs } }');
  return app;
}

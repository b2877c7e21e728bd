/**
 * A CREATE TABLE's WITH options checked the way Flink's FactoryUtil checks them when the job is
 * planned: a missing or unknown connector, an option the connector does not have, a value of the
 * wrong type and a missing required option stop the job (errors); `properties.*` are passed to
 * the Kafka client, which only logs keys it does not know (a warning); a real option the
 * simulation does not model is a warning that says so.
 */
import { closest } from '../../spec/suggest.js';
import type { Problems } from '../shared/issues.js';
import { CONSUMER_CONFIGS, PRODUCER_CONFIGS } from '../kafka/clients.js';
import { CONNECTORS, FORMAT_OPTIONS, UNSIMULATED_CONNECTORS, invalidOptionValue } from './connectors.js';
import type { SqlOption, SqlTable } from './sql-parse.js';
import { KINESIS_4X_NAMES, isKinesis4xKey } from './connector-kinesis.js';

export type ConnectorName = 'kafka' | 'elasticsearch-7' | 'filesystem' | 'kinesis';

/** The table's connector when its options are valid and the simulation runs it; otherwise undefined. */
export function checkTableOptions(table: SqlTable, problems: Problems): ConnectorName | undefined {
  const connector = table.options.get('connector');
  if (!connector) {
    problems.error(table.nameLoc, `Table options do not contain an option key 'connector' for discovering a connector. (table '${table.name}')`, "add 'connector' = 'kafka' (or 'kinesis', 'elasticsearch-7', 'filesystem') to WITH (…)");
    return undefined;
  }
  const decls = CONNECTORS[connector.value];
  if (!decls) {
    if ((UNSIMULATED_CONNECTORS as readonly string[]).includes(connector.value)) {
      problems.warn(connector.valueLoc, `connector '${connector.value}' is valid but not simulated: the simulation runs kafka, kinesis, elasticsearch-7 and filesystem tables`);
      return undefined;
    }
    const guess = closest(connector.value, [...Object.keys(CONNECTORS), ...UNSIMULATED_CONNECTORS]);
    problems.error(connector.valueLoc, `Could not find any factory for identifier '${connector.value}' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.`, guess ? `did you mean '${guess}'?` : `available: ${Object.keys(CONNECTORS).join(', ')}`);
    return undefined;
  }
  const formats = new Set([table.options.get('format')?.value, table.options.get('value.format')?.value, table.options.get('key.format')?.value].filter((f): f is string => f !== undefined));
  let ok = true;
  for (const option of table.options.values()) ok = checkOption(connector.value, option, decls, formats, problems) && ok;
  ok = checkRequired(connector.value as ConnectorName, table, problems) && ok;
  return ok ? (connector.value as ConnectorName) : undefined;
}

function checkOption(connector: string, option: SqlOption, decls: (typeof CONNECTORS)[string], formats: Set<string>, problems: Problems): boolean {
  const { key, value } = option;
  const decl = decls![key];
  if (decl) {
    const bad = invalidOptionValue(decl.kind, value);
    if (bad) {
      problems.error(option.valueLoc, `Invalid value for option '${key}'. ${bad}`, decl.doc);
      return false;
    }
    if (!decl.simulated && value !== decl.default) problems.warn(option.keyLoc, `'${key}' is valid but not simulated`, decl.doc);
    return true;
  }
  if (connector === 'kinesis' && isKinesis4xKey(key)) {
    // flink-connector-aws 5.x renamed the source options; the old names fail the job as any unknown key does.
    const now = KINESIS_4X_NAMES[key];
    problems.error(option.keyLoc, `Unsupported options found for 'kinesis': '${key}'`, now ? `'${key}' is the flink-connector-aws 4.x name: 5.x reads '${now}'${key === 'stream' ? " (the stream's ARN, e.g. 'arn:aws:kinesis:us-east-1:123456789012:stream/logs')" : ''}` : `'${key}' is a flink-connector-aws 4.x option with no 5.x counterpart: remove it (only 'connector' = 'kinesis-legacy' still reads the 4.x names)`);
    return false;
  }
  if (connector === 'kinesis' && (key.startsWith('source.') || key.startsWith('aws.'))) {
    // KinesisDynamicTableFactory passes 'source.' and 'aws.' keys on unchecked (getNonValidatedPrefixes): an unknown one is ignored.
    const guess = closest(key, Object.keys(decls!).filter((k) => k.startsWith(key.slice(0, key.indexOf('.') + 1))));
    problems.warn(option.keyLoc, `'${key}' is not an option of the Kinesis source: Flink passes '${key.slice(0, key.indexOf('.'))}.*' keys on unchecked, so the job starts and ignores it`, guess ? `did you mean '${guess}'?` : undefined);
    return true;
  }
  if (connector === 'kafka' && key.startsWith('properties.')) {
    // Passed as they are to the Kafka client (KafkaConnectorOptionsUtil.getKafkaProperties).
    const client = key.slice('properties.'.length);
    if (!CONSUMER_CONFIGS[client] && !PRODUCER_CONFIGS[client]) {
      const guess = closest(client, [...Object.keys(CONSUMER_CONFIGS), ...Object.keys(PRODUCER_CONFIGS)]);
      problems.warn(option.keyLoc, `The configuration '${client}' was supplied but isn't a known config.`, guess ? `did you mean 'properties.${guess}'?` : 'the Kafka client logs this and ignores the key');
    } else if (!['bootstrap.servers', 'group.id', 'isolation.level', 'auto.offset.reset', 'transaction.timeout.ms'].includes(client)) {
      problems.warn(option.keyLoc, `Kafka client setting '${client}' is valid but not simulated`);
    }
    return true;
  }
  const dot = key.indexOf('.');
  const prefix = dot > 0 ? key.slice(0, dot) : '';
  if (formats.has(prefix) && FORMAT_OPTIONS[prefix]) {
    if (FORMAT_OPTIONS[prefix].includes(key.slice(dot + 1))) return true;
    const guess = closest(key, FORMAT_OPTIONS[prefix].map((k) => `${prefix}.${k}`));
    problems.error(option.keyLoc, `Unsupported options found for '${connector}': '${key}'`, guess ? `did you mean '${guess}'?` : `the ${prefix} format has: ${FORMAT_OPTIONS[prefix].join(', ')}`);
    return false;
  }
  const guess = closest(key, [...Object.keys(decls!), ...[...formats].flatMap((f) => (FORMAT_OPTIONS[f] ?? []).map((k) => `${f}.${k}`))]);
  problems.error(option.keyLoc, `Unsupported options found for '${connector}': '${key}'`, guess ? `did you mean '${guess}'?` : `supported: ${Object.keys(decls!).slice(0, 12).join(', ')}, …`);
  return false;
}

function checkRequired(connector: ConnectorName, table: SqlTable, problems: Problems): boolean {
  const has = (k: string) => table.options.has(k);
  const missing = (k: string, hint: string) => {
    problems.error(table.nameLoc, `One or more required options are missing. Missing required options are: ${k} (table '${table.name}')`, hint);
    return false;
  };
  if (connector === 'kafka') {
    if (!has('properties.bootstrap.servers')) return missing('properties.bootstrap.servers', "'properties.bootstrap.servers' = 'kafka:9092'");
    if (!has('format') && !has('value.format')) {
      problems.error(table.nameLoc, `Could not find required sink format 'value.format'. (table '${table.name}')`, "'format' = 'json'");
      return false;
    }
    if (has('topic') && has('topic-pattern')) {
      problems.error(table.options.get('topic-pattern')!.keyLoc, "Option 'topic' and 'topic-pattern' shouldn't be set together.");
      return false;
    }
    const guarantee = (table.options.get('sink.delivery-guarantee') ?? table.options.get('sink.semantic'))?.value.toLowerCase();
    if (guarantee === 'exactly-once' && !has('sink.transactional-id-prefix')) {
      problems.error(table.options.get('sink.delivery-guarantee')?.valueLoc ?? table.nameLoc, "sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE.", "'sink.transactional-id-prefix' = 'my-job' (unique per application)");
      return false;
    }
    return true;
  }
  if (connector === 'kinesis') return checkKinesisRequired(table, problems, missing);
  if (connector === 'elasticsearch-7') {
    if (!has('hosts')) return missing('hosts', "'hosts' = 'http://elasticsearch:9200'");
    if (!has('index')) return missing('index', "'index' = 'counts'");
    for (const host of table.options.get('hosts')!.value.split(';')) {
      if (!/^https?:\/\/[^:/]+:\d+\/?$/.test(host.trim())) {
        problems.error(table.options.get('hosts')!.valueLoc, `Could not parse host '${host}' in option 'hosts'. It should follow the format 'http://host_name:port'.`);
        return false;
      }
    }
    if (table.options.get('sink.delivery-guarantee')?.value.toLowerCase() === 'exactly-once') {
      problems.error(table.options.get('sink.delivery-guarantee')!.valueLoc, 'Elasticsearch sink does not support EXACTLY_ONCE delivery guarantee.', 'at-least-once, plus a PRIMARY KEY so that replays overwrite the same documents');
      return false;
    }
    return true;
  }
  if (!has('path')) return missing('path', "'path' = 's3://lake/counts/'");
  if (!has('format')) return missing('format', "'format' = 'json'");
  return true;
}

/**
 * KinesisDynamicTableFactory.requiredOptions (stream.arn, format, aws.region) and
 * KinesisStreamsSourceConfigUtil.validateStreamSourceConfiguration: AT_TIMESTAMP needs a timestamp.
 */
function checkKinesisRequired(table: SqlTable, problems: Problems, missing: (k: string, hint: string) => boolean): boolean {
  const opt = (k: string) => table.options.get(k);
  if (!opt('stream.arn')) return missing('stream.arn', opt('stream') ? "flink-connector-aws 5.x names the stream by its ARN: 'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs'" : "'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs'");
  if (!opt('aws.region')) return missing('aws.region', "'aws.region' = 'us-east-1'");
  if (!opt('format')) return missing('format', "'format' = 'json'");
  const position = opt('source.init.position');
  if (position?.value.toUpperCase() === 'AT_TIMESTAMP' && !opt('source.init.timestamp')) {
    problems.error(position.valueLoc, "Please set value for initial timestamp ('source.init.timestamp') when using AT_TIMESTAMP initial position.", "'source.init.timestamp' = '2026-01-01T00:00:05.000Z' (or seconds since the epoch, '1767225605.0')");
    return false;
  }
  return true;
}

/** Every declared plugin, by kind and name; plus real plugins the simulator knows of but does not model. */
import type { PluginDecl, PluginKind } from './declare.js';
import { INPUTS } from './inputs.js';
import { FILTERS } from './filters.js';
import { OUTPUTS } from './outputs.js';

export type { PluginDecl, PluginKind, OptionDecl, Validate } from './declare.js';

const BY_KIND: Record<PluginKind, ReadonlyMap<string, PluginDecl>> = {
  input: new Map(INPUTS.map((p) => [p.name, p])),
  filter: new Map(FILTERS.map((p) => [p.name, p])),
  output: new Map(OUTPUTS.map((p) => [p.name, p])),
};

/** Plugins bundled with Logstash 8.x that are not declared here: valid, never simulated, options unchecked. */
const BUNDLED_UNDECLARED: Record<PluginKind, readonly string[]> = {
  input: ['generator', 'stdin', 'http', 'http_poller', 'syslog', 's3', 'sqs', 'redis', 'pipeline', 'heartbeat', 'jdbc', 'elasticsearch', 'exec', 'dead_letter_queue', 'elastic_agent', 'snmp', 'unix', 'twitter', 'rabbitmq', 'gelf', 'azure_event_hubs', 'jms', 'graphite', 'imap', 'sqlite', 'ganglia', 'beats_input'],
  filter: ['kv', 'geoip', 'useragent', 'ruby', 'split', 'clone', 'translate', 'dissect', 'csv', 'urldecode', 'uuid', 'prune', 'aggregate', 'throttle', 'dns', 'metrics', 'truncate', 'xml', 'elapsed', 'cidr', 'de_dot', 'environment', 'extractnumbers', 'http', 'jdbc_static', 'jdbc_streaming', 'memcached', 'syslog_pri', 'elasticsearch', 'anonymize'],
  output: ['stdout', 'file', 'http', 'pipeline', 'null', 'redis', 'tcp', 'udp', 'email', 'exec', 'graphite', 'sns', 'sqs', 'webhdfs', 'rabbitmq', 'lumberjack', 'nagios', 'pagerduty', 'csv', 'cloudwatch', 'elastic_app_search', 'elastic_workplace_search', 'google_bigquery', 'google_cloud_storage', 'gelf', 'statsd'],
};

export function declaredPlugin(kind: PluginKind, name: string): PluginDecl | undefined {
  return BY_KIND[kind].get(name);
}

export function isBundledUndeclared(kind: PluginKind, name: string): boolean {
  return BUNDLED_UNDECLARED[kind].includes(name);
}

export function pluginNames(kind: PluginKind): string[] {
  return [...BY_KIND[kind].keys(), ...BUNDLED_UNDECLARED[kind]];
}

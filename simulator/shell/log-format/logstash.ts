/**
 * A Logstash node's log in its plain layout, with the messages the elasticsearch and kafka outputs
 * write when a bulk request fails and is retried (logstash-output-elasticsearch's common.rb,
 * logstash-integration-kafka's kafka output).
 */
import type { LogLine } from '../../run/result.js';
import { logstashLine } from './layouts.js';

const ES = 'logstash.outputs.elasticsearch';
const KAFKA = 'logstash.outputs.kafka';

/** `retry_initial_interval` default: the first retry of a failed bulk request waits 2 s. */
const FIRST_RETRY_S = 2;

function unreachable(t: number, host: string, exception: string, cause: string): string {
  const message = `Elasticsearch Unreachable: [http://${host}:9200/_bulk][${exception}] ${cause}`;
  return logstashLine(t, 'error', ES, `Attempted to send a bulk request but Elasticsearch appears to be unreachable or down {:message=>"${message}", :exception=>LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError, :will_retry_in_seconds=>${FIRST_RETRY_S}}`);
}

export function formatLogstash(l: LogLine, esHost: string | undefined): string[] | undefined {
  const t = l.timeMs;
  let m = /^elasticsearch output: connection to (\S+) reset \(the process went down\)/.exec(l.text);
  if (m) return [unreachable(t, m[1]!, 'Manticore::SocketException', 'Connection reset')];
  m = /^elasticsearch output: no bulk response within \d+ ms, retrying$/.exec(l.text);
  if (m && esHost) return [unreachable(t, esHost, 'Manticore::SocketTimeout', 'Read timed out')];
  // The output already words this one as Logstash does; only the layout is added.
  if (l.text.startsWith('Could not index event to Elasticsearch.')) return [logstashLine(t, 'warn', ES, l.text)];
  m = /^kafka output: producer send failed, dropping record: (.*)$/.exec(l.text);
  if (m) return [logstashLine(t, 'warn', KAFKA, `producer send failed, dropping record {:exception=>"${m[1]!}"}`)];
  if (l.text.startsWith('kafka output: Kafka output is configured with finite retry.')) return [logstashLine(t, 'warn', KAFKA, l.text.slice('kafka output: '.length).replace(/ \(retries: \d+\)$/, ''))];
  return undefined;
}

/**
 * A Filebeat node's log as its JSON lines: the logstash output's publish failures (the batches
 * go back to the queue and are sent again) and the reconnection, and the elasticsearch output's.
 */
import type { LogLine } from '../../run/result.js';
import { filebeatLine } from './layouts.js';

export function formatFilebeat(l: LogLine): string[] | undefined {
  const t = l.timeMs;
  let m = /^connection to (\S+) reset \(the process went down\): \d+ batch\(es\) will be resent$/.exec(l.text);
  if (m) {
    return [
      filebeatLine(t, 'error', 'logstash', 'Failed to publish events caused by: EOF'),
      filebeatLine(t, 'error', 'publisher_pipeline_output', 'failed to publish events: EOF'),
      filebeatLine(t, 'info', 'publisher_pipeline_output', `Connecting to backoff(async(tcp://${m[1]!}:5044))`),
    ];
  }
  m = /^no ACK from (\S+) within \d+ ms: closing the connection/.exec(l.text);
  if (m) {
    return [
      filebeatLine(t, 'error', 'logstash', 'Failed to publish events caused by: read: i/o timeout'),
      filebeatLine(t, 'error', 'publisher_pipeline_output', 'failed to publish events: read: i/o timeout'),
      filebeatLine(t, 'info', 'publisher_pipeline_output', `Connecting to backoff(async(tcp://${m[1]!}:5044))`),
    ];
  }
  m = /^connection to (\S+) reset \(the process went down\): \d+ bulk request\(s\) will be retried$/.exec(l.text);
  if (m) return [filebeatLine(t, 'error', 'elasticsearch', `Failed to perform any bulk index operations: Post "http://${m[1]!}:9200/_bulk": EOF`)];
  return undefined;
}

/**
 * Whether a terminal line is a real tool's log line as log-format writes it: the Korean terminal
 * leaves these as they are (the tools write English whatever the reader's language), where a
 * simulator template matching a few words inside one would otherwise rewrite half a line.
 */
const REAL_LINE = [
  /^\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d,\d{3}\]/, // Kafka `[2026-01-01 00:00:05,123]`, Logstash and Elasticsearch `[2026-01-01T00:00:05,123]`
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:INFO|WARN|ERROR) /, // Flink
  /^\{"log\.level":/, // Filebeat's JSON
  /^org\.apache\.[\w.]+(?:Exception|Error): /, // a Java exception's own line
];

export function isRealToolLogLine(line: string): boolean {
  return REAL_LINE.some((re) => re.test(line));
}

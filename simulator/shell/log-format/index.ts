/**
 * `/var/log/<node>.log` as that process writes its log: the run-log lines the real tool has a line
 * of its own for become that line, in its layout (Kafka and consumer apps: log4j; Logstash: plain;
 * Filebeat: JSON; Flink: log4j with its checkpoint history). Lines the tool would not write (the
 * simulator's notes: crashes, link faults, …) stay in the simulator's own `[clock][LEVEL][source]`
 * form, so they read as the simulator speaking and are the only ones the Korean page translates.
 */
import type { LogLine } from '../../run/result.js';
import type { RunHandle } from '../../run/run.js';
import { clock } from '../view.js';
import { formatConsumer, groupIdOf } from './consumer.js';
import { formatFilebeat } from './filebeat.js';
import { checkpointLines, formatFlink } from './flink.js';
import { KafkaLog } from './kafka.js';
import { formatLogstash } from './logstash.js';
import type { Timed } from './timed.js';

/** The simulator's own form of a run-log line (also `/var/log/sim.log`'s). */
export function simLine(l: LogLine): string {
  return `[${clock(l.timeMs)}][${l.level.toUpperCase().padEnd(5)}][${l.source}] ${l.text}`;
}

/** The first Elasticsearch node the spec has (a Logstash output timing out names no host). */
function esHost(handle: RunHandle): string | undefined {
  return Object.entries(handle.spec.nodes).find(([, s]) => s.type === 'elasticsearch')?.[0];
}

/** Every line of `node`'s log, in time order, from the run-log lines about it. */
export function nodeLog(handle: RunHandle, node: string, lines: readonly LogLine[]): string[] {
  const spec = handle.spec.nodes[node];
  const type = spec?.type;
  const kafka = type === 'kafka' ? new KafkaLog(handle, node) : undefined;
  const group = type === 'consumer' ? groupIdOf(spec) : undefined;
  const es = esHost(handle);
  // The checkpoint coordinator's lines go first: at one instant an expired checkpoint is logged before
  // the job failure it causes.
  const out: Timed[] = type === 'flink' ? checkpointLines(handle, node) : [];
  for (const l of lines) {
    const real =
      type === 'kafka' ? kafka!.format(l)
      : type === 'logstash' ? formatLogstash(l, es)
      : type === 'beats' ? formatFilebeat(l)
      : type === 'flink' ? formatFlink(node, l)
      : type === 'consumer' ? formatConsumer(l, group, handle.result.log)
      : undefined;
    for (const text of real ?? [simLine(l)]) out.push({ timeMs: l.timeMs, text });
  }
  // Stable: lines of one instant keep the order they were written in.
  return out.sort((a, b) => a.timeMs - b.timeMs).map((x) => x.text);
}

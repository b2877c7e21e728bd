/**
 * The timestamp and line layouts the real processes write, on the simulated wall clock
 * (virtual time 0 is EPOCH_MS, as in the generated access logs).
 */
import { EPOCH_MS } from '../../workload/clock.js';
import type { LogLine } from '../../run/result.js';

export type Level = LogLine['level'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-01-01 00:00:05,123`: log4j's default `%d` (Kafka, Flink). */
export function log4jTime(virtualMs: number): string {
  const d = new Date(EPOCH_MS + virtualMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())},${pad(d.getUTCMilliseconds(), 3)}`;
}

/** `2026-01-01T00:00:05,123`: `%d{ISO8601}` (Logstash). */
export function iso8601Comma(virtualMs: number): string {
  return log4jTime(virtualMs).replace(' ', 'T');
}

/** Kafka's log4j layout: `[%d] %p %m (%c)%n`. */
export function kafkaLine(timeMs: number, level: Level, logger: string, message: string): string {
  return `[${log4jTime(timeMs)}] ${level.toUpperCase()} ${message} (${logger})`;
}

/** Flink's log4j layout: `%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n`. */
export function flinkLine(timeMs: number, level: Level, logger: string, message: string): string {
  return `${log4jTime(timeMs)} ${level.toUpperCase().padEnd(5)} ${logger.padEnd(60)} [] - ${message}`;
}

/** Logstash's plain layout: `[%d{ISO8601}][%-5p][%-25c]%notEmpty{[%X{pipeline.id}]} %m%n`. */
export function logstashLine(timeMs: number, level: Level, logger: string, message: string): string {
  return `[${iso8601Comma(timeMs)}][${level.toUpperCase().padEnd(5)}][${logger.padEnd(25)}][main] ${message}`;
}

/** Filebeat's ECS JSON line, keys in the order it writes them. */
export function filebeatLine(timeMs: number, level: Level, logger: string, message: string): string {
  const at = new Date(EPOCH_MS + timeMs).toISOString();
  return JSON.stringify({ 'log.level': level, '@timestamp': at, 'log.logger': logger, message, 'service.name': 'filebeat', 'ecs.version': '1.6.0' });
}

/**
 * A Kafka consumer application's log: its KafkaConsumer's ConsumerCoordinator lines when poll() came
 * too late and the member leaves its group (AbstractCoordinator's heartbeat thread).
 */
import type { LogLine } from '../../run/result.js';
import { kafkaLine } from './layouts.js';

const COORDINATOR = 'org.apache.kafka.clients.consumer.internals.ConsumerCoordinator';

/** The `group.id` somewhere in the node's spec (consumer apps and Flink sources both carry one). */
export function groupIdOf(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined;
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'group.id' && typeof v === 'string') return v;
    const inner = groupIdOf(v);
    if (inner) return inner;
  }
  return undefined;
}

/** The member id the coordinator names when it removes the member that left at `atMs` or soon after. */
function leavingMember(log: readonly LogLine[], group: string, atMs: number): string | undefined {
  const prefix = `group ${group}: member `;
  for (const l of log) {
    if (l.timeMs < atMs || !l.text.startsWith(prefix)) continue;
    const m = /^(\S+) left the group/.exec(l.text.slice(prefix.length));
    if (m) return m[1];
  }
  return undefined;
}

export function formatConsumer(l: LogLine, group: string | undefined, log: readonly LogLine[]): string[] | undefined {
  if (l.text === 'commit failed: CommitFailedException: not a member of the group (it was removed or is rejoining)') {
    // Thrown to the application by commitSync(); it is the exception's own line that the log shows.
    return ['org.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.'];
  }
  if (!/^kafka consumer: poll\(\) not called within max\.poll\.interval\.ms/.test(l.text) || !group) return undefined;
  // The default client.id: consumer-<group.id>-<n>, n counting consumers in the process (one here).
  const who = `[Consumer clientId=consumer-${group}-1, groupId=${group}]`;
  const member = leavingMember(log, group, l.timeMs);
  // The coordinator's host and node id it also names are not in the run log.
  return [
    kafkaLine(l.timeMs, 'warn', COORDINATOR, `${who} consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.`),
    ...(member ? [kafkaLine(l.timeMs, 'info', COORDINATOR, `${who} Member ${member} sending LeaveGroup request to coordinator due to consumer poll timeout has expired.`)] : []),
  ];
}

/** The contract between Logstash workers and their output plugins. */
import type { Message } from '../../core/node.js';
import type { Rec } from '../../core/record.js';

export interface LogstashOutput {
  readonly name: string;
  /**
   * Writes one worker batch. `done` fires once every event is settled — delivered, or
   * dropped with its loss noted — and only then may the queue ACK the batch [LS1].
   */
  write(events: readonly Rec[], done: () => void): void;
  receive(msg: Message, from: string): boolean;
  /** The process at `address` went down: connections to it are reset (see SimNode.peerDown). */
  peerDown?(address: string): void;
  /** Records the plugin holds and will still deliver (a buffered S3 file, a producer's unacked sends). */
  heldRecords?(visit: (rid: number) => void): void;
  /** The Logstash process died: note the loss of what the plugin held and had already reported done. */
  crash?(): void;
  metrics(): Record<string, number>;
  inspect(): unknown;
}

/** Exponential retry wait: `initialMs` doubling to `maxMs`. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

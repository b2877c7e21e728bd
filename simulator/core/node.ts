/**
 * The lifecycle every simulated component follows (DESIGN §2).
 *
 * A node keeps two kinds of state, and the split is the whole point of crash faults:
 * - durable state (Filebeat's registry on disk, Logstash's persisted queue up to its
 *   last checkpoint, a Kafka log, Flink's completed checkpoints) survives `crash()`;
 * - volatile state (memory queues, unflushed offsets, in-flight batches, open
 *   transactions, un-checkpointed operator state) is gone after `crash()`.
 *
 * `restart()` rebuilds the volatile part from the durable part, as the real process
 * does when it comes back. Timers set through the context die with the process:
 * a crash bumps the node's epoch and any timer from an older epoch never fires.
 */
import type { LatencySummary } from '../cost/visibility.js';
import type { Rng } from './prng.js';
import type { Ledger } from '../ledger/ledger.js';
import type { RecordColumn } from './record.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface NodeContext {
  /** Endpoint address of this node, e.g. `filebeat` or `kafka/broker-2`. */
  readonly address: string;
  /** The spec node this endpoint belongs to (`kafka` for `kafka/broker-2`); link faults name these. */
  readonly group: string;
  /** This node's own random stream. */
  readonly rng: Rng;
  readonly ledger: Ledger;
  /** Current virtual time in ms. */
  now(): number;
  /** Sends a message over the link to `to`; the link may delay, drop, duplicate or reorder it. */
  send(to: string, msg: Message): void;
  /** Runs `fn` after `delayMs` unless this node crashes first. */
  timer(delayMs: number, fn: () => void): void;
  /** Whether the endpoint `address` is up right now (a health check; real clients learn this by timeouts). */
  isUp(address: string): boolean;
  /** Adds a line to the run's event log (what the terminal and the timeline show). */
  log(level: LogLevel, text: string): void;
}

/** Anything sent over a link. `records` lets the network account for records in a dropped message. */
export interface Message {
  readonly kind: string;
  readonly records?: RecordColumn;
}

export interface SimNode {
  /** Endpoint address; unique in the run. */
  readonly address: string;
  start(ctx: NodeContext): void;
  receive(msg: Message, from: string): void;
  /** The process dies: drop volatile state. Durable state stays. */
  crash(): void;
  /** The process comes back: rebuild from durable state and resume work. */
  restart(): void;
  /**
   * A process this node may hold connections to went down. Its host's operating system closes the
   * dead process's sockets, so a peer waiting on one learns it one network hop later (a reset), not
   * at its own timeout. A network partition keeps that news from arriving.
   */
  peerDown?(address: string): void;
  /** Visits the rid of every record this node still holds and has yet to pass on (the ledger's "in flight"). */
  heldRecords?(visit: (rid: number) => void): void;
  /** Plain data describing the node's state now (for the terminal, the diagram and tests). */
  inspect?(): unknown;
}

/** A node whose state is a final output the ledger counts (a sink, or a Kafka topic nobody reads). */
export interface OutputNode {
  /** Adds, for every rid, how many times it counts in this output's final state. */
  countRecords(counts: Uint32Array): void;
  /** rids in the order they first arrived, for reorder detection (optional). */
  arrivalOrder?(): Iterable<number>;
  /** Extra state for the RunResult (`documents`, `versionsAbove1`, …). */
  outputStats?(): Record<string, number>;
  /** End-to-end latency, created → visible to this output's reader (simulator/cost). */
  latency?(): LatencySummary | undefined;
}

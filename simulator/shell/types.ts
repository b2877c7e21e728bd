/**
 * The terminal shell's contract (STYLE §6): a pure function of (run state, line) → output.
 * xterm in the page only displays what comes back; the worker holds the run handle.
 */
import type { RunHandle } from '../run/run.js';
import type { ReshardCall } from '../nodes/kinesis/reshard.js';
import type { Registration } from '../athena/partitions.js';
import type { StatementResult } from '../athena/query.js';

export interface ShellContext {
  /** The last finished (or cancelled) run, if any. */
  readonly handle: RunHandle | undefined;
  /**
   * What earlier commands of this terminal session changed (offsets reset with --execute, configs
   * set with kafka-configs --alter). The host keeps whatever a command hands back in
   * `ShellOutput.session` and passes it in again; it belongs to one run and is ignored for another.
   */
  readonly session?: ShellSession;
}

/**
 * The terminal session's own view on top of a finished run: plain immutable data, replaced (never
 * mutated) by the commands that change it, so `runLine` stays a function of (run, session, line).
 */
export interface ShellSession {
  /** The run this view belongs to: a new run starts from a clean view. */
  readonly handle: RunHandle;
  /** `group\ttopic\tpartition` → committed offset set by `kafka-consumer-groups --reset-offsets --execute`. */
  readonly offsets: ReadonlyMap<string, number>;
  /**
   * `topics:<name>` / `brokers:<id>` → configs set by `kafka-configs --alter`; null marks one removed
   * with --delete-config (so a topic config the spec set falls back to the broker's value).
   */
  readonly configs: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  /**
   * The instant (simulated ms) set with `at <time>`: the metric views (Logstash node stats, Flink's
   * REST API, _cat/thread_pool, _cluster/health, kafka-topics --under-replicated-partitions) answer
   * as of then. Absent: the end of the run.
   */
  readonly atMs?: number;
  /**
   * Stream name → resharding calls made in this terminal (`aws kinesis split-shard` …), applied to
   * the stream as the run left it: `list-shards` shows the result.
   */
  readonly reshards?: ReadonlyMap<string, readonly ReshardCall[]>;
  /**
   * Athena in this terminal: the query executions started (`aws athena start-query-execution`), in order,
   * and the Glue catalog's partitions as the run left them plus those added here (MSCK REPAIR TABLE,
   * ALTER TABLE ADD PARTITION, `aws glue start-crawler`), by `database.table`.
   */
  readonly athena?: AthenaSession;
}

export interface AthenaSession {
  readonly executions: readonly AthenaExecution[];
  readonly registrations: ReadonlyMap<string, readonly Registration[]>;
}

export interface AthenaExecution {
  readonly id: string;
  readonly query: string;
  readonly database: string;
  readonly outputLocation: string;
  readonly atMs: number;
  readonly result: StatementResult;
}

export function emptySession(handle: RunHandle): ShellSession {
  return { handle, offsets: new Map(), configs: new Map() };
}

/** Something the shell cannot do by itself and asks its host (the worker) to do. */
export type ShellAction =
  /** `sim run`: start a run of the current editor text. */
  | { kind: 'run' }
  /** `trace <id>` of a record that was not traced: run the same spec and seed again with `trace: [rid]`. */
  | { kind: 'retrace'; rid: number };

export interface ShellOutput {
  text: string;
  /** Exit status like a real shell's `$?`: 0 ok, 1 failed, 127 unknown command. */
  status: number;
  action?: ShellAction;
  /** The session's view after this command, when it changed it (see ShellContext.session). */
  session?: ShellSession;
}

export interface Command {
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** Usage line(s), shown by `help <command>` and on a usage error. */
  readonly usage: string;
  run(args: readonly string[], ctx: ShellContext): ShellOutput;
  /** Candidates for the word being typed (`args` are the words before it). */
  complete?(args: readonly string[], ctx: ShellContext): string[];
}

export const ok = (text: string, action?: ShellAction): ShellOutput => (action ? { text, status: 0, action } : { text, status: 0 });
export const fail = (text: string, status = 1): ShellOutput => ({ text, status });

export const NO_RUN = 'no run yet: press Run or type `sim run`, then try again.';

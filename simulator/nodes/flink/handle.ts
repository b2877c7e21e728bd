/**
 * What the Lambda/Kappa serving layer sees of a Flink job (pinned in the helpers' protocols).
 *
 * A Kappa `deploy: { mode: reprocess }` (SEMANTICS §4, DESIGN §3) starts a second instance of
 * the job that re-reads the retained log from the earliest offset into `<index>-<version>`;
 * readers keep querying the serving instance until the new one has caught up (lag 0), and
 * only then switch — the old instance is stopped at that moment.
 */

export type FlinkSinkKind = 'elasticsearch' | 'kafka' | 'filesystem';

export interface FlinkInstanceInfo {
  /** Job version this instance runs (`main` for the spec's `job`, otherwise a key of `versions`). */
  readonly version: string;
  readonly startedAtMs: number;
  /** When it was stopped (replaced by a caught-up reprocessing instance), or null while running. */
  readonly stoppedAtMs: number | null;
  /** Where this instance writes: the sink node and its index / topic / path. */
  readonly sink: { readonly kind: FlinkSinkKind; readonly node: string; readonly target: string };
  /** Records in the source topic beyond this instance's read position (summed over partitions). */
  readonly lag: number;
  /** Whether this instance has ever reached lag 0 since it started. */
  readonly caughtUp: boolean;
}

export interface FlinkJobHandle {
  /** Every instance that ever ran, in start order. */
  instances(): FlinkInstanceInfo[];
  /** Index into `instances()` of the instance readers should see. */
  servingInstance(): number;
  /** Records processed by the first (original) instance. */
  processed(): number;
  /** Records processed by reprocessing instances. */
  reprocessed(): number;
  /** Current event-time watermark of the serving instance (−Infinity before the first watermark). */
  watermark(): number;
}

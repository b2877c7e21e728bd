/**
 * Log rotation as Filebeat sees it (SEMANTICS §1, `workload.rotate`).
 *
 * Every `every` ms the live file is renamed and a new one started; rotated files beyond
 * `keep` are deleted. We call the lines written between two rotations a *segment*:
 * segment k of a file holds the lines written in [k·every, (k+1)·every), it is renamed
 * at (k+1)·every and deleted at (k+1+keep)·every. A harvester that has a segment open
 * keeps reading it after rename and even after deletion ("If a file is removed or
 * renamed while it's being harvested, Filebeat continues to read the file" [FB1]);
 * lines of a segment that no harvester had open when it was deleted are gone. A new
 * live file is only found by the next scan (`scan_frequency`) or a restart.
 * Without rotation the whole file is one segment that never goes away.
 */
import type { Workload } from '../../workload/workload.js';

export interface RotationPolicy {
  everyMs: number;
  keep: number;
}

export class FileSegments {
  constructor(
    private readonly workload: Workload,
    readonly policy: RotationPolicy | undefined,
    private readonly scanFrequencyMs: number,
  ) {}

  /** The segment holding line `line` of `file`. */
  segmentOf(file: number, line: number): number {
    if (!this.policy) return 0;
    return Math.floor(this.workload.lineWriteTimeMs(file, line) / this.policy.everyMs);
  }

  /** First line of segment k (lines written before k·every belong to earlier segments). */
  firstLine(file: number, k: number): number {
    if (!this.policy || k <= 0) return 0;
    return this.workload.linesWrittenBy(file, k * this.policy.everyMs - 1);
  }

  /** When segment k is deleted, or Infinity. */
  deletedAtMs(k: number): number {
    return this.policy ? (k + 1 + this.policy.keep) * this.policy.everyMs : Number.POSITIVE_INFINITY;
  }

  /** When segment k is renamed away from the live name (it stops growing). */
  rotatedAtMs(k: number): number {
    return this.policy ? (k + 1) * this.policy.everyMs : Number.POSITIVE_INFINITY;
  }

  /**
   * When Filebeat first sees segment k's file: the first scan at or after its creation,
   * or a restart after it (a restarting Filebeat scans at once).
   */
  discoveredAtMs(k: number, lastStartMs: number): number {
    if (!this.policy || k <= 0) return 0;
    const created = k * this.policy.everyMs;
    if (lastStartMs >= created) return lastStartMs;
    const scan = Math.max(1, this.scanFrequencyMs);
    return Math.ceil(created / scan) * scan;
  }

  /** How many segments of every file exist over the run (for scheduling deletions). */
  segmentsUntil(timeMs: number): number {
    return this.policy ? Math.floor(timeMs / this.policy.everyMs) + 1 : 1;
  }
}

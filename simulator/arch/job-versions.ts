/**
 * Which version of a job runs when. A spec gives the job (`main`), other `versions` by name and
 * scheduled `deploy`s; the version deployed last at or before a time is the one in force then.
 * The batch layer picks the version at each run's start (it recomputes everything, so the new
 * code fixes all history at once — Marz's "human fault tolerance", SEMANTICS §6).
 */
import type { JobSpec } from '../spec/schema/job.js';

/** The name Flink's handle uses for the spec's `job` too. */
export const MAIN_VERSION = 'main';

export interface VersionedJob {
  readonly job: JobSpec;
  readonly versions?: Readonly<Record<string, JobSpec>>;
  readonly deploy?: readonly { readonly at: number; readonly version: string }[];
}

/** The version in force at `timeMs`: the latest deploy at or before it, else `main`. */
export function versionAt(spec: VersionedJob, timeMs: number): { name: string; job: JobSpec } {
  let best: { at: number; version: string } | undefined;
  for (const d of spec.deploy ?? []) {
    if (d.at <= timeMs && (!best || d.at >= best.at)) best = d;
  }
  if (best) {
    const job = spec.versions?.[best.version];
    // references.ts rejects unknown versions; keep main if a spec slipped through.
    if (job) return { name: best.version, job };
  }
  return { name: MAIN_VERSION, job: spec.job };
}

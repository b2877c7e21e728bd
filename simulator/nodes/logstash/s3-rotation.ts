/**
 * When logstash-output-s3 4.4.1 closes its temporary file (SEMANTICS-2 §2.1 [S3O1]): by size, once
 * it holds `size_file` bytes (checked after each batch, so a part can exceed it by one batch); by
 * time, once it is not empty and `time_file` has passed since the file was *created* (at the
 * previous rotation, not at its first event). Empty files are never rotated.
 */
export type RotationStrategy = 'size_and_time' | 'size' | 'time';

export interface RotationPolicy {
  strategy: RotationStrategy;
  sizeFile: number;
  timeFileMs: number;
}

export interface TempFileView {
  bytes: number;
  createdMs: number;
}

/** The plugin's PERIODIC_CHECK_INTERVAL_IN_SECONDS: the timer that also rotates an idle file. */
export const PERIODIC_CHECK_MS = 15_000;

export function bySize(p: RotationPolicy, f: TempFileView): boolean {
  return p.strategy !== 'time' && p.sizeFile > 0 && f.bytes >= p.sizeFile;
}

export function byTime(p: RotationPolicy, f: TempFileView, nowMs: number): boolean {
  return p.strategy !== 'size' && p.timeFileMs > 0 && f.bytes > 0 && nowMs - f.createdMs >= p.timeFileMs;
}

/** Bytes an event adds to the file: the `line` codec writes the message and a newline. */
export function encodedBytes(message: unknown): number {
  return (typeof message === 'string' ? message.length : String(message ?? '').length) + 1;
}

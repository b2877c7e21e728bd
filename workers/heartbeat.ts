/**
 * The simulator worker's heartbeat: it posts `{ heartbeat: true }` every HEARTBEAT_MS; the page
 * takes a silence of HEARTBEAT_LIMIT_MS while no call is running as the worker having died.
 */
export const HEARTBEAT_MS = 500;
export const HEARTBEAT_LIMIT_MS = 2000;
/**
 * The silence allowed while a call runs. Runs yield between slices, so the worker beats during
 * them too; but the end of a run (accounting every record still held) and the building of its
 * result are one synchronous stretch, about a second for a million records on a slow machine.
 */
export const BUSY_HEARTBEAT_LIMIT_MS = 10_000;

export function isHeartbeat(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { heartbeat?: unknown }).heartbeat === true;
}

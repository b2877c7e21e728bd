/**
 * The simulator worker's heartbeat: it posts `{ heartbeat: true }` every HEARTBEAT_MS; the page
 * takes a silence of HEARTBEAT_LIMIT_MS while no call is running as the worker having died.
 */
export const HEARTBEAT_MS = 500;
export const HEARTBEAT_LIMIT_MS = 2000;

export function isHeartbeat(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { heartbeat?: unknown }).heartbeat === true;
}

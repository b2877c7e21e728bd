/**
 * world.yaml: the only file that is not a real system's configuration — the simulated world.
 * Keys as in the internal spec (DESIGN §3) — name, seed, duration, drain, max-events, workload,
 * faults, query — plus `deploys` (when a job's next version goes live, simulator/config/deploy) and
 * `reshards` (Kinesis resharding commands run during the run, simulator/config/aws/world-reshards) and
 * `processing-time` (what a Flink job's work costs per record, by host: world-processing.ts) — except that `workload.logs` lists the log files each server writes, and
 * faults name hosts (the workspace's folders).
 */
import { readYaml, type SourceMap } from '../../spec/parse.js';
import { closest } from '../../spec/suggest.js';
import type { SpecIssue } from '../../spec/issues.js';

export const WORLD_KEYS = ['name', 'seed', 'duration', 'drain', 'max-events', 'workload', 'faults', 'query', 'deploys', 'reshards', 'processing-time'] as const;

export interface World {
  data: Record<string, unknown>;
  /** Host → absolute paths of the log files written there. */
  logs: Map<string, string[]>;
  map: SourceMap;
}

export function readWorld(text: string, file: string, errors: SpecIssue[]): World | undefined {
  const read = readYaml(text, file);
  if (!read.ok) {
    errors.push(...read.errors);
    return undefined;
  }
  const at = (path: (string | number)[], message: string, hint?: string, key = false) =>
    errors.push({ severity: 'error', file, ...(key ? read.map.locateKey(path.slice(0, -1), String(path[path.length - 1])) : read.map.locate(path)), path: path.join('.'), message, ...(hint ? { hint } : {}) });
  const data = read.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    at([], 'world.yaml is a mapping: workload, duration, drain, seed, faults', 'start with `workload:`');
    return undefined;
  }
  for (const key of Object.keys(data)) {
    if (!(WORLD_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, WORLD_KEYS);
      at([key], `unknown key \`${key}\` in world.yaml`, guess ? `did you mean \`${guess}\`?` : `world.yaml holds only ${WORLD_KEYS.join(', ')}; everything else comes from the real files`, true);
    }
  }
  const logs = new Map<string, string[]>();
  const workload = (data as Record<string, unknown>).workload;
  const rawLogs = workload !== null && typeof workload === 'object' ? (workload as Record<string, unknown>).logs : undefined;
  if (rawLogs !== undefined) {
    if (rawLogs === null || typeof rawLogs !== 'object' || Array.isArray(rawLogs)) at(['workload', 'logs'], '`workload.logs` maps each server to the log files written there', 'web1: [/var/log/apache2/access.log]');
    else {
      for (const [host, paths] of Object.entries(rawLogs as Record<string, unknown>)) {
        const list = typeof paths === 'string' ? [paths] : paths;
        if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.startsWith('/'))) at(['workload', 'logs', host], `the log files of ${host} are a list of absolute paths`, '[/var/log/apache2/access.log]');
        else logs.set(host, list as string[]);
      }
    }
  }
  return { data: data as Record<string, unknown>, logs, map: read.map };
}

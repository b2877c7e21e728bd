/**
 * What a bundle needs to know about a workspace beyond its files: which hosts run what (the
 * workspace layout), the compiled spec (rates, durations) and world.yaml's faults by host name.
 */
import { readLayout, type Host, type Role } from '../config/workspace/layout.js';
import { readWorld } from '../config/workspace/world.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';

export interface BundleWorld {
  spec: PipelineSpec;
  hosts: Host[];
  /** Hosts by role, in name order. */
  with(role: Role): Host[];
  /** world.yaml's faults as written (host names). */
  faults: Record<string, unknown>[];
  /** Host → the log files written there. */
  logs: Map<string, string[]>;
  /** aws/template.yaml, when the workspace has AWS resources. */
  aws?: string;
}

export function bundleWorld(files: ReadonlyMap<string, string>, spec: PipelineSpec): BundleWorld {
  const layout = readLayout(files.keys());
  const world = readWorld(files.get('world.yaml') ?? '', 'world.yaml', []);
  const hosts = [...layout.hosts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const raw = world?.data.faults;
  return {
    spec,
    hosts,
    with: (role) => hosts.filter((h) => h.roles.has(role)),
    faults: Array.isArray(raw) ? (raw.filter((f) => f !== null && typeof f === 'object') as Record<string, unknown>[]) : [],
    logs: world?.logs ?? new Map(),
    ...(layout.aws ? { aws: files.get(layout.aws) ?? '' } : {}),
  };
}

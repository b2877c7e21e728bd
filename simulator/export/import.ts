/**
 * Real configuration files brought into the Lab → a workspace that runs. The files are checked by
 * the same compiler as the editor's (same file:line:col messages). What real files do not say —
 * the simulated world — gets defaults when world.yaml is missing: each Filebeat's server writes one
 * log file its first input reads, 100 lines/s for 60 s, no faults; the learner edits world.yaml.
 */
import { stringify } from 'yaml';
import { compileWorkspace, type WorkspaceOutcome } from '../config/workspace/index.js';
import { readLayout } from '../config/workspace/layout.js';
import { readSettingsYaml } from '../config/yaml/read.js';
import { Problems } from '../config/shared/issues.js';
import { isBundleExtra } from './bundle.js';

/** A concrete file a glob matches: wildcards dropped (`/var/log/apache2/access.log*` → `/var/log/apache2/access.log`). */
export function fileForGlob(glob: string): string {
  const path = glob.replace(/\*+/g, '').replace(/\?/g, 'x').replace(/\[[^\]]*\]/g, 'x');
  if (path.endsWith('/')) return `${path}app.log`;
  return path.endsWith('.') ? `${path}log` : path;
}

function firstGlob(filebeatYml: string): string | undefined {
  const yml = readSettingsYaml(filebeatYml, new Problems('filebeat.yml'));
  const inputs = yml?.settings.get('filebeat.inputs')?.value;
  if (!Array.isArray(inputs)) return undefined;
  for (const input of inputs as Record<string, unknown>[]) {
    const paths = input?.paths;
    if (Array.isArray(paths) && typeof paths[0] === 'string') return paths[0];
  }
  return undefined;
}

/** world.yaml for files that came without one. */
export function defaultWorld(files: ReadonlyMap<string, string>): string {
  const logs: Record<string, string[]> = {};
  for (const host of readLayout(files.keys()).hosts.values()) {
    if (!host.roles.has('filebeat')) continue;
    const glob = firstGlob(files.get(`${host.name}/filebeat.yml`) ?? '');
    if (glob) logs[host.name] = [fileForGlob(glob)];
  }
  const world = { name: 'imported', seed: 1, duration: '60s', drain: '60s', workload: { generator: 'access-log', rate: '100/s', key: 'status', ...(Object.keys(logs).length > 0 ? { logs } : {}) }, faults: [] };
  return `# Written by the Lab's import: the simulated world your files did not say. Edit it: workload, duration, faults.\n${stringify(world)}`;
}

export interface Imported {
  /** The workspace as it will run (world.yaml added when missing), bundle extras left out. */
  files: Map<string, string>;
  worldAdded: boolean;
  outcome: WorkspaceOutcome;
}

export function importWorkspace(input: ReadonlyMap<string, string>): Imported {
  const files = new Map([...input].filter(([p]) => !isBundleExtra(p)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const worldAdded = !files.has('world.yaml');
  if (worldAdded) files.set('world.yaml', defaultWorld(files));
  return { files, worldAdded, outcome: compileWorkspace(files) };
}

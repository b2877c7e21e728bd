/**
 * Locked settings in a workspace exercise. A lock names a setting of the spec the files compile
 * to (`/nodes/logstash/pipeline.workers`, `/nodes/filebeat/bulk_max_size`, `/workload/rate`), not
 * a line of one file: the same setting can be written many ways (`queue.type: persisted` or
 * `queue: { type: persisted }`; a setting left out takes its default), and what the run does is
 * decided by the compiled value. So a run is refused when the compiled value differs from the
 * starter's; the message is placed back in the real file the setting comes from — the host's
 * files for a node (`logstash/logstash.yml`, then its `pipeline/*.conf`), every `filebeat.yml`
 * for `filebeat`, every `server.properties` / `topics.sh` for `kafka`, world.yaml for the rest —
 * at the line that writes the setting's key (`key:`, `key =>`, `key=`), or line 1 when absent.
 */
import type { SpecIssue } from '../spec/issues.js';
import { parsePointer } from '../lab/spec-edit.js';
import { readYaml } from '../spec/parse.js';
import { FILEBEAT_NODE } from '../config/workspace/index.js';
import { KAFKA_NODE } from '../config/workspace/kafka.js';
import { exerciseSpec, workspaceFilesOf } from './exercise-spec.js';
import { WORLD_FILE, type Exercise } from './types.js';
import type { LockedPlace } from './locks.js';

/** The value at `path` in plain data (undefined when absent). */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** The real files a compiled setting comes from, most likely first. */
export function homesOf(path: readonly (string | number)[], paths: readonly string[]): string[] {
  if (path[0] !== 'nodes' || typeof path[1] !== 'string') return [WORLD_FILE];
  const id = path[1];
  const sorted = [...paths].sort();
  if (id === FILEBEAT_NODE) return sorted.filter((p) => p.endsWith('/filebeat.yml'));
  if (id === KAFKA_NODE && !sorted.some((p) => p.startsWith(`${KAFKA_NODE}/`))) return sorted.filter((p) => p.endsWith('/server.properties') || p.endsWith('/topics.sh'));
  // Settings first (logstash.yml, elasticsearch.yml), then the pipeline and the rest.
  const own = sorted.filter((p) => p.startsWith(`${id}/`));
  return [...own.filter((p) => /\.(yml|properties)$/.test(p)), ...own.filter((p) => !/\.(yml|properties)$/.test(p))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `text` writes `key` (as `key:`, `key =>`, `key=`, or only its last dotted part), if it does. */
export function keyPlace(text: string, key: string): Omit<LockedPlace, 'path'> | undefined {
  const lines = text.split('\n');
  const candidates = [key, ...(key.includes('.') ? [key.slice(key.lastIndexOf('.') + 1)] : [])];
  for (const k of candidates) {
    const re = new RegExp(`(^|[\\s{,\\[-])["']?${escape(k)}["']?\\s*(:|=>|=)`);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (/^\s*#/.test(line)) continue;
      const m = re.exec(line);
      if (!m) continue;
      const column = m.index + m[1]!.length + 1;
      return { line: i + 1, column, endLine: i + 1, endColumn: line.replace(/\s+(#.*)?$/, '').length + 1 };
    }
  }
  return undefined;
}

function placeOf(path: readonly (string | number)[], file: string, text: string): Omit<LockedPlace, 'path'> | undefined {
  if (file === WORLD_FILE) {
    const read = readYaml(text, file);
    return read.ok && valueAt(read.data, path) !== undefined ? read.map.locate([...path]) : undefined;
  }
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  return key === undefined ? undefined : keyPlace(text, key);
}

const shown = (v: unknown) => (v === undefined ? 'absent' : typeof v === 'string' ? v : JSON.stringify(v));

/** Errors for every locked setting the learner's workspace changes; `root` prefixes file names. */
export function workspaceLockErrors(exercise: Exercise, files: Record<string, string>, root = ''): SpecIssue[] {
  const locks = exercise.locked ?? [];
  if (locks.length === 0) return [];
  const mine = exerciseSpec(exercise, files);
  const theirs = exerciseSpec(exercise, exercise.starter);
  // Files that do not compile get their own errors; locks are checked once they do.
  if (!mine.ok || !theirs.ok) return [];
  const all = workspaceFilesOf(exercise, files);
  const errors: SpecIssue[] = [];
  for (const pointer of locks) {
    const path = parsePointer(pointer);
    if (typeof path === 'string') continue;
    const want = valueAt(theirs.spec, path);
    const have = valueAt(mine.spec, path);
    if (JSON.stringify(want) === JSON.stringify(have)) continue;
    const homes = homesOf(path, [...all.keys()]);
    let file = homes[0] ?? WORLD_FILE;
    let at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    for (const home of homes) {
      const place = placeOf(path, home, all.get(home) ?? '');
      if (!place) continue;
      file = home;
      at = place;
      break;
    }
    errors.push({
      severity: 'error',
      file: root ? `${root.replace(/\/$/, '')}/${file}` : file,
      ...at,
      path: path.join('.'),
      message: `\`${path.join('.')}\` is locked in this exercise: it must stay ${shown(want)} (you have ${shown(have)})`,
      hint: 'the exercise is about something else: put it back (Reset restores the starter) and change another setting',
    });
  }
  return errors;
}

/** Where the locked settings stand in one file of the workspace (`text`, named `file`). */
export function workspaceLockPlaces(exercise: Exercise, text: string, file: string): LockedPlace[] {
  const places: LockedPlace[] = [];
  const paths = [...new Set([...Object.keys(exercise.starter), ...exercise.editable])];
  for (const pointer of exercise.locked ?? []) {
    const path = parsePointer(pointer);
    if (typeof path === 'string' || !homesOf(path, paths).includes(file)) continue;
    const place = placeOf(path, file, text);
    if (place) places.push({ ...place, path: path.join('.') });
  }
  return places;
}

/** Lock pointers the starter's compiled spec does not have (a typo would lock nothing). */
export function unknownWorkspaceLocks(exercise: Exercise): number[] {
  const starter = exerciseSpec(exercise, exercise.starter);
  if (!starter.ok) return [];
  return (exercise.locked ?? []).flatMap((pointer, i) => {
    const path = parsePointer(pointer);
    return typeof path === 'string' || valueAt(starter.spec, path) === undefined ? [i] : [];
  });
}

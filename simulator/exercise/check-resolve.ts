/**
 * Resolving a check path: statically against the description of the RunResult (is it a
 * path at all?) and, given a run, to its value (is that id in this run?).
 */
import type { RunResult } from '../run/result.js';
import { closest } from '../spec/suggest.js';
import { formatPath } from './check-ast.js';
import { checkPaths, type PathSchema, type Unit } from './check-paths.js';

export type Resolved =
  | { ok: true; value: number | string; unit: Unit | 'string'; /** The path names a value not described statically (a sink statistic). */ open?: boolean }
  | {
      ok: false;
      /** `unknown`: not a path of any RunResult (authoring error); `absent`: valid, but this run has no such id or value. */
      kind: 'unknown' | 'absent';
      /** Index of the offending segment. */
      segment: number;
      message: string;
      hint?: string;
    };

const keyList = (keys: readonly string[]) => (keys.length > 0 ? keys.map((k) => `\`${k}\``).join(', ') : 'none');

function child(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Walks `segments`. Without a result only the shape is checked: ids of outputs,
 * answers and architectures are accepted, since they depend on the pipeline.
 */
export function resolvePath(segments: readonly string[], result?: RunResult): Resolved {
  let schema: PathSchema = checkPaths;
  let value: unknown = result;
  const have = result !== undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const here = formatPath(segments.slice(0, i)) || 'the run result';
    switch (schema.kind) {
      case 'number':
      case 'string':
        return { ok: false, kind: 'unknown', segment: i, message: `\`${formatPath(segments.slice(0, i))}\` is already a value; nothing is below it`, hint: `remove \`.${seg}\`` };
      case 'group': {
        const field: PathSchema | undefined = schema.fields[seg];
        if (!field) {
          // An open group accepts names the description does not list (sink statistics), unless it looks like a typo of one it does.
          const typo = !have && closest(seg, Object.keys(schema.fields)) !== undefined;
          if (schema.open && !typo && (!have || typeof child(value, seg) === 'number')) {
            if (i !== segments.length - 1) return { ok: false, kind: 'unknown', segment: i + 1, message: `\`${formatPath(segments.slice(0, i + 1))}\` is a number; nothing is below it` };
            return have ? { ok: true, value: child(value, seg) as number, unit: 'count', open: true } : { ok: true, value: 0, unit: 'count', open: true };
          }
          const names = Object.keys(schema.fields);
          const guess = closest(seg, names);
          if (schema.open && have) {
            return { ok: false, kind: 'absent', segment: i, message: `\`${formatPath(segments.slice(0, i + 1))}\` is not reported by this output`, hint: guess ? `did you mean \`${guess}\`?` : `values here: ${keyList(names)}` };
          }
          return { ok: false, kind: 'unknown', segment: i, message: `unknown check path \`${formatPath(segments.slice(0, i + 1))}\``, hint: guess ? `did you mean \`${guess}\`?` : `valid names after ${here}: ${keyList(names)}` };
        }
        if (have) {
          if (field.kind === 'number' && field.get) value = field.get(value);
          else if (field.kind === 'group' && field.from) for (const k of field.from) value = child(value, k);
          else value = child(value, seg);
          if (value === undefined && !(field.kind === 'number' && field.get)) {
            return { ok: false, kind: 'absent', segment: i, message: `this run has no \`${formatPath(segments.slice(0, i + 1))}\``, hint: absentHint(segments[0]!) };
          }
        }
        schema = field;
        break;
      }
      case 'map': {
        const extra = schema.extras?.[seg];
        if (extra) {
          if (i !== segments.length - 1) return { ok: false, kind: 'unknown', segment: i + 1, message: `\`${formatPath(segments.slice(0, i + 1))}\` is a number; nothing is below it` };
          return { ok: true, value: have ? extra.compute((value ?? {}) as Record<string, unknown>) : 0, unit: extra.unit };
        }
        if (have) {
          const entry = child(value, seg);
          if (entry === undefined) {
            if (schema.missingIsZero && schema.value.kind === 'number' && i === segments.length - 1) return { ok: true, value: 0, unit: schema.value.unit };
            const keys = Object.keys((value ?? {}) as object);
            const guess = closest(seg, keys);
            return {
              ok: false,
              kind: 'absent',
              segment: i,
              message: `this run has no ${schema.keyName} \`${seg}\` in \`${here}\``,
              hint: guess ? `did you mean \`${guess}\`? (ids with / or > go in brackets: ["${guess}"])` : `${schema.keyName}s in this run: ${keyList(keys)}`,
            };
          }
          value = entry;
        }
        schema = schema.value;
        break;
      }
    }
  }
  const full = formatPath(segments);
  switch (schema.kind) {
    case 'number':
      if (have && typeof value !== 'number') return { ok: false, kind: 'absent', segment: segments.length - 1, message: `\`${full}\` has no value in this run` };
      return { ok: true, value: have ? (value as number) : 0, unit: schema.unit };
    case 'string':
      return { ok: true, value: have ? String(value) : '', unit: 'string' };
    case 'group': {
      const names = Object.keys(schema.fields);
      return { ok: false, kind: 'unknown', segment: segments.length - 1, message: `\`${full}\` is a group of values, not a value`, hint: `pick one: ${names.map((k) => `${full}.${k}`).slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}` };
    }
    case 'map': {
      const extras = Object.keys(schema.extras ?? {});
      return { ok: false, kind: 'unknown', segment: segments.length - 1, message: `\`${full}\` is a list of ${schema.keyName}s, not a value`, hint: `name one: ${full}["<${schema.keyName}>"]${extras.length ? ` or use ${extras.map((e) => `${full}.${e}`).join(', ')}` : ''}` };
    }
  }
}

function absentHint(root: string): string | undefined {
  if (root === 'query') return 'the query exists only when the pipeline aggregates (a windowed `job:`) or declares `query:`';
  if (root === 'architectures') return 'architectures exist only in Lambda/Kappa runs (a `type: serving` node)';
  if (root === 'groups') return 'consumer groups exist only in runs with a Kafka cluster and a consumer (its `group.id`)';
  if (root === 'jobs') return 'jobs exist only in runs with a Flink node (its id, e.g. `jobs.stream.parallelism`)';
  return undefined;
}

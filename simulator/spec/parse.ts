/**
 * Text → validated pipeline spec. YAML (JSON is YAML too); every problem comes back as
 * a SpecIssue with file, line and column and, where we can guess, a hint.
 * Nothing here throws on bad input: the editor, the CLI and the checker all rely on that.
 */
import { unclosedOpener } from './yaml-first-error.js';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { pipelineSchema, type PipelineSpec } from './schema/pipeline.js';
import { keysAt } from './schema-walk.js';
import { closest } from './suggest.js';
import { pathToString, type SpecIssue } from './issues.js';
import { checkReferences } from './references.js';
import { checkLoops } from './loops.js';
import { withIdMaps } from './id-maps.js';
import { collectWarnings } from './warnings.js';
import { checkLimits } from './limits.js';
import { yamlNumber } from './units.js';
import { aliasBombIssue, checkYamlStructure, yamlErrorText } from './yaml-checks.js';

export type ParseOutcome =
  | { ok: true; spec: PipelineSpec; warnings: SpecIssue[] }
  | { ok: false; errors: SpecIssue[]; warnings: SpecIssue[] };

const MAX_SPEC_BYTES = 1_000_000;

/** Locates paths of a parsed YAML document in its text. */
export class SourceMap {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    readonly file: string,
  ) {}

  /** Position of the value at `path` (or of its key when `atKey`), falling back to the nearest ancestor. */
  locate(path: readonly PropertyKey[], atKey = false): { line: number; column: number; endLine: number; endColumn: number } {
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      const range = this.rangeOf(sub, atKey && depth === path.length);
      if (range) {
        const start = this.lines.linePos(range[0]);
        const end = this.lines.linePos(range[1]);
        return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
      }
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** Position of the key `key` inside the map at `path`. */
  locateKey(path: readonly PropertyKey[], key: string) {
    return this.locate([...path, key], true);
  }

  private rangeOf(path: readonly PropertyKey[], atKey: boolean): readonly [number, number] | undefined {
    if (path.length === 0) {
      const r = this.doc.contents?.range;
      return r ? [r[0], r[1]] : undefined;
    }
    if (atKey) {
      const parent = this.doc.getIn(path.slice(0, -1) as unknown[], true) as YamlNode | undefined;
      if (isMap(parent)) {
        const last = String(path[path.length - 1]);
        for (const item of parent.items) {
          if (isPair(item) && isScalar(item.key) && String(item.key.value) === last && item.key.range) {
            return [item.key.range[0], item.key.range[1]];
          }
        }
      }
    }
    const node = this.doc.getIn(path as unknown[], true) as YamlNode | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return [node.range[0], node.range[1]];
    return undefined;
  }
}

export function parseSpec(text: string, file = 'pipeline.yaml'): ParseOutcome {
  const read = readYaml(text, file);
  if (!read.ok) return fail(read.errors);
  if (read.data === null || typeof read.data !== 'object' || Array.isArray(read.data)) {
    return fail([{ severity: 'error', file, line: 1, column: 1, path: '', message: 'a pipeline spec is a mapping of keys (name, workload, nodes, faults, …)', hint: 'start with `nodes:`' }]);
  }
  return validateData(read.data, read.map);
}

/** YAML text → plain data plus a SourceMap to locate paths in it (shared with exercise.yaml and lesson frontmatter). */
export function readYaml(text: string, file: string): { ok: true; data: unknown; map: SourceMap } | { ok: false; errors: SpecIssue[] } {
  if (text.length > MAX_SPEC_BYTES) {
    return { ok: false, errors: [{ severity: 'error', file, line: 1, column: 1, path: '', message: `the spec is ${text.length} characters long`, hint: 'a pipeline spec should stay under 1 MB' }] };
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch {
    // parseDocument reports its own failures as errors; this is a last guard so nothing escapes to the caller.
    return { ok: false, errors: [{ severity: 'error', file, line: 1, column: 1, path: '', message: 'this file cannot be read as YAML', hint: 'check that it is a text file holding one YAML mapping' }] };
  }
  if (doc.errors.length > 0) {
    // Only the first error: the ones after it follow from it (the parser lost its place).
    const e = doc.errors[0]!;
    const opener = e.code === 'MISSING_CHAR' || /^Flow (map|sequence)/.test(e.message) ? unclosedOpener(text, e.pos[0]) : undefined;
    if (opener) {
      const pos = lines.linePos(opener.offset);
      const what = opener.char === '[' || opener.char === '{' ? `\`${opener.char}\`` : `quote ${opener.char}`;
      return { ok: false, errors: [{ severity: 'error', file, line: pos.line, column: pos.col, path: '', message: `this ${what} is never closed`, hint: `add the closing ${opener.char === '[' ? '`]`' : opener.char === '{' ? '`}`' : opener.char} where the value ends` }] };
    }
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    const known = yamlErrorText(e.code);
    return { ok: false, errors: [{ severity: 'error', file, line: pos.line, column: pos.col, path: '', message: known.message ?? cleanYamlMessage(e.message), hint: known.hint }] };
  }
  const structural = checkYamlStructure(doc, lines, file);
  if (structural.length > 0) return { ok: false, errors: structural };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // Anchors, depth and tags were checked above, so what is left to throw is the alias count limit.
    return { ok: false, errors: [aliasBombIssue(doc, lines, file)] };
  }
  return { ok: true, data, map: new SourceMap(doc, lines, file) };
}

/** Validates already-parsed data (the JSON path, and the YAML path after parsing). */
export function validateData(data: unknown, map: SourceMap): ParseOutcome {
  const file = map.file;
  const result = pipelineSchema.safeParse(data);
  if (!result.success) {
    return fail(result.error.issues.flatMap((issue) => zodIssueToSpecIssues(issue, data, map)));
  }
  const spec = withIdMaps(result.data);
  const refErrors = checkReferences(spec, map);
  // Loops are traced over references already known to be sound.
  if (refErrors.length === 0) refErrors.push(...checkLoops(spec, map));
  // Size last: a spec too big to run is refused before it starts, with the setting responsible marked (spec/limits.ts).
  if (refErrors.length === 0) refErrors.push(...checkLimits(spec, map));
  const warnings = collectWarnings(spec, map);
  if (refErrors.length > 0) return { ok: false, errors: refErrors, warnings };
  void file;
  return { ok: true, spec, warnings };
}

/** One Zod issue → located SpecIssues with hints; `schema` is the root schema `data` was validated against. */
export function zodIssueToSpecIssues(issue: z.core.$ZodIssue, data: unknown, map: SourceMap, schema: z.ZodType = pipelineSchema): SpecIssue[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(schema, data, path);
    return issue.keys.map((key) => {
      const pos = map.locateKey(path, key);
      const guess = closest(key, allowed);
      return {
        severity: 'error' as const,
        file: map.file,
        ...pos,
        path: pathToString([...path, key]),
        message: `unknown key \`${key}\``,
        hint: guess ? `did you mean \`${guess}\`?` : allowed.length > 0 ? `valid keys here: ${allowed.join(', ')}` : undefined,
      };
    });
  }
  if (issue.code === 'invalid_key') return [keyIssue(issue, map)];
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input' && nodeTypeAt(path, data) === undefined && path[0] !== 'faults') {
    // Zod's "Invalid input" says nothing: report what the closest alternative found wrong instead.
    const best = closestAlternative(issue);
    if (best) return best.flatMap((sub) => zodIssueToSpecIssues({ ...sub, path: [...path, ...sub.path] } as z.core.$ZodIssue, data, map, schema));
  }
  const pos = map.locate(path);
  return [{ severity: 'error', file: map.file, ...pos, path: pathToString(path), message: describeIssue(issue, data), hint: hintFor(issue, data) }];
}

/**
 * The issues of the union alternative that came closest (fewest issues, the earliest on a tie),
 * or undefined when every alternative wanted another kind of value here: then
 * "expected number or string, got boolean true" says more than any one alternative.
 */
function closestAlternative(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const wrongKind = issue.errors.every((alt) => alt.length === 1 && alt[0]!.code === 'invalid_type' && alt[0]!.path.length === 0);
  if (wrongKind || issue.errors.length === 0) return undefined;
  const best = issue.errors.reduce((b, alt) => (alt.length < b.length ? alt : b));
  // Alternatives told apart by a literal (`type: tumbling | sliding | session`) each allow one value: offer them all.
  return best.map((sub) => {
    if (sub.code !== 'invalid_value') return sub;
    const same = issue.errors.flat().filter((o) => o.code === 'invalid_value' && pathToString(o.path) === pathToString(sub.path));
    return { ...sub, values: [...new Set(same.flatMap((o) => (o.code === 'invalid_value' ? o.values : [])))] };
  });
}

/**
 * A key of an id-keyed map that its key schema refused, marked on the key. Zod's own message is
 * "Invalid key in record"; the key schema's message says what is wrong, so that one is shown.
 */
function keyIssue(issue: z.core.$ZodIssueInvalidKey, map: SourceMap): SpecIssue {
  const key = String(issue.path[issue.path.length - 1]);
  const pos = map.locate(issue.path, true);
  const base = { severity: 'error' as const, file: map.file, ...pos, path: pathToString(issue.path) };
  // A reserved name fails both checks; its own message says more than the format rule does.
  const reserved = issue.issues.find((i) => i.code === 'custom');
  if (reserved) return { ...base, message: reserved.message, hint: 'pick another name' };
  const isNodeId = issue.path.length === 2 && issue.path[0] === 'nodes';
  const rule = issue.issues[0]?.message ?? 'letters, digits, - and _';
  return {
    ...base,
    message: `\`${key}\` is not a valid ${isNodeId ? 'node id' : 'name'}: ${rule}`,
    hint: `rename it, e.g. \`${asIdentifier(key)}\``,
  };
}

/** A name that passes the node id rule, made from `name`: accents dropped, other runs of symbols become `-`. */
function asIdentifier(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const id = ascii.replace(/[^\w-]+/g, '-').replace(/^[^A-Za-z]+|-+$/g, '');
  return id === '' ? 'node-1' : id;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.length > 0 ? `\`${pathToString(issue.path)}\`: ` : '';
  const actual = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `${where}missing required value (expected ${issue.expected})`;
      return `${where}expected ${issue.expected}, got ${describeValue(actual)}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (actual === undefined) return `${where}missing required value; use one of ${allowed}`;
      return `${where}${typeof actual === 'string' ? JSON.stringify(actual) : describeValue(actual)} is not allowed; use one of ${allowed}`;
    }
    case 'invalid_union': {
      const type = nodeTypeAt(issue.path, data);
      if (type === '') return 'this node has no `type`';
      if (type !== undefined) return `unknown node type "${type}"`;
      if (issue.path[0] === 'faults') return `${where}not a fault the simulator knows`;
      if (issue.message !== 'Invalid input') return `${where}${issue.message}`;
      const kinds = issue.errors.map((alt) => (alt[0]?.code === 'invalid_type' ? alt[0].expected : undefined)).filter((k) => k !== undefined);
      return `${where}expected ${[...new Set(kinds)].join(' or ')}, got ${describeValue(actual)}`;
    }
    case 'too_small':
    case 'too_big':
      return `${where}${describeBound(issue, actual)}`;
    default:
      return `${where}${issue.message}`;
  }
}

/** A bound Zod enforces, in words ("must be at least 1, got 0"; "needs at least 2 items"), not Zod's "Too small: expected …". */
function describeBound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, actual: unknown): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const exclusive = issue.inclusive === false;
  if (issue.origin === 'array' || issue.origin === 'set') {
    const n = small && exclusive ? limit + 1 : !small && exclusive ? limit - 1 : limit;
    return `${small ? 'needs at least' : 'takes at most'} ${n} item${n === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'string') {
    if (small && limit <= 1) return 'must not be empty';
    return `${small ? 'needs at least' : 'takes at most'} ${limit} characters`;
  }
  const relation = small ? (exclusive ? 'greater than' : 'at least') : exclusive ? 'less than' : 'at most';
  return `must be ${relation} ${limit}${typeof actual === 'number' ? `, got ${actual}` : ''}`;
}

function hintFor(issue: z.core.$ZodIssue, data: unknown): string | undefined {
  const actual = valueAt(data, issue.path);
  if (issue.code === 'invalid_value' && typeof actual === 'string') {
    const guess = closest(actual, issue.values.map(String));
    if (guess) return `did you mean "${guess}"?`;
  }
  if (issue.code === 'invalid_union') {
    const type = nodeTypeAt(issue.path, data);
    if (type === '') return 'add `type:` with one of: beats, logstash, kafka, consumer, flink, elasticsearch, s3, batch, serving';
    if (type !== undefined) {
      const guess = closest(type, ['beats', 'logstash', 'kafka', 'consumer', 'flink', 'elasticsearch', 's3', 'batch', 'serving']);
      return guess ? `did you mean "${guess}"?` : 'node types: beats, logstash, kafka, consumer, flink, elasticsearch, s3, batch, serving';
    }
    if (issue.path[0] === 'faults') return 'a fault is `{ link: a->b, … }`, `{ crash: node, at: 10s }` or `{ partition: [node], from: 10s }`';
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof actual === 'string') {
    return 'write a plain number without quotes';
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof actual === 'number') {
    return 'write a finite number, e.g. 3';
  }
  // Durations and rates name what they expected in the message (see schema/common.ts).
  if (issue.code === 'invalid_union' && issue.message.startsWith('expected a duration')) return 'write a number and a unit (ms, s, m, h, d), e.g. 10s';
  if (issue.code === 'invalid_union' && issue.message.startsWith('expected a rate')) return 'write a count per unit of time, e.g. 200/s';
  return undefined;
}

/** The `type` string of a node when the issue is about which node type it is. */
function nodeTypeAt(path: readonly PropertyKey[], data: unknown): string | undefined {
  if (path[0] !== 'nodes' || !(path.length === 2 || (path.length === 3 && path[2] === 'type'))) return undefined;
  const type = (valueAt(data, path.slice(0, 2)) as { type?: unknown } | undefined)?.type;
  // '' stands for "no type written"; anything else is shown as the author wrote it, not as JavaScript prints it.
  if (type === undefined || type === null) return '';
  if (typeof type === 'number') return yamlNumber(type);
  if (typeof type === 'object') return Array.isArray(type) ? 'a list' : 'a mapping';
  return String(type);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number' && !Number.isFinite(v)) return `\`${yamlNumber(v)}\` (${Number.isNaN(v) ? 'not a number' : 'infinity'})`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

function cleanYamlMessage(message: string): string {
  // A JavaScript error inside the YAML library (a tag such as `!!binary%be` is URI-decoded: URIError) says nothing to an author.
  if (/\b[A-Z][A-Za-z]*Error\b/.test(message)) return 'this YAML cannot be read here (check tags, `%` escapes and special characters)';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

function fail(errors: SpecIssue[]): ParseOutcome {
  return { ok: false, errors, warnings: [] };
}

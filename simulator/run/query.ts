/**
 * The run's query ("count per status per 10 s window") and its true answer, computed
 * from the workload alone, compared with what each answering output holds.
 */
import type { Workload } from '../workload/workload.js';
import type { WindowSpec } from '../spec/schema/job.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import type { QueryResult, WindowAnswer } from './result.js';
import { formatDuration } from '../spec/units.js';

export interface WindowValue {
  key: string;
  windowStartMs: number;
  windowEndMs: number;
  value: number;
}

/** Something that holds answers: final window values (summed over duplicate documents). */
export interface AnswerSource {
  windowValues(): WindowValue[];
}

export interface QueryDefinition {
  keyBy: string;
  window: WindowSpec;
  aggregate: string;
}

/** The query: explicit `query:`, or the shape of the first windowed job. */
export function queryOf(spec: PipelineSpec): QueryDefinition | undefined {
  for (const node of Object.values(spec.nodes)) {
    if ((node.type === 'flink' || node.type === 'batch') && node.job?.window) {
      return {
        keyBy: spec.query?.['key-by'] ?? node.job['key-by'] ?? spec.workload.key,
        window: spec.query?.window ?? node.job.window,
        aggregate: spec.query?.aggregate ?? node.job.aggregate,
      };
    }
  }
  if (spec.query?.window) {
    return { keyBy: spec.query['key-by'] ?? spec.workload.key, window: spec.query.window, aggregate: spec.query.aggregate ?? 'count' };
  }
  return undefined;
}

/** Window starts a timestamp belongs to (tumbling and sliding; sessions are per key, see truthWindows). */
export function windowStartsFor(window: WindowSpec, t: number): number[] {
  if (window.type === 'tumbling') return [t - (t % window.size)];
  if (window.type === 'sliding') {
    const starts: number[] = [];
    const last = t - (t % window.slide);
    for (let s = last; s > t - window.size; s -= window.slide) if (s >= 0) starts.push(s);
    return starts.reverse();
  }
  return [];
}

function windowSize(window: WindowSpec): number {
  return window.type === 'session' ? window.gap : window.size;
}

export function describeQuery(q: QueryDefinition): string {
  const agg = q.aggregate === 'count' ? 'count' : q.aggregate.replace(':', ' of ');
  const w = q.window.type === 'session' ? `session (gap ${formatDuration(q.window.gap)})` : `${formatDuration(q.window.size)} ${q.window.type}`;
  return `${agg} per ${q.keyBy} per ${w} window (event time)`;
}

const cell = (key: string, start: number) => `${key}\u0000${start}`;

/** True values per (key, window) over every well-formed generated record. */
/** Where the truth pass can file each record's key (the String of its `keyBy` field): a ledger NoteColumn. */
export interface KeyColumn {
  slotFor(key: string): number;
  setSlot(rid: number, slot: number): void;
}

/** `keys`, when given, is told the key of every record that has one. */
export function truthWindows(workload: Workload, q: QueryDefinition, keys?: KeyColumn): Map<string, WindowValue> {
  const acc = new Map<string, { key: string; start: number; end: number; sum: number; n: number }>();
  const [aggKind, aggField] = q.aggregate.split(':') as [string, string | undefined];
  type Acc = { key: string; start: number; end: number; sum: number; n: number };
  const add = (key: string, start: number, end: number, v: number): Acc => {
    const c = cell(key, start);
    let a = acc.get(c);
    if (!a) acc.set(c, (a = { key, start, end, sum: 0, n: 0 }));
    a.sum += v;
    a.n++;
    return a;
  };
  // Lines come in time order and many share their event time (access logs state whole seconds): the
  // windows of a key's last event time are kept, so the next record of that key at that time adds to
  // them without working out its windows and their names again.
  const lastOfKey = new Map<string, { t: number; cells: Acc[]; slot: number }>();
  const sessions = new Map<string, number[]>();
  for (let rid = 0; rid < workload.total; rid++) {
    const t = workload.eventTimeMs(rid);
    const keyValue = workload.truthField(rid, q.keyBy, t);
    if (keyValue === null) continue;
    const key = String(keyValue);
    const v = aggKind === 'count' ? 1 : Number(workload.truthField(rid, aggField ?? '', t) ?? 0);
    if (q.window.type === 'session') {
      keys?.setSlot(rid, keys.slotFor(key));
      let list = sessions.get(key);
      if (!list) sessions.set(key, (list = []));
      list.push(t, v);
      continue;
    }
    // One lookup per record: the key's last windows and its slot in `keys` live together.
    let last = lastOfKey.get(key);
    if (last === undefined) lastOfKey.set(key, (last = { t: Number.NaN, cells: [], slot: keys ? keys.slotFor(key) : 0 }));
    keys?.setSlot(rid, last.slot);
    if (last.t === t) {
      for (const a of last.cells) {
        a.sum += v;
        a.n++;
      }
      continue;
    }
    const cells: Acc[] = [];
    for (const start of windowStartsFor(q.window, t)) cells.push(add(key, start, start + windowSize(q.window), v));
    last.t = t;
    last.cells = cells;
  }
  if (q.window.type === 'session') {
    const gap = q.window.gap;
    for (const [key, list] of sessions) {
      const pairs: [number, number][] = [];
      for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
      pairs.sort((a, b) => a[0] - b[0]);
      let start = -1;
      let end = -1;
      for (const [t, v] of pairs) {
        // Flink merges session windows that touch ([a, b) and [b, c)), so only a gap beyond `end` starts a new one.
        if (start < 0 || t > end) {
          start = t;
        }
        end = Math.max(end, t + gap);
        const c = cell(key, start);
        let a = acc.get(c);
        if (!a) acc.set(c, (a = { key, start, end, sum: 0, n: 0 }));
        a.end = end;
        a.sum += v;
        a.n++;
      }
    }
  }
  const out = new Map<string, WindowValue>();
  for (const [c, a] of acc) {
    out.set(c, { key: a.key, windowStartMs: a.start, windowEndMs: a.end, value: aggKind === 'avg' ? a.sum / a.n : a.sum });
  }
  return out;
}

/** Compares the truth with each answering output; windows ending after `closedBeforeMs` are not scored. */
export function compareAnswers(
  truth: Map<string, WindowValue>,
  sources: ReadonlyMap<string, AnswerSource>,
  q: QueryDefinition,
  closedBeforeMs: number,
): QueryResult {
  const rows = new Map<string, WindowAnswer>();
  for (const [c, t] of truth) {
    rows.set(c, { key: t.key, windowStartMs: t.windowStartMs, windowEndMs: t.windowEndMs, truth: t.value, answers: {} });
  }
  for (const [id, source] of sources) {
    for (const v of source.windowValues()) {
      const c = cell(v.key, v.windowStartMs);
      let row = rows.get(c);
      if (!row) rows.set(c, (row = { key: v.key, windowStartMs: v.windowStartMs, windowEndMs: v.windowEndMs, truth: 0, answers: {} }));
      row.answers[id] = (row.answers[id] ?? 0) + v.value;
    }
  }
  const windows = [...rows.values()].sort((a, b) => a.windowStartMs - b.windowStartMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const error: QueryResult['error'] = {};
  for (const id of sources.keys()) {
    let max = 0;
    let sum = 0;
    let n = 0;
    let truthTotal = 0;
    let answerTotal = 0;
    for (const w of windows) {
      if (w.windowEndMs > closedBeforeMs) continue;
      const answer = w.answers[id] ?? 0;
      if (!(id in w.answers)) w.answers[id] = null;
      const e = Math.abs(answer - w.truth) / Math.max(1, Math.abs(w.truth));
      max = Math.max(max, e);
      sum += e;
      n++;
      truthTotal += w.truth;
      answerTotal += answer;
    }
    error[id] = { max: round(max), mean: round(n ? sum / n : 0), total: round(Math.abs(answerTotal - truthTotal) / Math.max(1, truthTotal)) };
  }
  return { description: describeQuery(q), windows, error };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

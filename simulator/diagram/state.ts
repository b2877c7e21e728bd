/**
 * The live diagram at simulated time t, from a finished run's per-second samples and its log.
 *
 * A timeline is built once per run (sorted sample times, and per endpoint the exact crash and
 * restart times from the log); `stateAt(t)` then binary-searches the last sample at or before t,
 * so scrubbing costs O(log samples + diagram size) however many records the run had.
 */
import type { LogLine, StageSample } from '../run/result.js';
import type { NoteCounts } from '../ledger/ledger.js';
import type { DiagramModel, FaultWindow } from './model.js';

export type NodeStatus = 'up' | 'crashed' | 'restarting' | 'degraded';

export interface PartState {
  id: string;
  status?: NodeStatus;
  /** Partitions: current leader broker id (0 = offline), ISR broker ids, log end and high watermark. */
  leader?: number;
  isr?: number[];
  endOffset?: number;
  highWatermark?: number;
}

export interface NodeState {
  id: string;
  status: NodeStatus;
  /** Copies destroyed / extra copies made / filtered / late / set aside here so far (ledger notes). */
  notes: NoteCounts;
  /** Queue depth (Filebeat queue, Logstash queue). */
  queue?: number;
  /** Kafka: records in the partition logs below the high watermark (what readers can see). */
  log?: number;
  /** Consumer or Flink source lag in records. */
  lag?: number;
  /** Flink: current watermark (ms of event time; absent before the first one). */
  watermarkMs?: number;
  /** Flink: last completed checkpoint id (0 none) and when it completed. */
  checkpoint?: { id: number; atMs: number };
  /** The node's raw metrics at that moment (summed over brokers for Kafka). */
  metrics: Record<string, number>;
  parts: PartState[];
  /** Fault windows acting on this node now (crash, partition). */
  faults: FaultWindow[];
}

export interface EdgeState {
  id: string;
  /** Records sent on the link so far, records it delivered, lost and duplicated. */
  sent: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Messages (batches, requests) sent, dropped, duplicated, cut by a partition. */
  messages: { sent: number; dropped: number; duplicated: number; cut: number };
  /** Payload bytes sent on the link so far, resends included (cost/wire-bytes.ts). */
  bytes: number;
  /** Link faults and partitions active now. */
  faults: FaultWindow[];
}

export interface DiagramState {
  timeMs: number;
  /** Time of the sample the counters come from (≤ timeMs). */
  sampleMs: number;
  nodes: NodeState[];
  edges: EdgeState[];
}

export interface Timeline {
  model: DiagramModel;
  samples: readonly StageSample[];
  times: Float64Array;
  /** address → sorted [timeMs, up 0/1] transitions from the log (crash / restart lines). */
  transitions: Map<string, [number, number][]>;
  endMs: number;
}

const NO_NOTES: NoteCounts = { lost: 0, duplicated: 0, filtered: 0, late: 0, lateSideOutput: 0, deadLettered: 0 };
const NOTE_KINDS = Object.keys(NO_NOTES) as (keyof NoteCounts)[];

export function buildTimeline(model: DiagramModel, run: { samples: readonly StageSample[]; log: readonly LogLine[]; simulatedMs: number }): Timeline {
  const transitions = new Map<string, [number, number][]>();
  for (const line of run.log) {
    const up = line.text.startsWith('process restarted') ? 1 : line.text.startsWith('process crashed') ? 0 : -1;
    if (up < 0) continue;
    let list = transitions.get(line.source);
    if (!list) transitions.set(line.source, (list = []));
    list.push([line.timeMs, up]);
  }
  const times = new Float64Array(run.samples.length);
  run.samples.forEach((s, i) => (times[i] = s.timeMs));
  return { model, samples: run.samples, times, transitions, endMs: run.simulatedMs };
}

/** Index of the last sample at or before t (0 when t is before the first). */
export function sampleIndexAt(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const active = (f: FaultWindow, t: number) => t >= f.fromMs && (f.toMs === null || t < f.toMs);

function upAt(tl: Timeline, sample: StageSample | undefined, address: string, t: number): boolean {
  // The log has the exact times; it is capped (simulation.ts), so without lines fall back to the sample.
  const list = tl.transitions.get(address);
  if (list && list.length > 0) {
    let up = list[0]![1] === 0;
    for (const [at, u] of list) {
      if (at > t) break;
      up = u === 1;
    }
    return up;
  }
  return (sample?.stages[address]?.up ?? 1) === 1;
}

function recentlyRestarted(tl: Timeline, address: string, t: number): boolean {
  return (tl.transitions.get(address) ?? []).some(([at, up]) => up === 1 && at <= t && t - at < 1000);
}

function notesOf(stage: Record<string, number> | undefined): NoteCounts {
  if (!stage) return { ...NO_NOTES };
  const notes = { ...NO_NOTES };
  for (const k of NOTE_KINDS) notes[k] = stage[`noted.${k}`] ?? 0;
  return notes;
}

function addNotes(a: NoteCounts, b: NoteCounts): NoteCounts {
  const sum = { ...a };
  for (const k of NOTE_KINDS) sum[k] += b[k];
  return sum;
}

function isrOf(mask: number): number[] {
  const ids: number[] = [];
  for (let b = 1; mask >> (b - 1) > 0; b++) if (mask & (1 << (b - 1))) ids.push(b);
  return ids;
}

export function stateAt(tl: Timeline, timeMs: number): DiagramState {
  const t = Math.max(0, Math.min(timeMs, tl.endMs));
  const i = sampleIndexAt(tl.times, t);
  const sample = tl.samples[i];
  const stages = sample?.stages ?? {};
  const faultsNow = tl.model.faults.filter((f) => active(f, t));

  const nodes = tl.model.nodes.map((n): NodeState => {
    const metrics: Record<string, number> = {};
    for (const a of n.addresses) {
      for (const [k, v] of Object.entries(stages[a] ?? {})) {
        if (k === 'up' || k.startsWith('partition:') || k.startsWith('noted.')) continue;
        metrics[k] = (metrics[k] ?? 0) + v;
      }
    }
    const ups = n.addresses.map((a) => upAt(tl, sample, a, t));
    let status: NodeStatus = ups.every((u) => !u) ? 'crashed' : ups.some((u) => !u) ? 'degraded' : 'up';
    // Up again but not working yet: Flink waits out its restart-strategy delay and restores state.
    if (status === 'up' && (n.addresses.some((a) => recentlyRestarted(tl, a, t)) || (n.type === 'flink' && metrics.running === 0 && t > 0))) status = 'restarting';
    let notes = notesOf(stages[n.id]);
    for (const a of n.addresses) if (a !== n.id) notes = addNotes(notes, notesOf(stages[a]));
    const state: NodeState = { id: n.id, status, notes, metrics, parts: [], faults: faultsNow.filter((f) => f.nodes.includes(n.id)) };
    if (n.type === 'beats') state.queue = metrics.queueFill ?? 0;
    if (n.type === 'logstash') state.queue = metrics.queueDepth ?? 0;
    if (n.type === 'consumer' || n.type === 'flink') state.lag = metrics.lag ?? 0;
    if (n.type === 'flink') {
      const wm = metrics.currentWatermark ?? -1;
      if (wm >= 0) state.watermarkMs = wm;
      state.checkpoint = { id: metrics.lastCheckpointId ?? 0, atMs: metrics.lastCheckpointAtMs ?? -1 };
    }
    const gauges = stages[n.addresses[0] ?? ''] ?? {};
    let unread = 0;
    for (const p of n.parts) {
      if (p.kind === 'broker') {
        const up = upAt(tl, sample, p.address ?? p.id, t);
        const cut = faultsNow.some((f) => f.kind === 'partition' && f.addresses.includes(p.address ?? ''));
        state.parts.push({ id: p.id, status: !up ? 'crashed' : cut ? 'degraded' : recentlyRestarted(tl, p.id, t) ? 'restarting' : 'up' });
      } else if (p.kind === 'partition') {
        const key = `partition:${p.topic}-${p.partition}`;
        const hw = gauges[`${key}:hw`] ?? 0;
        unread += hw;
        state.parts.push({ id: p.id, leader: gauges[`${key}:leader`] ?? p.replicas?.[0] ?? 0, isr: isrOf(gauges[`${key}:isr`] ?? 0), endOffset: gauges[`${key}:end`] ?? 0, highWatermark: hw });
      } else state.parts.push({ id: p.id });
    }
    if (n.type === 'kafka') state.log = unread;
    return state;
  });

  const edges = tl.model.edges.map((e): EdgeState => {
    const s = stages[e.id] ?? {};
    const notes = notesOf(s);
    let sent = s.records ?? 0;
    // Kafka fetch responses do not list their records for the network's accounting (a lost fetch
    // is simply fetched again), so a reader's edge counts what the reader took in.
    const reader = nodes.find((n) => n.id === e.to);
    if (sent === 0 && tl.model.nodes.find((n) => n.id === e.from)?.type === 'kafka' && reader) sent = reader.metrics.numRecordsIn ?? reader.metrics.polled ?? 0;
    return {
      id: e.id,
      sent,
      lost: notes.lost,
      duplicated: notes.duplicated,
      delivered: Math.max(0, sent - notes.lost + notes.duplicated),
      messages: { sent: s.sent ?? 0, dropped: s.dropped ?? 0, duplicated: s.duplicated ?? 0, cut: s.cut ?? 0 },
      bytes: s.bytes ?? 0,
      faults: faultsNow.filter((f) => f.edges.includes(e.id)),
    };
  });
  return { timeMs: t, sampleMs: sample?.timeMs ?? 0, nodes, edges };
}

/** Times a fault starts or ends, sorted (for "next fault"). */
export function faultTimes(model: DiagramModel): number[] {
  const times = new Set<number>();
  for (const f of model.faults) {
    times.add(f.fromMs);
    if (f.toMs !== null) times.add(f.toMs);
  }
  return [...times].sort((a, b) => a - b);
}

/** Sample times by which some place noted a new lost copy (for "next loss"). */
export function lossTimes(tl: Timeline): number[] {
  const out: number[] = [];
  let before = 0;
  for (const s of tl.samples) {
    let total = 0;
    for (const stage of Object.values(s.stages)) total += stage['noted.lost'] ?? 0;
    if (total > before) out.push(s.timeMs);
    before = total;
  }
  return out;
}

/** The first time in `times` strictly after t, or undefined. */
export function nextAfter(times: readonly number[], t: number): number | undefined {
  return times.find((x) => x > t);
}

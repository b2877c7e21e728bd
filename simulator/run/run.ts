/**
 * run(spec, { seed, signal, onProgress }) → RunResult.
 *
 * The run advances in slices of simulated time. Between slices it samples per-stage
 * counters, reports progress, checks for cancellation and (in the worker) yields to the
 * host so a Cancel message can get through. Slicing never changes the events: the same
 * spec and seed give the same result whether the run is sliced or not.
 */
import { consumerGroupsOf } from './groups.js';
import { flinkJobsOf } from './jobs.js';
import { Simulation } from '../core/simulation.js';
import { RidSet } from '../core/rid-set.js';
import { NoteColumn } from '../ledger/note-column.js';
import { NetworkFaults } from '../core/network.js';
import type { OutputNode } from '../core/node.js';
import type { PipelineSpec, NodeSpec } from '../spec/schema/pipeline.js';
import type { LinkFaultSpec, PartitionFaultSpec, CrashFaultSpec } from '../spec/schema/faults.js';
import { Workload } from '../workload/workload.js';
import { BUILD_ORDER, FACTORIES } from '../nodes/registry.js';
import type { BuildContext, NodeFactory } from '../nodes/build-context.js';
import type { RunResult, StageSample, OutputLedger, BudgetStop } from './result.js';
import { runBudget } from '../spec/limits.js';
import { budgetSentence, budgetSpent } from './budget.js';
import { compareAnswers, queryOf, truthWindows, type AnswerSource } from './query.js';
import { runWarehouse } from '../warehouse/run.js';
import { summarizeWarehouse } from '../warehouse/result.js';
import { summarizeAthena } from '../athena/result.js';
import type { S3Store } from '../nodes/s3/store.js';
import { ArchitectureSampler, type ArchitectureSource } from './architectures.js';
import { formatDuration } from '../spec/units.js';
import { placesFeeding } from './feeds.js';
import { idMap } from '../spec/id-maps.js';
import { MetricsRecorder } from '../metrics/recorder.js';
import { sampleIntervalMs } from './sampling.js';
import { scheduleOperations } from '../operations/apply.js';
import { StateSampler } from '../cost/state-held.js';
import { collectCost } from '../cost/run-cost.js';

export interface RunProgress {
  simulatedMs: number;
  totalMs: number;
  events: number;
  /** 0–1 */
  fraction: number;
}

export interface RunOptions {
  /** Overrides the spec's seed. */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  /** Record hop-by-hop histories for these rids, or for all records. */
  trace?: 'all' | readonly number[];
  /** How often per-stage counters are sampled (default 1 s of simulated time, coarser for runs over 6 h: run/sampling.ts). */
  sampleEveryMs?: number;
  /** Called between slices; in a Worker it lets messages (cancel) through. */
  yieldToHost?: () => Promise<void>;
  /** Samples the operator metrics (simulator/metrics) at every sample into `result.metrics`; default true. */
  metrics?: boolean;
}

/** Everything a finished run keeps: the plain result plus live objects the worker can query (trace, terminal). */
export interface RunHandle {
  result: RunResult;
  sim: Simulation;
  workload: Workload;
  spec: PipelineSpec;
  outputs: ReadonlyMap<string, OutputNode>;
  components: ReadonlyMap<string, unknown>;
  /** Accounts one output again (counts per rid), for trace and the ledger view. */
  countsOf(outputId: string): Uint32Array;
  heldRecords(): Set<number>;
}

const SLICE_EVENTS = 200_000;

interface Built {
  sim: Simulation;
  workload: Workload;
  outputs: Map<string, OutputNode>;
  answers: Map<string, AnswerSource>;
  architectures: Map<string, ArchitectureSource>;
  components: Map<string, unknown>;
}

function build(spec: PipelineSpec, seed: number): Built {
  const links = spec.faults.filter((f): f is LinkFaultSpec => 'link' in f);
  const partitions = spec.faults.filter((f): f is PartitionFaultSpec => 'partition' in f);
  const sim = new Simulation(seed, new NetworkFaults(links, partitions));
  const workload = new Workload(spec.workload, seed, spec.duration);
  const built: Built = { sim, workload, outputs: new Map(), answers: new Map(), architectures: new Map(), components: new Map() };
  const ctx: BuildContext = {
    sim,
    spec,
    workload,
    addOutput: (id, output) => built.outputs.set(id, output),
    addAnswerSource: (id, source) => built.answers.set(id, source),
    addArchitecture: (id, source) => built.architectures.set(id, source),
    provide: (id, component) => built.components.set(id, component),
    lookup: <T>(id: string) => built.components.get(id) as T | undefined,
  };
  const entries = Object.entries(spec.nodes);
  for (const type of BUILD_ORDER) {
    for (const [id, node] of entries) {
      if (node.type === type) (FACTORIES[type] as NodeFactory<NodeSpec>)(id, node, ctx);
    }
  }
  scheduleCrashes(sim, spec.faults.filter((f): f is CrashFaultSpec => 'crash' in f));
  scheduleFaultLog(sim, links, partitions);
  scheduleOperations(sim, spec, ctx.lookup);
  return built;
}

function scheduleCrashes(sim: Simulation, crashes: readonly CrashFaultSpec[]): void {
  for (const c of crashes) {
    sim.at(c.at, () => {
      for (const address of sim.addressesOf(c.crash)) sim.crash(address);
    });
    const restartAfter = c['restart-after'];
    if (restartAfter !== undefined) {
      sim.at(c.at + restartAfter, () => {
        for (const address of sim.addressesOf(c.crash)) sim.restart(address);
      });
    }
  }
}

function scheduleFaultLog(sim: Simulation, links: readonly LinkFaultSpec[], partitions: readonly PartitionFaultSpec[]): void {
  for (const f of links) {
    const what = [f.loss && `loss ${f.loss}`, f.duplicate && `duplicate ${f.duplicate}`, f.reorder && `reorder ${f.reorder}`, `delay ${formatDuration(f.delay)}`, f.jitter && `jitter ${formatDuration(f.jitter)}`].filter(Boolean).join(', ');
    sim.at(f.from, () => sim.addLog('warn', f.link, `link fault on: ${what}`));
    if (f.to !== undefined) sim.at(f.to, () => sim.addLog('info', f.link, 'link fault off'));
  }
  for (const p of partitions) {
    sim.at(p.from, () => sim.addLog('warn', p.partition.join(','), 'network partition: cut off from everyone else'));
    if (p.to !== undefined) sim.at(p.to, () => sim.addLog('info', p.partition.join(','), 'network partition healed'));
  }
}

function sampleStages(sim: Simulation): StageSample {
  const stages: StageSample['stages'] = idMap({});
  for (const node of sim.nodes()) {
    const m = (node as { metrics?: () => Record<string, number> }).metrics?.();
    stages[node.address] = { up: sim.isUp(node.address) ? 1 : 0, ...(m ?? {}) };
  }
  for (const [id, s] of sim.linkStats) stages[id] = { ...s };
  // Ledger notes per place so far (`noted.lost` = copies destroyed there, …), for the diagram's per-hop counters.
  for (const [where, c] of sim.ledger.notesAt) {
    stages[where] = { ...stages[where], 'noted.lost': c.lost, 'noted.duplicated': c.duplicated, 'noted.filtered': c.filtered, 'noted.late': c.late, 'noted.lateSideOutput': c.lateSideOutput, 'noted.deadLettered': c.deadLettered };
  }
  return { timeMs: sim.now, stages };
}

/** The run as a sequence of slices; each step advances time and yields progress. */
export function* runSteps(spec: PipelineSpec, options: RunOptions = {}): Generator<RunProgress, RunHandle, void> {
  const seed = options.seed ?? spec.seed;
  const built = build(spec, seed);
  const { sim, workload } = built;
  sim.ledger.generated = workload.total;
  const keyField = spec.workload.key;
  // Keys are read for every rid of every ordered output at the end: work each out once.
  const keys = new NoteColumn();
  sim.ledger.keyOf = (rid) => {
    let key = keys.get(rid);
    if (key === undefined) keys.set(rid, (key = String(workload.truthField(rid, keyField))));
    return key;
  };
  sim.ledger.keySlotOf = (rid) => {
    let slot = keys.slotOf(rid);
    if (slot === 0) {
      keys.set(rid, String(workload.truthField(rid, keyField)));
      slot = keys.slotOf(rid);
    }
    return slot;
  };
  const feeds = new Map<string, ReadonlySet<string>>();
  sim.ledger.feedsOf = (output) => {
    let places = feeds.get(output);
    if (!places) feeds.set(output, (places = placesFeeding(spec, output)));
    return places;
  };
  if (options.trace) sim.ledger.setTracing(options.trace);
  const query = queryOf(spec);
  // The truth reads every record's key; when it keys by the workload's key, the ledger's keys come with it.
  const truth = query ? truthWindows(workload, query, query.keyBy === keyField ? keys : undefined) : undefined;
  const truthByEnd = truth ? [...truth.values()].sort((a, b) => a.windowEndMs - b.windowEndMs) : [];
  const samplers = new Map([...built.architectures].map(([id, a]) => [id, new ArchitectureSampler(a, truthByEnd, spec.duration)]));

  const deadline = spec.duration + spec.drain;
  const sampleEvery = options.sampleEveryMs ?? sampleIntervalMs(deadline);
  const samples: StageSample[] = [];
  let ended: RunResult['ended'] = 'deadline';
  const budget = runBudget(spec, workload.total);
  let stop: BudgetStop | undefined;
  sim.start();
  const stateHeld = new StateSampler(sim);
  const metrics = options.metrics === false ? undefined : new MetricsRecorder(sim, built.components, sampleEvery);
  let nextSample = 0;
  for (;;) {
    if (options.signal?.aborted) {
      ended = 'cancelled';
      break;
    }
    const sliceEnd = Math.min(nextSample, deadline);
    // A slice never runs past the event budget, so a run stops at exactly `max-events`.
    const caughtUp = sim.runUntil(sliceEnd, Math.min(SLICE_EVENTS, budget.events - sim.events));
    const spent = budgetSpent(sim, budget);
    if (spent) {
      ended = 'budget';
      stop = spent;
      sim.addLog('error', 'simulator', budgetSentence(spent));
      break;
    }
    if (caughtUp) {
      samples.push(sampleStages(sim));
      metrics?.sample();
      stateHeld.sample();
      for (const s of samplers.values()) s.sample(sim.now);
      if (sim.now >= deadline) break;
      if (built.architectures.size === 0 && sim.now >= spec.duration && !sim.holdsAnyRecord()) {
        ended = 'drained';
        break;
      }
      nextSample = sim.now + sampleEvery;
    }
    const progress = { simulatedMs: sim.now, totalMs: deadline, events: sim.events, fraction: Math.min(1, sim.now / deadline) };
    options.onProgress?.(progress);
    yield progress;
  }

  const held = sim.heldRecords();
  // Accounting asks about every rid of every output; a bit map answers faster than the set.
  const heldBits = RidSet.of(held);
  const countsCache = new Map<string, Uint32Array>();
  const countsOf = (id: string): Uint32Array => {
    let counts = countsCache.get(id);
    if (!counts) {
      counts = new Uint32Array(workload.total);
      built.outputs.get(id)?.countRecords(counts);
      countsCache.set(id, counts);
    }
    return counts;
  };
  // Maps keyed by node ids, link ids or places have no prototype, like the spec's own (spec/id-maps.ts).
  const outputs: Record<string, OutputLedger> = idMap({});
  for (const [id, out] of built.outputs) {
    const ledger = sim.ledger.account(countsOf(id), heldBits, out.arrivalOrder?.(), id);
    ledger.lostAt = idMap(ledger.lostAt);
    ledger.duplicatedAt = idMap(ledger.duplicatedAt);
    Object.assign(ledger, out.outputStats?.() ?? {});
    outputs[id] = ledger;
  }
  const state: Record<string, unknown> = idMap({});
  for (const node of sim.nodes()) if (node.inspect) state[node.address] = node.inspect();

  const result: RunResult = {
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    seed,
    simulatedMs: sim.now,
    events: sim.events,
    ended,
    ...(stop ? { budget: stop } : {}),
    warnings: [],
    outputs,
    log: sim.log,
    samples,
    state,
    traces: idMap({}),
  };
  if (metrics) result.metrics = metrics.series;
  const groups = consumerGroupsOf(built.components);
  if (Object.keys(groups).length > 0) result.groups = groups;
  const jobs = flinkJobsOf(Object.keys(spec.nodes).filter((id) => spec.nodes[id]!.type === 'flink'), (id) => sim.node(id));
  if (Object.keys(jobs).length > 0) result.jobs = jobs;
  if (query && truth) result.query = compareAnswers(truth, built.answers, query, sim.now);
  // The warehouse runs on its own clock (days of orders), from the same seed.
  if (spec.warehouse) result.warehouse = summarizeWarehouse(runWarehouse(spec.warehouse, seed));
  // Athena reads the lake as the run left it: the Glue tables over the object store's keys.
  const lakeId = Object.keys(spec.nodes).find((id) => spec.nodes[id]!.type === 's3');
  if (spec.catalog && lakeId) result.athena = summarizeAthena(spec.catalog, built.outputs.get(lakeId) as unknown as S3Store, sim.now, seed);
  if (samplers.size > 0) {
    result.architectures = idMap({});
    for (const [id, s] of samplers) result.architectures[id] = s.series(heldBits);
  }
  result.cost = collectCost(sim, built.components, built.outputs, stateHeld.held, result.architectures);
  if (options.trace && options.trace !== 'all') {
    for (const rid of options.trace) {
      if (rid < 0 || rid >= workload.total) continue;
      const fate: Record<string, string> = idMap({});
      for (const id of built.outputs.keys()) fate[id] = sim.ledger.fateOf(rid, countsOf(id)[rid] ?? 0, held, id);
      result.traces[workload.displayId(rid)] = { id: workload.displayId(rid), fate, steps: [...sim.ledger.traceOf(rid)] };
    }
  }
  return { result, sim, workload, spec, outputs: built.outputs, components: built.components, countsOf, heldRecords: () => held };
}

/** Runs to the end synchronously (tests, the CLI, benchmarks). */
export function runSync(spec: PipelineSpec, options: RunOptions = {}): RunHandle {
  const steps = runSteps(spec, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs to the end, yielding to the host between slices so progress and cancel get through. */
export async function run(spec: PipelineSpec, options: RunOptions = {}): Promise<RunHandle> {
  const steps = runSteps(spec, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (options.yieldToHost) await options.yieldToHost();
  }
}

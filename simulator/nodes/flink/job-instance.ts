/**
 * One running Flink job: source → operators → sink, with its checkpoints and restarts.
 * The Flink node runs one of these normally, two during a Kappa reprocessing.
 *
 * Durable across failures (checkpoint storage, HA metadata): the completed checkpoints and
 * their history. Volatile (lost on failure): consumer positions, window and dedupe state,
 * alignment buffers, sink buffers and open transactions. A restart loads the latest
 * completed checkpoint and rewinds the source to its offsets (SEMANTICS §4 "Recovery").
 */
import type { NodeContext } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { JobSpec } from '../../spec/schema/job.js';
import type { FlinkSpec } from '../../spec/schema/flink.js';
import type { ConsumedRecord } from '../kafka/client-api.js';
import { ArrayRecords, consumedAt, type PolledRecords } from '../kafka/polled-records.js';
import type { FlinkSourceReader, SourceFactory } from './source-reader.js';
import { Operators } from './operators.js';
import { visitStoredLineage } from './windows.js';
import { SubtaskLayout, maxParallelismFor, type SubtaskView } from './subtasks.js';
import type { FlinkSink } from './sink.js';
import { CheckpointHistory, offsetsRecord, type CompletedCheckpoint, type PendingCheckpoint } from './checkpoints.js';

/** Barriers reach the operator up to this long after the trigger (each channel's in-flight data ahead of them). */
const BARRIER_SPREAD_MS = 60;

/**
 * `savepointed`: stopped with a savepoint (`flink stop`), waiting to be run again from it.
 * `cancelled`: ended by `flink cancel`, without a savepoint; a `flink run` without `-s` starts it anew.
 */
export type InstanceStatus = 'running' | 'restarting' | 'down' | 'failed' | 'stopped' | 'savepointed' | 'cancelled';

export class JobInstance {
  status: InstanceStatus = 'down';
  stoppedAtMs: number | null = null;
  caughtUp = false;
  readonly history = new CheckpointHistory();
  latest: CompletedCheckpoint | null = null;
  restarts = 0;
  readonly source: FlinkSourceReader;
  operators: Operators;
  private pending: PendingCheckpoint | null = null;
  private nextCheckpointId = 1;
  private blocked = new Set<number>();
  private alignBuffer: ConsumedRecord[] = [];
  private busyBatch: PolledRecords | null = null;
  private deferredBarriers: (() => void)[] = [];
  /** Offsets the job started reading from when it had no checkpoint. */
  private initialOffsets: Map<number, number> | null = null;
  /** Highest offset ever processed per partition: a re-read below it is a replay (ledger bookkeeping only). */
  private readonly processedHigh = new Map<number, number>();
  private generation = 0;
  processed = 0;
  /** Subtasks per operator now; a restore from a savepoint may change it. */
  parallelism: number;
  /** Key groups: fixed at the first start, carried by every checkpoint and savepoint. */
  readonly maxParallelism: number;
  /** Set by stopWithSavepoint: the next checkpoint is the savepoint, and the job stops after it. */
  private savepointDone: ((savepoint: CompletedCheckpoint) => void) | null = null;
  /** Copies dropped by the dedupe step of operators replaced at a restart (simulator/cost). */
  private dedupeDroppedBefore = 0;

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    private readonly spec: FlinkSpec,
    readonly version: string,
    private job: JobSpec | undefined,
    private readonly defaultKey: string,
    makeSource: SourceFactory,
    readonly sink: FlinkSink,
    readonly startedAtMs: number,
    /** Asks the node to apply the restart strategy after a failure. */
    private readonly onFailure: (instance: JobInstance, reason: string) => void,
    private readonly afterPoll: (instance: JobInstance) => void,
  ) {
    this.parallelism = spec['parallelism.default'] ?? 1;
    this.maxParallelism = maxParallelismFor(spec['pipeline.max-parallelism'], this.parallelism);
    this.source = makeSource((records) => this.onRecords(records));
    this.operators = this.newOperators();
  }

  /** Copies the dedupe step has dropped since the job was submitted, across restarts. */
  dedupeDropped(): number {
    return this.dedupeDroppedBefore + this.operators.dedupeDropped;
  }

  private newOperators(): Operators {
    const layout = new SubtaskLayout(this.source.name, this.source.partitions.length, this.parallelism, this.maxParallelism);
    return new Operators(this.ctx, this.where, this.job, this.defaultKey, this.source.partitions, this.source.idlenessMs, layout);
  }

  /** Starts (or restarts) the job from the latest completed checkpoint, or from `starting-offsets`. */
  start(): void {
    this.generation++;
    this.status = 'running';
    // The enumerator's first discovery runs as the job starts: partitions added while it was down are read now.
    const added = this.source.discover();
    this.dedupeDroppedBefore += this.operators.dedupeDropped;
    this.operators = this.newOperators();
    const cp = this.latest;
    if (cp) this.operators.restore(cp.state);
    // Without a completed checkpoint the offsets initializer runs again (`starting-offsets`).
    const previous = new Map(this.source.positions);
    const offsets = cp ? this.withDiscovered(cp.offsets) : this.source.initialOffsets();
    if (!cp) this.initialOffsets = new Map(offsets);
    if (!cp && previous.size > 0) {
      const why = `restarted without a checkpoint: ${this.source.startDescription} skipped past unread records`;
      this.source.noteSkipped(previous, offsets, (rid) => this.ctx.ledger.noteLoss(rid, this.where, why));
    }
    if (cp) this.ctx.log('info', `${this.label()} restored from ${cp.savepoint ? 'savepoint' : 'checkpoint'} ${cp.id}: sources rewound to ${JSON.stringify(offsetsRecord(cp.offsets))}`);
    this.sink.restore(cp?.sink, cp?.id ?? 0);
    // Records in the restored state are not read from Kafka again (no replay note): the sink says whether
    // writing them again repeats a write it made after that checkpoint.
    if (cp) this.sink.restoredUnemitted?.(cp.id, (visit) => this.operators.unemitted(visit));
    if (cp && added.length > 0) this.ctx.log('info', `${this.label()} discovered ${this.source.splitWords.plural} ${added.join(', ')} of ${this.source.name} at start: read from ${this.source.splitWords.discoveredFrom}`);
    this.source.start(offsets);
    this.scheduleCheckpoint();
    this.scheduleWatermark();
    this.scheduleDiscovery();
  }

  /**
   * A restored enumerator knows the partitions in its checkpoint; any other partition is new to it and
   * starts at its earliest offset (newDiscoveryOffsetsInitializer), not at `starting-offsets`.
   */
  private withDiscovered(restored: ReadonlyMap<number, number>): Map<number, number> {
    const out = new Map(restored);
    const missing = this.source.partitions.filter((p) => !restored.has(p));
    for (const [p, o] of this.source.earliestOffsets(missing)) out.set(p, o);
    return out;
  }

  /**
   * Periodic partition discovery (`partition.discovery.interval.ms`; SQL `scan.topic-partition-discovery.interval`):
   * every interval from the job's start the enumerator lists the topic's partitions again; new ones go to
   * their split owners and are read from their earliest offsets. Until then their records wait in Kafka.
   * 0 disables it: the job sees new partitions only when it starts again.
   */
  private scheduleDiscovery(): void {
    const interval = this.source.discoveryIntervalMs;
    if (interval <= 0) return;
    const gen = this.generation;
    this.ctx.timer(interval, () => {
      if (gen !== this.generation) return;
      const found = this.source.discover();
      if (found.length > 0) {
        const owners = this.operators.addPartitions(found);
        this.source.addSplits(this.source.earliestOffsets(found));
        const where = found.map((p, i) => `${p} → subtask ${owners[i]}`).join(', ');
        this.ctx.log('info', `${this.label()} discovered new ${this.source.splitWords.plural} of ${this.source.name} (${where}): read from ${this.source.splitWords.discoveredFrom}`);
      }
      this.scheduleDiscovery();
    });
  }

  private label(): string {
    return this.version === 'main' ? 'job' : `job ${this.version}`;
  }

  setJob(job: JobSpec | undefined): void {
    this.job = job;
    this.operators.configure(job, this.defaultKey);
  }

  private onRecords(records: PolledRecords): void {
    const pt = this.spec['processing-time'];
    if (pt > 0) {
      // Each subtask is busy for its records × processing-time; the source waits (backpressure).
      this.busyBatch = records;
      this.source.paused = true;
      const gen = this.generation;
      const busy = this.operators.busyTime(records, pt);
      this.ctx.timer(busy, () => {
        if (gen !== this.generation) return;
        const batch = this.busyBatch;
        this.busyBatch = null;
        if (batch) this.route(batch);
        const deferred = this.deferredBarriers;
        this.deferredBarriers = [];
        for (const d of deferred) d();
        this.source.resume();
      });
      return;
    }
    this.route(records);
  }

  /** Records of a blocked (aligned) channel wait in the alignment buffer; the rest are processed. */
  private route(records: PolledRecords): void {
    if (this.blocked.size === 0) return this.process(records);
    // While barriers align, records are kept one by one: those of blocked channels wait, the rest go on.
    const now: ConsumedRecord[] = [];
    for (let i = 0; i < records.length; i++) (this.blocked.has(records.partitionAt(i)) ? this.alignBuffer : now).push(consumedAt(records, i));
    this.process(new ArrayRecords(records.topic, now));
  }

  private process(records: PolledRecords): void {
    if (records.length === 0) return;
    const ledger = this.ctx.ledger;
    // Per partition, the highest offset processed so far, kept in locals while a run of records
    // comes from one partition (a poll returns them grouped): one map lookup per run, not per record.
    let partition = -1;
    let high = -1;
    for (let i = 0; i < records.length; i++) {
      const p = records.partitionAt(i);
      if (p !== partition) {
        if (partition >= 0) this.processedHigh.set(partition, high);
        partition = p;
        high = this.processedHigh.get(partition) ?? -1;
      }
      const offset = records.offsetAt(i);
      if (offset <= high) ledger.noteDuplicate(records.ridAt(i), this.where, 'replayed from Kafka after a restore from checkpoint');
      else high = offset;
    }
    if (partition >= 0) this.processedHigh.set(partition, high);
    this.processed += records.length;
    const out: Rec[] = [];
    this.operators.process(records, out);
    if (out.length > 0) this.sink.write(out);
    this.afterPoll(this);
  }

  private scheduleWatermark(): void {
    const interval = this.job?.watermark?.interval ?? 200;
    const gen = this.generation;
    this.ctx.timer(interval, () => {
      if (gen !== this.generation) return;
      const out: Rec[] = [];
      this.operators.onWatermark(out);
      if (out.length > 0) this.sink.write(out);
      this.afterPoll(this);
      this.scheduleWatermark();
    });
  }

  private scheduleCheckpoint(): void {
    const interval = this.spec['execution.checkpointing.interval'];
    if (interval === undefined) return;
    const gen = this.generation;
    this.ctx.timer(interval, () => {
      if (gen !== this.generation) return;
      this.trigger();
      this.scheduleCheckpoint();
    });
  }

  private trigger(): void {
    if (this.pending) return; // max concurrent checkpoints = 1
    const id = this.nextCheckpointId++;
    const savepoint = this.savepointDone !== null;
    const pending: PendingCheckpoint = { id, triggeredAtMs: this.ctx.now(), offsets: new Map(), arrived: new Set(), channels: this.source.partitions.length, aligned: false, ...(savepoint ? { savepoint } : {}) };
    this.pending = pending;
    const gen = this.generation;
    for (const p of this.source.partitions.slice(0, pending.channels)) {
      this.ctx.timer(this.ctx.rng.int(0, BARRIER_SPREAD_MS), () => {
        if (gen !== this.generation || this.pending !== pending) return;
        // A barrier queued behind a batch still being processed arrives after that batch.
        if (this.busyBatch) this.deferredBarriers.push(() => this.barrierArrived(pending, p));
        else this.barrierArrived(pending, p);
      });
    }
    this.ctx.timer(this.spec['execution.checkpointing.timeout'], () => {
      if (gen !== this.generation || this.pending !== pending) return;
      this.history.add({ id, status: 'expired', triggeredAtMs: pending.triggeredAtMs, durationMs: this.ctx.now() - pending.triggeredAtMs, offsets: offsetsRecord(pending.offsets) });
      // execution.checkpointing.tolerable-failed-checkpoints defaults to 0: an expired checkpoint fails the job.
      this.fail(`checkpoint ${id} expired before completing (execution.checkpointing.timeout)`);
    });
  }

  private barrierArrived(pending: PendingCheckpoint, p: number): void {
    if (pending.arrived.has(p)) return;
    pending.offsets.set(p, this.source.positions.get(p) ?? 0);
    pending.arrived.add(p);
    // Stop-with-savepoint: a source emits nothing after the savepoint barrier, whatever the checkpointing mode.
    if (this.spec['execution.checkpointing.mode'] === 'EXACTLY_ONCE' || pending.savepoint) this.blocked.add(p);
    if (pending.arrived.size < pending.channels) return;
    // Every barrier is in: snapshot the keyed state, pass the barrier on to the sink, unblock.
    pending.aligned = true;
    const state = this.operators.snapshot();
    const gen = this.generation;
    // The stopping job reads no further: records after the barriers stay in Kafka for the restored job.
    if (pending.savepoint) this.source.paused = true;
    this.sink.snapshot(pending.id, (sinkState) => {
      if (gen !== this.generation || this.pending !== pending) return;
      this.completeCheckpoint(pending, state, sinkState);
    });
    if (pending.savepoint) return;
    this.blocked.clear();
    const released = this.alignBuffer;
    this.alignBuffer = [];
    this.process(new ArrayRecords(this.source.name, released));
  }

  private completeCheckpoint(pending: PendingCheckpoint, state: CompletedCheckpoint['state'], sinkState: unknown): void {
    const now = this.ctx.now();
    this.latest = { id: pending.id, triggeredAtMs: pending.triggeredAtMs, completedAtMs: now, offsets: new Map(pending.offsets), state, sink: sinkState, maxParallelism: this.maxParallelism, ...(pending.savepoint ? { savepoint: true as const } : {}) };
    this.pending = null;
    this.history.add({ id: pending.id, status: 'completed', triggeredAtMs: pending.triggeredAtMs, durationMs: now - pending.triggeredAtMs, offsets: offsetsRecord(pending.offsets), ...(pending.savepoint ? { savepoint: true } : {}) });
    this.sink.complete(pending.id, sinkState);
    this.source.commitForMonitoring(pending.offsets);
    if (pending.savepoint) this.finishSavepoint(this.latest);
    else if (this.savepointDone) this.trigger();
  }

  /**
   * `flink stop --savepointPath …`: takes a savepoint (a checkpoint the job stops after: its barriers
   * are aligned and the sources emit nothing behind them) and ends the job. `done` gets the savepoint.
   * A checkpoint already in progress completes first. False if the job is not running or already stopping.
   */
  stopWithSavepoint(done: (savepoint: CompletedCheckpoint) => void): boolean {
    if (this.status !== 'running' || this.savepointDone) return false;
    this.savepointDone = done;
    this.trigger();
    return true;
  }

  private finishSavepoint(savepoint: CompletedCheckpoint): void {
    const done = this.savepointDone!;
    this.savepointDone = null;
    this.ctx.log('info', `${this.label()} stopped with savepoint ${savepoint.id} at offsets ${JSON.stringify(offsetsRecord(savepoint.offsets))}; ${describeState(this.operators.subtasks())}`);
    // The job ends: everything it held is in the savepoint now (the teardown's loss notes are undone by a restore).
    this.teardown('stopped with a savepoint');
    this.status = 'savepointed';
    done(savepoint);
  }

  /**
   * `flink run -s <savepoint> -p <parallelism>`: starts the job again from a savepoint with a new
   * parallelism. The key groups stay the savepoint's; each new subtask takes the groups
   * KeyGroupRangeAssignment gives it, with their state. Refused (false, logged) as Flink refuses it
   * when the new parallelism is above the max parallelism.
   */
  restoreFromSavepoint(savepoint: CompletedCheckpoint, parallelism: number): boolean {
    if (parallelism > savepoint.maxParallelism) {
      // StateAssignmentOperation.checkParallelismPreconditions refuses it: the job does not start.
      this.ctx.log('error', `${this.label()} cannot be restored from savepoint ${savepoint.id}: the maximum parallelism (${savepoint.maxParallelism}) of the restored state is lower than the configured parallelism (${parallelism}); the max parallelism (the number of key groups) was fixed when the job first ran`);
      return false;
    }
    this.parallelism = parallelism;
    this.latest = savepoint;
    this.start();
    this.ctx.log('info', `${this.label()} runs with parallelism ${parallelism}; ${describeState(this.operators.subtasks())}`);
    return true;
  }

  /** `flink run -p <parallelism>` without `-s`: a new job, no state, reading from `starting-offsets`. */
  startWithoutState(parallelism: number): void {
    this.parallelism = parallelism;
    this.latest = null;
    this.start();
    this.ctx.log('info', `${this.label()} started without state with parallelism ${parallelism}: ${this.source.startDescription}`);
  }

  /**
   * `flink cancel`: every task is cancelled and the job is CANCELED, not restarted. Nothing is
   * snapshotted: open windows and the source's position since the last checkpoint are gone; the
   * offsets committed to Kafka stay those of the last completed checkpoint.
   */
  cancel(): void {
    if (this.status !== 'running') return;
    this.ctx.log('warn', `${this.label()} cancelled without a savepoint, its state dropped (${describeState(this.operators.subtasks())})`);
    this.teardown('cancelled');
    this.status = 'cancelled';
  }

  /** A task failed: cancel everything and let the node apply the restart strategy. */
  fail(reason: string): void {
    if (this.status !== 'running') return;
    this.ctx.log('error', `${this.label()} failed: ${reason}`);
    this.teardown('job failure');
    this.status = 'restarting';
    this.onFailure(this, reason);
  }

  /** Cancels all tasks: volatile state is gone (noted as candidate losses; a restore replays them). */
  teardown(why: string): void {
    this.generation++;
    const ledger = this.ctx.ledger;
    // One reason string for every record: a template per record would be a new string to hash each time.
    const reason = `un-checkpointed state lost (${why})`;
    const note = (rid: number) => ledger.noteLoss(rid, this.where, reason);
    this.operators.allRecords(note);
    for (const r of this.alignBuffer) note(r.record.rid);
    if (this.busyBatch) for (let i = 0; i < this.busyBatch.length; i++) note(this.busyBatch.ridAt(i));
    this.alignBuffer = [];
    this.busyBatch = null;
    this.deferredBarriers = [];
    this.blocked.clear();
    this.pending = null;
    this.source.stop();
    this.sink.teardown();
  }

  subtasks(): SubtaskView[] {
    return this.operators.subtasks();
  }

  stop(now: number): void {
    if (this.status === 'running') this.teardown('stopped');
    this.status = 'stopped';
    this.stoppedAtMs = now;
  }

  lag(): number {
    if (this.status === 'running') return this.source.lag();
    return this.source.lag(this.latest?.offsets ?? this.initialOffsets ?? new Map());
  }

  heldRecords(visit: (rid: number) => void): void {
    if (this.status === 'stopped') return;
    if (this.status === 'running') {
      this.operators.heldRecords(visit);
      for (const r of this.alignBuffer) visit(r.record.rid);
      if (this.busyBatch) for (let i = 0; i < this.busyBatch.length; i++) visit(this.busyBatch.ridAt(i));
      this.sink.heldRecords(visit);
      this.source.visitUnread(this.source.positions, visit);
      return;
    }
    // Down, restarting, failed or stopped with a savepoint: a restart restores the latest state and reads
    // again what is still waiting in Kafka.
    if (this.status === 'savepointed' && this.latest) for (const c of this.latest.state.windows) if (!c.fired) visitStoredLineage(c, visit);
    const from = this.latest?.offsets ?? this.initialOffsets;
    if (from) this.source.visitUnread(from, visit);
  }

  inspect(): unknown {
    return {
      version: this.version,
      status: this.status,
      restarts: this.restarts,
      checkpoints: this.history.rows,
      lastCompletedCheckpoint: this.latest ? { id: this.latest.id, completedAtMs: this.latest.completedAtMs, offsets: offsetsRecord(this.latest.offsets) } : null,
      pendingCheckpoint: this.pending ? { id: this.pending.id, barriersArrived: this.pending.arrived.size } : null,
      alignmentBuffer: this.alignBuffer.length,
      positions: offsetsRecord(this.source.positions),
      lag: this.lag(),
      operators: this.operators.inspect(),
      sink: this.sink.inspect(),
    };
  }
}

/** "subtask 0: key groups 0-63, 3 keys, 5 window cells; …" — where the keyed state lives. */
function describeState(rows: readonly SubtaskView[]): string {
  return rows.map((r) => `subtask ${r.subtask}: key groups ${r.keyGroups.start}-${r.keyGroups.end}, ${r.keys} ${r.keys === 1 ? 'key' : 'keys'}, ${r.windowState} window ${r.windowState === 1 ? 'cell' : 'cells'}`).join('; ');
}

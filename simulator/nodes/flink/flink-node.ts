/**
 * The Flink cluster endpoint (JobManager + TaskManagers as one process): a `crash` fault on
 * it is a TaskManager/JobManager failure. It runs the job instance(s), applies the
 * `restart-strategy` after failures, and carries out scheduled `deploy`s of job versions.
 *
 * restart-strategy: `fixed-delay` restarts `delay` after a failure, at most `attempts` times
 * (unbounded if absent); `none` leaves the job FAILED. Each restart restores the latest
 * completed checkpoint (SEMANTICS §4 "Recovery").
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import type { FlinkSpec } from '../../spec/schema/flink.js';
import type { JobInstance } from './job-instance.js';
import type { CompletedCheckpoint } from './checkpoints.js';

export type InstanceFactory = (node: FlinkNode, version: string, mode: 'live' | 'reprocess') => JobInstance;

export class FlinkNode implements SimNode {
  ctx!: NodeContext;
  readonly instances: JobInstance[] = [];
  serving = 0;
  private up = false;
  /** Savepoints taken by `stopWithSavepoint`, oldest first (durable, like the savepoint directory). */
  readonly savepoints: CompletedCheckpoint[] = [];

  constructor(
    readonly address: string,
    private readonly spec: FlinkSpec,
    private readonly makeInstance: InstanceFactory,
  ) {}

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.up = true;
    const first = this.makeInstance(this, 'main', 'live');
    this.instances.push(first);
    first.start();
  }

  /** The restart strategy, after a task failure or when the cluster comes back from a crash. */
  handleFailure(instance: JobInstance, reason: string): void {
    const strategy = this.spec['restart-strategy'];
    if (strategy.type === 'none') {
      instance.status = 'failed';
      this.ctx.log('error', `job ${instance.version} is FAILED (restart-strategy none): ${reason}`);
      return;
    }
    if (strategy.attempts !== undefined && instance.restarts >= strategy.attempts) {
      instance.status = 'failed';
      this.ctx.log('error', `job ${instance.version} is FAILED: restart attempts (${strategy.attempts}) exhausted`);
      return;
    }
    instance.restarts++;
    instance.status = 'restarting';
    this.ctx.log('warn', `job ${instance.version} restarting in ${strategy.delay}ms (attempt ${instance.restarts}${strategy.attempts !== undefined ? ` of ${strategy.attempts}` : ''})`);
    this.ctx.timer(strategy.delay, () => {
      if (instance.status === 'restarting') instance.start();
    });
  }

  peerDown(address: string): void {
    if (!this.up) return;
    for (const inst of this.instances) {
      if (inst.status !== 'running') continue;
      inst.source.peerDown(address);
      inst.sink.peerDown?.(address);
    }
  }

  receive(msg: Message, from: string): void {
    for (const inst of this.instances) {
      if (inst.status !== 'running') continue;
      if (inst.source.receive(msg, from)) return;
      if (inst.sink.receive(msg, from)) return;
    }
  }

  crash(): void {
    this.up = false;
    for (const inst of this.instances) {
      if (inst.status === 'running') inst.teardown('process crashed');
      if (inst.status === 'running' || inst.status === 'restarting') inst.status = 'down';
    }
  }

  restart(): void {
    this.up = true;
    for (const inst of this.instances) if (inst.status === 'down') this.handleFailure(inst, 'TaskManager lost');
  }

  isUp(): boolean {
    return this.up;
  }

  /**
   * `flink stop --savepointPath <dir> <jobId>` on the serving job: a savepoint, then the job ends.
   * `done` runs when the savepoint is complete. False when there is no running job to stop.
   */
  stopWithSavepoint(done?: (savepoint: CompletedCheckpoint) => void): boolean {
    const live = this.instances[this.serving];
    if (!live || !this.up) return false;
    return live.stopWithSavepoint((savepoint) => {
      this.savepoints.push(savepoint);
      done?.(savepoint);
    });
  }

  /**
   * `flink run -s <savepoint> -p <parallelism>`: the stopped job runs again from its latest savepoint
   * (or the one given), its key groups spread over `parallelism` subtasks. False when there is none to
   * restore, the job is still running, or Flink refuses the parallelism.
   */
  restoreFromSavepoint(parallelism: number, savepoint = this.savepoints[this.savepoints.length - 1]): boolean {
    const live = this.instances[this.serving];
    if (!live || !savepoint || live.status !== 'savepointed' || !this.up) return false;
    return live.restoreFromSavepoint(savepoint, parallelism);
  }

  /** The serving job's parallelism now (what `flink run -s` without `-p` keeps). */
  parallelism(): number {
    return this.instances[this.serving]?.parallelism ?? 1;
  }

  /**
   * `flink cancel <jobId>` on the serving job: it ends at once, without a savepoint; its window state
   * is gone (the records in it stay noted lost unless a later job reads them again). False when it is
   * not running.
   */
  cancel(): boolean {
    const live = this.instances[this.serving];
    if (!live || !this.up || live.status !== 'running') return false;
    live.cancel();
    return true;
  }

  /** `flink run -p <parallelism>` without `-s` after a stop or a cancel: the job starts over without its state. */
  runWithoutState(parallelism: number): boolean {
    const live = this.instances[this.serving];
    if (!live || (live.status !== 'savepointed' && live.status !== 'cancelled') || !this.up) return false;
    live.startWithoutState(parallelism);
    return true;
  }

  /**
   * A deploy at its time: switch code in place, or start a reprocessing instance (Kappa). An in-place
   * deploy with another parallelism is a rescale: stop with a savepoint, run the new version from it.
   */
  deploy(version: string, mode: 'in-place' | 'reprocess', job: FlinkSpec['job'], parallelism?: number): void {
    if (mode === 'in-place') {
      const live = this.instances[this.serving];
      if (live && parallelism !== undefined && parallelism !== live.parallelism) {
        const from = live.parallelism;
        const stopping = this.stopWithSavepoint((savepoint) => {
          live.setJob(job);
          if (this.restoreFromSavepoint(parallelism, savepoint)) this.ctx.log('info', `deployed job version ${version} from savepoint ${savepoint.id}: parallelism ${from} → ${parallelism}`);
        });
        if (!stopping) this.ctx.log('warn', `deploy of job version ${version} skipped: the job is not running, so there is nothing to stop with a savepoint`);
        return;
      }
      if (live) {
        live.setJob(job);
        this.ctx?.log('info', `deployed job version ${version} in place`);
      }
      return;
    }
    const inst = this.makeInstance(this, version, 'reprocess');
    this.instances.push(inst);
    this.ctx.log('info', `reprocessing: started job ${version} from the earliest retained offset into ${inst.sink.target}`);
    if (this.up) inst.start();
    else inst.status = 'down';
  }

  /** After a poll: a reprocessing instance that has caught up becomes the serving one. */
  checkCaughtUp(inst: JobInstance): void {
    if (inst.caughtUp || inst.status !== 'running') return;
    if (inst.lag() > 0) return;
    inst.caughtUp = true;
    const index = this.instances.indexOf(inst);
    if (index === this.serving || index < 0) return;
    const old = this.instances[this.serving];
    this.serving = index;
    this.ctx.log('info', `job ${inst.version} caught up (lag 0): readers switch to ${inst.sink.target}; stopping job ${old?.version ?? ''}`);
    if (!old) return;
    old.stop(this.ctx.now());
    const seconds = (this.ctx.now() / 1000).toFixed(1);
    this.ctx.ledger.noteRetired(`${old.sink.node}/${old.sink.target}`, this.address, `job ${old.version} retired at ${seconds} s when ${inst.version} caught up: it never read this record, and its index gets nothing after that`);
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const inst of this.instances) inst.heldRecords(visit);
  }

  metrics(): Record<string, number> {
    const live = this.instances[this.serving];
    if (!live) return {};
    const ops = live.operators;
    return {
      numRecordsIn: live.processed,
      numRecordsOut: ops.emitted,
      numLateRecordsDropped: ops.lateDropped,
      currentWatermark: Number.isFinite(ops.watermarks.watermark) ? ops.watermarks.watermark : -1,
      windowStateSize: ops.windowStateSize(),
      checkpointsCompleted: live.history.completed,
      checkpointsFailed: live.history.failed,
      lastCheckpointId: live.latest?.id ?? 0,
      lastCheckpointAtMs: live.latest?.completedAtMs ?? -1,
      restarts: live.restarts,
      lag: live.lag(),
      running: live.status === 'running' ? 1 : 0,
    };
  }

  inspect(): unknown {
    return { serving: this.serving, instances: this.instances.map((i) => i.inspect()) };
  }
}

/**
 * `type: batch` — Lambda's batch layer (SEMANTICS §6, DESIGN §4).
 *
 * Every `every` a run starts: it lists the master dataset (the S3 objects under `prefix`; S3
 * objects are immutable, so the listing is a consistent snapshot), takes the job version in force
 * at that moment, and recomputes the whole view from every record listed. The run takes
 * N / `throughput` of simulated time; only when it finishes is the new view published, replacing
 * the old one atomically (as a batch view is swapped in the serving layer). A crash aborts the
 * running run — its work is lost and the next scheduled run starts over from all the data — while
 * the published view survives (it is a file in durable storage).
 *
 * Runs never overlap: a tick that finds a run still going is skipped (one active run, no catch-up).
 * The cut-off of a run is the newest write time among the objects it read; the serving layer
 * takes windows ending by min(cut-off, run start − `cut-off-margin`) from its view (lambda-merge.ts).
 */
import type { Message, NodeContext, SimNode } from '../core/node.js';
import type { Rec } from '../core/record.js';
import type { BuildContext } from '../nodes/build-context.js';
import type { NodeSpecOf } from '../spec/schema/pipeline.js';
import type { S3Object, S3Store } from '../nodes/s3/store.js';
import type { JobSpec } from '../spec/schema/job.js';
import { computeView, mergeable, mergeView, partialView, type PartialView, type ViewComputation } from './batch-view.js';
import { versionAt } from './job-versions.js';
import { compileWhere } from './job-filter.js';
import type { BatchLayerHandle, BatchRunInfo, PublishedView } from './batch-handle.js';
import { DagDriver, staticPrefix, type TryStart } from './batch-dag.js';
import type { ViewRow } from './batch-view.js';
import { dagGrid } from '../orchestrator/grid.js';
import { fnmatchRegExp, literalHead } from '../orchestrator/fnmatch.js';
import type { BackfillRequest, BackfillResult } from '../orchestrator/scheduler.js';

type BatchSpec = NodeSpecOf<'batch'>;

interface Run extends BatchRunInfo {
  finishedAtMs: number | null;
  abortedAtMs: number | null;
}

export class BatchNode implements SimNode {
  private ctx!: NodeContext;
  private published: PublishedView | null = null;
  private readonly runLog: Run[] = [];
  private running: Run | null = null;
  /** Objects some earlier run listed: reading them again is re-processing. */
  private readonly everRead = new Set<string>();
  /** Partial aggregates per object for the version last run (objects are immutable). */
  private partials = new Map<string, PartialView>();
  private partialsVersion = '';
  /** rids already noted as filtered, so 1M records × many runs do not flood the ledger. */
  private readonly notedFiltered: Uint8Array;
  /** With `schedule:` — the DAG's scheduler, the tries running, and the view's partitions. */
  private readonly dag: DagDriver | null;
  private readonly tries = new Map<TryStart, { run: Run; view: ViewComputation; cutOff: number; keys: Set<string>; version: string; where: string | undefined; objects: readonly S3Object[]; keep: (rec: Rec) => boolean; aggregate: JobSpec['aggregate'] }>();
  private readonly partitions = new Map<string, { rows: readonly ViewRow[]; records: number; keys: ReadonlySet<string>; covers: number; cutOff: number; version: string; startedAtMs: number }[]>();

  constructor(
    readonly address: string,
    private readonly spec: BatchSpec,
    private readonly keyBy: string,
    private readonly store: () => S3Store | undefined,
    totalRecords: number,
  ) {
    this.notedFiltered = new Uint8Array(totalRecords);
    const schedule = spec.schedule;
    this.dag = schedule
      ? new DagDriver(schedule, spec.source.prefix, spec.write?.partition ?? '', {
          now: () => this.ctx.now(),
          timer: (ms, fn) => this.ctx.timer(ms, fn),
          begin: (t) => this.beginTry(t),
          commit: (t) => this.commitTry(t),
          abort: (t) => this.abortTry(t),
          keyExists: (key, wildcard) => this.keyExists(key, wildcard),
        })
      : null;
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    if (this.dag) this.dag.start();
    else this.scheduleNextTick();
  }

  receive(msg: Message): void {
    void msg;
  }

  crash(): void {
    if (this.dag) {
      this.dag.crash();
      return;
    }
    if (this.running) {
      this.running.abortedAtMs = this.ctx.now();
      this.ctx.log('warn', `batch run started at ${this.running.startedAtMs} ms aborted: its work is lost, the next run starts over`);
      this.running = null;
    }
  }

  restart(): void {
    if (this.dag) this.dag.start();
    else this.scheduleNextTick();
  }

  /** An S3KeySensor's poke: an object with exactly this key (head_object), or, with wildcard_match, one fnmatch accepts. */
  private keyExists(key: string, wildcard: boolean): boolean {
    const store = this.store();
    if (!store) return false;
    if (!wildcard) return store.listObjects(key).some((o) => o.key === key);
    const re = fnmatchRegExp(key);
    return store.listObjects(literalHead(key)).some((o) => re.test(o.key));
  }

  /** `airflow backfill create` on this node's DAG (operations/apply.ts); an Error without a DAG. */
  backfill(req: BackfillRequest): BackfillResult | Error {
    if (!this.dag) return new Error(`${this.address} has a non-periodic schedule that does not support backfills`);
    return this.dag.backfill(req);
  }

  /** What a run reads from a listing: its records, those an earlier run already read, and the newest object's time (the cut-off). */
  private readObjects(objects: readonly { key: string; records: { readonly length: number }; writtenAtMs: number }[]): { records: number; alreadyRead: number; cutOff: number; keys: Set<string> } {
    let records = 0;
    let alreadyRead = 0;
    let cutOff = Number.NEGATIVE_INFINITY;
    const keys = new Set<string>();
    for (const o of objects) {
      records += o.records.length;
      if (this.everRead.has(o.key)) alreadyRead += o.records.length;
      cutOff = Math.max(cutOff, o.writtenAtMs);
      keys.add(o.key);
    }
    for (const k of keys) this.everRead.add(k);
    return { records, alreadyRead, cutOff, keys };
  }

  /** A DAG try starts: list its interval's objects now (a consistent snapshot) and compute its result. */
  private beginTry(t: TryStart): number {
    const now = this.ctx.now();
    const objects = this.store()?.listObjects(t.prefix) ?? [];
    if (!this.store()) this.ctx.log('error', `no master dataset: \`${this.spec.source.node}\` is not an s3 node`);
    const { name, job } = versionAt(this.spec, now);
    const keep = compileWhere(job.where);
    const filter = keep instanceof Error ? () => false : keep;
    const { records, alreadyRead, cutOff, keys } = this.readObjects(objects);
    const run: Run = { version: name, startedAtMs: now, finishedAtMs: null, abortedAtMs: null, records, alreadyRead, cutOffMs: cutOff, runId: t.run.runId, tryNumber: t.tryNumber };
    this.runLog.push(run);
    const view = this.compute(objects, name, job, filter);
    this.tries.set(t, { run, view, cutOff, keys, version: name, where: job.where, objects, keep: filter, aggregate: job.aggregate });
    const durationMs = Math.ceil((records / this.spec.throughput) * 1000);
    this.ctx.log('info', `${t.run.runId} try ${t.tryNumber}: Spark job (${name}) over ${records} records in ${objects.length} objects under ${t.prefix}; takes ${durationMs} ms`);
    return durationMs;
  }

  /** The try's Spark job committed: write its result partition, then publish the table as the view. */
  private commitTry(t: TryStart): void {
    const s = this.tries.get(t);
    if (!s) return;
    this.tries.delete(t);
    const now = this.ctx.now();
    s.run.finishedAtMs = now;
    for (const rec of s.view.filtered) this.noteFiltered(rec, s.version, s.where);
    const result = { rows: s.view.rows, records: s.run.records, keys: s.keys, covers: Math.min(s.cutOff, s.run.startedAtMs - this.spec['cut-off-margin']), cutOff: s.cutOff, version: s.version, startedAtMs: s.run.startedAtMs };
    const append = this.spec.write?.mode === 'append';
    if (append) this.noteAppendedAgain(t, s.objects, s.keep);
    this.partitions.set(t.partition, append ? [...(this.partitions.get(t.partition) ?? []), result] : [result]);
    const all = [...this.partitions.values()].flat();
    const keys = new Set<string>();
    for (const r of all) for (const k of r.keys) keys.add(k);
    const covers = all.reduce((m, r) => Math.max(m, r.covers), Number.NEGATIVE_INFINITY);
    this.published = {
      version: s.version,
      startedAtMs: s.run.startedAtMs,
      publishedAtMs: now,
      cutOffMs: all.reduce((m, r) => Math.max(m, r.cutOff), Number.NEGATIVE_INFINITY),
      coversWindowsEndingByMs: covers,
      rows: append ? queriedRows(all.flatMap((r) => r.rows), s.aggregate) : all.flatMap((r) => r.rows),
      records: all.reduce((n, r) => n + r.records, 0),
      objectKeys: keys,
    };
    this.ctx.log('info', `${t.run.runId} try ${t.tryNumber} committed ${s.view.rows.length} rows to partition ${t.partition || '(table)'} (${append ? 'INSERT INTO: appended' : 'INSERT OVERWRITE: replaced'})`);
  }

  /**
   * INSERT INTO over a partition that already holds a committed result: every record this try read that an
   * earlier result of the partition counted is now counted once more. The ledger blames the copy on this
   * Airflow task try (SEMANTICS-2 §5: a re-run job appends new files [SP2][SP3]).
   */
  private noteAppendedAgain(t: TryStart, objects: readonly S3Object[], keep: (rec: Rec) => boolean): void {
    const earlier = this.partitions.get(t.partition) ?? [];
    if (earlier.length === 0) return;
    const counted = new Set<string>();
    for (const r of earlier) for (const k of r.keys) counted.add(k);
    const why = `${t.run.runId} try ${t.tryNumber} appended partition ${t.partition || '(table)'} again (INSERT INTO): counted once more`;
    for (const o of objects) if (counted.has(o.key)) for (const rec of o.records) if (rec.rid >= 0 && keep(rec)) this.ctx.ledger.noteDuplicate(rec.rid, this.address, why);
  }

  private abortTry(t: TryStart): void {
    const s = this.tries.get(t);
    if (!s) return;
    this.tries.delete(t);
    s.run.abortedAtMs = this.ctx.now();
    this.ctx.log('warn', `${t.run.runId} try ${t.tryNumber} killed by the crash before its Spark job committed: the try fails`);
  }

  /** Ticks fall on multiples of `every`; after a restart the schedule resumes at the next one. */
  private scheduleNextTick(): void {
    const every = this.spec.every ?? 0;
    const now = this.ctx.now();
    const next = (Math.floor(now / every) + 1) * every;
    this.ctx.timer(next - now, () => {
      this.tick();
      this.scheduleNextTick();
    });
  }

  private tick(): void {
    if (this.running) {
      this.ctx.log('warn', 'batch run still going at the next scheduled start: this start is skipped');
      return;
    }
    const store = this.store();
    if (!store) {
      this.ctx.log('error', `no master dataset: \`${this.spec.source.node}\` is not an s3 node`);
      return;
    }
    const objects = store.listObjects(this.spec.source.prefix);
    if (objects.length === 0) {
      this.ctx.log('info', 'batch run skipped: the master dataset is empty');
      return;
    }
    const now = this.ctx.now();
    const { name, job } = versionAt(this.spec, now);
    const keep = compileWhere(job.where);
    if (keep instanceof Error) {
      this.ctx.log('error', `batch job ${name} cannot start: ${keep.message}`);
      return;
    }
    const { records, alreadyRead, cutOff, keys } = this.readObjects(objects);
    const run: Run = { version: name, startedAtMs: now, finishedAtMs: null, abortedAtMs: null, records, alreadyRead, cutOffMs: cutOff };
    this.runLog.push(run);
    this.running = run;
    // The inputs are immutable objects listed now, so the result is fixed at the start; the
    // run's duration decides only when it becomes visible (or whether a crash discards it).
    const view = this.compute(objects, name, job, keep);
    const durationMs = Math.ceil((records / this.spec.throughput) * 1000);
    this.ctx.log('info', `batch run (${name}) started over ${records} records in ${objects.length} objects, cut-off ${cutOff} ms; takes ${durationMs} ms`);
    this.ctx.timer(durationMs, () => {
      if (this.running !== run) return;
      run.finishedAtMs = this.ctx.now();
      this.running = null;
      for (const rec of view.filtered) this.noteFiltered(rec, name, job.where);
      this.published = {
        version: name,
        startedAtMs: run.startedAtMs,
        publishedAtMs: run.finishedAtMs,
        cutOffMs: cutOff,
        coversWindowsEndingByMs: Math.min(cutOff, run.startedAtMs - this.spec['cut-off-margin']),
        rows: view.rows,
        records,
        objectKeys: keys,
      };
      this.ctx.log('info', `batch view (${name}) published: ${view.rows.length} windows, covering windows that ended by ${this.published.coversWindowsEndingByMs} ms`);
    });
  }

  private compute(objects: readonly S3Object[], version: string, job: JobSpec, keep: (rec: Rec) => boolean): ViewComputation {
    const keyBy = job['key-by'] ?? this.keyBy;
    if (!mergeable(job)) {
      const all = function* (): Generator<Rec> {
        for (const o of objects) yield* o.records;
      };
      return computeView(all(), job, keyBy, keep);
    }
    if (version !== this.partialsVersion) {
      this.partials = new Map();
      this.partialsVersion = version;
    }
    const parts: PartialView[] = [];
    for (const o of objects) {
      let p = this.partials.get(o.key);
      if (!p) this.partials.set(o.key, (p = partialView(o.records, job, keyBy, keep)));
      parts.push(p);
    }
    return mergeView(parts, job.aggregate);
  }

  private noteFiltered(rec: Rec, version: string, where: string | undefined): void {
    const rid = rec.rid;
    if (rid < 0 || rid >= this.notedFiltered.length || this.notedFiltered[rid]) return;
    this.notedFiltered[rid] = 1;
    this.ctx.ledger.noteFiltered(rid, this.address, where ? `batch job ${version}: where ${where}` : 'no key field');
  }

  handle(): BatchLayerHandle {
    const readBy = (r: Run, now: number): number => {
      if (r.finishedAtMs !== null) return r.records;
      const end = r.abortedAtMs ?? now;
      return Math.min(r.records, Math.floor(((end - r.startedAtMs) * this.spec.throughput) / 1000));
    };
    return {
      view: () => this.published,
      runs: () => this.runLog,
      processed: (now) => this.runLog.reduce((a, r) => a + readBy(r, now), 0),
      reprocessed: (now) => this.runLog.reduce((a, r) => a + (r.records === 0 ? 0 : Math.floor((readBy(r, now) * r.alreadyRead) / r.records)), 0),
      masterRecords: () => {
        let n = 0;
        for (const o of this.store()?.listObjects(staticPrefix(this.spec.source.prefix)) ?? []) n += o.records.length;
        return n;
      },
      sourceNode: this.spec.source.node,
      prefix: staticPrefix(this.spec.source.prefix),
    };
  }

  metrics(): Record<string, number> {
    return {
      runs: this.runLog.length,
      running: this.dag ? this.tries.size : this.running ? 1 : 0,
      completed: this.runLog.filter((r) => r.finishedAtMs !== null).length,
      viewWindows: this.published?.rows.length ?? 0,
    };
  }

  inspect(): unknown {
    return {
      running: this.running ? { version: this.running.version, startedAtMs: this.running.startedAtMs, records: this.running.records } : null,
      published: this.published
        ? { version: this.published.version, publishedAtMs: this.published.publishedAtMs, cutOffMs: this.published.cutOffMs, windows: this.published.rows.length, records: this.published.records }
        : null,
      runs: this.runLog.map((r) => ({ ...r })),
      ...(this.dag ? { dagRuns: this.dagRuns(), dagGrid: dagGrid(this.dag.scheduler) } : {}),
    };
  }

  /** The DAG's runs, as Airflow's grid shows them: one row per data interval, the task's tries. */
  dagRuns(): { dagId: string; runId: string; state: string; tries: { tryNumber: number; startMs: number; endMs: number; outcome: string | null }[] }[] {
    if (!this.dag) return [];
    return [...this.dag.scheduler.runs]
      .sort((a, b) => a.interval.startMs - b.interval.startMs)
      .map((r) => ({ dagId: this.spec.schedule?.['dag-id'] ?? this.address, runId: r.runId, state: r.state, tries: [...r.tis.values()].flatMap((ti) => ti.tries.map((t) => ({ tryNumber: t.tryNumber, startMs: t.startMs, endMs: t.endMs, outcome: t.outcome }))) }));
  }
}

/**
 * What the serving layer's query (`SELECT window, status, sum(requests) … GROUP BY window, status`) reads from a
 * partition that appends left with several rows per window: one row per window and key, the counts added up and
 * the lineages joined — so a record two appended runs both counted is in that row twice. Averages do not add up;
 * their rows stay apart.
 */
function queriedRows(rows: readonly ViewRow[], aggregate: JobSpec['aggregate']): ViewRow[] {
  if (aggregate.startsWith('avg:')) return [...rows];
  const byWindow = new Map<string, ViewRow>();
  for (const r of rows) {
    const k = `${r.key}\u0000${r.windowStartMs}\u0000${r.windowEndMs}`;
    const before = byWindow.get(k);
    const newest = before && before.newestEventMs !== null && (r.newestEventMs === null || before.newestEventMs > r.newestEventMs) ? before.newestEventMs : r.newestEventMs;
    byWindow.set(k, before ? { ...r, value: before.value + r.value, lineage: [...before.lineage, ...r.lineage], newestEventMs: newest } : r);
  }
  return [...byWindow.values()];
}

export function createBatch(id: string, spec: BatchSpec, ctx: BuildContext): void {
  const node = new BatchNode(id, spec, ctx.spec.workload.key, () => ctx.lookup<S3Store>(spec.source.node), ctx.workload.total);
  ctx.sim.addNode(node);
  ctx.provide(id, node.handle());
}

/**
 * Flink's FileSink writing part files to S3 (SEMANTICS §4 "Sinks", [FL9]; MISCONCEPTIONS 20).
 * A part file is in-progress while records are appended; at the checkpoint barrier it rolls
 * (OnCheckpointRollingPolicy): its data is uploaded as a multipart-upload part and the file
 * becomes pending, recorded in the checkpoint. Only when the checkpoint completes is the
 * upload completed — the object appears, the file is finished. Without checkpointing nothing
 * ever finishes; after a failure the pending files of checkpoints that never completed are
 * never completed (invisible), and restore completes those of the restored checkpoint again
 * (completing an upload twice is harmless, as in S3).
 */
import type { Message } from '../../core/node.js';
import type { Lineage, Rec } from '../../core/record.js';
import type { FlinkSink, SinkHost } from './sink.js';

interface PartFile {
  uploadId: string;
  key: string;
  records: Rec[];
  state: 'in-progress' | 'pending' | 'finished';
}

interface Response extends Message {
  requestId: number;
  ok: boolean;
}

/** What a checkpoint stores: the pending part files to complete when it completes. */
interface FileState {
  files: { uploadId: string; key: string; records: Rec[] }[];
}

export class FileSink implements FlinkSink {
  readonly kind = 'filesystem' as const;
  readonly node: string;
  readonly target: string;
  private inProgress: PartFile | null = null;
  private readonly pendingByCheckpoint = new Map<number, PartFile[]>();
  private readonly requests = new Map<number, (ok: boolean) => void>();
  private nextRequest = 1;
  private counter = 0;
  private generation = 0;
  finished = 0;

  constructor(
    private readonly host: SinkHost,
    node: string,
    path: string,
    private readonly subtask: number,
  ) {
    this.node = node;
    this.target = path;
  }

  private request(kind: string, body: Record<string, unknown>, records: readonly Rec[] | undefined, done: (ok: boolean) => void): void {
    const requestId = this.nextRequest++;
    this.requests.set(requestId, done);
    this.host.ctx.send(this.node, { kind, requestId, ...body, ...(records ? { records } : {}) } as Message);
  }

  write(records: readonly Rec[]): void {
    if (records.length === 0) return;
    if (!this.inProgress) {
      const n = this.counter++;
      const key = `${this.target}part-${this.subtask}-${n}`;
      this.inProgress = { uploadId: `${this.host.where}:${key}:${this.generation}`, key, records: [], state: 'in-progress' };
    }
    for (const r of records) this.inProgress.records.push(r);
  }

  snapshot(id: number, done: (state: unknown) => void): void {
    const file = this.inProgress;
    this.inProgress = null;
    if (!file) return done({ files: [] } satisfies FileState);
    const gen = this.generation;
    this.request('s3.mpu.part', { uploadId: file.uploadId, key: file.key }, file.records, (ok) => {
      if (gen !== this.generation) return;
      if (!ok) return this.host.fail(`S3 refused a part of ${file.key}`);
      file.state = 'pending';
      this.pendingByCheckpoint.set(id, [file]);
      done({ files: [{ uploadId: file.uploadId, key: file.key, records: file.records }] } satisfies FileState);
    });
  }

  complete(id: number): void {
    for (const [cp, files] of this.pendingByCheckpoint) {
      if (cp > id) continue;
      this.pendingByCheckpoint.delete(cp);
      for (const f of files) this.finish(f);
    }
  }

  private finish(f: PartFile): void {
    const gen = this.generation;
    this.request('s3.mpu.complete', { uploadId: f.uploadId }, undefined, (ok) => {
      if (gen !== this.generation) return;
      if (ok) {
        f.state = 'finished';
        this.finished++;
      } else this.host.fail(`S3 could not complete ${f.key}`);
    });
    // Keep the records held until S3 confirms: the object is not visible before that.
    this.completing.push(f);
  }

  private completing: PartFile[] = [];

  restore(state: unknown): void {
    const s = state as FileState | undefined;
    // Re-complete the restored checkpoint's files: its completion may not have reached S3 before the failure.
    for (const f of s?.files ?? []) this.finish({ uploadId: f.uploadId, key: f.key, records: f.records, state: 'pending' });
  }

  receive(msg: Message, from: string): boolean {
    if (from !== this.node || !msg.kind.startsWith('s3.mpu.') || !msg.kind.endsWith('.response')) return false;
    const res = msg as Response;
    const done = this.requests.get(res.requestId);
    if (!done) return true;
    this.requests.delete(res.requestId);
    done(res.ok);
    this.completing = this.completing.filter((f) => f.state !== 'finished');
    return true;
  }

  teardown(): void {
    this.generation++;
    const ctx = this.host.ctx;
    if (this.inProgress) for (const r of this.inProgress.records) for (const rid of ridsOf(r)) ctx.ledger.noteLoss(rid, this.host.where, 'in-progress part file discarded when the job failed');
    for (const files of this.pendingByCheckpoint.values()) {
      for (const f of files) {
        const why = `pending part file ${f.key} of an incomplete checkpoint discarded`;
        for (const r of f.records) for (const rid of ridsOf(r)) ctx.ledger.noteLoss(rid, this.host.where, why);
      }
    }
    this.inProgress = null;
    this.pendingByCheckpoint.clear();
    this.requests.clear();
    this.completing = [];
  }

  heldRecords(visit: (rid: number) => void): void {
    if (this.inProgress) for (const r of this.inProgress.records) for (const rid of ridsOf(r)) visit(rid);
    for (const files of this.pendingByCheckpoint.values()) for (const f of files) for (const r of f.records) for (const rid of ridsOf(r)) visit(rid);
    for (const f of this.completing) for (const r of f.records) for (const rid of ridsOf(r)) visit(rid);
  }

  inspect(): unknown {
    const pending: string[] = [];
    for (const files of this.pendingByCheckpoint.values()) for (const f of files) pending.push(f.key);
    return { kind: this.kind, node: this.node, path: this.target, inProgress: this.inProgress ? { key: this.inProgress.key, records: this.inProgress.records.length } : null, pending, finished: this.finished };
  }
}

function ridsOf(r: Rec): Lineage {
  return r.rid >= 0 ? [r.rid] : (r.lineage ?? []);
}

/**
 * Logstash's s3 output, logstash-output-s3 4.4.1 (SEMANTICS-2 §2.1 [S3O1][S3O2]).
 *
 * Events are appended to a local temporary file and the batch is finished once they are written
 * there — a persisted queue acks them before anything is in S3. The file is rotated (closed and
 * queued for upload) by size or by time (s3-rotation.ts); time rotation is also driven by a timer
 * every 15 s. Each file gets a fresh key, so objects never overwrite each other; a retried PUT of
 * the same file reuses its key. An upload is retried every `retry_delay`; with a finite
 * `retry_count` the plugin logs "Failed to upload file" after the last attempt and still deletes
 * the temporary file: its events are lost. Temporary files are on disk: after a crash, `restore`
 * (default true) uploads every file left behind at startup, the half-filled one as its own part.
 */
import type { Message, NodeContext } from '../../core/node.js';
import { LazyRec, type Rec } from '../../core/record.js';
import { RecordBuffer } from '../beats/shipped-line.js';
import type { S3Put, S3Response } from '../s3/protocol.js';
import type { LogstashSpec } from '../../spec/schema/logstash.js';
import type { LogstashOutput } from './output.js';
import { PERIODIC_CHECK_MS, byTime, bySize, encodedBytes, type RotationPolicy } from './s3-rotation.js';
import { expandDateRefs, hasDateRefs } from '../s3/partition-path.js';

/** How long one PUT may take before it counts as failed. */
const UPLOAD_TIMEOUT_MS = 30_000;

export type S3OutputSettings = NonNullable<LogstashSpec['output']['s3']>;

interface TempFile {
  key: string;
  /**
   * The events written to the file, packed as ids while they are parsed lines: a file collects
   * `time_file` worth of events (tens of thousands in a 1M run), which as objects outlived several
   * young-generation collections each and were copied by every one.
   */
  records: RecordBuffer;
  bytes: number;
  createdMs: number;
  /** Failed upload attempts so far. */
  failures: number;
}

/** The temporary directory: on disk, so it outlives the process (owned by the node). */
export interface S3TempFiles {
  current: TempFile | null;
  /**
   * With `%{+FORMAT}` in `prefix` (a partitioned lake): one current file per interpolated prefix, created
   * at the first event for it, as the plugin's FileRepository does [S3O1]. Empty when the prefix is fixed.
   */
  dated?: Map<string, TempFile>;
  /** Rotated files waiting for upload, in order. */
  closed: TempFile[];
  nextFile: number;
}

export function newS3TempFiles(): S3TempFiles {
  return { current: null, closed: [], nextFile: 0 };
}

export function s3HeldRecords(files: S3TempFiles, visit: (rid: number) => void): void {
  files.current?.records.visitRids(visit);
  for (const f of files.dated?.values() ?? []) f.records.visitRids(visit);
  for (const f of files.closed) f.records.visitRids(visit);
}

export class LogstashS3Output implements LogstashOutput {
  readonly name = 's3';
  private uploading: { requestId: number; key: string } | undefined;
  private readonly counters = { objectsUploaded: 0, uploadRetries: 0, filesRestored: 0, filesDeleted: 0 };
  private readonly policy: RotationPolicy;
  /** `prefix` holds `%{+…}` date references: files are split per event-time partition. */
  private readonly dated: boolean;

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    private readonly settings: S3OutputSettings,
    private readonly files: S3TempFiles,
    private readonly requestIds: { next: number },
  ) {
    this.policy = { strategy: settings.rotation_strategy, sizeFile: settings.size_file, timeFileMs: settings.time_file };
    this.dated = hasDateRefs(settings.prefix);
    this.recoverLeftovers();
    this.files.current = this.createFile();
    if (this.policy.strategy !== 'size') this.ctx.timer(PERIODIC_CHECK_MS, () => this.periodicCheck());
    this.uploadNext();
  }

  /** `register`: what a crashed process left in the temporary directory. */
  private recoverLeftovers(): void {
    const left = this.files.current;
    this.files.current = null;
    if (left && left.records.length > 0) this.files.closed.push(left);
    for (const f of this.files.dated?.values() ?? []) if (f.records.length > 0) this.files.closed.push(f);
    this.files.dated?.clear();
    if (this.files.closed.length === 0) return;
    if (this.settings.restore) {
      this.counters.filesRestored += this.files.closed.length;
      this.ctx.log('info', `s3 output: restoring ${this.files.closed.length} temporary file(s) left by the previous run`);
      return;
    }
    // restore => false: the plugin never looks at them; nothing will upload those events.
    for (const f of this.files.closed.splice(0)) {
      f.records.visitRids((rid) => this.ctx.ledger.noteLoss(rid, this.where, `s3 output: temporary file ${f.key} left behind by a crash, not uploaded (restore => false)`));
    }
  }

  private createFile(prefix = this.settings.prefix): TempFile {
    const n = this.files.nextFile++;
    // Key as the plugin builds it: prefix + ls.s3.<uuid>.<YYYY-MM-ddTHH.mm>.part<N>.txt (a fresh uuid per file).
    const uuid = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const stamp = new Date(this.ctx.now()).toISOString().slice(0, 16).replace(':', '.');
    return { key: `${prefix}ls.s3.${uuid}.${stamp}.part${n}.txt`, records: new RecordBuffer(), bytes: 0, createdMs: this.ctx.now(), failures: 0 };
  }

  write(events: readonly Rec[], done: () => void): void {
    if (this.dated) {
      this.writeDated(events);
      done();
      return;
    }
    const file = this.files.current!;
    for (const r of events) {
      file.records.push(r);
      file.bytes += lineBytes(r);
    }
    // Checked once per batch, after it is written.
    if (bySize(this.policy, file) || byTime(this.policy, file, this.ctx.now())) this.rotate();
    done();
  }

  /** Each event goes to the file of its own interpolated prefix; each touched file is checked after the batch. */
  private writeDated(events: readonly Rec[]): void {
    const dated = (this.files.dated ??= new Map());
    const touched = new Set<string>();
    for (const r of events) {
      const prefix = expandDateRefs(this.settings.prefix, r.eventTimeMs);
      let file = dated.get(prefix);
      if (!file) dated.set(prefix, (file = this.createFile(prefix)));
      file.records.push(r);
      file.bytes += lineBytes(r);
      touched.add(prefix);
    }
    for (const prefix of touched) {
      const file = dated.get(prefix)!;
      if (bySize(this.policy, file) || byTime(this.policy, file, this.ctx.now())) this.rotateDated(prefix);
    }
  }

  /** A rotated partition file is uploaded; the next event for that prefix opens a new one. */
  private rotateDated(prefix: string): void {
    const file = this.files.dated!.get(prefix)!;
    this.files.dated!.delete(prefix);
    this.files.closed.push(file);
    this.uploadNext();
  }

  private periodicCheck(): void {
    for (const [prefix, file] of [...(this.files.dated ?? [])]) if (byTime(this.policy, file, this.ctx.now())) this.rotateDated(prefix);
    if (!this.dated && byTime(this.policy, this.files.current!, this.ctx.now())) this.rotate();
    this.ctx.timer(PERIODIC_CHECK_MS, () => this.periodicCheck());
  }

  private rotate(): void {
    this.files.closed.push(this.files.current!);
    this.files.current = this.createFile();
    this.uploadNext();
  }

  private uploadNext(): void {
    if (this.uploading) return;
    const file = this.files.closed[0];
    if (!file) return;
    const requestId = this.requestIds.next++;
    this.uploading = { requestId, key: file.key };
    const put: S3Put = { kind: 's3.put', requestId, key: file.key, records: file.records };
    this.ctx.send(this.settings.node, put);
    this.ctx.timer(UPLOAD_TIMEOUT_MS, () => {
      if (this.uploading?.requestId !== requestId) return;
      this.failed();
    });
  }

  private failed(): void {
    this.uploading = undefined;
    const file = this.files.closed[0]!;
    file.failures++;
    const limit = this.settings.retry_count;
    if (limit !== undefined && file.failures > limit) {
      // The upload's completion callback runs even after the last failure and deletes the file [S3O1].
      this.files.closed.shift();
      this.counters.filesDeleted++;
      this.ctx.log('error', `s3 output: Failed to upload file ${file.key} after ${file.failures} attempts (retry_count: ${limit}); deleting the temporary file`);
      file.records.visitRids((rid) => this.ctx.ledger.noteLoss(rid, this.where, `s3 output: upload of ${file.key} failed ${file.failures} times (retry_count: ${limit}), temporary file deleted`));
      this.uploadNext();
      return;
    }
    this.counters.uploadRetries++;
    this.ctx.timer(this.settings.retry_delay * 1000, () => this.uploadNext());
  }

  receive(msg: Message, from: string): boolean {
    if (msg.kind !== 's3.put.response' || from !== this.settings.node) return false;
    const res = msg as S3Response;
    if (this.uploading?.requestId !== res.requestId) return true;
    if (!res.ok) {
      this.failed();
      return true;
    }
    this.uploading = undefined;
    this.files.closed.shift();
    this.counters.objectsUploaded++;
    this.uploadNext();
    return true;
  }

  heldRecords(visit: (rid: number) => void): void {
    s3HeldRecords(this.files, visit);
  }

  metrics(): Record<string, number> {
    return { tempFileEvents: this.files.current?.records.length ?? 0, filesWaiting: this.files.closed.length, ...this.counters };
  }

  inspect(): unknown {
    return { prefix: this.settings.prefix, tempFileEvents: this.files.current?.records.length ?? 0, filesWaiting: this.files.closed.map((f) => f.key), ...this.counters };
  }
}

/** Bytes the event's line takes in the file (`message` and a newline); a lazy record counts its text without writing it. */
function lineBytes(r: Rec): number {
  return r instanceof LazyRec ? r.messageLength() + 1 : encodedBytes(r.fields['message']);
}

/**
 * Logstash's s3 output (SEMANTICS §2): events are appended to a local temporary file and
 * the batch is finished once they are written there; every `time_file` the file is
 * closed and uploaded as one object. Temporary files are on disk and the plugin
 * uploads leftovers after a restart (`restore`, on by default), so a crash does not lose
 * them. An upload is retried until S3 answers ok; a retried PUT of the same key
 * replaces the object, so it never duplicates.
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { S3Put, S3Response } from '../s3/protocol.js';
import type { LogstashOutput } from './output.js';

const UPLOAD_TIMEOUT_MS = 30_000;
const UPLOAD_RETRY_MS = 1000;

export interface S3TempFiles {
  current: Rec[];
  /** Closed files waiting for upload, in order. */
  closed: { key: string; records: Rec[] }[];
  nextFile: number;
}

export class LogstashS3Output implements LogstashOutput {
  readonly name = 's3';
  private uploading: { requestId: number; key: string } | undefined;
  private readonly counters = { objectsUploaded: 0, uploadRetries: 0 };

  constructor(
    private readonly ctx: NodeContext,
    private readonly node: string,
    private readonly prefix: string,
    private readonly timeFileMs: number,
    /** Durable: survives crashes, owned by the node. */
    private readonly files: S3TempFiles,
    private readonly requestIds: { next: number },
  ) {
    this.ctx.timer(timeFileMs, () => this.rotate());
    this.uploadNext();
  }

  write(events: readonly Rec[], done: () => void): void {
    for (const r of events) this.files.current.push(r);
    done();
  }

  private rotate(): void {
    if (this.files.current.length > 0) {
      const key = `${this.prefix}ls.s3.${String(this.files.nextFile++).padStart(6, '0')}.${this.ctx.now()}.part0.txt`;
      this.files.closed.push({ key, records: this.files.current });
      this.files.current = [];
      this.uploadNext();
    }
    this.ctx.timer(this.timeFileMs, () => this.rotate());
  }

  private uploadNext(): void {
    if (this.uploading) return;
    const file = this.files.closed[0];
    if (!file) return;
    const requestId = this.requestIds.next++;
    this.uploading = { requestId, key: file.key };
    const put: S3Put = { kind: 's3.put', requestId, key: file.key, records: file.records };
    this.ctx.send(this.node, put);
    this.ctx.timer(UPLOAD_TIMEOUT_MS, () => {
      if (this.uploading?.requestId !== requestId) return;
      this.failed();
    });
  }

  private failed(): void {
    this.uploading = undefined;
    this.counters.uploadRetries++;
    this.ctx.timer(UPLOAD_RETRY_MS, () => this.uploadNext());
  }

  receive(msg: Message, from: string): boolean {
    if (msg.kind !== 's3.put.response' || from !== this.node) return false;
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
    for (const r of this.files.current) visit(r.rid);
    for (const f of this.files.closed) for (const r of f.records) visit(r.rid);
  }

  metrics(): Record<string, number> {
    return { tempFileEvents: this.files.current.length, filesWaiting: this.files.closed.length, ...this.counters };
  }

  inspect(): unknown {
    return { prefix: this.prefix, tempFileEvents: this.files.current.length, filesWaiting: this.files.closed.map((f) => f.key), ...this.counters };
  }
}

/**
 * An object store (S3/HDFS): durable, immutable objects.
 *
 * A PUT makes the whole object visible at once (S3 has strong read-after-write
 * consistency); putting the same key again replaces it. Multipart uploads — what
 * Flink's FileSink uses for part files — stay invisible until completed, and an
 * aborted upload leaves nothing behind (SEMANTICS §4, FileSink [FL9]). Everything
 * survives a crash of the endpoint: an acknowledged write is on durable storage.
 */
import type { VisibilityRecorder } from '../../cost/visibility.js';
import { RidSet } from '../../core/rid-set.js';
import type { Message, NodeContext, OutputNode, SimNode } from '../../core/node.js';
import type { Rec, RecordColumn } from '../../core/record.js';
import { forEachRid, ridsOf } from '../../core/record.js';
import { packLines, RecordBuffer } from '../beats/shipped-line.js';
import type { S3Object, S3Store } from './store.js';
import type { S3Request, S3Response } from './protocol.js';

interface Upload {
  key: string;
  parts: Rec[][];
}

export class S3Node implements SimNode, OutputNode, S3Store {
  private ctx!: NodeContext;
  private readonly objects = new Map<string, S3Object>();
  private readonly uploads = new Map<string, Upload>();
  private readonly completedUploads = new Set<string>();
  private readonly arrivals: number[] = [];
  /** rids seen so far (a bit each): arrival order keeps first arrivals only. */
  private readonly arrived = new RidSet();
  /** End-to-end latency to a reader listing the bucket (cost/visibility.ts); set by the factory. */
  visibility: VisibilityRecorder | null = null;
  private readonly counters = { puts: 0, partsUploaded: 0, uploadsCompleted: 0, uploadsAborted: 0 };

  constructor(readonly address: string) {}

  start(ctx: NodeContext): void {
    this.ctx = ctx;
  }

  receive(msg: Message, from: string): void {
    const req = msg as S3Request;
    let ok = true;
    switch (req.kind) {
      case 's3.put':
        this.counters.puts++;
        this.store(req.key, req.records);
        break;
      case 's3.mpu.part': {
        let upload = this.uploads.get(req.uploadId);
        if (!upload) this.uploads.set(req.uploadId, (upload = { key: req.key, parts: [] }));
        upload.parts.push([...req.records]);
        this.counters.partsUploaded++;
        break;
      }
      case 's3.mpu.complete': {
        const upload = this.uploads.get(req.uploadId);
        // Completing an upload twice (a retried request) answers ok without a second object: NoSuchUpload
        // would be the real answer for an unknown id, but a retried completion must be idempotent for 2PC [FL4].
        if (upload) {
          this.uploads.delete(req.uploadId);
          this.store(upload.key, upload.parts.flat());
          this.counters.uploadsCompleted++;
        } else ok = this.completedUploads.has(req.uploadId);
        if (upload) this.completedUploads.add(req.uploadId);
        break;
      }
      case 's3.mpu.abort':
        if (this.uploads.delete(req.uploadId)) this.counters.uploadsAborted++;
        break;
      default:
        return;
    }
    const response: S3Response = { kind: `${req.kind}.response`, requestId: req.requestId, ok };
    this.ctx.send(from, response);
  }


  private store(key: string, records: RecordColumn): void {
    const now = this.ctx.now();
    this.objects.set(key, { key, records: keptColumn(records), writtenAtMs: now });
    // A line stands for itself; an aggregate for its lineage.
    forEachRid(records, (rid) => this.stored(rid, key, now));
  }

  private stored(rid: number, key: string, now: number): void {
    if (this.arrived.add(rid)) this.arrivals.push(rid);
    // S3 reads are strongly consistent: a reader sees the object as soon as it is stored.
    this.visibility?.observe(rid, now);
    if (this.ctx.ledger.isTraced(rid)) this.ctx.ledger.trace(rid, this.address, `stored in object ${key}`);
  }

  crash(): void {}

  restart(): void {}

  /** Parts of uploads neither completed nor aborted: their writer may still complete them. */
  heldRecords(visit: (rid: number) => void): void {
    for (const u of this.uploads.values()) for (const part of u.parts) for (const r of part) for (const rid of ridsOf(r)) visit(rid);
  }

  listObjects(prefix: string): S3Object[] {
    return [...this.objects.values()].filter((o) => o.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  listCommonPrefixes(prefix: string, delimiter = '/'): string[] {
    const found = new Set<string>();
    for (const o of this.listObjects(prefix)) {
      const at = o.key.indexOf(delimiter, prefix.length);
      if (at >= 0) found.add(o.key.slice(0, at + delimiter.length));
    }
    return [...found];
  }

  objectCount(): number {
    return this.objects.size;
  }

  countRecords(counts: Uint32Array): void {
    const count = (rid: number) => {
      if (rid >= 0 && rid < counts.length) counts[rid]!++;
    };
    for (const o of this.objects.values()) forEachRid(o.records, count);
  }

  arrivalOrder(): Iterable<number> {
    return this.arrivals;
  }

  latency() {
    return this.visibility?.summary();
  }

  outputStats(): Record<string, number> {
    return { objects: this.objects.size, openUploads: this.uploads.size };
  }

  metrics(): Record<string, number> {
    return { objects: this.objects.size, openUploads: this.uploads.size, ...this.counters };
  }

  inspect(): unknown {
    return {
      objects: this.listObjects('').map((o) => ({ key: o.key, records: o.records.length, writtenAtMs: o.writtenAtMs })),
      openUploads: [...this.uploads].map(([uploadId, u]) => ({ uploadId, key: u.key, parts: u.parts.length })),
    };
  }
}

/**
 * What an object keeps of the records put: parsed access lines as a column, as a Kafka log keeps
 * them (a lake of a million lines is a few megabytes, not a million objects for the garbage
 * collector to walk at every full collection); anything else as a list of its own.
 */
function keptColumn(records: RecordColumn): RecordColumn {
  if (records instanceof RecordBuffer) return records.stored(null);
  if (Array.isArray(records)) {
    const packed = packLines(records as readonly Rec[], null);
    return packed === records ? [...records] : packed;
  }
  return [...records];
}

/**
 * The Kinesis data stream endpoint (`type: kinesis`): shards, `PutRecords`, `GetRecords`, retention.
 *
 * - `PutRecords` [KDS3] (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html):
 *   each entry is hashed to its shard (MD5 of the partition key) and stored with the next sequence
 *   number of that shard, or fails alone with `ProvisionedThroughputExceededException` when the
 *   shard's second is full; the others are stored, and `FailedRecordCount` says how many failed.
 *   Resubmitting the failed entries is the producer's job.
 * - Retention [KDS5] (https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html):
 *   records are deleted `RetentionPeriodHours` after they were added, read or not. A record deleted
 *   before a registered reader got past it is noted lost here, with that reason.
 * - Resharding (reshard.ts): a scheduled `SplitShard`, `MergeShards` or `UpdateShardCount` closes
 *   parent shards and opens children; writes follow the hash keys to the open shards, and a read of
 *   a closed shard past its last record answers with the end of the shard and its children.
 * - The service is managed and replicated: a `crash` fault is an outage (calls go unanswered), and
 *   every stored record survives it.
 */
import type { Message, NodeContext, OutputNode, SimNode } from '../../core/node.js';
import { RidSet } from '../../core/rid-set.js';
import type { KinesisSpec } from '../../spec/schema/kinesis.js';
import { ACCOUNT } from '../../config/aws/resolve.js';
import { evenHashKeyRanges, hashKeyOf, shardIndexFor } from './hash-key.js';
import { Shard, type StoredRecord } from './shard.js';
import { cliErrorText, operationOf, planReshard, type ReshardCall } from './reshard.js';
import type { GetRecordsRequest, GetRecordsResponse, KinesisRecordOut, PutRecordsRequest, PutRecordsResponse, PutRecordsResultEntry } from './protocol.js';

/** A new on-demand stream's write capacity is 4 MB/s, i.e. four shards' worth (not rescaled here). */
const ON_DEMAND_INITIAL_SHARDS = 4;
const TRIM_CHECK_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Someone reading the stream, who says per shard how far it has durably got (a checkpoint). */
export interface StreamReader {
  readonly name: string;
  /** Sequence position this reader has finished with in a shard (records after it are still to be handled). */
  position(shardIndex: number): number;
}

/** A sequence number the way the service prints one: a long decimal string rising per shard. */
export function sequenceNumberOf(shardIndex: number, seq: number): string {
  return `49${String(shardIndex).padStart(6, '0')}${String(seq).padStart(48, '0')}`;
}

const shardIdOf = (index: number): string => `shardId-${String(index).padStart(12, '0')}`;

export class KinesisStreamNode implements SimNode, OutputNode {
  private ctx!: NodeContext;
  readonly streamName: string;
  readonly shards: Shard[];
  readonly retentionMs: number;
  readonly readers: StreamReader[] = [];
  /** Called with the children each reshard creates (KCL lease tables add their leases). */
  readonly reshardListeners: ((children: readonly Shard[]) => void)[] = [];
  /** The open shards, sorted by hash-key range: where writes go. */
  private open: Shard[];
  /** When the stream was created (the run's start): `describe-stream-summary` shows it. */
  readonly createdMs = 0;
  /** rids in the order their first copy was stored (reorder detection when the stream is an output). */
  private readonly arrivals: number[] = [];
  private readonly arrived = new RidSet();
  private readonly counters = { putRecordsCalls: 0, putRecordsFailedEntries: 0, getRecordsCalls: 0, getRecordsThrottled: 0 };
  /** Reshards done (reported only by a stream that has a schedule of them, so other runs read as before). */
  private reshardsDone = 0;

  constructor(
    readonly address: string,
    readonly spec: KinesisSpec,
  ) {
    this.streamName = spec.Name ?? address;
    const count = spec.StreamModeDetails.StreamMode === 'ON_DEMAND' ? ON_DEMAND_INITIAL_SHARDS : spec.ShardCount;
    this.shards = evenHashKeyRanges(count).map((range, i) => new Shard(i, shardIdOf(i), range));
    this.open = [...this.shards];
    this.retentionMs = spec.RetentionPeriodHours * HOUR_MS;
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.scheduleTrim();
    for (const r of this.spec.reshards ?? []) {
      const { at: _at, ...call } = r;
      ctx.timer(r.at, () => this.reshard(call as ReshardCall));
    }
  }

  /**
   * Makes a resharding call now; returns the CLI's error text when the service refuses it (the
   * stream is left as it was), else null.
   */
  reshard(call: ReshardCall): string | null {
    const plan = planReshard(call, this.shards, this.streamName, ACCOUNT);
    if ('code' in plan) {
      const text = cliErrorText(call, plan);
      this.ctx.log('error', text);
      return text;
    }
    for (const parent of plan.close) parent.close();
    const children = plan.children.map((c) => {
      const child = new Shard(this.shards.length, shardIdOf(this.shards.length), c.range, c.parents);
      this.shards.push(child);
      return child;
    });
    this.open = this.shards.filter((s) => s.open).sort((a, b) => (a.range.startingHashKey < b.range.startingHashKey ? -1 : 1));
    this.reshardsDone++;
    const closed = plan.close.map((p) => `${p.shardId} (EndingSequenceNumber ${sequenceNumberOf(p.index, p.endingSeq ?? 0)})`).join(', ');
    this.ctx.log('info', `${operationOf(call)}: closed ${closed}; opened ${children.map((c) => c.shardId).join(', ')}; ${this.open.length} open shard(s)`);
    for (const listen of this.reshardListeners) listen(children);
    return null;
  }

  /** The shard a partition key maps to. */
  shardFor(partitionKey: string): Shard {
    return this.open[shardIndexFor(hashKeyOf(partitionKey), this.open.map((s) => s.range))]!;
  }

  receive(msg: Message, from: string): void {
    if (msg.kind === 'kinesis.put-records') this.putRecords(msg as PutRecordsRequest, from);
    else if (msg.kind === 'kinesis.get-records') this.getRecords(msg as GetRecordsRequest, from);
  }

  private putRecords(req: PutRecordsRequest, from: string): void {
    this.counters.putRecordsCalls++;
    const now = this.ctx.now();
    let failed = 0;
    const results: PutRecordsResultEntry[] = req.entries.map((e) => {
      const shard = this.shardFor(e.partitionKey);
      const stored = shard.tryAppend(e.partitionKey, e.record, e.sizeBytes, now);
      if (!stored) {
        failed++;
        return { errorCode: 'ProvisionedThroughputExceededException', errorMessage: `Rate exceeded for shard ${shard.shardId} in stream ${this.streamName}` };
      }
      if (e.record.rid >= 0 && this.arrived.add(e.record.rid)) this.arrivals.push(e.record.rid);
      if (this.ctx.ledger.isTraced(e.record.rid)) this.ctx.ledger.trace(e.record.rid, this.address, `stored in ${shard.shardId} as sequence number ${sequenceNumberOf(shard.index, stored.seq)}`);
      return { shardId: shard.shardId, sequenceNumber: sequenceNumberOf(shard.index, stored.seq) };
    });
    this.counters.putRecordsFailedEntries += failed;
    const res: PutRecordsResponse = { kind: 'kinesis.put-records.response', requestId: req.requestId, failedRecordCount: failed, results };
    this.ctx.send(from, res);
  }

  private getRecords(req: GetRecordsRequest, from: string): void {
    this.counters.getRecordsCalls++;
    const shard = this.shards[req.shardIndex];
    if (!shard) return;
    const now = this.ctx.now();
    const afterSeq = req.latest ? shard.latestSeq() : req.afterSeq;
    const got = shard.read(afterSeq, req.limit, now);
    const newest = shard.newest();
    const res: GetRecordsResponse = { kind: 'kinesis.get-records.response', requestId: req.requestId, shardIndex: req.shardIndex, entries: [], nextSeq: afterSeq, millisBehindLatest: 0 };
    if (got === null) {
      this.counters.getRecordsThrottled++;
      res.error = 'ProvisionedThroughputExceededException';
    } else if (got.length === 0 && shard.endingSeq !== null && afterSeq >= shard.endingSeq) {
      // Past a closed shard's last record: no NextShardIterator, and the children to read next.
      res.childShards = this.shards.filter((s) => s.parents.includes(shard)).map((s) => s.index);
    } else {
      res.entries = got.map((r): KinesisRecordOut => ({ seq: r.seq, sequenceNumber: sequenceNumberOf(shard.index, r.seq), partitionKey: r.partitionKey, record: r.record, arrivalMs: r.arrivalMs }));
      const last = got[got.length - 1];
      if (last) res.nextSeq = last.seq;
      res.millisBehindLatest = last && newest ? newest.arrivalMs - last.arrivalMs : 0;
    }
    this.ctx.send(from, res);
  }

  private scheduleTrim(): void {
    this.ctx.timer(TRIM_CHECK_MS, () => {
      this.trim();
      this.scheduleTrim();
    });
  }

  /** Deletes what is older than the retention period; a record a reader had not finished with is lost to it. */
  trim(): void {
    const cutoff = this.ctx.now() - this.retentionMs;
    const hours = this.spec.RetentionPeriodHours;
    for (const shard of this.shards) {
      shard.trim(cutoff, (r: StoredRecord) => {
        for (const reader of this.readers) {
          if (reader.position(shard.index) < r.seq) this.ctx.ledger.noteLoss(r.record.rid, this.address, `deleted from ${shard.shardId} after RetentionPeriodHours=${hours} before ${reader.name} read it`);
        }
      });
    }
  }

  crash(): void {}

  restart(): void {
    this.scheduleTrim();
  }

  /** Read by nobody, the stream is a terminal output: what it keeps counts. */
  countRecords(counts: Uint32Array): void {
    for (const shard of this.shards) shard.forEachKept((r) => {
      if (r.record.rid >= 0 && r.record.rid < counts.length) counts[r.record.rid]!++;
    });
  }

  arrivalOrder(): Iterable<number> {
    return this.arrivals;
  }

  metrics(): Record<string, number> {
    const m: Record<string, number> = { ...this.counters, shards: this.shards.length };
    if (this.spec.reshards?.length) Object.assign(m, { reshards: this.reshardsDone, openShards: this.open.length });
    for (const s of this.shards) {
      m[`${s.shardId}.written`] = s.counters.written;
      m[`${s.shardId}.throttledWrites`] = s.counters.throttledWrites;
    }
    return m;
  }

  inspect(): unknown {
    return {
      streamName: this.streamName,
      streamMode: this.spec.StreamModeDetails.StreamMode,
      retentionPeriodHours: this.spec.RetentionPeriodHours,
      shards: this.shards.map((s) => ({
        shardId: s.shardId,
        startingHashKey: s.range.startingHashKey.toString(),
        endingHashKey: s.range.endingHashKey.toString(),
        records: s.keptCount(),
        lastSequenceNumber: s.latestSeq() > 0 ? sequenceNumberOf(s.index, s.latestSeq()) : null,
        ...(s.parents.length > 0 ? { parentShardIds: s.parents.map((p) => p.shardId) } : {}),
        ...(s.endingSeq !== null ? { endingSequenceNumber: sequenceNumberOf(s.index, s.endingSeq) } : {}),
        ...s.counters,
      })),
      ...this.counters,
    };
  }
}

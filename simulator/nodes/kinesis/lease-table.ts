/**
 * The KCL lease table (a DynamoDB table per application, durable): one lease per shard, with its
 * owner, a counter the owner bumps to renew it, and the shard's checkpoint
 * (https://docs.aws.amazon.com/streams/latest/dev/kcl-concepts.html [KDS7]). A lease not renewed for
 * `failoverTimeMillis` may be taken by any worker, which resumes after the checkpoint: the records
 * processed since then are processed again (at-least-once,
 * https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-duplicates.html [KDS4]).
 *
 * After a reshard the table gets a lease for each child shard, naming its parents
 * (`parentShardIds`); a parent read to its end is checkpointed `SHARD_END`, and no worker processes
 * a child until all its parents are (https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-scaling.html:
 * "the KCL ensures that the data from the parent shards is processed before the data from the
 * child shards", which keeps the order of each partition key across the reshard).
 */
export interface Lease {
  readonly shardIndex: number;
  readonly leaseKey: string;
  owner: string | null;
  leaseCounter: number;
  lastRenewMs: number;
  /** Sequence position checkpointed (records after it are still to do); null = none yet. */
  checkpoint: number | null;
  /** Simulator bookkeeping, not a KCL field: the highest position any owner has sent to the sink. */
  writtenUpTo: number;
  /** Simulator bookkeeping: where a LATEST start began (records before it are never read). */
  startedAfter: number;
  /** Shard indexes of the parent shards (KCL `parentShardIds`). */
  readonly parents: readonly number[];
  /** The checkpoint is `SHARD_END`: the shard is closed and every record of it was processed. */
  shardEnd: boolean;
}

function newLease(shardIndex: number, leaseKey: string, parents: readonly number[]): Lease {
  return { shardIndex, leaseKey, owner: null, leaseCounter: 0, lastRenewMs: 0, checkpoint: null, writtenUpTo: 0, startedAfter: 0, parents, shardEnd: false };
}

export class LeaseTable {
  readonly leases: Lease[];

  constructor(
    readonly applicationName: string,
    shardIds: readonly string[],
  ) {
    this.leases = shardIds.map((leaseKey, shardIndex) => newLease(shardIndex, leaseKey, []));
  }

  /** A child shard's lease (indexes follow the stream's shards, which a reshard only appends to). */
  addShard(shardIndex: number, shardId: string, parents: readonly number[]): void {
    this.leases[shardIndex] = newLease(shardIndex, shardId, parents);
  }

  /** Leases still to be processed (a `SHARD_END` lease has nothing left). */
  active(): Lease[] {
    return this.leases.filter((l) => !l.shardEnd);
  }

  /** True when every parent of the lease's shard is checkpointed `SHARD_END` (or it has none). */
  parentsDone(lease: Lease): boolean {
    return lease.parents.every((p) => this.leases[p]?.shardEnd === true);
  }

  expired(lease: Lease, nowMs: number, failoverMs: number): boolean {
    return lease.owner === null || nowMs - lease.lastRenewMs >= failoverMs;
  }

  /** Workers holding a live lease, plus `me`. */
  liveWorkers(me: string, nowMs: number, failoverMs: number): Set<string> {
    const live = new Set<string>([me]);
    for (const l of this.leases) if (l.owner !== null && !this.expired(l, nowMs, failoverMs)) live.add(l.owner);
    return live;
  }

  heldBy(worker: string): Lease[] {
    return this.leases.filter((l) => l.owner === worker);
  }

  take(lease: Lease, worker: string, nowMs: number): void {
    lease.owner = worker;
    lease.leaseCounter++;
    lease.lastRenewMs = nowMs;
  }

  /** Where the application stands in a shard: its checkpoint, else where a LATEST start began. */
  position(shardIndex: number): number {
    const l = this.leases[shardIndex];
    return l ? (l.checkpoint ?? l.startedAfter) : 0;
  }
}

/**
 * The KCL lease table (a DynamoDB table per application, durable): one lease per shard, with its
 * owner, a counter the owner bumps to renew it, and the shard's checkpoint
 * (https://docs.aws.amazon.com/streams/latest/dev/kcl-concepts.html [KDS7]). A lease not renewed for
 * `failoverTimeMillis` may be taken by any worker, which resumes after the checkpoint: the records
 * processed since then are processed again (at-least-once,
 * https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-duplicates.html [KDS4]).
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
}

export class LeaseTable {
  readonly leases: Lease[];

  constructor(
    readonly applicationName: string,
    shardIds: readonly string[],
  ) {
    this.leases = shardIds.map((leaseKey, shardIndex) => ({ shardIndex, leaseKey, owner: null, leaseCounter: 0, lastRenewMs: 0, checkpoint: null, writtenUpTo: 0, startedAfter: 0 }));
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

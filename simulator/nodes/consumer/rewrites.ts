/**
 * Copies a consumer group makes by processing records again, noted at the group (SEMANTICS §3: a
 * partition's next owner starts at the last committed offset, so work done but not committed is
 * repeated). The ledger learns of such a copy in one of two ways, and counts it once:
 *
 * - foreseen, when the work is abandoned: a crash or a failed commit leaves records written past the
 *   committed offset, which whoever reads on from there writes again (ConsumerApp.noteReprocessed);
 * - seen, when it is made: an instance writes the record at an offset of a partition the group has
 *   already written past — the group resumed at a committed offset older than its work (a rebalance
 *   under auto-commit, a member removed for a slow poll loop or a lost session, expired offsets), or
 *   a member that lost the partition writes what its new owner writes too.
 *
 * Per record, a balance of copies foreseen minus copies seen decides which of the two notes a copy:
 * whichever comes first. This is the ledger's record of what the group wrote, not the application's
 * state, so a crash keeps it.
 */
import type { Ledger } from '../../ledger/ledger.js';
import { RidSet } from '../../core/rid-set.js';
import type { ConsumedRecord } from '../kafka/client-api.js';

export class GroupRewrites {
  /** Partition → one past the highest offset the group has written. */
  private readonly frontier = new Map<number, number>();
  /** Records the group has written at least once. */
  private readonly written = new RidSet();
  /** Record → copies foreseen minus copies seen (absent when 0). */
  private readonly balance = new Map<number, number>();

  constructor(
    private readonly ledger: Ledger,
    private readonly place: string,
  ) {}

  /** A copy of `rid` that will be made: noted now, unless it was already seen being made. */
  foresee(rid: number, why: string): void {
    if (rid < 0) return this.ledger.noteDuplicate(rid, this.place, why);
    const b = this.balance.get(rid) ?? 0;
    if (b >= 0) this.ledger.noteDuplicate(rid, this.place, why);
    this.shift(rid, b + 1);
  }

  /**
   * An instance writes `r` to the sink. Below the partition's frontier and written before, it is a
   * repeat: noted with `why()`, unless a crash or a failed commit foresaw it. An offset below the
   * frontier holding a record never written is not a repeat (a log truncated under the group's
   * position wrote new records there); nor is a record written before from another offset (a copy
   * made upstream, already noted there).
   */
  wrote(r: ConsumedRecord, why: (frontier: number) => string): void {
    const rid = r.record.rid;
    if (rid < 0) return;
    const end = this.frontier.get(r.partition) ?? 0;
    if (r.offset < end && this.written.has(rid)) {
      const b = this.balance.get(rid) ?? 0;
      if (b <= 0) this.ledger.noteDuplicate(rid, this.place, why(end));
      this.shift(rid, b - 1);
      return;
    }
    this.written.add(rid);
    if (r.offset >= end) this.frontier.set(r.partition, r.offset + 1);
  }

  private shift(rid: number, b: number): void {
    if (b === 0) this.balance.delete(rid);
    else this.balance.set(rid, b);
  }
}

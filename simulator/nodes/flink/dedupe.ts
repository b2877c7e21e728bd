/**
 * Keyed deduplication on a record id field (SEMANTICS §0: an exactly-once *effect* needs
 * dedupe on a stable id, e.g. Filebeat's `add_id` → `@metadata._id`). The seen-set is
 * keyed state: it is part of every checkpoint and restored with it, so a record replayed
 * after a restore is dropped only if its first copy was counted in the restored state.
 * Entries expire after `ttl` (Flink state TTL, processing time): a copy arriving later
 * than that passes again.
 */
import { readField, type Rec } from '../../core/record.js';

export class Dedupe {
  private seen = new Map<string, number>();

  constructor(
    private readonly field: string,
    private readonly ttl: number,
  ) {}

  /** True if the record is new (and remembers it), false if it is a copy within the TTL. */
  admit(rec: Rec, now: number): boolean {
    const raw = readField(rec.fields, this.field);
    // A record without the id cannot be deduplicated; it passes.
    if (raw === undefined || raw === null) return true;
    const id = String(raw);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttl) return false;
    this.seen.set(id, now);
    return true;
  }

  size(): number {
    return this.seen.size;
  }

  /** The ids held (the per-subtask state view). */
  ids(): IterableIterator<string> {
    return this.seen.keys();
  }

  /** Drops expired entries (the TTL cleanup that runs with snapshots). */
  expire(now: number): void {
    for (const [id, at] of this.seen) if (now - at >= this.ttl) this.seen.delete(id);
  }

  snapshot(): Map<string, number> {
    return new Map(this.seen);
  }

  restore(state: ReadonlyMap<string, number>): void {
    this.seen = new Map(state);
  }
}

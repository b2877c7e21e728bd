/**
 * The ids Filebeat's `add_id` and `fingerprint` processors put in `@metadata._id`
 * (SEMANTICS-2 §3 [FB8], correcting SEMANTICS §8.1).
 *
 * `add_id` makes its id when the event is created, from the time, a per-process sequence
 * seeded at random when Filebeat starts, and a host-derived part (`es_generator.go`). So a
 * resend of the same in-memory event (lost ACK, failover) carries the same id, but a line
 * read again after a restart is a new event in a new process and gets a new id: an
 * Elasticsearch write with it as `_id` then makes a second document. Here the id is a
 * function of (seed, line, process incarnation): deterministic, and new for every start.
 *
 * `fingerprint` hashes the event's content and origin (host, file, offset, message). A
 * line's content and origin are a function of (seed, rid), so its id is too, and survives
 * any number of re-reads. 20 base64url characters, like the ids Elasticsearch generates.
 */
import { mix32 } from '../../core/prng.js';

/** Characters of every id: base64url, none of which JSON escapes. */
export const ID_LENGTH = 20;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Reused for every id: the 20 character codes before they become one string. */
const codes = new Array<number>(ID_LENGTH).fill(0);

function id20(start: number, rid: number): string {
  let h = start;
  for (let i = 0; i < ID_LENGTH; i++) {
    if (i % 5 === 0) h = mix32(h ^ (rid >>> 0) ^ i);
    codes[i] = CODES[h & 63]!;
    h >>>= 6;
  }
  // One flat string. Appending character by character would build a chain of 8 rope nodes per id,
  // and every id lives as long as its event (a million events: ~300 MB of rope for the GC to copy).
  return String.fromCharCode(...codes);
}

/** `fingerprint` over the line's origin and content: the same for every read of the line. */
export function fingerprintId(seed: number, rid: number): string {
  return id20(mix32(seed ^ Math.imul(rid + 1, 0x9e3779b1)), rid);
}

/**
 * `add_id` for a line read by the `incarnation`-th Filebeat process (0 for the first start):
 * the same within one process, a different one after each restart.
 */
export function addId(seed: number, rid: number, incarnation: number): string {
  if (incarnation === 0) return fingerprintId(seed, rid);
  return id20(mix32(mix32(seed ^ Math.imul(incarnation, 0x85ebca6b)) ^ Math.imul(rid + 1, 0x9e3779b1)), rid);
}

/** The id the spec's processors leave in `@metadata._id`: the last processor listed writes it, as in Filebeat's chain. */
export function metadataId(processors: readonly ('add_id' | 'fingerprint')[], seed: number, rid: number, incarnation: number): string {
  return processors[processors.length - 1] === 'fingerprint' ? fingerprintId(seed, rid) : addId(seed, rid, incarnation);
}

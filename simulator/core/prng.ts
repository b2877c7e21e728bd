/**
 * Seeded randomness. One run seed is split into independent named streams
 * (one per link, per node, per workload file), so adding a node never changes
 * the draws another component sees (DESIGN §2).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG), seeded
 * from a 32-bit FNV-1a hash of the stream name mixed with the run seed through
 * splitmix32. Everything is 32-bit integer arithmetic, so Node and every browser
 * produce the same sequence.
 */

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: a good 32-bit mixer, used to expand a seed into generator state. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ 0x6a09e667);
    this.c = mix32(this.b ^ 0xbb67ae85);
    this.d = 1;
    // Warm up: sfc32's first outputs are correlated with the seed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** True with probability p. Draws nothing when p is 0 or 1, so a switched-off fault leaves the stream untouched. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Independent streams derived from one run seed, keyed by component name. */
export class RngStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(readonly seed: number) {}

  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (!rng) {
      rng = new Rng(mix32(this.seed >>> 0) ^ hashString(name));
      this.streams.set(name, rng);
    }
    return rng;
  }
}

/** A stateless hash of (seed, a, b) to [0, 1): random access into a stream, used by the workload. */
export function hashUnit(seed: number, a: number, b: number): number {
  let h = mix32(seed ^ Math.imul(a + 1, 0x27d4eb2d));
  h = mix32(h ^ Math.imul(b + 1, 0x165667b1));
  return h / 4294967296;
}

/**
 * `out[b] = hashUnit(seed, a, b)` for every b in [from, to]: the same values, with the half of the
 * hash that depends on (seed, a) alone computed once. A generated line draws eleven values per rid.
 */
export function hashUnitsInto(seed: number, a: number, from: number, to: number, out: Float64Array): void {
  const h = mix32(seed ^ Math.imul(a + 1, 0x27d4eb2d));
  for (let b = from; b <= to; b++) out[b] = mix32(h ^ Math.imul(b + 1, 0x165667b1)) / 4294967296;
}

/** Arbitraries for fuzzing the spec parser: random text and mutations of a valid spec. */
import fc from 'fast-check';

const NOISE = [':', '-', '{', '}', '[', ']', '"', "'", '\t', '\n', '  ', '#', '&a', '*a', '!!binary', '|', '>', '%', '@', '\u0000', '𝔘', 'null', '1e999', '-1', '0x10', '~'];

type Mutation = (text: string) => string;

export function mutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.tuple(fc.nat(), fc.nat(40)).map(([at, len]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + len)),
    fc.tuple(fc.nat(), fc.constantFrom(...NOISE)).map(([at, s]) => (t: string) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (t: string) => {
      const lines = t.split('\n');
      const a = i % lines.length;
      const b = j % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }),
    fc.tuple(fc.nat(), fc.string({ maxLength: 12 })).map(([i, s]) => (t: string) => {
      // Replace a value after a colon with something else.
      const lines = t.split('\n');
      const a = i % lines.length;
      lines[a] = lines[a]!.replace(/:\s*[^,}\n]+/, `: ${s}`);
      return lines.join('\n');
    }),
    fc.nat().map((i) => (t: string) => {
      const lines = t.split('\n');
      const a = i % lines.length;
      lines.splice(a, 0, lines[a]!);
      return lines.join('\n');
    }),
  );
}

export function mutatedSpec(base: string): fc.Arbitrary<string> {
  return fc.array(mutation(), { minLength: 1, maxLength: 6 }).map((ms) => ms.reduce((t, m) => m(t), base));
}

export function randomText(): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom(...NOISE, 'nodes', 'type', 'beats', 'a', '1s'), { maxLength: 60 }).map((xs) => xs.join('')));
}

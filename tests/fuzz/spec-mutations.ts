/** Arbitraries for fuzzing the spec parser: random text, mutations of a valid spec, and the hostile shapes of issue #20. */
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

/** Values that once leaked a library's or JavaScript's words (issue #20), put where a value stands. */
const HOSTILE_VALUES = ['.nan', '.NaN', '.inf', '-.inf', '+.inf', 'true', 'false', 'null', '~', '!!binary aGVsbG8=', '!!set { a }', '!!omap [ a: 1 ]', '!!timestamp 2026-12-05', '!foo bar', '*nowhere', '&a [x]', '[]', '{}', '1e999', '0o17', '-0'];

/** Names that once passed as ids or broke as keys: JavaScript built-ins, HTML, non-ASCII, empty. */
const HOSTILE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '<b>x</b>', '<script>', 'café', '日本', 'a b', '1abc', '-x', '"', "''", '"__proto__"'];

/** Whole-file shapes: nesting deeper than any spec, aliases that multiply, several documents. */
function hostileSuffix(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 20, max: 3000 }).map((n) => `deep: ${'['.repeat(n)}${']'.repeat(n)}\n`),
    fc.integer({ min: 20, max: 400 }).map((n) => `deep:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}- a${i}:`).join('\n')} x\n`),
    fc.integer({ min: 2, max: 6 }).map((levels) => {
      let text = 'b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < levels; i++) text += `b${i}: &b${i} [${Array.from({ length: 10 }, () => `*b${i - 1}`).join(', ')}]\n`;
      return text;
    }),
    fc.constantFrom('---\nname: second\n', '...\n---\n', '--- !!binary aGVsbG8=\n', '%YAML 1.1\n---\na: 1\n'),
  );
}

/** A Flink job whose sink feeds its own source, directly or through a second job. */
function loopingJobs(): fc.Arbitrary<string> {
  return fc.boolean().map((viaSecond) => {
    const job = (id: string, from: string, to: string) => `  ${id}:\n    type: flink\n    source: { node: kafka, topic: ${from} }\n    sink:\n      kafka: { node: kafka, topic: ${to} }\n`;
    return viaSecond ? job('loop-a', 'logs', 'counts') + job('loop-b', 'counts', 'logs') : job('loop-a', 'logs', 'logs');
  });
}

export function hostileMutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    // A hostile value after some colon.
    fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_VALUES)).map(([i, v]) => (t: string) => {
      const lines = t.split('\n');
      const a = i % lines.length;
      lines[a] = lines[a]!.replace(/:\s*[^,}\n#]+/, `: ${v}`);
      return lines.join('\n');
    }),
    // A hostile node id (right under `nodes:`) or topic name (right under `topics:`).
    fc.tuple(fc.constantFrom('nodes:', 'topics:'), fc.constantFrom(...HOSTILE_NAMES), fc.constantFrom('{ type: s3 }', '{ partitions: 1 }', '')).map(([parent, name, value]) => (t: string) => {
      const at = t.indexOf(`${parent}`);
      if (at < 0) return t;
      const lineEnd = t.indexOf('\n', at);
      const indent = parent === 'nodes:' ? '  ' : ' '.repeat(Math.max(0, at - t.lastIndexOf('\n', at) - 1) + 2);
      return `${t.slice(0, lineEnd + 1)}${indent}${name}: ${value}\n${t.slice(lineEnd + 1)}`;
    }),
    hostileSuffix().map((suffix) => (t: string) => `${t}${t.endsWith('\n') ? '' : '\n'}${suffix}`),
    loopingJobs().map((jobs) => (t: string) => t.replace(/^nodes:.*\n/m, (line) => `${line}${jobs}`)),
  );
}

/** A valid spec with one to three hostile shapes, mixed with ordinary mutations now and then. */
export function hostileSpec(base: string): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: hostileMutation() }, { weight: 1, arbitrary: mutation() }), { minLength: 1, maxLength: 3 })
    .map((ms) => ms.reduce((t, m) => m(t), base));
}

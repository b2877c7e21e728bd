/**
 * Splits a command line into words the way a POSIX shell would for the cases a learner types:
 * whitespace separates, single quotes keep everything literal, double quotes allow `\"`.
 * `curl 'localhost:9200/logs/_search?q=status:500'` must reach curl as one word.
 */
export interface Tokens {
  words: string[];
  /** The line ends inside a quote (tab completion still works on the partial word). */
  unterminated: boolean;
  /** The line ends with whitespace: the next word is empty. */
  trailingSpace: boolean;
}

export function tokenize(line: string): Tokens {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { words, unterminated: quote !== null, trailingSpace: !inWord && /\s$/.test(line) };
}

/**
 * `--name value` and `--name=value` options and bare flags, in the style of the Kafka CLI tools.
 * `flags` names options that take no value.
 */
export interface Options {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
  /** Options given a value they do not take or lacking one they need. */
  errors: string[];
}

export function parseOptions(args: readonly string[], flags: readonly string[]): Options {
  const out: Options = { values: new Map(), flags: new Set(), positional: [], errors: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.includes(name)) {
      out.flags.add(name);
    } else if (eq >= 0) {
      out.values.set(name, a.slice(eq + 1));
    } else if (i + 1 < args.length) {
      out.values.set(name, args[++i]!);
    } else {
      out.errors.push(`Missing required argument "[${name}]"`);
    }
  }
  return out;
}

/**
 * The YAML parser reports an unclosed quote or bracket where it gave up — the end of the file
 * or the next line — and then every line it could not make sense of after it. Authors need
 * the first error only, at the character that started the trouble: here is the opener.
 */

export interface Opener {
  /** Offset of the quote or bracket that is never closed. */
  offset: number;
  char: '"' | "'" | '[' | '{';
}

/** Characters after which a quote starts a quoted scalar (a quote inside `it's` does not). */
const QUOTE_MAY_START = new Set([':', '-', '[', '{', ',', '?', '\n', '']);

/** The first quote or flow bracket before `end` that is still open at `end`, if any. */
export function unclosedOpener(text: string, end: number): Opener | undefined {
  const stack: Opener[] = [];
  let quote: Opener | undefined;
  let last = '\n'; // the last character that is not a space, outside strings
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const c = text[i]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") i++;
        else {
          quote = undefined;
          last = c;
        }
      }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      last = '\n';
      continue;
    }
    if ((c === '"' || c === "'") && QUOTE_MAY_START.has(last)) quote = { offset: i, char: c };
    else if (c === '[' || c === '{') stack.push({ offset: i, char: c });
    else if ((c === ']' || c === '}') && stack.length > 0) stack.pop();
    if (c !== ' ' && c !== '\t') last = c;
  }
  // A quote still open wins: brackets after it are inside the string.
  return quote ?? stack[0];
}

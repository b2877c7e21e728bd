/**
 * Python's `fnmatch.fnmatch` on S3 keys, as S3KeySensor with `wildcard_match=True` uses it (the amazon
 * provider lists the keys under the pattern's literal head, then keeps those fnmatch accepts). Unix shell
 * patterns: `*` any run of characters — `/` included, keys have no folders —, `?` one character, `[seq]`
 * one of them, `[!seq]` none of them; anything else literal. (fnmatch also folds case on case-insensitive
 * systems; the workers are Linux, where it does not.)
 */
export function fnmatchRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}

/** The literal part of a pattern before its first wildcard: the prefix to list. */
export function literalHead(pattern: string): string {
  const i = pattern.search(/[*?[]/);
  return i < 0 ? pattern : pattern.slice(0, i);
}

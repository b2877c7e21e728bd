/**
 * `JSON.stringify(value).length` without writing the text: the bytes-on-each-link accounting sizes
 * every event a Beats client ships as JSON (cost/wire-bytes.ts), and writing a million events' text
 * only to measure it was a quarter of a 1M-record run.
 *
 * The rules are those of ECMA-262 `JSON.stringify` (sections QuoteJSONString and SerializeJSONProperty):
 * a string gets two quotes, `"` and `\` one backslash each, backspace, form feed, newline, carriage
 * return and tab a two-character escape, any other code unit below U+0020 and any lone surrogate a
 * six-character `\uXXXX`; a finite number is written as `String(n)` (so `-0` as `0`), any other as
 * `null`; an object member whose value is undefined, a function or a symbol is left out, and in an
 * array such a value is written `null`. Lengths are in UTF-16 code units, like `String.length`.
 * A value these rules do not cover (a `toJSON` method, a class instance, a bigint) is sized by
 * `JSON.stringify` itself. tests/unit/core/json-length.test.ts holds all of it to `JSON.stringify`.
 */

/** Length of `JSON.stringify(s)`. */
export function jsonStringLength(s: string): number {
  let length = s.length + 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) continue;
    if (c === 0x22 || c === 0x5c) length += 1;
    else if (c < 0x20) length += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 1 : 5;
    else if (c <= 0xdbff) {
      // A high surrogate: a pair with the low one after it stays as it is, alone it becomes \uXXXX.
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else length += 5;
    } else length += 5;
  }
  return length;
}

/** Length of `JSON.stringify(n)`. */
export function jsonNumberLength(n: number): number {
  if (!Number.isFinite(n)) return 4;
  // Integers below 10^21 are written in plain digits; counting them allocates nothing.
  if (Number.isInteger(n) && n < 1e21 && n > -1e21) {
    let digits = 1;
    let a = n < 0 ? -n : n;
    while (a >= 10) {
      a = Math.floor(a / 10);
      digits++;
    }
    return n < 0 ? digits + 1 : digits;
  }
  return String(n).length;
}

/** Length of `JSON.stringify(value)` for a value `JSON.stringify` writes (not undefined, a function or a symbol). */
export function jsonLength(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return jsonStringLength(value);
    case 'number':
      return jsonNumberLength(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      if (value === null) return 4;
      if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) return arrayLength(value);
      if (isPlainObject(value)) return objectLength(value as Readonly<Record<string, unknown>>);
      break;
  }
  return JSON.stringify(value).length;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function arrayLength(items: readonly unknown[]): number {
  // Brackets and the commas between items.
  let length = items.length === 0 ? 2 : items.length + 1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    length += omitted(item) ? 4 : jsonLength(item);
  }
  return length;
}

function objectLength(fields: Readonly<Record<string, unknown>>): number {
  let length = 2;
  let members = 0;
  // `for in` with an own-property check visits the same names as Object.keys, without making the array.
  for (const name in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, name)) continue;
    const value = fields[name];
    if (omitted(value)) continue;
    // `"name":value`, and a comma before every member but the first.
    length += jsonStringLength(name) + 1 + jsonLength(value) + (members > 0 ? 1 : 0);
    members++;
  }
  return length;
}

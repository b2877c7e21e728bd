/**
 * A JSON reader that remembers where each value starts, so error bodies can say `[1:17]` the way
 * Elasticsearch (through Jackson) does. Values are plain JSON; locations are kept beside them.
 */
import { xContentError, type Location } from './errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Parsed {
  value: Json;
  /** Where each object and array value starts (the `{` or `[`), for errors about what is inside. */
  where: WeakMap<object, Location>;
  /** Where the value of each key of an object starts: `where.get(obj)` gives the object's own place. */
  keyValue: WeakMap<object, Map<string, Location>>;
}

export function parseJson(text: string): Parsed {
  const where = new WeakMap<object, Location>();
  const keyValue = new WeakMap<object, Map<string, Location>>();
  let i = 0;
  const loc = (at = i): Location => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at; k++) {
      if (text[k] !== '\n') continue;
      line++;
      lineStart = k + 1;
    }
    return { line, col: at - lineStart + 1 };
  };
  const fail = (what: string): never => {
    if (i >= text.length) throw xContentError(`Unexpected end-of-input: ${what}`, loc());
    const c = text[i]!;
    throw xContentError(`Unexpected character ('${c}' (code ${c.charCodeAt(0)})): ${what}`, loc());
  };
  /** Jackson's words for a body that ends inside an object or array. */
  const unclosed = (what: string, start: Location): never => {
    throw xContentError(`Unexpected end-of-input: expected close marker for ${what} (start marker at [Source: (request body); line: ${start.line}, column: ${start.col}])`, loc());
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const m = /^"((?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"/.exec(text.slice(i));
    if (!m) return fail('was expecting double-quote to start field name or string value');
    i += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const value = (): Json => {
    ws();
    const start = loc();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: Json } = Object.create(null) as { [key: string]: Json };
      const keys = new Map<string, Location>();
      where.set(obj, start);
      keyValue.set(obj, keys);
      ws();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('was expecting double-quote to start field name');
        const key = str();
        ws();
        if (text[i] !== ':') fail("was expecting a colon to separate field name and value");
        i++;
        ws();
        keys.set(key, loc());
        obj[key] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return i++, obj;
        if (i >= text.length) unclosed('Object', start);
        fail('was expecting comma to separate Object entries');
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      where.set(arr, start);
      ws();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return i++, arr;
        if (i >= text.length) unclosed('Array', start);
        fail('was expecting comma to separate Array entries');
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) return fail("expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    i += m[0].length;
    return JSON.parse(m[0]) as Json;
  };
  const out = value();
  ws();
  if (i < text.length) fail('expected end of input');
  return { value: out, where, keyValue };
}

export const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The job's `where` filter: a Logstash-style condition (`[status] != "404"`,
 * `[bytes] > 1000 and not [verb] == "HEAD"`, `"_grokparsefailure" in [tags]`), so a
 * learner writes the same conditions in Flink as in Logstash. Compiled once per job
 * version into a predicate over a record's fields.
 */
import { readField, type FieldMap, type FieldValue } from '../../core/record.js';

type Value = FieldValue | undefined | RegExp;
type Expr = (fields: FieldMap) => Value;

const TOKEN = /\s*(\[[^\]]+\](?:\[[^\]]+\])*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/(?:[^/\\]|\\.)*\/|-?\d+(?:\.\d+)?|==|!=|<=|>=|=~|!~|<|>|\(|\)|,|!|[A-Za-z_][\w.@]*)/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m || m[1] === undefined) throw new Error(`cannot read the condition at "${source.slice(at).trim()}"`);
    tokens.push(m[1]);
  }
  return tokens;
}

function unquote(token: string): string {
  return token.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** Compiles a condition into a predicate; throws with a readable message on a syntax error. */
export function compileWhere(source: string): (fields: FieldMap) => boolean {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string): string => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`expected ${expected ?? 'more'} in condition "${source}"`);
    return t;
  };

  const value = (): Expr => {
    const t = take();
    if (t.startsWith('[')) {
      const path = t.slice(1, -1).split('][').join('.');
      return (f) => readField(f, path);
    }
    if (t.startsWith('"') || t.startsWith("'")) {
      const s = unquote(t);
      return () => s;
    }
    if (t.startsWith('/')) {
      const re = new RegExp(t.slice(1, -1));
      return () => re;
    }
    if (/^-?\d/.test(t)) {
      const n = Number(t);
      return () => n;
    }
    if (t === '(') {
      // A list literal: ("a", "b")
      const items: Expr[] = [];
      while (peek() !== ')') {
        items.push(value());
        if (peek() === ',') take(',');
      }
      take(')');
      return (f) => items.map((e) => String(e(f))) as readonly string[];
    }
    throw new Error(`unexpected "${t}" in condition "${source}"`);
  };

  const comparison = (): ((f: FieldMap) => boolean) => {
    const left = value();
    const op = peek();
    if (op === 'not' && tokens[i + 1] === 'in') {
      i += 2;
      const right = value();
      return (f) => !contains(right(f), left(f));
    }
    if (op === 'in') {
      take();
      const right = value();
      return (f) => contains(right(f), left(f));
    }
    if (op === undefined || !['==', '!=', '<', '>', '<=', '>=', '=~', '!~'].includes(op)) return (f) => truthy(left(f));
    take();
    const right = value();
    return (f) => compare(op, left(f), right(f));
  };

  const unary = (): ((f: FieldMap) => boolean) => {
    if (peek() === '!' || peek() === 'not') {
      take();
      const inner = unary();
      return (f) => !inner(f);
    }
    if (peek() === '(' && looksGrouped(tokens, i)) {
      take('(');
      const inner = or();
      take(')');
      return inner;
    }
    return comparison();
  };
  const and = () => {
    const parts = [unary()];
    while (peek() === 'and') {
      take();
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0]! : (f: FieldMap) => parts.every((p) => p(f));
  };
  const or = (): ((f: FieldMap) => boolean) => {
    const parts = [and()];
    while (peek() === 'or') {
      take();
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : (f: FieldMap) => parts.some((p) => p(f));
  };
  const predicate = or();
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]}" in condition "${source}"`);
  return predicate;
}

/** A parenthesis opens a group (not a list literal) unless a comma follows its first value. */
function looksGrouped(tokens: readonly string[], at: number): boolean {
  return tokens[at + 2] !== ',' && tokens[at + 2] !== ')';
}

function truthy(v: Value): boolean {
  return v !== undefined && v !== null && v !== false && v !== '';
}

function contains(haystack: Value, needle: Value): boolean {
  if (Array.isArray(haystack)) return haystack.map(String).includes(String(needle));
  if (typeof haystack === 'string') return haystack.includes(String(needle));
  return false;
}

function compare(op: string, a: Value, b: Value): boolean {
  if (op === '=~' || op === '!~') {
    const hit = b instanceof RegExp && a !== undefined && a !== null && b.test(String(a));
    return op === '=~' ? hit : !hit;
  }
  const numeric = typeof a === 'number' || typeof b === 'number';
  const x = numeric ? Number(a) : String(a ?? '');
  const y = numeric ? Number(b) : String(b ?? '');
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

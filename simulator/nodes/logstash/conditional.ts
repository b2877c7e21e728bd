/**
 * Logstash conditionals (`if` expressions): a small parser and evaluator.
 *
 * Grammar, after the Logstash config language: field references `[a][b]`, string
 * literals in single or double quotes, numbers, lists `["a", "b"]`, regex literals
 * `/…/`; comparisons `== != < > <= >=`, regex match `=~ !~`, membership `in` / `not in`
 * (a list contains the value, or a string contains the substring); boolean `and`,
 * `or`, `xor`, `nand`, negation `!` / `not`, and parentheses. A bare value is true when
 * the field exists and is not false/null.
 */
import type { FieldMap, FieldValue } from '../../core/record.js';
import { LazyRec, readField } from '../../core/record.js';

/** A compiled condition over an event's fields, or over a lazy record (which then computes only the fields it names). */
export type Condition = (fields: FieldMap | LazyRec) => boolean;

type Value = { kind: 'field'; path: string } | { kind: 'literal'; value: FieldValue } | { kind: 'regex'; re: RegExp };

const TOKEN = /\s*(?:(\[[^\]]+\](?:\[[^\]]+\])*)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\/(?:[^/\\]|\\.)*\/)|(-?\d+(?:\.\d+)?)|(==|!=|<=|>=|=~|!~|<|>|\(|\)|,|!)|([A-Za-z_]+))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot read the condition at “${src.slice(pos).trim()}”`);
    tokens.push(m[0].trim());
    pos = TOKEN.lastIndex;
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Condition {
    const c = this.orExpr();
    if (this.i < this.tokens.length) throw new Error(`unexpected “${this.tokens[this.i]}” in the condition`);
    return c;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(expected?: string): string {
    const t = this.tokens[this.i];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`expected ${expected ?? 'more'} in the condition`);
    this.i++;
    return t;
  }

  private orExpr(): Condition {
    let left = this.andExpr();
    for (;;) {
      const op = this.peek();
      if (op !== 'or' && op !== 'xor') return left;
      this.take();
      const l = left;
      const r = this.andExpr();
      left = op === 'or' ? (f) => l(f) || r(f) : (f) => l(f) !== r(f);
    }
  }

  private andExpr(): Condition {
    let left = this.notExpr();
    for (;;) {
      const op = this.peek();
      if (op !== 'and' && op !== 'nand') return left;
      this.take();
      const l = left;
      const r = this.notExpr();
      left = op === 'and' ? (f) => l(f) && r(f) : (f) => !(l(f) && r(f));
    }
  }

  private notExpr(): Condition {
    const t = this.peek();
    if (t === '!' || (t === 'not' && this.tokens[this.i + 1] !== 'in')) {
      this.take();
      const inner = this.notExpr();
      return (f) => !inner(f);
    }
    if (t === '(') {
      this.take('(');
      const inner = this.orExpr();
      this.take(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const left = this.value();
    const op = this.peek();
    if (op === 'not' && this.tokens[this.i + 1] === 'in') {
      this.i += 2;
      const right = this.value();
      return (f) => !contains(resolve(right, f), resolve(left, f));
    }
    if (op === 'in') {
      this.take();
      const right = this.value();
      return (f) => contains(resolve(right, f), resolve(left, f));
    }
    if (op === '=~' || op === '!~') {
      this.take();
      const right = this.value();
      if (right.kind !== 'regex') throw new Error(`${op} needs a /regex/ on its right`);
      return (f) => {
        const v = resolve(left, f);
        const hit = v !== undefined && v !== null && right.re.test(String(v));
        return op === '=~' ? hit : !hit;
      };
    }
    if (op === '==' || op === '!=' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      this.take();
      const right = this.value();
      return (f) => compare(op, resolve(left, f), resolve(right, f));
    }
    return (f) => truthy(resolve(left, f));
  }

  private value(): Value {
    const t = this.take();
    if (t.startsWith('[')) {
      const list = listLiteral(t);
      return list ? { kind: 'literal', value: list } : { kind: 'field', path: t };
    }
    if (t.startsWith('"') || t.startsWith("'")) return { kind: 'literal', value: unquote(t) };
    if (t.startsWith('/')) return { kind: 'regex', re: new RegExp(t.slice(1, -1)) };
    if (/^-?\d/.test(t)) return { kind: 'literal', value: Number(t) };
    throw new Error(`expected a value, found “${t}”`);
  }
}

function unquote(t: string): string {
  return t.slice(1, -1).replace(/\\(.)/g, '$1');
}

function resolve(v: Value, fields: FieldMap | LazyRec): FieldValue | undefined {
  if (v.kind === 'literal') return v.value;
  if (v.kind === 'regex') return v.re.source;
  return fields instanceof LazyRec ? fields.field(v.path) : readField(fields, v.path);
}

/** A bracketed list of quoted strings, e.g. `["200", "304"]`, is a list literal, not a field. */
function listLiteral(path: string): readonly string[] | undefined {
  const m = /^\[\s*((?:"[^"]*"|'[^']*')(?:\s*,\s*(?:"[^"]*"|'[^']*'))*)\s*\]$/.exec(path);
  if (!m) return undefined;
  return m[1]!.split(/\s*,\s*/).map(unquote);
}

function truthy(v: FieldValue | undefined): boolean {
  return v !== undefined && v !== null && v !== false;
}

function contains(haystack: FieldValue | undefined, needle: FieldValue | undefined): boolean {
  if (needle === undefined || needle === null) return false;
  if (Array.isArray(haystack)) return haystack.some((h) => String(h) === String(needle));
  if (typeof haystack === 'string') return haystack.includes(String(needle));
  return false;
}

function compare(op: string, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (op === '==') return a !== undefined && b !== undefined && (a === b || (isScalar(a) && isScalar(b) && String(a) === String(b) && typeof a === typeof b));
  if (op === '!=') return !compare('==', a, b);
  const x = typeof a === 'number' ? a : Number(a);
  const y = typeof b === 'number' ? b : Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function isScalar(v: FieldValue): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Compiles a condition; throws with a readable message if it cannot be parsed. */
export function compileCondition(src: string): Condition {
  return new Parser(tokenize(src)).parse();
}

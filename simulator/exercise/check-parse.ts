/**
 * Text → CheckExpr. A small hand-written tokenizer and recursive-descent parser, so
 * every error can say which column went wrong and what was expected there.
 *
 * Grammar:
 *   check  := sum CMP sum
 *   sum    := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := '-' unary | atom
 *   atom   := NUMBER [ms|s|m|h|d|%|B|KB|MB|GB] | STRING | path | '(' sum ')'
 *   path   := NAME ('.' NAME | '[' STRING ']')*
 * NAME may contain inner hyphens (`es-logs`), so subtraction needs spaces: `a - b`.
 */
import { parseBytes } from '../config/logstash/settings.js';
import type { ArithOp, CheckExpr, CompareOp, PathRef, ValueExpr } from './check-ast.js';

export interface CheckSyntaxError {
  message: string;
  offset: number;
  hint?: string;
}

type Token =
  | { t: 'num'; value: number; unit: 'plain' | 'ms' | 'percent' | 'bytes'; text: string; at: number }
  | { t: 'str'; value: string; at: number }
  | { t: 'name'; value: string; at: number }
  | { t: 'op'; value: string; at: number }
  | { t: 'end'; at: number };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// Sizes are whole numbers of B, KB, MB or GB (1024-based), read by Logstash's byte-value parser.
const NUMBER = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h|d|%|KB|MB|GB|B)?(?![\w])/;
const BYTE_UNITS = new Set(['B', 'KB', 'MB', 'GB']);
const NAME = /^[A-Za-z_]\w*(?:-\w+)*/;
const OPS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '(', ')', '.', '[', ']'];

class Fail extends Error {
  constructor(readonly detail: CheckSyntaxError) {
    super(detail.message);
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const prev = tokens[tokens.length - 1];
    // A digit right after a '.' that follows a name is a path segment such as `p95`? No: names start with a letter,
    // so `.5` after a name is an error; numbers only start where a value may start.
    const num = prev && (prev.t === 'name' || (prev.t === 'op' && (prev.value === ']' || prev.value === '.'))) ? null : NUMBER.exec(rest);
    if (num) {
      const unit = num[2];
      const base = Number(num[1]);
      if (unit && BYTE_UNITS.has(unit)) {
        const bytes = parseBytes(num[0].toLowerCase());
        if (bytes === undefined) throw new Fail({ message: `a size is a whole number: "${num[0]}"`, offset: i, hint: 'write 1536KB rather than 1.5MB' });
        tokens.push({ t: 'num', value: bytes, unit: 'bytes', text: num[0], at: i });
        i += num[0].length;
        continue;
      }
      const value = unit === '%' ? base / 100 : unit ? base * UNIT_MS[unit]! : base;
      tokens.push({ t: 'num', value, unit: unit === '%' ? 'percent' : unit ? 'ms' : 'plain', text: num[0], at: i });
      i += num[0].length;
      continue;
    }
    if (/\d/.test(ch)) {
      throw new Fail({ message: `unexpected number "${/^[\w.%]+/.exec(rest)?.[0] ?? ch}"`, offset: i, hint: 'numbers may carry a unit: 250ms, 5s, 2m, 1h, 7d, a size such as 64KB or 2MB, or a percentage such as 99%' });
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ t: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) throw new Fail({ message: 'unclosed string', offset: i, hint: `close it with ${ch}` });
      tokens.push({ t: 'str', value: src.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ t: 'op', value: op, at: i });
      i += op.length;
      continue;
    }
    if (ch === '=') throw new Fail({ message: 'unexpected "="', offset: i, hint: 'compare with ==' });
    throw new Fail({ message: `unexpected character "${ch}"`, offset: i, hint: 'a check looks like `outputs.es.lost == 0`' });
  }
  tokens.push({ t: 'end', at: src.length });
  return tokens;
}

const COMPARE: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly src: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private isOp(value: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.value === value;
  }

  check(): CheckExpr {
    const left = this.sum();
    const tok = this.peek();
    if (tok.t !== 'op' || !COMPARE.includes(tok.value)) {
      throw new Fail({ message: tok.t === 'end' ? 'missing comparison' : `expected a comparison, found ${describe(tok)}`, offset: tok.at, hint: 'a check compares two values: == != < <= > >=, e.g. `outputs.es.lost == 0`' });
    }
    this.pos++;
    const right = this.sum();
    const end = this.peek();
    if (end.t !== 'end') {
      throw new Fail({ message: `unexpected ${describe(end)} after the comparison`, offset: end.at, hint: 'write one comparison per check; add another check for another condition' });
    }
    return { op: tok.value as CompareOp, left, right };
  }

  private sum(): ValueExpr {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const tok = this.tokens[this.pos++]!;
      left = { kind: 'binary', op: (tok as { value: ArithOp }).value, left, right: this.term(), offset: tok.at };
    }
    return left;
  }

  private term(): ValueExpr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const tok = this.tokens[this.pos++] as { value: ArithOp; at: number };
      const next = this.peek();
      // `query.error.es/counts.max` is an id with a slash, not a division: say how to write it.
      if (tok.value === '/' && left.kind === 'path' && next.t === 'name' && this.src[tok.at - 1] !== ' ' && this.src[tok.at + 1] !== ' ') {
        const last = left.segments.length - 1;
        const id = `${left.segments[last]}/${next.value}`;
        const before = left.segments.slice(0, last).join('.');
        throw new Fail({ message: `an id containing "/" must be written in brackets`, offset: left.offsets[last]!, hint: `write ${before}["${id}"] (and a / b with spaces for a division)` });
      }
      left = { kind: 'binary', op: tok.value, left, right: this.unary(), offset: tok.at };
    }
    return left;
  }

  private unary(): ValueExpr {
    if (this.isOp('-')) {
      const at = this.tokens[this.pos++]!.at;
      return { kind: 'negate', operand: this.unary(), offset: at };
    }
    return this.atom();
  }

  private atom(): ValueExpr {
    const tok = this.peek();
    if (tok.t === 'num') {
      this.pos++;
      return { kind: 'number', value: tok.value, unit: tok.unit, text: tok.text, offset: tok.at };
    }
    if (tok.t === 'str') {
      this.pos++;
      return { kind: 'string', value: tok.value, offset: tok.at };
    }
    if (tok.t === 'name') return this.path();
    if (this.isOp('(')) {
      this.pos++;
      const inner = this.sum();
      if (!this.isOp(')')) throw new Fail({ message: `expected ")", found ${describe(this.peek())}`, offset: this.peek().at, hint: 'close the parenthesis' });
      this.pos++;
      return inner;
    }
    throw new Fail({ message: tok.t === 'end' ? 'missing a value at the end' : `expected a value, found ${describe(tok)}`, offset: tok.at, hint: 'a value is a path (outputs.es.lost), a number (0, 0.01, 99%) or a duration (5s)' });
  }

  private path(): PathRef {
    const first = this.tokens[this.pos++] as { value: string; at: number };
    const segments = [first.value];
    const offsets = [first.at];
    let end = first.at + first.value.length;
    for (;;) {
      if (this.isOp('.')) {
        this.pos++;
        const next = this.peek();
        if (next.t !== 'name') {
          throw new Fail({ message: `expected a name after ".", found ${describe(next)}`, offset: next.at, hint: 'ids with other characters go in brackets: query.error["es/counts"]' });
        }
        this.pos++;
        segments.push(next.value);
        offsets.push(next.at);
        end = next.at + next.value.length;
      } else if (this.isOp('[')) {
        this.pos++;
        const key = this.peek();
        if (key.t !== 'str') throw new Fail({ message: `expected a quoted id inside [ ], found ${describe(key)}`, offset: key.at, hint: 'write ids in quotes: lostAt["filebeat->logstash"]' });
        this.pos++;
        if (!this.isOp(']')) throw new Fail({ message: `expected "]", found ${describe(this.peek())}`, offset: this.peek().at });
        end = this.tokens[this.pos++]!.at + 1;
        segments.push(key.value);
        offsets.push(key.at + 1);
      } else break;
    }
    return { kind: 'path', segments, offsets, text: '', offset: first.at, ...{ end } } as PathRef & { end: number };
  }
}

function describe(tok: Token): string {
  switch (tok.t) {
    case 'end':
      return 'the end';
    case 'num':
      return `"${tok.text}"`;
    case 'str':
      return `"${tok.value}" (a string)`;
    default:
      return `"${tok.value}"`;
  }
}

/** Parses one check; never throws. */
export function parseCheck(src: string): { ok: true; expr: CheckExpr } | { ok: false; error: CheckSyntaxError } {
  try {
    const expr = new Parser(tokenize(src), src).check();
    for (const v of [expr.left, expr.right]) fillPathText(v, src);
    return { ok: true, expr };
  } catch (error) {
    if (error instanceof Fail) return { ok: false, error: error.detail };
    throw error;
  }
}

function fillPathText(v: ValueExpr, src: string): void {
  if (v.kind === 'path') {
    const withEnd = v as PathRef & { end?: number };
    v.text = src.slice(v.offset, withEnd.end);
    delete withEnd.end;
  } else if (v.kind === 'binary') {
    fillPathText(v.left, src);
    fillPathText(v.right, src);
  } else if (v.kind === 'negate') fillPathText(v.operand, src);
}

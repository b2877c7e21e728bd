/**
 * The parts of Flink SQL expressions the simulation runs: a WHERE clause becomes the Flink node's
 * `where` condition (the Logstash-style conditions simulator/nodes/flink/where.ts evaluates), a
 * WATERMARK expression its bounded out-of-orderness. Anything else is valid SQL the simulation
 * does not model, reported with what it does model.
 */
import type { ParserRuleContext } from 'antlr4ng';
import type { BooleanExpressionContext, ConstantContext, ExpressionContext, ValueExpressionContext } from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser';
import { flinkGrammar } from './sql-runtime.js';
import { identifierText, locOf, stringLiteral } from './sql-parse.js';
import type { Loc } from '../logstash/ast.js';

export type Translated = { ok: true; condition: string } | { ok: false; what: string; loc: Loc };

export const WHERE_SUPPORTED = 'comparisons of a column with a literal (= <> != < > <= >=), IN (…), IS [NOT] NULL, AND, OR, NOT and parentheses';

/** The source text of a rule, as written. */
export function sourceOf(ctx: ParserRuleContext, text: string): string {
  return text.slice(ctx.start!.start, (ctx.stop ?? ctx.start!).stop + 1);
}

/** A WHERE condition → a Logstash-style condition over record fields (`[status] != "404"`). */
export function whereCondition(expr: ExpressionContext, text: string): Translated {
  return booleanCondition(expr.booleanExpression(), text);
}

export function booleanCondition(bool: BooleanExpressionContext, text: string): Translated {
  const fail = (ctx: ParserRuleContext): Translated => ({ ok: false, what: sourceOf(ctx, text).replace(/\s+/g, ' '), loc: locOf(ctx) });
  if (bool instanceof flinkGrammar().LogicalBinaryContext) {
    const [l, r] = [bool.booleanExpression(0)!, bool.booleanExpression(1)!];
    const a = booleanCondition(l, text);
    if (!a.ok) return a;
    const b = booleanCondition(r, text);
    if (!b.ok) return b;
    return { ok: true, condition: `(${a.condition}) ${bool.KW_AND() ? 'and' : 'or'} (${b.condition})` };
  }
  if (bool instanceof flinkGrammar().LogicalNotContext) {
    const inner = booleanCondition(bool.booleanExpression(), text);
    return inner.ok ? { ok: true, condition: `!(${inner.condition})` } : inner;
  }
  if (bool instanceof flinkGrammar().LogicalNestedContext) {
    // `x IS [NOT] NULL` where x is a column: a field that is absent or null.
    const col = bool.KW_NULL() ? columnOfBoolean(bool.booleanExpression()) : undefined;
    if (!col) return fail(bool);
    return { ok: true, condition: bool.KW_NOT() ? `[${col}]` : `![${col}]` };
  }
  if (bool instanceof flinkGrammar().PredicatedContext) {
    const value = bool.valueExpression();
    const predicate = bool.predicate();
    if (!predicate) return valueCondition(value, text, fail);
    const col = columnOf(value);
    if (!col) return fail(bool);
    if (predicate.KW_IN() && predicate.expression().length > 0) {
      const items = predicate.expression().map((e) => literalOfExpression(e));
      if (items.some((i) => i === undefined)) return fail(predicate);
      const list = `[${items.join(', ')}]`;
      return { ok: true, condition: predicate.KW_NOT() ? `[${col}] not in ${list}` : `[${col}] in ${list}` };
    }
    if (predicate.KW_IS() && predicate.KW_NULL()) return { ok: true, condition: predicate.KW_NOT() ? `[${col}]` : `![${col}]` };
    return fail(predicate);
  }
  return fail(bool);
}

function valueCondition(value: ValueExpressionContext, text: string, fail: (ctx: ParserRuleContext) => Translated): Translated {
  if (value instanceof flinkGrammar().ComparisonContext) {
    const op = value.comparisonOperator().getText();
    const ops: Record<string, string> = { '=': '==', '<>': '!=', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };
    const left = value.valueExpression(0)!;
    const right = value.valueExpression(1)!;
    const mapped = ops[op];
    const [col, lit, flipped] = columnOf(left) !== undefined ? [columnOf(left), literalOf(right), false] : [columnOf(right), literalOf(left), true];
    if (!mapped || col === undefined || lit === undefined) return fail(value);
    const flip: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
    return { ok: true, condition: `[${col}] ${flipped ? (flip[mapped] ?? mapped) : mapped} ${lit}` };
  }
  if (value instanceof flinkGrammar().ValueExpressionDefaultContext) {
    const primary = value.primaryExpression();
    if (primary instanceof flinkGrammar().ParenthesizedExpressionContext) return whereCondition(primary.expression(), text);
    const col = columnOf(value);
    if (col) return { ok: true, condition: `[${col}] == true` };
  }
  return fail(value);
}

function columnOfBoolean(b: BooleanExpressionContext): string | undefined {
  return b instanceof flinkGrammar().PredicatedContext && !b.predicate() ? columnOf(b.valueExpression()) : undefined;
}

/** The column a value expression names, if it is just a column. */
export function columnOf(value: ValueExpressionContext | null): string | undefined {
  if (!(value instanceof flinkGrammar().ValueExpressionDefaultContext)) return undefined;
  const p = value.primaryExpression();
  if (p instanceof flinkGrammar().ColumnReferenceContext || p instanceof flinkGrammar().DereferenceContext) return identifierText(p).split('.').pop();
  // The grammar's STRING_LITERAL also covers `backquoted` names: in an expression they are columns.
  if (p instanceof flinkGrammar().ConstantDefaultContext && p.constant().stringLiteral()?.getText().startsWith('`')) return identifierText(p);
  if (p instanceof flinkGrammar().ParenthesizedExpressionContext) {
    const b = p.expression().booleanExpression();
    return b instanceof flinkGrammar().PredicatedContext && !b.predicate() ? columnOf(b.valueExpression()) : undefined;
  }
  return undefined;
}

/** The column an expression names, if it is just a column. */
export function columnOfExpression(e: ExpressionContext): string | undefined {
  const b = e.booleanExpression();
  return b instanceof flinkGrammar().PredicatedContext && !b.predicate() ? columnOf(b.valueExpression()) : undefined;
}

function literalOfExpression(e: ExpressionContext): string | undefined {
  const b = e.booleanExpression();
  return b instanceof flinkGrammar().PredicatedContext && !b.predicate() ? literalOf(b.valueExpression()) : undefined;
}

/** A literal in the condition language: strings double-quoted, numbers as they are. */
function literalOf(value: ValueExpressionContext | null): string | undefined {
  if (!(value instanceof flinkGrammar().ValueExpressionDefaultContext)) return undefined;
  const p = value.primaryExpression();
  if (!(p instanceof flinkGrammar().ConstantDefaultContext)) return undefined;
  return constantLiteral(p.constant());
}

function constantLiteral(c: ConstantContext): string | undefined {
  const s = c.stringLiteral();
  if (s) return s.getText().startsWith('`') ? undefined : JSON.stringify(stringLiteral(s.getText()));
  const d = c.decimalLiteral();
  if (d) return `${c.HYPHEN_SIGN() ? '-' : ''}${d.getText()}`;
  const r = c.REAL_LITERAL();
  if (r) return r.getText();
  const b = c.booleanLiteral();
  if (b) return b.getText().toLowerCase();
  return undefined;
}

/**
 * A watermark expression → the bounded out-of-orderness in ms: `ts` (0) or
 * `ts - INTERVAL 'n' unit` (n in that unit), the two strategies of the CREATE TABLE docs.
 */
export function watermarkDelayMs(expression: ExpressionContext, column: string, text: string): number | undefined {
  const src = sourceOf(expression, text).replace(/\s+/g, ' ').trim();
  const col = `(?:\`${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`|${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`;
  if (new RegExp(`^${col}$`, 'i').test(src)) return 0;
  const m = new RegExp(`^${col} ?- ?INTERVAL '?(\\d+(?:\\.\\d+)?)'? (MILLISECOND|SECOND|SECONDS|MINUTE|MINUTES|HOUR|HOURS|DAY|DAYS)$`, 'i').exec(src);
  if (!m) return undefined;
  const unit: Record<string, number> = { MILLISECOND: 1, SECOND: 1000, SECONDS: 1000, MINUTE: 60_000, MINUTES: 60_000, HOUR: 3_600_000, HOURS: 3_600_000, DAY: 86_400_000, DAYS: 86_400_000 };
  return Math.round(Number(m[1]) * unit[m[2]!.toUpperCase()]!);
}

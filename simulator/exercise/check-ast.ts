/**
 * The checks language, as data. A check is one comparison between two arithmetic
 * expressions over RunResult paths, numbers, durations and percentages:
 *   outputs.es.exactlyOnce >= 99% * outputs.es.generated
 *   architectures.kappa.freshness.p95 < 5s
 *   query.error["es/counts"].max <= 0.01
 * Every node keeps its offset in the source text so errors point at the exact column.
 */

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';

/** A literal; `unit` says how it was written (durations are ms, percentages are fractions). */
export interface NumberLit {
  kind: 'number';
  value: number;
  unit: 'plain' | 'ms' | 'percent' | 'bytes';
  text: string;
  offset: number;
}

export interface StringLit {
  kind: 'string';
  value: string;
  offset: number;
}

/** A path into the RunResult: `outputs.es.lost` → ['outputs', 'es', 'lost']. */
export interface PathRef {
  kind: 'path';
  segments: string[];
  /** Offset of each segment in the source (for pointing at the wrong one). */
  offsets: number[];
  text: string;
  offset: number;
}

export interface Binary {
  kind: 'binary';
  op: ArithOp;
  left: ValueExpr;
  right: ValueExpr;
  offset: number;
}

export interface Negate {
  kind: 'negate';
  operand: ValueExpr;
  offset: number;
}

export type ValueExpr = NumberLit | StringLit | PathRef | Binary | Negate;

export interface CheckExpr {
  op: CompareOp;
  left: ValueExpr;
  right: ValueExpr;
}

/** Every path an expression reads, left to right. */
export function pathsOf(expr: CheckExpr | ValueExpr): PathRef[] {
  if ('op' in expr && 'left' in expr && !('kind' in expr)) return [...pathsOf(expr.left), ...pathsOf(expr.right)];
  const v = expr as ValueExpr;
  switch (v.kind) {
    case 'path':
      return [v];
    case 'binary':
      return [...pathsOf(v.left), ...pathsOf(v.right)];
    case 'negate':
      return pathsOf(v.operand);
    default:
      return [];
  }
}

/** Writes a path back the canonical way: dots for plain names, brackets for the rest. */
export function formatPath(segments: readonly string[]): string {
  return segments
    .map((s, i) => (/^[A-Za-z_][\w]*(?:-[\w]+)*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join('');
}

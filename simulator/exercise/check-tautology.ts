/**
 * Checks that hold whatever the run does, found before any run: the same value on both
 * sides (`lost == lost`), a count against zero (`documents >= 0`), or one part of an
 * output's ledger against its whole (`exactlyOnce <= generated`: the parts add up to
 * `generated`, so none exceeds it). Such a check passes every learner and tests nothing.
 */
import { formatPath, type CheckExpr, type CompareOp, type ValueExpr } from './check-ast.js';
import { resolvePath } from './check-resolve.js';

/** The parts of an output's ledger; each is at most `generated` (generated = the sum of these). */
const LEDGER_PARTS = new Set(['exactlyOnce', 'duplicated', 'lost', 'filtered', 'late', 'inFlight']);

/** The expression written canonically, without offsets, so equal expressions compare equal. */
function shape(v: ValueExpr): string {
  switch (v.kind) {
    case 'number':
      return String(v.value);
    case 'string':
      return JSON.stringify(v.value);
    case 'path':
      return formatPath(v.segments);
    case 'negate':
      return `-(${shape(v.operand)})`;
    case 'binary':
      return `(${shape(v.left)} ${v.op} ${shape(v.right)})`;
  }
}

const isZero = (v: ValueExpr) => v.kind === 'number' && v.value === 0;

/** A path whose value is a count of things, so never negative. */
function isCount(v: ValueExpr): boolean {
  if (v.kind !== 'path') return false;
  const r = resolvePath(v.segments);
  return r.ok && r.unit === 'count';
}

/** `outputs.<o>.<part>` and the same output's `generated` path, when `v` is a ledger part. */
function ledgerPart(v: ValueExpr): { whole: string } | undefined {
  if (v.kind !== 'path') return undefined;
  const s = v.segments;
  const last = s[s.length - 1];
  if (last === undefined || !LEDGER_PARTS.has(last) || s[s.length - 3] !== 'outputs') return undefined;
  return { whole: formatPath([...s.slice(0, -1), 'generated']) };
}

/** Flips `a op b` into `b op' a`, so each rule needs writing one way only. */
const FLIP: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export interface Tautology {
  /** `always` passes, `never` passes. */
  verdict: 'always' | 'never';
  why: string;
}

function oneWay(op: CompareOp, a: ValueExpr, b: ValueExpr): Tautology | undefined {
  if (isCount(a) && isZero(b)) {
    if (op === '>=') return { verdict: 'always', why: `\`${shape(a)}\` is a count, never below 0` };
    if (op === '<') return { verdict: 'never', why: `\`${shape(a)}\` is a count, never below 0` };
  }
  const part = ledgerPart(a);
  if (part && b.kind === 'path' && formatPath(b.segments) === part.whole) {
    if (op === '<=') return { verdict: 'always', why: `\`${shape(a)}\` is one part of \`${part.whole}\`, so never more than it` };
    if (op === '>') return { verdict: 'never', why: `\`${shape(a)}\` is one part of \`${part.whole}\`, so never more than it` };
  }
  return undefined;
}

/** Whether the check's outcome is fixed before the run, and why. */
export function tautology(expr: CheckExpr): Tautology | undefined {
  if (shape(expr.left) === shape(expr.right)) {
    const always = expr.op === '==' || expr.op === '<=' || expr.op === '>=';
    return { verdict: always ? 'always' : 'never', why: 'both sides are the same value' };
  }
  return oneWay(expr.op, expr.left, expr.right) ?? oneWay(FLIP[expr.op], expr.right, expr.left);
}

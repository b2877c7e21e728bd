/**
 * Authoring-time analysis of one check, before any run: every path must exist in the
 * description of the RunResult, strings only meet strings, and units must agree
 * (a freshness in ms is not compared with a percentage, a count not with 99%).
 */
import type { CheckExpr, ValueExpr } from './check-ast.js';
import type { Unit } from './check-paths.js';
import { resolvePath } from './check-resolve.js';

export interface CheckProblem {
  offset: number;
  message: string;
  hint?: string;
}

type Kind = Unit | 'string' | 'plain' | 'duration-literal' | 'percent-literal';

function kindOf(v: ValueExpr, problems: CheckProblem[]): Kind {
  switch (v.kind) {
    case 'number':
      return v.unit === 'ms' ? 'duration-literal' : v.unit === 'bytes' ? 'bytes' : v.unit === 'percent' ? 'percent-literal' : 'plain';
    case 'string':
      return 'string';
    case 'path': {
      const r = resolvePath(v.segments);
      if (!r.ok) {
        problems.push({ offset: v.offsets[r.segment] ?? v.offset, message: r.message, hint: r.hint });
        return 'plain';
      }
      return r.unit;
    }
    case 'negate':
      return kindOf(v.operand, problems);
    case 'binary': {
      const a = kindOf(v.left, problems);
      const b = kindOf(v.right, problems);
      if (a === 'string' || b === 'string') {
        problems.push({ offset: v.offset, message: `cannot use \`${v.op}\` on text`, hint: 'only numbers can be added, subtracted, multiplied or divided' });
        return 'plain';
      }
      if (v.op === '*' || v.op === '/') {
        // 99% * generated is a count; lost / generated is a ratio.
        if (v.op === '/' && a === b) return 'ratio';
        const specific = [a, b].filter((k) => k !== 'plain' && k !== 'percent-literal' && k !== 'ratio');
        return specific[0] ?? (a === 'plain' ? b : a);
      }
      if (!compatible(a, b)) problems.push({ offset: v.offset, message: `\`${v.op}\` mixes ${describe(a)} and ${describe(b)}` });
      return a === 'plain' ? b : a;
    }
  }
}

function norm(k: Kind): Kind {
  return k === 'duration-literal' ? 'ms' : k === 'percent-literal' ? 'ratio' : k === 'number' ? 'plain' : k;
}

function compatible(a: Kind, b: Kind): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === 'plain' || y === 'plain') return x !== 'string' && y !== 'string' ? true : x === y;
  return x === y;
}

function describe(k: Kind): string {
  switch (norm(k)) {
    case 'ms':
      return 'a duration';
    case 'ratio':
      return 'a ratio';
    case 'count':
      return 'a count';
    case 'bytes':
      return 'a size in bytes';
    case 'string':
      return 'text';
    default:
      return 'a number';
  }
}

export function analyseCheck(expr: CheckExpr): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const a = kindOf(expr.left, problems);
  const b = kindOf(expr.right, problems);
  if (problems.length > 0) return problems;
  const offset = expr.right.offset;
  if ((a === 'string' || b === 'string') && a !== b) {
    problems.push({ offset, message: `compares ${describe(a)} with ${describe(b)}`, hint: 'text values such as `ended` compare with a quoted string: ended == "drained"' });
  } else if (a === 'string' && expr.op !== '==' && expr.op !== '!=') {
    problems.push({ offset, message: `text can only be compared with == or !=` });
  } else if (!compatible(a, b)) {
    const countVsPercent = norm(a) === 'count' && b === 'percent-literal';
    problems.push({
      offset,
      message: `compares ${describe(a)} with ${describe(b)}`,
      hint: countVsPercent ? 'a percentage of a count is written as a product, e.g. `outputs.es.exactlyOnce >= 99% * outputs.es.generated`' : 'durations are written with a unit (5s, 250ms); ratios as 0.01 or 1%',
    });
  }
  return problems;
}

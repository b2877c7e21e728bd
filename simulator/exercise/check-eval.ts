/**
 * Evaluating checks against a RunResult, with failure messages a learner can act on:
 * "expected outputs.es.duplicated == 0, got 37: <the author's explanation> — see duplicatedAt: filebeat->logstash 37".
 * A path the run does not have fails the check (never a silent pass).
 */
import type { CheckResult, RunResult } from '../run/result.js';
import type { CheckExpr, CompareOp, ValueExpr } from './check-ast.js';
import { pathsOf } from './check-ast.js';
import type { Unit } from './check-paths.js';
import { resolvePath } from './check-resolve.js';
import type { CheckSpec } from './types.js';

type Value = { value: number | string; unit: Unit | 'string' | 'plain' };

class Unresolved extends Error {}

/** One side of a check (a path, a number, arithmetic) over a run; `undefined` when a path is absent (predictions read it). */
export function evaluateValue(v: ValueExpr, result: RunResult): Value | undefined {
  try {
    return evaluate(v, result);
  } catch (error) {
    if (error instanceof Unresolved) return undefined;
    throw error;
  }
}

function evaluate(v: ValueExpr, result: RunResult): Value {
  switch (v.kind) {
    case 'number':
      return { value: v.value, unit: v.unit === 'ms' ? 'ms' : v.unit === 'bytes' ? 'bytes' : v.unit === 'percent' ? 'ratio' : 'plain' };
    case 'string':
      return { value: v.value, unit: 'string' };
    case 'path': {
      const r = resolvePath(v.segments, result);
      if (!r.ok) throw new Unresolved(`${r.message}${r.hint ? ` (${r.hint})` : ''}`);
      return { value: r.value, unit: r.unit };
    }
    case 'negate': {
      const o = evaluate(v.operand, result);
      return { value: -Number(o.value), unit: o.unit };
    }
    case 'binary': {
      const a = evaluate(v.left, result);
      const b = evaluate(v.right, result);
      const x = Number(a.value);
      const y = Number(b.value);
      const value = v.op === '+' ? x + y : v.op === '-' ? x - y : v.op === '*' ? x * y : y === 0 ? Number.NaN : x / y;
      const unit = v.op === '+' || v.op === '-' ? (a.unit === 'plain' ? b.unit : a.unit) : v.op === '/' && a.unit === b.unit ? 'ratio' : a.unit === 'plain' || a.unit === 'ratio' ? b.unit : a.unit;
      return { value, unit };
    }
  }
}

const EPSILON = 1e-9;

export function compare(op: CompareOp, a: number | string, b: number | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return op === '==' ? a === b : op === '!=' ? a !== b : false;
  const equal = Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
  switch (op) {
    case '==':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return a < b && !equal;
    case '<=':
      return a < b || equal;
    case '>':
      return a > b && !equal;
    case '>=':
      return a > b || equal;
  }
}

/** A value as a learner reads it: 37, 7.2s, 0.013 (1.3%). */
export function formatValue(v: Value): string {
  if (typeof v.value === 'string') return JSON.stringify(v.value);
  if (!Number.isFinite(v.value)) return Number.isNaN(v.value) ? 'not a number (division by zero)' : String(v.value);
  const x = v.value;
  const plain = Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
  if (v.unit === 'ms') return x >= 1000 ? `${Math.round(x) / 1000}s` : `${plain}ms`;
  if (v.unit === 'ratio' && x !== 0) return `${plain} (${Math.round(x * 1e4) / 100}%)`;
  if (v.unit === 'bytes') return formatBytes(x);
  return plain;
}

/** 1024-based, as the sizes in checks are written: 512B, 37.5KB, 2.25MB. */
function formatBytes(x: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = x;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Math.round(v * 100) / 100}${units[u]!}`;
}

const simple = (v: ValueExpr) => v.kind === 'path' || v.kind === 'number' || v.kind === 'string';

/** Where the records behind a failing ledger number went, e.g. "see lostAt: flink 12, filebeat->logstash 3". */
function context(expr: CheckExpr, result: RunResult, drainAdvice: boolean): string {
  const notes: string[] = [];
  for (const p of pathsOf(expr)) {
    const [root, id, field] = p.segments;
    if (root === 'outputs' && id !== undefined && p.segments.length === 3) {
      const out = result.outputs[id];
      if (!out) continue;
      const places = (name: 'lostAt' | 'duplicatedAt') => {
        const entries = Object.entries(out[name]).filter(([, count]) => count > 0);
        if (entries.length > 0) notes.push(`see ${name}: ${entries.map(([where, count]) => `${where} ${count}`).join(', ')}`);
      };
      if (field === 'lost' || field === 'exactlyOnce') places('lostAt');
      if (field === 'duplicated' || field === 'extraCopies' || field === 'exactlyOnce') places('duplicatedAt');
      // More `drain:` only helps a run that hit its deadline, and must not be advised when the
      // exercise checks the run's length (advice may never contradict the exercise).
      if (field === 'inFlight' && out.inFlight > 0) notes.push(drainAdvice && result.ended === 'deadline' ? 'records were still held when the run ended: give the pipeline more `drain:` time or fix what holds them' : 'records were still held when the run ended: find what holds them (the ledger lists them as in flight)');
    }
    if (root === 'query' && p.segments[1] === 'error' && result.query) {
      const answer = p.segments.length === 4 ? p.segments[2] : undefined;
      let worst: { text: string; e: number } | undefined;
      for (const w of result.query.windows) {
        for (const [id, a] of Object.entries(w.answers)) {
          if (answer !== undefined && id !== answer) continue;
          const e = Math.abs((a ?? 0) - w.truth) / Math.max(1, Math.abs(w.truth));
          if (!worst || e > worst.e) worst = { e, text: `key ${w.key}, window ${w.windowStartMs / 1000}s–${w.windowEndMs / 1000}s: truth ${w.truth}, ${id} answered ${a ?? 'nothing'}` };
        }
      }
      if (worst && worst.e > 0) notes.push(`worst window: ${worst.text}`);
    }
  }
  return [...new Set(notes)].join('; ');
}

export function evaluateCheck(check: CheckSpec, result: RunResult, drainAdvice = true): CheckResult {
  const { expr } = check;
  let left: Value;
  let right: Value;
  try {
    left = evaluate(expr.left, result);
    right = evaluate(expr.right, result);
  } catch (error) {
    if (!(error instanceof Unresolved)) throw error;
    return { name: check.name, pass: false, expected: check.source, actual: 'no value', explanation: `cannot check \`${check.source}\`: ${error.message}` };
  }
  const pass = compare(expr.op, left.value, right.value);
  const leftUnit = left.unit === 'plain' ? right.unit : left.unit;
  const rightUnit = right.unit === 'plain' ? left.unit : right.unit;
  const actual = formatValue({ value: left.value, unit: leftUnit });
  // A literal right side is its own target; a path or arithmetic gets its value, so a failure shows both numbers.
  const literal = expr.right.kind === 'number' || expr.right.kind === 'string';
  const expected = literal ? check.source : `${check.source} (right side = ${formatValue({ value: right.value, unit: rightUnit })})`;
  if (pass) return { name: check.name, pass, expected, actual, explanation: `${check.source}: ${actual}` };
  const got = simple(expr.left) ? `got ${actual}` : `left side = ${actual}`;
  const why = [check.explain?.trim(), context(expr, result, drainAdvice)].filter(Boolean).join(' — ');
  const hint = check.hint ? ` Hint: ${check.hint.trim()}` : '';
  return { name: check.name, pass, expected, actual, explanation: `expected ${expected}, ${got}${why ? `: ${why}` : ''}${hint}` };
}

export function evaluateChecks(checks: readonly CheckSpec[], result: RunResult): CheckResult[] {
  // A check on the run's length or its drain forbids advising a longer drain in the other checks' failures.
  const drainAdvice = !checks.some((c) => /\b(drain|duration|simulatedMs)\b/.test(c.source));
  return checks.map((c) => evaluateCheck(c, result, drainAdvice));
}

/**
 * A failed check in words: "Expected at most 0; this run gave 37." Pure (no DOM), so a unit test
 * can read the sentence for every comparison and unit (tests/unit/site/check-words.test.ts).
 *
 * The check engine (simulator/exercise/check-eval.ts) hands over the check's source as `expected`,
 * with " (right side = <value>)" appended when the right side is not a literal, and the left side's
 * value as `actual` ("no value" when the run lacks the path). The sentence's target is that
 * right-side value, or the literal exactly as the author wrote it (so "1%" and "30s" stay as written).
 */
import type { CheckResult } from '../../../workers/api.js';
import { t, type MessageKey } from '../../i18n/index.js';

const OP_WORDS: Record<string, MessageKey> = { '==': 'ex.check.op.eq', '!=': 'ex.check.op.ne', '<=': 'ex.check.op.le', '>=': 'ex.check.op.ge', '<': 'ex.check.op.lt', '>': 'ex.check.op.gt' };

/** What the resolver writes for a path the run does not have (check-eval.ts). */
const NO_VALUE = 'no value';
const RIGHT_SIDE = / \(right side = (.*)\)$/;

/**
 * The check's source split at its comparison: the first operator outside a quoted string, since a
 * string literal on the right may itself contain "<" or "==".
 */
export function splitComparison(source: string): { left: string; op: string; right: string } | undefined {
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    const two = source.slice(i, i + 2);
    const op = two in OP_WORDS ? two : c === '<' || c === '>' ? c : undefined;
    if (op) return { left: source.slice(0, i).trim(), op, right: source.slice(i + op.length).trim() };
  }
  return undefined;
}

/** The check's source alone, without the engine's " (right side = …)" note. */
export function checkSource(c: Pick<CheckResult, 'expected'>): string {
  return c.expected.replace(RIGHT_SIDE, '');
}

/** "Expected at most 0; this run gave 37." — the target in words, then what the run gave. */
export function checkNumbers(c: Pick<CheckResult, 'expected' | 'actual'>): string {
  const source = checkSource(c);
  const parts = splitComparison(source);
  // Not a comparison we can put in words: show the source itself as what was expected.
  const target = parts ? (RIGHT_SIDE.exec(c.expected)?.[1] ?? parts.right) : source;
  const expected = parts ? t(OP_WORDS[parts.op]!, { value: target }) : source;
  // A ratio reads "0.013 (1.3%)"; against a target written in percent, the percent alone compares like with like.
  const percent = target.endsWith('%') ? / \((-?[\d.]+%)\)$/.exec(c.actual)?.[1] : undefined;
  return t(c.actual === NO_VALUE ? 'ex.check.noValue' : 'ex.check.numbers', { expected, actual: percent ?? c.actual });
}

/**
 * The explanation without the engine's own "expected …, got …" (or "…, left side = …") opening,
 * which the numbers sentence already says.
 */
export function checkWhy(c: Pick<CheckResult, 'expected' | 'actual' | 'explanation'>): string {
  for (const said of ['got', 'left side =']) {
    const prefix = `expected ${c.expected}, ${said} ${c.actual}`;
    if (c.explanation.startsWith(prefix)) return c.explanation.slice(prefix.length).replace(/^[:.]\s*/, '');
  }
  return c.explanation;
}

/**
 * Predictions (issue 29): before the first run an exercise may ask the learner what will happen —
 * a number within a tolerance, one of a few choices, or one record's fate — and the verdict then
 * puts the prediction beside what the run did. The outcome is always read from the run itself
 * (never from the author's `answer`), so a learner who changed the files first is compared with
 * what their own run did; `answer` is what lessons:check proves the starter's (or solution's) run gives.
 *
 * Pure and DOM-free: the page, the grading worker and lessons:check share it.
 */
import { z } from 'zod';
import type { RunResult } from '../run/result.js';
import type { CheckExpr, ValueExpr } from './check-ast.js';
import { parseCheck } from './check-parse.js';
import { compare, evaluateValue, formatValue } from './check-eval.js';

/** Every fate a record can have in an output (ledger/ledger.ts FateKind), in the order the page lists them. */
export const FATES = ['exactlyOnce', 'duplicated', 'lost', 'filtered', 'late', 'lateSideOutput', 'deadLettered', 'inFlight'] as const;
export type Fate = (typeof FATES)[number];

const common = {
  ask: z.string().min(1).describe('The question, for the learner (Markdown allowed).'),
  why: z.string().min(1).describe('Why the run turns out as `answer` says: shown beside a prediction that differs from it.'),
  from: z.enum(['starter', 'solution']).default('starter').describe('Whose run `answer` describes (default `starter`: what the learner runs first). lessons:check runs it and refuses a stale answer.'),
};

export const predictionSchema = z
  .union([
    z.strictObject({
      ...common,
      number: z.string().min(1).describe('What to predict, as a check-language expression over the run: `outputs.es.documents`, `outputs.lake.lost`.'),
      answer: z.number().describe('Its value in the `from` run.'),
      tolerance: z.number().min(0).default(0).describe('How far a prediction may be from the value and still count as right (same unit; default 0).'),
      unit: z.string().min(1).optional().describe('A word after the input field, e.g. `documents`, `lines`.'),
    }),
    z.strictObject({
      ...common,
      choices: z
        .array(z.strictObject({ label: z.string().min(1).describe('What the learner reads.'), when: z.string().min(1).describe('A check that holds exactly when this choice describes the run, e.g. `outputs.es.lost == 0`.') }))
        .min(2)
        .max(5)
        .describe('Two to five answers; the outcome is the first whose `when` holds.'),
      answer: z.string().min(1).describe('The `label` of the choice the `from` run picks.'),
    }),
    z.strictObject({
      ...common,
      fate: z.strictObject({ record: z.string().min(1).describe('A record id as the ledger names it: its log file and 1-based line, e.g. `access-0.log:42`.'), output: z.string().min(1).describe('The output id, e.g. `es`.') }).describe('One traced record in one output.'),
      answer: z.enum(FATES).describe('Its fate in the `from` run.'),
    }),
  ])
  .describe('A prediction question: `number` (+ `tolerance`), `choices`, or `fate`.');

export type PredictionYaml = z.output<typeof predictionSchema>;

interface PredictionBase {
  ask: string;
  why: string;
  from: 'starter' | 'solution';
  /** Where the question starts in exercise.yaml (for lessons:check's messages). */
  at?: { line: number; column: number };
}
export type Prediction =
  | (PredictionBase & { kind: 'number'; source: string; value: ValueExpr; answer: number; tolerance: number; unit?: string })
  | (PredictionBase & { kind: 'choice'; choices: { label: string; when: string; expr: CheckExpr }[]; answer: number })
  | (PredictionBase & { kind: 'fate'; record: string; output: string; answer: Fate });

/** What the learner answered: the number typed, the index of the choice, or the fate picked. */
export type Guess = { kind: 'number'; value: number } | { kind: 'choice'; index: number } | { kind: 'fate'; fate: Fate };

/** What a run did, in the question's own terms; `undefined` when the run cannot say (an id it lacks). */
export type Outcome = { kind: 'number'; value: number; shown: string } | { kind: 'choice'; index: number } | { kind: 'fate'; fate: Fate } | undefined;

/** A yaml question → a ready Prediction, or the message for the author (with the key it concerns). */
export function buildPrediction(y: PredictionYaml): { ok: true; prediction: Prediction } | { ok: false; key: string; message: string; hint?: string } {
  const base = { ask: y.ask.trim(), why: y.why.trim(), from: y.from };
  if ('number' in y) {
    const parsed = parseCheck(`${y.number} == 0`);
    if (!parsed.ok) return { ok: false, key: 'number', message: `\`number: ${y.number}\`: ${parsed.error.message}`, ...(parsed.error.hint ? { hint: parsed.error.hint } : {}) };
    return { ok: true, prediction: { ...base, kind: 'number', source: y.number, value: parsed.expr.left, answer: y.answer, tolerance: y.tolerance, ...(y.unit ? { unit: y.unit } : {}) } };
  }
  if ('choices' in y) {
    const choices: { label: string; when: string; expr: CheckExpr }[] = [];
    for (const [i, c] of y.choices.entries()) {
      const parsed = parseCheck(c.when);
      if (!parsed.ok) return { ok: false, key: `choices.${i}.when`, message: `\`when: ${c.when}\`: ${parsed.error.message}`, ...(parsed.error.hint ? { hint: parsed.error.hint } : {}) };
      choices.push({ label: c.label, when: c.when, expr: parsed.expr });
    }
    const answer = choices.findIndex((c) => c.label === y.answer);
    if (answer < 0) return { ok: false, key: 'answer', message: `\`answer: ${y.answer}\` is not the label of a choice`, hint: `one of ${choices.map((c) => JSON.stringify(c.label)).join(', ')}` };
    return { ok: true, prediction: { ...base, kind: 'choice', choices, answer } };
  }
  return { ok: true, prediction: { ...base, kind: 'fate', record: y.fate.record, output: y.fate.output, answer: y.answer } };
}

/** What `result` did, as the question asks it. A fate needs the run's traces (the worker's full result). */
export function outcomeOf(p: Prediction, result: RunResult): Outcome {
  switch (p.kind) {
    case 'number': {
      const v = evaluateValue(p.value, result);
      if (!v || typeof v.value !== 'number' || !Number.isFinite(v.value)) return undefined;
      return { kind: 'number', value: v.value, shown: formatValue(v) };
    }
    case 'choice': {
      const index = p.choices.findIndex((c) => {
        const l = evaluateValue(c.expr.left, result);
        const r = evaluateValue(c.expr.right, result);
        return l !== undefined && r !== undefined && compare(c.expr.op, l.value, r.value);
      });
      return { kind: 'choice', index };
    }
    case 'fate': {
      const fate = result.traces?.[p.record]?.fate[p.output];
      return fate && (FATES as readonly string[]).includes(fate) ? { kind: 'fate', fate: fate as Fate } : undefined;
    }
  }
}

/** The author's answer as an Outcome, to compare with what a run did. */
export function answerOf(p: Prediction): NonNullable<Outcome> {
  if (p.kind === 'number') return { kind: 'number', value: p.answer, shown: String(p.answer) };
  if (p.kind === 'choice') return { kind: 'choice', index: p.answer };
  return { kind: 'fate', fate: p.answer };
}

/** Whether the guess (or the author's answer) agrees with the outcome: a number within the tolerance, else the same pick. */
export function agrees(p: Prediction, guess: Guess | NonNullable<Outcome>, outcome: Outcome): boolean {
  if (!outcome) return false;
  if (guess.kind === 'number' && outcome.kind === 'number') return Math.abs(guess.value - outcome.value) <= (p.kind === 'number' ? p.tolerance : 0) + 1e-9;
  if (guess.kind === 'choice' && outcome.kind === 'choice') return guess.index === outcome.index;
  if (guess.kind === 'fate' && outcome.kind === 'fate') return guess.fate === outcome.fate;
  return false;
}

/** A stored guess read back from untrusted JSON (localStorage), for this question; undefined when it does not fit. */
export function guessFrom(p: Prediction, v: unknown): Guess | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const g = v as Record<string, unknown>;
  if (p.kind === 'number' && g['kind'] === 'number' && typeof g['value'] === 'number' && Number.isFinite(g['value'])) return { kind: 'number', value: g['value'] };
  if (p.kind === 'choice' && g['kind'] === 'choice' && Number.isInteger(g['index']) && (g['index'] as number) >= 0 && (g['index'] as number) < p.choices.length) return { kind: 'choice', index: g['index'] as number };
  if (p.kind === 'fate' && g['kind'] === 'fate' && (FATES as readonly unknown[]).includes(g['fate'])) return { kind: 'fate', fate: g['fate'] as Fate };
  return undefined;
}

/** An outcome in the author's words (lessons:check messages): `940`, `"the last batch"`, `lost`. */
export function describeOutcome(p: Prediction, outcome: NonNullable<Outcome>): string {
  if (outcome.kind === 'number') return outcome.shown;
  if (outcome.kind === 'fate') return outcome.fate;
  if (p.kind !== 'choice') return String(outcome.index);
  return outcome.index < 0 ? 'no choice (none of the `when` checks holds)' : JSON.stringify(p.choices[outcome.index]!.label);
}

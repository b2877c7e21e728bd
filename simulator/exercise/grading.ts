/**
 * How an exercise is graded (issue 29): on several seeds, and — where it teaches a fault — under
 * a bounded search of a fault family ("one Logstash crash at any time in [10 s, 50 s]"), so a
 * pipeline that survives today's crash time by luck is not marked correct.
 *
 * A family is a set of fault schedules; `membersOf` lists `budget` of them, spread evenly over
 * the family and ordered from the mildest (shortest down time, least loss) to the harshest, so
 * the first that breaks a check is already the smallest failing schedule the search saw. Each
 * member is one fault added to the exercise's own `faults:`.
 */
import { z } from 'zod';
import { duration } from '../spec/schema/common.js';
import { formatDuration } from '../spec/index.js';
import type { FaultSpec } from '../spec/schema/faults.js';

/** Seeds every exercise is graded on when it declares none (its own seed and the next four). */
export const DEFAULT_GRADING_SEEDS = 5;

const window = z.tuple([duration('Earliest start.'), duration('Latest start.')]).describe('`[from, to]`: the fault may start at any time in between, e.g. `[10s, 50s]`.');

const crashFamily = z
  .strictObject({
    crash: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('The node (or broker address such as `kafka/broker-1`) that crashes; a list: any one of them.'),
    between: window,
    down: z.tuple([duration('Shortest down time.'), duration('Longest down time.')]).describe('`[shortest, longest]` down time before it restarts, e.g. `[1s, 30s]`.'),
  })
  .describe('One crash of one of these nodes at any time in `between`, down for any time in `down`.');

const lossFamily = z
  .strictObject({
    link: z.string().regex(/^[^\s>]+->[^\s>]+$/, 'write a link as from->to, e.g. filebeat->logstash').describe('The link, `from->to`.'),
    loss: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).describe('`[least, most]` chance each message is dropped, e.g. `[0.01, 0.05]`.'),
    between: window,
    for: duration('How long the loss lasts.').describe('How long the loss lasts, e.g. `20s`.'),
  })
  .describe('Loss on one link, starting at any time in `between`.');

export const gradingSchema = z
  .strictObject({
    seeds: z
      .union([z.number().int().min(5).max(20), z.array(z.number().int().min(0).max(4294967295)).min(5).max(20)])
      .default(DEFAULT_GRADING_SEEDS)
      .describe('The grading seeds: a count (the exercise\'s seed and the ones after it) or a list; at least 5 (default 5). Passing means every check on every seed.'),
    family: z.union([crashFamily, lossFamily]).optional().describe('The fault family the exercise teaches: passing also means every check under each searched member.'),
    budget: z.number().int().min(1).max(40).default(8).describe('How many members of the family the search runs (default 8); the solution must pass them all, the starter must fail them all.'),
  })
  .describe('Robust grading: seeds and a fault family (issue 29).');

export type GradingYaml = z.output<typeof gradingSchema>;
export type FaultFamily = NonNullable<GradingYaml['family']>;

export interface Grading {
  seeds: number[];
  family?: FaultFamily;
  budget: number;
}

export function gradingOf(y: GradingYaml | undefined, seed: number): Grading {
  const spec = y ?? { seeds: DEFAULT_GRADING_SEEDS, budget: 8 };
  const seeds = typeof spec.seeds === 'number' ? Array.from({ length: spec.seeds }, (_, i) => seed + i) : spec.seeds;
  return { seeds, ...(spec.family ? { family: spec.family } : {}), budget: spec.budget };
}

/** One schedule of the family: the fault it adds and how severe it is (for ordering). */
export interface FamilyMember {
  fault: FaultSpec;
  /** Down time in ms, or loss × 1e6: larger is harsher. */
  severity: number;
}

/** `n` points evenly over [a, b] (the ends included), rounded to 100 ms so schedules stay readable. */
function spread(a: number, b: number, n: number, step = 100): number[] {
  if (n <= 1 || a === b) return [Math.round(a / step) * step];
  return Array.from({ length: n }, (_, i) => Math.round((a + ((b - a) * i) / (n - 1)) / step) * step);
}

/**
 * `budget` members, deterministic: start times spread over the window, severities over their
 * range, targets in turn; sorted mildest first (then earliest), duplicates dropped.
 */
export function membersOf(family: FaultFamily, budget: number): FamilyMember[] {
  const out: FamilyMember[] = [];
  if ('crash' in family) {
    const targets = Array.isArray(family.crash) ? family.crash : [family.crash];
    const [from, to] = family.between;
    const [short, long] = family.down;
    // About as many distinct start times as down times, within the budget.
    const downs = spread(short, long, Math.max(1, Math.min(3, Math.floor(budget / 3))));
    const per = Math.max(1, Math.ceil(budget / (downs.length * targets.length)));
    const starts = spread(from, to, per);
    for (const down of downs) for (const at of starts) for (const crash of targets) out.push({ fault: { crash, at, 'restart-after': down }, severity: down });
  } else {
    const [least, most] = family.loss;
    const losses = [...new Set(spread(least * 1e4, most * 1e4, Math.max(1, Math.min(3, Math.floor(budget / 3))), 1))].map((x) => x / 1e4);
    const per = Math.max(1, Math.ceil(budget / losses.length));
    const starts = spread(family.between[0], family.between[1], per);
    for (const loss of losses) {
      for (const from of starts) {
        out.push({ fault: { link: family.link, loss, duplicate: 0, reorder: 0, 'reorder-delay': 50, delay: 1, jitter: 0, from, to: from + family.for }, severity: loss * 1e6 });
      }
    }
  }
  const seen = new Set<string>();
  return out
    .filter((m) => {
      const k = JSON.stringify(m.fault);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.severity - b.severity || startOf(a.fault) - startOf(b.fault))
    .slice(0, budget);
}

function startOf(f: FaultSpec): number {
  return 'at' in f ? f.at : 'from' in f ? (f.from ?? 0) : 0;
}

/** A member as the learner reads it and as `faults:` writes it: `crash: logstash, at: 23s, restart-after: 5s`. */
export function faultEntry(f: FaultSpec): Record<string, unknown> {
  if ('crash' in f) return { crash: f.crash, at: formatDuration(f.at), ...(f['restart-after'] !== undefined ? { 'restart-after': formatDuration(f['restart-after']) } : {}) };
  if ('link' in f) return { link: f.link, loss: f.loss, from: formatDuration(f.from), ...(f.to !== undefined ? { to: formatDuration(f.to) } : {}) };
  return { partition: f.partition, from: formatDuration(f.from), ...(f.to !== undefined ? { to: formatDuration(f.to) } : {}) };
}

/** One line: `crash logstash at 23s, back after 5s`. */
export function describeFault(f: FaultSpec): string {
  const e = faultEntry(f);
  return Object.entries(e)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`)
    .join(', ');
}

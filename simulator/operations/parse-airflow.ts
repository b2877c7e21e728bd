/**
 * `airflow backfill create …` in a runbook, read as Airflow 3's CLI reads it (`cli/cli_config.py`, the
 * `backfill create` command; docs cli-and-env-variables-ref.rst and core-concepts/backfill.rst):
 *
 *   --dag-id <id>                       required: the DAG to backfill
 *   --from-date <date>, --to-date <date> required: earliest and latest logical date (both included)
 *   --reprocess-behavior none|failed|completed   what to do with a date that already has a run (default none)
 *   --max-active-runs <n>               how many of the backfill's runs may run at once (positive; default 10)
 *   --run-backwards                     newest logical date first
 *   --dry-run                           print the dates it would run, create nothing
 *   --run-on-latest-version             accepted (the simulated DAG has one version)
 *   --dag-run-conf <json>               refused: not simulated (the simulated job reads no conf)
 *
 * The parser is argparse's: a long option may be shortened to any unambiguous prefix (`allow_abbrev`),
 * `--flag=value` works, and errors use argparse's words. Airflow 3 removed `airflow dags backfill`
 * (Airflow 2's form): it is refused with the command that replaced it.
 */
import { EPOCH_MS } from '../workload/clock.js';
import { closest } from '../spec/suggest.js';
import type { ReprocessBehavior } from '../orchestrator/scheduler.js';

export interface Where {
  column: number;
  endColumn: number;
}

export interface AirflowBackfillOp {
  kind: 'airflow-backfill';
  dagId: string;
  dagIdAt: Where;
  fromMs: number;
  toMs: number;
  datesAt: Where;
  reprocess: ReprocessBehavior;
  maxActiveRuns: number;
  runBackwards: boolean;
  dryRun: boolean;
}

type Problem = { ok: false; problem: Where & { message: string; hint?: string } };
type At = (word: string) => Where;

/** The options of `airflow backfill create` and whether each takes a value. */
export const BACKFILL_CREATE_FLAGS: Readonly<Record<string, boolean>> = {
  '--dag-id': true,
  '--from-date': true,
  '--to-date': true,
  '--dag-run-conf': true,
  '--run-backwards': false,
  '--max-active-runs': true,
  '--reprocess-behavior': true,
  '--run-on-latest-version': false,
  '--dry-run': false,
  '--help': false,
  '-h': false,
};

export const USAGE = 'airflow backfill create --dag-id <id> --from-date <date> --to-date <date> [--reprocess-behavior none|failed|completed] [--max-active-runs N] [--run-backwards] [--dry-run]';

const REPROCESS: readonly ReprocessBehavior[] = ['none', 'completed', 'failed'];

/**
 * Airflow's `parsedate` (pendulum's ISO 8601 parser): `2026-01-01`, `2026-01-01T00:01`, `2026-01-01 00:01:30`,
 * with an optional `Z` or `+00:00`; no zone means UTC (Airflow's default timezone). Virtual ms, or null.
 */
export function parseAirflowDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let offsetMs = 0;
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMs = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
  }
  return utc - offsetMs - EPOCH_MS;
}

/** `airflow <words…>` in a runbook. */
export function parseAirflow(args: readonly string[], at: At, toolAt: Where): { ok: true; op: AirflowBackfillOp } | Problem {
  const problem = (where: Where, message: string, hint?: string): Problem => ({ ok: false, problem: { ...where, message, ...(hint ? { hint } : {}) } });
  const [group, verb, ...rest] = args;
  if (group === undefined) return problem(toolAt, 'airflow: error: the following arguments are required: GROUP_OR_COMMAND', `usage: ${USAGE}`);
  const groupAt = at(group);
  if (group === 'dags' && verb === 'backfill') {
    const verbAt = at(verb);
    return problem({ column: groupAt.column, endColumn: verbAt.endColumn }, "Airflow 3 removed `airflow dags backfill`: argument DAGS_COMMAND: invalid choice: 'backfill'", `write it as ${USAGE}`);
  }
  if (group !== 'backfill') {
    const guess = closest(group, ['backfill']);
    return problem(groupAt, `a runbook runs airflow backfill create; airflow ${group} is not an operation it runs`, guess ? `did you mean backfill? ${USAGE}` : 'the other airflow commands only read: run them in the terminal');
  }
  if (verb !== 'create') {
    return problem(verb === undefined ? groupAt : at(verb), verb === undefined ? 'airflow backfill: error: the following arguments are required: COMMAND' : `argument COMMAND: invalid choice: '${verb}' (choose from 'create')`, `usage: ${USAGE}`);
  }
  const values = new Map<string, { value: string; where: Where }>();
  const flags = new Set<string>();
  const names = Object.keys(BACKFILL_CREATE_FLAGS);
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const where = at(word);
    if (!word.startsWith('-')) return problem(where, `airflow backfill create: error: unrecognized arguments: ${word}`, `usage: ${USAGE}`);
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const typed = eq > 0 ? word.slice(0, eq) : word;
    // argparse's allow_abbrev: an unambiguous prefix of a long option is that option.
    const matches = typed in BACKFILL_CREATE_FLAGS ? [typed] : typed.startsWith('--') ? names.filter((n) => n.startsWith(typed)) : [];
    if (matches.length > 1) return problem(where, `airflow backfill create: error: ambiguous option: ${typed} could match ${matches.join(', ')}`);
    const name = matches[0];
    if (name === undefined) {
      const guess = closest(typed, names.filter((n) => n.startsWith('--')));
      return problem(where, `airflow backfill create: error: unrecognized arguments: ${typed}`, guess ? `did you mean ${guess}?` : `usage: ${USAGE}`);
    }
    if (name === '--help' || name === '-h') return problem(where, 'airflow backfill create --help prints the usage; a runbook runs a backfill', `usage: ${USAGE}`);
    if (!BACKFILL_CREATE_FLAGS[name]) {
      flags.add(name);
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) return problem(where, `airflow backfill create: error: argument ${name}: expected one argument`);
    values.set(name, { value, where: eq > 0 ? where : at(value) });
  }
  const missing = ['--dag-id', '--from-date', '--to-date'].filter((n) => !values.has(n));
  if (missing.length > 0) return problem(toolAt, `airflow backfill create: error: the following arguments are required: ${missing.join(', ')}`, `usage: ${USAGE}`);
  const conf = values.get('--dag-run-conf');
  if (conf) return problem(conf.where, '--dag-run-conf is valid but not simulated: the simulated job reads no run conf', 'leave it out');
  const dates: number[] = [];
  for (const name of ['--from-date', '--to-date']) {
    const v = values.get(name)!;
    const ms = parseAirflowDate(v.value);
    if (ms === null) return problem(v.where, `airflow backfill create: error: argument ${name}: invalid parsedate value: '${v.value}'`, 'an ISO 8601 date: 2026-01-01 or 2026-01-01T00:01:00');
    dates.push(ms);
  }
  const reprocessValue = values.get('--reprocess-behavior');
  if (reprocessValue && !(REPROCESS as readonly string[]).includes(reprocessValue.value)) {
    return problem(reprocessValue.where, `airflow backfill create: error: argument --reprocess-behavior: invalid choice: '${reprocessValue.value}' (choose from ${REPROCESS.map((r) => `'${r}'`).join(', ')})`);
  }
  const max = values.get('--max-active-runs');
  if (max && !/^[1-9]\d*$/.test(max.value)) return problem(max.where, `airflow backfill create: error: argument --max-active-runs: invalid positive int value: '${max.value}'`);
  const from = values.get('--from-date')!.where;
  const to = values.get('--to-date')!.where;
  return {
    ok: true,
    op: {
      kind: 'airflow-backfill',
      dagId: values.get('--dag-id')!.value,
      dagIdAt: values.get('--dag-id')!.where,
      fromMs: dates[0]!,
      toMs: dates[1]!,
      datesAt: { column: Math.min(from.column, to.column), endColumn: Math.max(from.endColumn, to.endColumn) },
      reprocess: (reprocessValue?.value as ReprocessBehavior | undefined) ?? 'none',
      // The Backfill model's default (`max_active_runs` column default 10).
      maxActiveRuns: max ? Number(max.value) : 10,
      runBackwards: flags.has('--run-backwards'),
      dryRun: flags.has('--dry-run'),
    },
  };
}

/**
 * `airflow backfill create` in a runbook: Airflow 3's flags (cli_config.py `backfill create`: --dag-id,
 * --from-date, --to-date required; --reprocess-behavior none|completed|failed; --max-active-runs positive;
 * --run-backwards; --dry-run) read as argparse reads them, and the refusals at their file:line:col.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseOperation } from '../../../simulator/operations/parse.js';
import { parseAirflowDate } from '../../../simulator/operations/parse-airflow.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../../simulator/config/workspace/compile.js';
import { formatIssue } from '../../../simulator/spec/issues.js';
import { simCatalogue, terminalCatalogue } from '../../../simulator/i18n/messages/index.js';
import { airflow } from '../../../simulator/shell/commands/airflow.js';
import type { RunHandle } from '../../../simulator/run/run.js';

const STARTER = join(import.meta.dirname, '../../../lessons/05-batch-in-production/exercises/backfill-completed-counts-twice/starter');
const LINE = 'airflow backfill create --dag-id batch_view --from-date 2026-01-01 --to-date 2026-01-01T00:03:00';

function problem(line: string): string {
  const p = parseOperation(line);
  if (p.ok) throw new Error('parsed');
  return `${p.problem.column}-${p.problem.endColumn}: ${p.problem.message}${p.problem.hint ? ` (${p.problem.hint})` : ''}`;
}

function issues(text: string) {
  const files = readWorkspaceFolder(STARTER);
  files.set('ops/runbook.sh', text);
  const out = compileWorkspace(files);
  return out.ok ? [] : out.errors;
}

const withRunbook = (text: string): string[] => issues(text).map(formatIssue);

describe('parsing airflow backfill create', () => {
  it('reads every flag; defaults as the Backfill model: reprocess none, max_active_runs 10', () => {
    const p = parseOperation(LINE);
    expect(p.ok && p.op).toMatchObject({ kind: 'airflow-backfill', dagId: 'batch_view', fromMs: 0, toMs: 180_000, reprocess: 'none', maxActiveRuns: 10, runBackwards: false, dryRun: false });
    const all = parseOperation(`${LINE} --reprocess-behavior=failed --max-active-runs 2 --run-backwards --dry-run --run-on-latest-version`);
    expect(all.ok && all.op).toMatchObject({ reprocess: 'failed', maxActiveRuns: 2, runBackwards: true, dryRun: true });
  });

  it('accepts an unambiguous prefix of a long option (argparse allow_abbrev) and refuses an ambiguous one', () => {
    const p = parseOperation(`${LINE} --reprocess completed`);
    expect(p.ok && p.op).toMatchObject({ reprocess: 'completed' });
    expect(problem(`${LINE} --r`)).toMatch(/ambiguous option: --r could match --run-backwards, --reprocess-behavior, --run-on-latest-version/);
  });

  it('reads dates as Airflow does (ISO 8601, UTC unless a zone is given)', () => {
    expect(parseAirflowDate('2026-01-01')).toBe(0);
    expect(parseAirflowDate('2026-01-01T00:01')).toBe(60_000);
    expect(parseAirflowDate('2026-01-01 00:01:30')).toBe(90_000);
    expect(parseAirflowDate('2026-01-01T09:00:00+09:00')).toBe(0);
    expect(parseAirflowDate('2026-02-30')).toBeNull();
    expect(parseAirflowDate('yesterday')).toBeNull();
  });

  it('refuses Airflow 2\'s airflow dags backfill, naming the Airflow 3 command', () => {
    expect(problem('airflow dags backfill -s 2026-01-01 -e 2026-01-02 batch_view')).toBe(
      "9-22: Airflow 3 removed `airflow dags backfill`: argument DAGS_COMMAND: invalid choice: 'backfill' (write it as airflow backfill create --dag-id <id> --from-date <date> --to-date <date> [--reprocess-behavior none|failed|completed] [--max-active-runs N] [--run-backwards] [--dry-run])",
    );
  });

  it('refuses an unknown flag at its column, with the flag it resembles', () => {
    expect(problem(`${LINE} --reprocess-behaviour completed`)).toBe(`${LINE.length + 2}-${LINE.length + 23}: airflow backfill create: error: unrecognized arguments: --reprocess-behaviour (did you mean --reprocess-behavior?)`);
    expect(problem(`${LINE} --start-date 2026-01-01`)).toMatch(/unrecognized arguments: --start-date/);
  });

  it('refuses what argparse refuses: missing required flags, a bad choice, a bad date, a non-positive max-active-runs', () => {
    expect(problem('airflow backfill create --dag-id batch_view')).toMatch(/^1-8: airflow backfill create: error: the following arguments are required: --from-date, --to-date/);
    expect(problem(`${LINE} --reprocess-behavior all`)).toBe(`${LINE.length + 23}-${LINE.length + 26}: airflow backfill create: error: argument --reprocess-behavior: invalid choice: 'all' (choose from 'none', 'completed', 'failed')`);
    expect(problem('airflow backfill create --dag-id d --from-date 01/01/2026 --to-date 2026-01-02')).toMatch(/argument --from-date: invalid parsedate value: '01\/01\/2026'/);
    expect(problem(`${LINE} --max-active-runs 0`)).toMatch(/argument --max-active-runs: invalid positive int value: '0'/);
    expect(problem('airflow backfill list')).toMatch(/invalid choice: 'list' \(choose from 'create'\)/);
    expect(problem(`${LINE} --dag-run-conf {}`)).toMatch(/--dag-run-conf is valid but not simulated/);
  });
});

describe('airflow backfill create in a workspace runbook', () => {
  it('the exercise starter compiles its backfill to an operation at 270 s', () => {
    const out = compileWorkspace(readWorkspaceFolder(STARTER));
    expect(out.ok && out.spec.operations).toEqual([{ at: 270_000, run: 'airflow backfill create --dag-id batch_view    --from-date 2026-01-01T00:00:00 --to-date 2026-01-01T00:03:00    --reprocess-behavior completed' }]);
  });

  it('a DAG id no DAG file defines is refused at its column, with the one it resembles', () => {
    expect(withRunbook(`${LINE.replace('batch_view', 'batch_veiw')}   # at 270s\n`)).toEqual(['ops/runbook.sh:1:34: Could not find Dag batch_veiw (did you mean batch_view?)']);
    expect(withRunbook(`${LINE.replace('batch_view', 'orders')}   # at 270s\n`)).toEqual(['ops/runbook.sh:1:34: Could not find Dag orders (no DAG file defines it; the DAGs: batch_view)']);
  });

  it('a range that ends before it starts, or lies after the command\'s time, is refused on the dates', () => {
    expect(withRunbook('airflow backfill create --dag-id batch_view --from-date 2026-01-01T00:03 --to-date 2026-01-01   # at 270s\n')).toEqual([
      'ops/runbook.sh:1:57: from_date (2026-01-01T00:03:00+00:00) must not be after to_date (2026-01-01T00:00:00+00:00). (swap --from-date and --to-date)',
    ]);
    expect(withRunbook('airflow backfill create --dag-id batch_view --from-date 2026-01-01T00:05 --to-date 2026-01-01T00:06   # at 270s\n')).toEqual([
      'ops/runbook.sh:1:57: Backfill cannot be executed for future dates. (the command runs at 2026-01-01T00:04:30+00:00: back-fill dates before it)',
    ]);
  });

  it('the old form and an unknown tool word are located errors too', () => {
    expect(withRunbook('airflow dags backfill batch_view   # at 270s\n')[0]).toMatch(/^ops\/runbook.sh:1:9: Airflow 3 removed `airflow dags backfill`/);
    expect(withRunbook('airflwo backfill create   # at 270s\n')[0]).toBe('ops/runbook.sh:1:1: airflwo: command not found in the runbook (did you mean airflow?)');
  });

  it('every message and hint above has a Korean template', () => {
    const messages = [
      ...['airflow dags backfill x', `${LINE} --reprocess-behaviour x`, `${LINE} --r`, 'airflow backfill create --dag-id d', `${LINE} --reprocess-behavior all`, 'airflow backfill create --dag-id d --from-date x --to-date y', `${LINE} --max-active-runs 0`, 'airflow backfill list', 'airflow backfill', 'airflow', 'airflow tasks list', `${LINE} --dag-run-conf {}`, `${LINE} --help`, `${LINE} --dag-id`, `${LINE} stray`].flatMap((l) => {
        const p = parseOperation(l);
        return p.ok ? [] : [p.problem.message, ...(p.problem.hint ? [p.problem.hint] : [])];
      }),
      ...[
        `${LINE.replace('batch_view', 'batch_veiw')}   # at 270s\n`,
        `${LINE.replace('batch_view', 'orders')}   # at 270s\n`,
        'airflow backfill create --dag-id batch_view --from-date 2026-01-01T00:03 --to-date 2026-01-01   # at 270s\n',
        'airflow backfill create --dag-id batch_view --from-date 2026-01-01T00:05 --to-date 2026-01-01T00:06   # at 270s\n',
      ].flatMap((t) => issues(t).flatMap((i) => [i.message, ...(i.hint ? [i.hint] : [])])),
    ];
    expect(messages.length).toBeGreaterThan(15);
    expect(messages.flatMap((m) => simCatalogue.untranslated(m))).toEqual([]);
  });
});

describe('airflow backfill in the terminal', () => {
  it('points to the runbook: the terminal reads a finished run and cannot backfill it', () => {
    const handle = { spec: { nodes: {} }, result: { state: {} } } as unknown as RunHandle;
    for (const line of [['backfill', 'create', '--dag-id', 'batch_view'], ['dags', 'backfill', 'batch_view']]) {
      const out = airflow.run(line, { handle } as never);
      expect(out).toMatchObject({ status: 2 });
      expect(JSON.stringify(out)).toContain('write it in a runbook (<host>/runbook.sh)');
    }
    expect(terminalCatalogue.untranslated('airflow backfill create changes the run: write it in a runbook (<host>/runbook.sh) ending in `# at <time>`, then run again')).toEqual([]);
  });
});

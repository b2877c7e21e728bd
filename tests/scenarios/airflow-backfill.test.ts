/**
 * `airflow backfill create` in a runbook, run by the batch layer's scheduler, as Airflow 3 does it
 * (docs core-concepts/backfill.rst, "Control over data reprocessing", "Concurrency control", "Run ordering",
 * "Dry run"; `models/backfill.py`: `_get_info_list`, `_get_dag_run_no_create_reason`, `_handle_clear_run`;
 * `cli/cli_config.py` for the flags). Files: lessons/05-batch-in-production/exercises/backfill-completed-counts-twice.
 *
 * World: 20 requests/s for 240 s (4,800 lines) into `raw/dt=2026-01-01/minute=HHmm/`, Logstash uploading a part
 * every 6 s (plus its 15 s timer). DAG `batch_view`: `schedule=timedelta(minutes=1)`, `catchup=False`; a run is
 * created when its minute ends [AF1][AF2], so each scheduled run lists its minute ~5 s before the last part lands
 * and reads 1,101 of its 1,200 lines. The worker is down 110–185 s: minute 00:01 ends meanwhile and, with
 * catchup=False, is never created; at 185 s only minute 00:02 is. At 270 s the runbook backfills 00:00–00:03.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFolder } from '../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';
import { gridsInState } from '../../simulator/orchestrator/grid.js';
import { simCatalogue } from '../../simulator/i18n/messages/index.js';

const EXERCISE = join(import.meta.dirname, '../../lessons/05-batch-in-production/exercises/backfill-completed-counts-twice');
const RUNBOOK = 'ops/runbook.sh';
const BACKFILL = 'airflow backfill create --dag-id batch_view --from-date 2026-01-01T00:00:00 --to-date 2026-01-01T00:03:00';

function run(edit: (files: Map<string, string>) => void = () => {}, trace?: number[]): RunHandle {
  const files = readWorkspaceFolder(join(EXERCISE, 'starter'));
  edit(files);
  const compiled = compileWorkspace(files);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return runSync(compiled.spec, { seed: 61, ...(trace ? { trace } : {}) });
}

const runbook = (flags: string) => (f: Map<string, string>) => f.set(RUNBOOK, `${BACKFILL} ${flags}   # at 270s\n`);
const overwrite = (f: Map<string, string>) => f.set('batch/jobs/batch_view.sql', f.get('batch/jobs/batch_view.sql')!.replace('INSERT INTO batch_view', 'INSERT OVERWRITE TABLE batch_view'));
const answer = (h: RunHandle) => h.result.architectures!['lambda']!.outputs['answer']!;
const grid = (h: RunHandle) => gridsInState(h.spec.nodes, h.result.state)[0]!.runs.map((r) => `${r.runId} ${r.runType} ${r.state} try ${r.cells[0]!.tryNumber}`);
const operator = (h: RunHandle) => h.result.log.filter((l) => l.source === 'operator').map((l) => l.text);
/** What the backfill printed has Korean templates (the command line itself stays as typed). */
const untranslated = (h: RunHandle) => operator(h).filter((t) => !t.startsWith('$ ')).flatMap((t) => simCatalogue.untranslated(t));

describe('backfill --reprocess-behavior completed over minutes already written (the starter)', () => {
  it('creates backfill__ for the minute nobody ran, clears the three that succeeded (same run id, try 2); INSERT INTO counts 3,303 lines twice', () => {
    const h = run();
    expect(grid(h)).toEqual([
      'scheduled__2026-01-01T00:00:00+00:00 backfill success try 2',
      'backfill__2026-01-01T00:01:00+00:00 backfill success try 1',
      'scheduled__2026-01-01T00:02:00+00:00 backfill success try 2',
      'scheduled__2026-01-01T00:03:00+00:00 backfill success try 2',
      'scheduled__2026-01-01T00:04:00+00:00 scheduled success try 1',
    ]);
    expect(operator(h).slice(1)).toEqual([
      'Created backfill 1 of Dag batch_view: 4 logical dates, reprocess completed, max_active_runs 10',
      'cleared run scheduled__2026-01-01T00:00:00+00:00 for logical date 2026-01-01T00:00:00+00:00: queued again as a backfill run',
      'created run backfill__2026-01-01T00:01:00+00:00 for logical date 2026-01-01T00:01:00+00:00',
      'cleared run scheduled__2026-01-01T00:02:00+00:00 for logical date 2026-01-01T00:02:00+00:00: queued again as a backfill run',
      'cleared run scheduled__2026-01-01T00:03:00+00:00 for logical date 2026-01-01T00:03:00+00:00: queued again as a backfill run',
    ]);
    // 3 × 1,101 lines the scheduled runs had counted are appended again; 3 × 99 late lines and minute 00:01's 1,200 once.
    expect(answer(h)).toMatchObject({ generated: 4800, duplicated: 3303, exactlyOnce: 1497, inFlight: 0 });
    expect(untranslated(h)).toEqual([]);
  });

  it('the ledger blames the copy on the cleared run\'s second try', () => {
    const h = run(undefined, [0]);
    expect(h.sim.ledger.traceOf(0).map((s) => s.what)).toContain('copy: scheduled__2026-01-01T00:00:00+00:00 try 2 appended partition minute=0000 again (INSERT INTO): counted once more');
  });

  it('INSERT OVERWRITE … PARTITION (dynamic overwrite): the same backfill replaces each minute; every line once (the solution)', () => {
    expect(answer(run(overwrite))).toMatchObject({ generated: 4800, exactlyOnce: 4800, duplicated: 0, inFlight: 0 });
  });
});

describe('the other reprocess behaviours and flags', () => {
  it('failed (and none): only the missing minute is created; the three successful runs keep their late-data gaps (3 × 99 + 101 lines short)', () => {
    for (const behavior of ['failed', 'none']) {
      const h = run(runbook(`--reprocess-behavior ${behavior}`));
      expect(grid(h).slice(0, 4)).toEqual([
        'scheduled__2026-01-01T00:00:00+00:00 scheduled success try 1',
        'backfill__2026-01-01T00:01:00+00:00 backfill success try 1',
        'scheduled__2026-01-01T00:02:00+00:00 scheduled success try 1',
        'scheduled__2026-01-01T00:03:00+00:00 scheduled success try 1',
      ]);
      expect(operator(h).filter((t) => t.startsWith('skipped'))).toHaveLength(3);
      expect(answer(h)).toMatchObject({ generated: 4800, exactlyOnce: 4402, duplicated: 0, inFlight: 398 });
      expect(untranslated(h)).toEqual([]);
    }
  });

  it('--dry-run prints the dates it would run (only 00:01 with the default none) and creates nothing', () => {
    const h = run(runbook('--dry-run'));
    expect(operator(h).slice(1)).toEqual(['Performing dry run of backfill: 1 runs to be attempted, nothing created', 'dry run: would run logical date 2026-01-01T00:01:00+00:00']);
    expect(grid(h).some((r) => r.startsWith('backfill__'))).toBe(false);
    expect(untranslated(h)).toEqual([]);
  });

  it('--max-active-runs 1 --run-backwards: one run at a time, newest logical date first', () => {
    const h = run((f) => {
      runbook('--reprocess-behavior completed --max-active-runs 1 --run-backwards')(f);
      overwrite(f);
    });
    const runs = gridsInState(h.spec.nodes, h.result.state)[0]!.runs.filter((r) => r.runType === 'backfill');
    // Each run's last try ends 600 ms (1,200 lines at 2,000/s) after the one before: 00:03 first.
    const ends = runs.map((r) => [r.logicalDate.slice(11, 16), r.cells[0]!.endMs! - 270_000] as const).sort((a, b) => a[1] - b[1]);
    expect(ends).toEqual([['00:03', 600], ['00:02', 1200], ['00:01', 1800], ['00:00', 2400]]);
    expect(answer(h)).toMatchObject({ exactlyOnce: 4800, duplicated: 0 });
  });

  it('a second backfill of the same DAG while the first still runs is refused, as Airflow refuses it', () => {
    const h = run((f) => f.set(RUNBOOK, `${BACKFILL} --reprocess-behavior completed --max-active-runs 1   # at 270s\n${BACKFILL} --reprocess-behavior completed   # at 270s\n`));
    expect(operator(h)).toContain('Another backfill is running for Dag batch_view. There can be only one running backfill per Dag.');
    expect(untranslated(h)).toEqual([]);
  });
});

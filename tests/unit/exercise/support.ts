/** Hand-made RunResults and fixture loading for the exercise tests (no simulator run needed). */
import type { OutputLedger, RunResult, ArchitectureSeries } from '../../../simulator/run/result.js';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { groupExerciseFiles } from '../../../simulator/exercise/bundle.js';
import { loadExercise, type LoadOutcome } from '../../../simulator/exercise/load.js';

export function ledger(partial: Partial<OutputLedger> = {}): OutputLedger {
  return { generated: 1000, exactlyOnce: 1000, duplicated: 0, extraCopies: 0, lost: 0, filtered: 0, late: 0, inFlight: 0, reordered: 0, lostAt: {}, duplicatedAt: {}, ...partial } as OutputLedger;
}

export function architecture(summary: Partial<ArchitectureSeries['summary']> = {}): ArchitectureSeries {
  return {
    answer: [], truth: [], error: [], freshness: [], cost: [], storage: [],
    summary: {
      error: { max: 0, final: 0, mean: 0 },
      freshness: { p50: 1000, p95: 2000, max: 3000 },
      cost: { processed: 100, reprocessed: 0 },
      storage: { max: 10 },
      ...summary,
    },
    outputs: {},
  };
}

export function fakeResult(partial: Partial<RunResult> = {}): RunResult {
  return { seed: 1, simulatedMs: 10_000, events: 100, ended: 'drained', warnings: [], outputs: { es: ledger() }, log: [], samples: [], state: {}, traces: {}, ...partial };
}

export const FIXTURES = 'tests/fixtures/exercises';

/** Loads the one exercise of fixture case `name` (tests/fixtures/exercises/<name>/exercises/<slug>/…). */
export function loadFixture(name: string): LoadOutcome {
  const files = readTree(process.cwd(), `${FIXTURES}/${name}`);
  const [slug, bundle] = [...groupExerciseFiles(files)][0]!;
  return loadExercise(slug, bundle.lessonDir, bundle.files);
}

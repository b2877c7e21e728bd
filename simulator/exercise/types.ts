/**
 * The exercise as the site, the worker and `npm run lessons:check` see it (DESIGN §5).
 * Plain data only: an Exercise survives structured cloning, so the page can hand it to the worker.
 */
import type { CheckExpr } from './check-ast.js';
import type { Grading } from './grading.js';
import type { Prediction } from './predict.js';

/** Paths relative to the exercise folder (`exercise.yaml`, `starter/pipeline.yaml`, …) → text. */
export type ExerciseFiles = Record<string, string>;

/** The file every exercise of the old form runs: its pipeline spec (the internal spec, DESIGN §3). */
export const PIPELINE_FILE = 'pipeline.yaml';

/**
 * The file that makes an exercise a workspace of real files (AUTHORING.md, "Workspace exercises"):
 * `starter/world.yaml` beside `web1/filebeat.yml`, `logstash/pipeline/main.conf`, …
 */
export const WORLD_FILE = 'world.yaml';

/** Where something is written, for authoring errors. */
export interface SourceAt {
  file: string;
  line: number;
  column: number;
}

/** One declarative check over the RunResult, parsed and ready to evaluate. */
export interface CheckSpec {
  /** The assertion as the author wrote it, e.g. `outputs.es.lost == 0`. */
  source: string;
  /** What the learner sees as the check's title (the author's `name`, else the assertion). */
  name: string;
  /** Why this matters / what to look at when it fails, written for the learner. */
  explain?: string;
  /** A nudge shown when the check fails. */
  hint?: string;
  /** Expected to pass on the starter too (a guard against breaking something else); lessons:check then does not ask it to fail somewhere. */
  guard?: boolean;
  expr: CheckExpr;
  /** Position of the assertion's first character in exercise.yaml (the column of character 0 of `source`). */
  at: SourceAt;
  /** Whether `source` appears verbatim from `at.column` on (plain or quoted scalar), so offsets into it are exact. */
  exactColumns: boolean;
}

/**
 * An incident exercise (issue #30): the learner gets a symptom, not a goal, investigates with the
 * metrics, the terminal and the logs while the ledger stays closed, and names a cause; the ledger
 * then opens and the checks grade the fix.
 */
export interface Incident {
  /** What the on-call engineer sees first: an alert, a dashboard, a complaint (Markdown). */
  symptom: string;
  /** The alert rule that pages (metrics/alerts.ts form); drawn in the metrics panel; `alerts.*` check paths read it. */
  alert?: string;
  /** The question the learner answers, e.g. "What made the lag grow?". */
  question: string;
  causes: IncidentCause[];
  /** Where `incident:` and its `alert:` are written in exercise.yaml (for lessons:check). */
  at: SourceAt;
  alertAt?: SourceAt;
}

export interface IncidentCause {
  text: string;
  /** Shown once the learner has answered: why this is, or is not, the cause. */
  why: string;
  correct: boolean;
  /** A check that holds on the starter's run when this is the cause and fails when it is not (lessons:check proves it). */
  evidence?: Pick<CheckSpec, 'source' | 'name' | 'expr' | 'at' | 'exactColumns'>;
}

export interface Exercise {
  slug: string;
  /** The lesson folder, e.g. `03-delivery-guarantees`. */
  lesson: string;
  /** The exercise folder relative to the repository root (`lessons/03-…/exercises/<slug>`), for messages. */
  dir: string;
  title: string;
  /** The goal in words, for the learner. */
  goal: string;
  /** Seed of every run of this exercise (overrides the pipeline's own `seed:`). */
  seed: number;
  /**
   * A workspace of real files (starter/world.yaml exists): the files compile into the spec
   * (simulator/config/workspace). Otherwise the old form: starter/pipeline.yaml is the spec.
   */
  workspace?: boolean;
  /** Paths the learner may edit, e.g. `pipeline.yaml`, or `web1/filebeat.yml` in a workspace. */
  editable: string[];
  /** File names shown to the learner but not editable. */
  readonly: string[];
  /** File name → text of the starter files (what the learner starts from). */
  starter: Record<string, string>;
  /** File name → text of the reference answer (read-only files fall back to the starter's). */
  solution: Record<string, string>;
  checks: CheckSpec[];
  /** Graded hints, gentlest first. */
  hints: string[];
  /**
   * JSON Pointers of settings the learner may not change (runs that do are refused): into pipeline.yaml,
   * or in a workspace into the spec its files compile to (`/nodes/logstash/pipeline.workers`).
   */
  locked?: string[];
  /** When true the learner's `faults:` are replaced by the starter's before running. */
  faultsLocked: boolean;
  /** When true the run is shown as a Lambda vs Kappa comparison. */
  compare?: boolean;
  /** An incident exercise: symptom first, diagnosis before the ledger opens. */
  incident?: Incident;
  /** Questions the learner may answer before the first run (issue 29). */
  predictions?: Prediction[];
  /** The seeds and fault family every check must hold on (issue 29); 5 seeds by default. */
  grading: Grading;
}

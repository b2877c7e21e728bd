/**
 * The typed interface between the page and the simulator worker (STYLE §6).
 *
 * Everything that crosses is plain data (structured clone). The worker keeps the live run
 * handle and answers questions about it (trace, ledger, terminal) so the page never holds
 * the whole simulation state. The page imports only types from here.
 */
import type { RunResult, CheckResult } from '../simulator/run/result.js';
import type { RunProgress } from '../simulator/run/run.js';
import type { SpecIssue } from '../simulator/spec/issues.js';
import type { Exercise, ExerciseFiles } from '../simulator/exercise/types.js';
import type { LockedPlace } from '../simulator/exercise/locks.js';
import type { ConfigSchema, DocLang } from '../simulator/exercise/config-schemas.js';
import type { ShellOutput, RecordStory, LedgerEntry, LedgerKind } from '../simulator/shell/index.js';
import type { DiagramModel } from '../simulator/diagram/model.js';
import type { DagGrid } from '../simulator/orchestrator/grid.js';

export type { ConfigSchema, RunProgress, RunResult, CheckResult, SpecIssue, Exercise, ExerciseFiles, ShellOutput, RecordStory, LedgerEntry, LedgerKind, DiagramModel, LockedPlace };

/** The result as the page gets it: without per-node state and traces, which stay in the worker. */
export type PageResult = Omit<RunResult, 'state' | 'traces'>;

export interface RunRequest {
  /** Editable file name → text (for an exercise), or `pipeline.yaml` → text for a free run. */
  files: Record<string, string>;
  /** The seed field; overrides the spec's (and the exercise's) seed. */
  seed: number;
}

export type RunReply =
  /** The spec does not parse or validate: nothing ran. */
  | { kind: 'invalid'; errors: SpecIssue[]; warnings: SpecIssue[] }
  /** Cancelled: the run was abandoned mid-way; the previous run stays the one the terminal and ledger read. */
  | { kind: 'cancelled'; wallMs: number }
  /** The run finished (ended: drained/deadline) or hit its event budget (ended: budget). */
  | { kind: 'done'; result: PageResult; checks: CheckResult[]; passed: boolean; warnings: SpecIssue[]; wallMs: number };

export interface Validation {
  errors: SpecIssue[];
  warnings: SpecIssue[];
  /** Settings the exercise locks, where they stand in the file (the editor marks them). */
  locked: LockedPlace[];
}

export type LoadReply = { ok: true; exercise: Exercise } | { ok: false; errors: SpecIssue[] };

export type TraceReply = { ok: true; story: RecordStory; text: string } | { ok: false; message: string };

export interface ShellReply extends ShellOutput {
  /** Set when the command started a run the page should show (`sim run`). */
  ran?: RunReply;
}

export interface SimApi {
  /** Health check: the page uses it to tell a slow worker from a dead one. */
  ping(): Promise<'pong'>;
  /** The pipeline JSON Schema (from the Zod schema) for the editor's completion and hover; `lang` (the page's) picks the docs' language. */
  schema(lang?: DocLang): Promise<Record<string, unknown>>;
  /**
   * Loads an exercise from its files (exercise.yaml, starter/, solution/); checks are then evaluated here.
   * `lang` (the page's) puts the check names, explanations and hints of `exercise.<lang>.yaml` in the verdicts.
   */
  load(slug: string, lessonDir: string, files: ExerciseFiles, lang?: string): Promise<LoadReply>;
  /** JSON Schemas of the real files that have one (filebeat.yml, logstash.yml, world.yaml), for the editor, with docs in `lang`. */
  configSchemas(lang?: DocLang): Promise<ConfigSchema[]>;
  /**
   * Parses one file as the simulator would (errors and warnings with line/column + hint). In a
   * workspace, `files` are the learner's other files (path → text): problems the workspace's
   * compile finds in this file (a host nobody runs, a port nobody listens on) come too.
   */
  validate(text: string, file: string, files?: Record<string, string>): Promise<Validation>;
  /**
   * Runs the pipeline. `onProgress` is called at most every ~100 ms of wall time.
   * A new run cancels the previous one.
   */
  run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunReply>;
  /** Stops the current run (or trace replay) at the next slice boundary. */
  cancel(): Promise<void>;
  /** A record's life hop by hop in the last run (replays the run with tracing if needed). */
  trace(recordId: string, onProgress?: (p: RunProgress) => void): Promise<TraceReply>;
  /** Records of one fate in one output of the last run. */
  ledger(output: string, kind: LedgerKind, limit: number): Promise<{ total: number; entries: LedgerEntry[] }>;
  /** One terminal line; `sim run` runs the last request again, `trace` may replay. */
  /** `request` is what `sim run` runs (the editor's files and seed); without it, the last run's again. */
  shell(line: string, onProgress?: (p: RunProgress) => void, request?: RunRequest): Promise<ShellReply>;
  /** Tab completion for a terminal line. */
  complete(line: string): Promise<{ word: string; candidates: string[] }>;
  /**
   * The diagram model (simulator/diagram) of the pipeline these editable files make (exercise) or
   * of this text (free run); with no argument, of the last run's spec. undefined when it does not parse.
   */
  diagram(files?: Record<string, string>): Promise<DiagramModel | undefined>;
  /** The DAG-run grids of the last run (simulator/orchestrator/grid.ts): empty when no DAG ran. */
  dagGrids(): Promise<DagGrid[]>;
}

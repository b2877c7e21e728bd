/**
 * The worker's state and logic, apart from the comlink wiring (so Vitest can drive it in Node):
 * the loaded exercise, the last run's handle (for trace, ledger and the terminal) and the
 * AbortController of the run in progress.
 *
 * Runs go through `run()` with `yieldToHost`, so between slices of simulated time the worker
 * returns to its event loop: a Cancel message is handled there, and progress gets posted.
 */
import { gridsInState } from '../simulator/orchestrator/grid.js';
import { runSteps, type RunHandle, type RunOptions, type RunProgress } from '../simulator/run/run.js';
import { parseSpec, pipelineJsonSchema, type PipelineSpec } from '../simulator/spec/index.js';
import { localizeExercise } from '../simulator/exercise/localize.js';
import { loadExercise, evaluateChecks, exerciseSpec, lockedFaultsWarning, lockedSettingErrors, lockedSettingPlaces, type SpecOutcome } from '../simulator/exercise/core.js';
import { compileWorkspace } from '../simulator/config/workspace/index.js';
import { validateWorkspaceFile as validateFile } from '../simulator/exercise/core.js';
import { configSchemas } from '../simulator/exercise/config-schemas.js';
import { loadFlinkSqlRuntime, needsFlinkSql } from '../simulator/config/flink/sql-runtime.js';

import type { Exercise } from '../simulator/exercise/types.js';
import { runLine, complete, recordStory, formatStory, ledgerEntries, ridOfId, type ShellSession } from '../simulator/shell/index.js';
import { diagramOf } from '../simulator/diagram/model.js';
import type { SimApi, RunRequest, RunReply, PageResult, TraceReply, ShellReply } from './api.js';

/** Records up to which a run traces everything, so `trace` answers at once without a replay. */
const TRACE_ALL_UP_TO = 5_000;
/** Least wall time between two progress reports. */
const PROGRESS_EVERY_MS = 100;

export interface SessionOptions {
  /** Returns to the host event loop (a macrotask), so messages get through between slices. */
  yieldToHost: () => Promise<void>;
  /** Wall clock for throttling progress and measuring runs (the simulator itself never reads it). */
  wallClock: () => number;
}

interface LastRun {
  spec: PipelineSpec;
  seed: number;
  handle: RunHandle;
  request: RunRequest;
}

function pageResult(handle: RunHandle): PageResult {
  const { state: _state, traces: _traces, ...rest } = handle.result;
  return rest;
}

export function createSession(options: SessionOptions): SimApi {
  let exercise: Exercise | undefined;
  let last: LastRun | undefined;
  /** The terminal's own changes on top of the last run (reset offsets, altered configs); runLine ignores it for another run. */
  let shellSession: ShellSession | undefined;
  let controller: AbortController | undefined;
  const stories = new Map<number, TraceReply>();

  function throttled(onProgress?: (p: RunProgress) => void): (p: RunProgress) => void {
    let lastAt = -Infinity;
    return (p) => {
      const now = options.wallClock();
      if (!onProgress || (now - lastAt < PROGRESS_EVERY_MS && p.fraction < 1)) return;
      lastAt = now;
      onProgress(p);
    };
  }

  /**
   * Drives the run's slices (the same generator `run()` drives), yielding to the host between
   * them. On cancel it stops at once and returns undefined: a cancelled run is abandoned, not
   * accounted — the end-of-run accounting visits every record still held, which for a long run
   * cut short (millions of lines not yet read) would keep the worker busy long after Cancel.
   */
  async function runSpec(spec: PipelineSpec, extra: Pick<RunOptions, 'seed' | 'trace'>, onProgress?: (p: RunProgress) => void): Promise<RunHandle | undefined> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const steps = runSteps(spec, { ...extra, onProgress: throttled(onProgress) });
    try {
      for (;;) {
        if (mine.signal.aborted) {
          steps.return(undefined as never);
          return undefined;
        }
        const step = steps.next();
        if (step.done) return step.value;
        await options.yieldToHost();
      }
    } finally {
      if (controller === mine) controller = undefined;
    }
  }

  /** The spec of an exercise's files, or of a free run's: a workspace (world.yaml + real files) or pipeline.yaml. */
  function specOf(files: Record<string, string>): SpecOutcome {
    if (exercise) return exerciseSpec(exercise, files);
    if (files['world.yaml'] !== undefined) return compileWorkspace(new Map(Object.entries(files)));
    const parsed = parseSpec(files['pipeline.yaml'] ?? '', 'pipeline.yaml');
    return parsed.ok ? { ok: true, spec: parsed.spec, warnings: parsed.warnings } : { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  }

  /** Loads dt-sql-parser (its own chunk, about half the worker's code) the first time files include a job.sql. */
  async function sqlReady(files: Record<string, string> | undefined): Promise<void> {
    if (needsFlinkSql([...Object.keys(files ?? {}), ...Object.keys(exercise?.starter ?? {})])) await loadFlinkSqlRuntime();
  }

  async function doRun(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunReply> {
    await sqlReady(request.files);
    const parsed = specOf(request.files);
    const locked = exercise ? lockedFaultsWarning(exercise, request.files) : undefined;
    const warnings = locked ? [locked, ...parsed.warnings] : parsed.warnings;
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors, warnings };
    const locks = exercise ? lockedSettingErrors(exercise, request.files) : [];
    if (locks.length > 0) return { kind: 'invalid', errors: locks, warnings };
    const spec = parsed.spec;
    const total = Math.ceil((spec.duration * spec.workload.rate) / 1000);
    const started = options.wallClock();
    const handle = await runSpec(spec, { seed: request.seed, ...(total <= TRACE_ALL_UP_TO ? { trace: 'all' as const } : {}) }, onProgress);
    if (!handle) return { kind: 'cancelled', wallMs: options.wallClock() - started };
    const wallMs = options.wallClock() - started;
    handle.result.wallMs = wallMs;
    last = { spec, seed: request.seed, handle, request };
    stories.clear();
    const checks = exercise ? evaluateChecks(exercise, handle.result) : [];
    handle.result.checks = checks;
    const passed = checks.length > 0 && checks.every((c) => c.pass) && handle.result.ended !== 'budget';
    return { kind: 'done', result: pageResult(handle), checks, passed, warnings, wallMs };
  }

  async function doTrace(recordId: string, onProgress?: (p: RunProgress) => void): Promise<TraceReply> {
    if (!last) return { ok: false, message: 'no run yet' };
    const rid = ridOfId(last.handle, recordId);
    if (rid === undefined) return { ok: false, message: `no record ${recordId} in this run` };
    const cached = stories.get(rid);
    if (cached) return cached;
    let story = recordStory(last.handle, rid);
    if (!story.traced) {
      // Same spec, same seed → the same events (DESIGN §2); this time the ledger records rid's hops.
      const replay = await runSpec(last.spec, { seed: last.seed, trace: [rid] }, onProgress);
      if (!replay) return { ok: false, message: 'trace cancelled' };
      story = recordStory(replay, rid);
    }
    const reply: TraceReply = { ok: true, story, text: formatStory(story) };
    stories.set(rid, reply);
    return reply;
  }

  return {
    async ping() {
      return 'pong';
    },
    async schema(lang) {
      return pipelineJsonSchema(lang);
    },
    async load(slug, lessonDir, files, lang) {
      const loaded = loadExercise(slug, lessonDir, files);
      if (!loaded.ok) return { ok: false, errors: loaded.errors };
      exercise = lang ? localizeExercise(loaded.exercise, files, lang).exercise : loaded.exercise;
      last = undefined;
      return { ok: true, exercise };
    },
    async configSchemas(lang) {
      return configSchemas(lang);
    },
    async validate(text, file, files) {
      // A workspace file: its own checks plus what the whole workspace's compile says about it.
      await sqlReady({ ...files, [file]: text });
      if (exercise?.workspace || (!exercise && files?.['world.yaml'] !== undefined)) return validateFile(exercise, text, file, files ?? {});
      const parsed = parseSpec(text, file);
      const locked = exercise && file === 'pipeline.yaml' ? lockedFaultsWarning(exercise, { [file]: text }) : undefined;
      const warnings = locked ? [locked, ...parsed.warnings] : parsed.warnings;
      // Locked settings are marked in the editor as the learner changes them, not only at Run.
      const locks = parsed.ok && exercise && file === 'pipeline.yaml' ? lockedSettingErrors(exercise, { [file]: text }) : [];
      const lockedPlaces = exercise && file === 'pipeline.yaml' ? lockedSettingPlaces(exercise, text, file) : [];
      return parsed.ok ? { errors: locks, warnings, locked: lockedPlaces } : { errors: parsed.errors, warnings, locked: lockedPlaces };
    },
    run: doRun,
    async cancel() {
      controller?.abort();
    },
    trace: doTrace,
    async ledger(output, kind, limit) {
      if (!last || !last.handle.outputs.has(output)) return { total: 0, entries: [] };
      return ledgerEntries(last.handle, output, kind, Math.max(0, Math.min(1000, limit)));
    },
    async shell(line, onProgress, request): Promise<ShellReply> {
      const out = runLine({ handle: last?.handle, session: shellSession }, line);
      if (out.session) shellSession = out.session;
      if (out.action?.kind === 'run') {
        // The page passes the editor's files, so `sim run` works before the first press of Run.
        const what = request ?? last?.request;
        if (!what) return { text: 'sim: press Run once first, so the shell knows which files to run.', status: 1 };
        const ran = await doRun(what, onProgress);
        const summary =
          ran.kind === 'invalid' ? `invalid spec: ${ran.errors.length} error(s)` : ran.kind === 'cancelled' ? 'run cancelled' : `run ${ran.result.ended} after ${ran.result.events} events, ${ran.result.simulatedMs / 1000}s simulated`;
        return { text: `${out.text}\n${summary}`, status: ran.kind === 'done' ? 0 : 1, ran };
      }
      if (out.action?.kind === 'retrace' && last) {
        const traced = await doTrace(String(out.action.rid), onProgress);
        return traced.ok ? { text: traced.text, status: 0 } : { text: `trace: ${traced.message}`, status: 1 };
      }
      return out;
    },
    async complete(line) {
      return complete({ handle: last?.handle, session: shellSession }, line);
    },
    async diagram(files) {
      if (!files) return last ? diagramOf(last.spec) : undefined;
      await sqlReady(files);
      const parsed = specOf(files);
      return parsed.ok ? diagramOf(parsed.spec) : undefined;
    },
    async dagGrids() {
      return last ? gridsInState(last.handle.spec.nodes, last.handle.result.state) : [];
    },
  };
}

/**
 * The RunResult: a public contract (DESIGN §3). The CLI prints it with `--json`,
 * the worker hands it to the page, exercise checks read it.
 * Everything here is plain data, so it survives structured cloning and JSON.
 */
import type { WarehouseResult } from '../warehouse/result.js';
import type { AthenaResult } from '../athena/result.js';
import type { TraceStep } from '../ledger/ledger.js';
import type { MetricsSeries } from '../metrics/series.js';
import type { RunCost } from '../cost/run-cost.js';

/** One terminal output's accounting: generated = exactlyOnce + duplicated + lost + filtered + late + inFlight. */
export interface OutputLedger {
  generated: number;
  exactlyOnce: number;
  duplicated: number;
  /** Copies beyond the first, summed over duplicated records. */
  extraCopies: number;
  lost: number;
  filtered: number;
  late: number;
  /** Late records routed to a late-data side output (kept there, not dropped). */
  lateSideOutput: number;
  /** Records written to a dead letter queue (refused downstream, kept for a resend). */
  deadLettered: number;
  inFlight: number;
  /** Records that reached the output after a record of the same key generated later. */
  reordered: number;
  /** Node or link id → records lost there. */
  lostAt: Record<string, number>;
  /** Node or link id → duplicated records whose first extra copy was made there. */
  duplicatedAt: Record<string, number>;
  /** Sink state (`documents`, `versionsAbove1`, `objects`, …). */
  [stat: string]: number | Record<string, number>;
}

export interface WindowAnswer {
  key: string;
  windowStartMs: number;
  windowEndMs: number;
  truth: number;
  /** answers by output or architecture id; absent = no answer yet */
  answers: Record<string, number | null>;
}

export interface QueryResult {
  /** What is asked, in words: e.g. "count per status per 10 s window". */
  description: string;
  windows: WindowAnswer[];
  /** Per answering output: error summary over closed windows (relative error of totals and max per window). */
  error: Record<string, { max: number; mean: number; total: number }>;
}

export interface SeriesPoint {
  timeMs: number;
  value: number;
}

export interface ArchitectureSeries {
  /** answer to the query (total over all keys and windows) over time */
  answer: SeriesPoint[];
  truth: SeriesPoint[];
  /** |answer - truth| / max(1, truth) over time */
  error: SeriesPoint[] & { max?: number };
  /** ms between now and the event time of the newest record counted in the answer */
  freshness: SeriesPoint[];
  /** records processed so far (including re-processing) */
  cost: SeriesPoint[];
  /** records held in storage for this architecture */
  storage: SeriesPoint[];
  summary: {
    error: { max: number; final: number; mean: number };
    freshness: { p50: number; p95: number; max: number };
    cost: { processed: number; reprocessed: number };
    storage: { max: number };
  };
  outputs: Record<string, OutputLedger>;
}

export interface CheckResult {
  name: string;
  pass: boolean;
  expected: string;
  actual: string;
  explanation: string;
}

export interface SpecWarning {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export interface LogLine {
  timeMs: number;
  level: 'info' | 'warn' | 'error';
  source: string;
  text: string;
}

/** Per-stage counters sampled over simulated time (charts, the diagram, the scrubber). */
export interface StageSample {
  timeMs: number;
  /** node or link id → counters at that moment */
  stages: Record<string, Record<string, number>>;
}

/** A Kafka consumer group when the run ended, summed over its topic's partitions. */
export interface GroupSummary {
  topic: string;
  /** Records between the committed offsets and the log ends (a partition with no commit lags by its whole log). */
  lag: number;
  /** Sum of the committed offsets. */
  committed: number;
  /** Members still in the group. */
  members: number;
}

/** A Flink node's serving job when the run ended (run/jobs.ts), as `curl localhost:8081/jobs/<id>` would show it. */
export interface JobSummary {
  /** Subtasks per operator now: `parallelism.default`, or the `-p` of the last `flink run`. */
  parallelism: number;
  /** 1 when the job is RUNNING at the end, 0 when it is stopped, cancelled, failed or restarting. */
  running: number;
  /** Restarts after failures (the restart strategy's count). */
  restarts: number;
}

/** The budget that ended a run (run/run.ts, spec/limits.ts `runBudget`). */
export interface BudgetStop {
  /** `events`: simulation events (`max-events`); `recordCopies`: record copies carried by links (a memory bound). */
  kind: 'events' | 'recordCopies';
  used: number;
  limit: number;
}

export interface RunResult {
  name?: string;
  seed: number;
  simulatedMs: number;
  events: number;
  /** Wall time of the run; not part of `--json` output unless asked, so runs stay byte-identical. */
  wallMs?: number;
  /** How the run ended: `drained` (nothing left to do), `deadline` (duration + drain reached), `budget` (event or record-copy budget used up), `cancelled`. */
  ended: 'drained' | 'deadline' | 'budget' | 'cancelled';
  /** Present when `ended` is `budget`: which budget ran out (spec/limits.ts). What was done is counted; the rest is in flight. */
  budget?: BudgetStop;
  warnings: SpecWarning[];
  outputs: Record<string, OutputLedger>;
  query?: QueryResult;
  architectures?: Record<string, ArchitectureSeries>;
  /** Kafka consumer groups by group id (runs with a Kafka cluster only). */
  groups?: Record<string, GroupSummary>;
  /** Flink jobs by Flink node id (runs with a Flink node only). */
  jobs?: Record<string, JobSummary>;
  /** The orders warehouse and its marts (runs with a `warehouse:` only). */
  warehouse?: WarehouseResult;
  /** Athena over the lake's Glue tables at the end of the run (runs whose catalog declares tables only). */
  athena?: AthenaResult;
  /** What the run cost: latency, extra writes, bytes, state held, recompute work (simulator/cost). */
  cost?: RunCost;
  checks?: CheckResult[];
  log: LogLine[];
  samples: StageSample[];
  /** Operator metrics with their real names, sampled with `samples` (simulator/metrics/catalog.ts). */
  metrics?: MetricsSeries;
  /** Final state of every node, as its inspect() reports it (for the terminal). */
  state: Record<string, unknown>;
  /** Hop-by-hop histories of traced records (all records in small runs). */
  traces: Record<string, { id: string; fate: Record<string, string>; steps: TraceStep[] }>;
}

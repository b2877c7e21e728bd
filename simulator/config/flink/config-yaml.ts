/**
 * Flink's config.yaml (the standard-YAML configuration file of Flink 1.19+ and 2.x; nested keys and
 * dotted keys are the same option) and the `SET 'key' = 'value';` lines of a job.sql, which set
 * the same options for the job. Defaults are Flink 2.0's (Configuration reference; checkpointing
 * from CheckpointingOptions, restart strategies from RestartStrategyOptions after FLIP-364, which
 * made exponential-delay the default of checkpointed jobs in 1.19). Flink ignores keys it does not
 * know (GlobalConfiguration loads any key), so an unknown key is a warning with a guess.
 */
import { closest } from '../../spec/suggest.js';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { readSettingsYaml } from '../yaml/read.js';
import { invalidOptionValue, parseFlinkDuration, type OptionKind } from './connectors.js';

interface FlinkSetting { kind: OptionKind; default?: string; doc: string; simulated: boolean }
const s = (kind: OptionKind, doc: string, simulated: boolean, def?: string): FlinkSetting => ({ kind, doc, simulated, ...(def !== undefined ? { default: def } : {}) });

const RESTART_TYPES = ['none', 'off', 'disable', 'fixed-delay', 'fixeddelay', 'failure-rate', 'failurerate', 'exponential-delay', 'exponentialdelay'] as const;

export const FLINK_SETTINGS: Readonly<Record<string, FlinkSetting>> = {
  'execution.checkpointing.interval': s('duration', 'Checkpoint period; absent → no checkpoints.', true),
  'execution.checkpointing.mode': s(['EXACTLY_ONCE', 'AT_LEAST_ONCE'], 'Barrier alignment (EXACTLY_ONCE) or not.', true, 'EXACTLY_ONCE'),
  'execution.checkpointing.timeout': s('duration', 'A checkpoint taking longer is abandoned.', true, '10 min'),
  'execution.checkpointing.min-pause': s('duration', 'Least pause between checkpoints.', false, '0 ms'),
  'execution.checkpointing.max-concurrent-checkpoints': s('int', 'Checkpoints in progress at once.', false, '1'),
  'execution.checkpointing.tolerable-failed-checkpoints': s('int', 'Failed checkpoints tolerated before the job fails.', false, '0'),
  'execution.checkpointing.unaligned.enabled': s('boolean', 'Unaligned checkpoints (still exactly-once).', false, 'false'),
  'execution.checkpointing.externalized-checkpoint-retention': s(['DELETE_ON_CANCELLATION', 'RETAIN_ON_CANCELLATION', 'NO_EXTERNALIZED_CHECKPOINTS'], 'Keep checkpoints after cancel.', false, 'NO_EXTERNALIZED_CHECKPOINTS'),
  'execution.checkpointing.dir': s('string', 'Where checkpoints are stored (durable storage).', false),
  'execution.checkpointing.savepoint-dir': s('string', 'Default savepoint directory.', false),
  'execution.checkpointing.incremental': s('boolean', 'Incremental checkpoints (RocksDB).', false, 'false'),
  'execution.checkpointing.num-retained': s('int', 'Completed checkpoints kept.', false, '1'),
  'state.checkpoints.dir': s('string', 'Checkpoint directory (1.x name of execution.checkpointing.dir).', false),
  'state.savepoints.dir': s('string', 'Savepoint directory (1.x name).', false),
  'state.backend.type': s(['hashmap', 'rocksdb', 'forst'], 'Where working state lives: heap (hashmap) or disk (rocksdb); both are snapshotted at checkpoints.', false, 'hashmap'),
  'state.backend.incremental': s('boolean', 'Incremental checkpoints (1.x name).', false, 'false'),
  'restart-strategy.type': s(RESTART_TYPES, 'What happens after a failure (default: exponential-delay with checkpointing, none without).', true),
  'restart-strategy.fixed-delay.attempts': s('int', 'Restarts before the job is declared failed.', true, '1'),
  'restart-strategy.fixed-delay.delay': s('duration', 'Wait before each restart.', true, '1 s'),
  'restart-strategy.exponential-delay.initial-backoff': s('duration', 'First wait before restarting.', true, '1 s'),
  'restart-strategy.exponential-delay.max-backoff': s('duration', 'Longest wait between restarts.', false, '1 min'),
  'restart-strategy.exponential-delay.backoff-multiplier': s('string', 'Growth of the wait after each failure.', false, '1.5'),
  'restart-strategy.exponential-delay.reset-backoff-threshold': s('duration', 'Reset the wait after this long without failure.', false, '1 h'),
  'restart-strategy.exponential-delay.jitter-factor': s('string', 'Random spread of the wait.', false, '0.1'),
  'restart-strategy.exponential-delay.attempts-before-reset-backoff': s('int', 'Restarts before the job fails.', false),
  'restart-strategy.failure-rate.max-failures-per-interval': s('int', 'Failures tolerated per interval.', false, '1'),
  'restart-strategy.failure-rate.failure-rate-interval': s('duration', 'The interval.', false, '1 min'),
  'restart-strategy.failure-rate.delay': s('duration', 'Wait before each restart.', true, '1 s'),
  'parallelism.default': s('int', 'Subtasks of every operator that sets none: source subtasks share the partitions, keyed subtasks the key groups.', true, '1'),
  'pipeline.max-parallelism': s('int', 'Key groups of keyed state (default: 1.5 × parallelism rounded up to a power of two, at least 128); the most a job can ever be rescaled to.', true),
  'table.exec.resource.default-parallelism': s('int', 'Parallelism of the SQL job\'s operators (-1: parallelism.default).', true, '-1'),
  'pipeline.auto-watermark-interval': s('duration', 'How often periodic watermarks are emitted.', true, '200 ms'),
  'pipeline.name': s('string', 'Job name.', false),
  'table.exec.source.idle-timeout': s('duration', 'A source split with no records for this long stops holding back the watermark (0 = never).', true, '0 ms'),
  // Experimental options of the planner's WindowEmitStrategy: they apply to the legacy group windows
  // (GROUP BY TUMBLE/HOP(…)) only; window table functions fire each window once and drop late rows.
  'table.exec.emit.allow-lateness': s('duration', 'Experimental; legacy group windows only: keep window state this long for late rows. Window table functions drop late rows.', true, '0 ms'),
  'table.exec.emit.late-fire.enabled': s('boolean', 'Experimental; legacy group windows only: re-fire a window for late rows.', false, 'false'),
  'table.exec.emit.late-fire.delay': s('duration', 'Experimental; legacy group windows only: interval of late firings.', false),
  'table.exec.emit.early-fire.enabled': s('boolean', 'Experimental; legacy group windows only: fire before the window ends.', false, 'false'),
  'table.exec.emit.early-fire.delay': s('duration', 'Experimental; legacy group windows only: interval of early firings.', false),
  // TableConfigOptions / OptimizerConfigOptions: whether the planner may split an aggregation into a local
  // (before the shuffle) and a global phase. For a window table function aggregation on event time with
  // mergeable functions AUTO splits it (TwoStageOptimizedWindowAggregateRule); ONE_PHASE never does.
  'table.optimizer.agg-phase-strategy': s(['AUTO', 'ONE_PHASE', 'TWO_PHASE'], 'Split aggregations into local and global phases (AUTO: where the planner can).', true, 'AUTO'),
  'table.exec.state.ttl': s('duration', 'Idle state retention of non-windowed operators.', false, '0 ms'),
  'table.local-time-zone': s('string', 'Session time zone.', false, 'default'),
  'execution.runtime-mode': s(['STREAMING', 'BATCH', 'AUTOMATIC'], 'Streaming or batch execution.', false, 'STREAMING'),
  'jobmanager.rpc.address': s('string', 'JobManager host.', false),
  'jobmanager.rpc.port': s('int', 'JobManager RPC port.', false, '6123'),
  'jobmanager.bind-host': s('string', 'JobManager bind address.', false),
  'jobmanager.memory.process.size': s('memory', 'JobManager memory.', false),
  'taskmanager.bind-host': s('string', 'TaskManager bind address.', false),
  'taskmanager.host': s('string', 'TaskManager host.', false),
  'taskmanager.numberOfTaskSlots': s('int', 'Slots per TaskManager.', false, '1'),
  'taskmanager.memory.process.size': s('memory', 'TaskManager memory.', false),
  'rest.address': s('string', 'REST address.', false),
  'rest.bind-address': s('string', 'REST bind address.', false),
  'rest.port': s('int', 'Web UI / REST port.', false, '8081'),
  'high-availability.type': s('string', 'HA services (none, zookeeper, kubernetes).', false, 'NONE'),
  'high-availability.storageDir': s('string', 'HA storage.', false),
  'env.java.opts.all': s('string', 'JVM options.', false),
};

export interface FlinkConfigValue { value: string; loc: Loc; file: Problems }
/** Option → the value written (config.yaml first, then the job's SET lines), with where it was written. */
export type FlinkConfig = Map<string, FlinkConfigValue>;

/** Reads config.yaml into `config`. */
export function readFlinkConfigYaml(text: string, problems: Problems, config: FlinkConfig = new Map()): FlinkConfig {
  const yml = readSettingsYaml(text, problems);
  if (!yml) return config;
  for (const setting of yml.settings.values()) {
    const value = setting.value === null ? '' : Array.isArray(setting.value) || typeof setting.value === 'object' ? JSON.stringify(setting.value) : String(setting.value);
    setFlinkOption(setting.key, value, setting.keyLoc, setting.valueLoc, problems, config);
  }
  return config;
}

/** One option, checked: unknown → warning; invalid value → error (Flink fails reading it); valid but unsimulated → warning. */
export function setFlinkOption(key: string, value: string, keyLoc: Loc, valueLoc: Loc, problems: Problems, config: FlinkConfig): void {
  const decl = FLINK_SETTINGS[key];
  if (!decl) {
    const guess = closest(key, Object.keys(FLINK_SETTINGS));
    problems.warn(keyLoc, `'${key}' is not simulated: Flink uses it if it is one of its options and ignores it otherwise`, guess ? `did you mean '${guess}'?` : undefined);
    return;
  }
  const bad = invalidOptionValue(decl.kind, value);
  if (bad) {
    problems.error(valueLoc, `Could not parse value '${value}' for key '${key}'. ${bad}`, decl.doc);
    return;
  }
  if (!decl.simulated && value !== decl.default && !/(address|host|port|dir|name|size|opts|storageDir)$/.test(key)) problems.warn(keyLoc, `'${key}' is valid but not simulated`, decl.doc);
  config.set(key, { value, loc: valueLoc, file: problems });
}

/** The option's value or its default; durations in ms. */
export function flinkDurationMs(config: FlinkConfig, key: string): number | undefined {
  const v = config.get(key)?.value ?? FLINK_SETTINGS[key]?.default;
  return v === undefined ? undefined : parseFlinkDuration(v);
}

export function flinkValue(config: FlinkConfig, key: string): string | undefined {
  return config.get(key)?.value ?? FLINK_SETTINGS[key]?.default;
}

/** Java's Integer.MAX_VALUE: as fixed-delay attempts, a job that restarts for ever. */
export const UNLIMITED_ATTEMPTS = 2_147_483_647;

/**
 * The internal spec's checkpointing and restart fields. Without checkpointing Flink's default
 * restart strategy is `none`; with it, exponential-delay — simulated as fixed-delay at its
 * initial backoff, which is exact for the first restart after a healthy stretch (the growth,
 * the cap and the jitter of later restarts are not simulated).
 */
export function compileFlinkConfig(config: FlinkConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const interval = flinkDurationMs(config, 'execution.checkpointing.interval');
  // Flink: an interval of 0 (or below 10 ms) disables checkpointing.
  const checkpointing = interval !== undefined && interval >= 10;
  if (checkpointing) out['execution.checkpointing.interval'] = interval;
  out['execution.checkpointing.mode'] = flinkValue(config, 'execution.checkpointing.mode')!.toUpperCase();
  out['execution.checkpointing.timeout'] = flinkDurationMs(config, 'execution.checkpointing.timeout');
  Object.assign(out, compileParallelism(config));
  const type = (flinkValue(config, 'restart-strategy.type') ?? (checkpointing ? 'exponential-delay' : 'none')).toLowerCase().replace(/^(fixeddelay)$/, 'fixed-delay').replace(/^(failurerate)$/, 'failure-rate').replace(/^(exponentialdelay)$/, 'exponential-delay');
  if (type === 'none' || type === 'off' || type === 'disable') out['restart-strategy'] = { type: 'none' };
  else if (type === 'fixed-delay') {
    // Integer.MAX_VALUE attempts (Flink 1.x's default for checkpointed jobs) never runs out: no limit.
    const attempts = Number(flinkValue(config, 'restart-strategy.fixed-delay.attempts'));
    out['restart-strategy'] = { type: 'fixed-delay', delay: flinkDurationMs(config, 'restart-strategy.fixed-delay.delay'), ...(attempts === UNLIMITED_ATTEMPTS ? {} : { attempts }) };
  }
  else if (type === 'failure-rate') out['restart-strategy'] = { type: 'fixed-delay', delay: flinkDurationMs(config, 'restart-strategy.failure-rate.delay') };
  else out['restart-strategy'] = { type: 'fixed-delay', delay: flinkDurationMs(config, 'restart-strategy.exponential-delay.initial-backoff') };
  return out;
}

/**
 * The job's parallelism: `table.exec.resource.default-parallelism` for a SQL job's operators when
 * above 0, else `parallelism.default`; both and `pipeline.max-parallelism` must be 1…32768, and the
 * max parallelism at least the parallelism (Flink refuses the job otherwise). Only what is set
 * reaches the spec.
 */
function compileParallelism(config: FlinkConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const num = (key: string) => (config.has(key) ? Number(config.get(key)!.value) : undefined);
  const refuse = (key: string, message: string, hint: string) => config.get(key)!.file.error(config.get(key)!.loc, message, hint);
  const table = num('table.exec.resource.default-parallelism');
  const key = table !== undefined && table > 0 ? 'table.exec.resource.default-parallelism' : 'parallelism.default';
  const parallelism = num(key);
  if (table !== undefined && table === 0) refuse('table.exec.resource.default-parallelism', 'table.exec.resource.default-parallelism must be -1 (use parallelism.default) or a positive number', "'-1' or e.g. '4'");
  if (parallelism !== undefined) {
    if (parallelism < 1 || parallelism > 32768) refuse(key, `${key} ${parallelism} is out of range: the parallelism must be at least 1 and at most 32768`, 'e.g. 4');
    else out['parallelism.default'] = parallelism;
  }
  const max = num('pipeline.max-parallelism');
  if (max !== undefined) {
    if (max < 1 || max > 32768) refuse('pipeline.max-parallelism', `pipeline.max-parallelism ${max} is out of range: it must be at least 1 and at most 32768`, 'e.g. 128');
    else if (max < (parallelism ?? 1)) refuse('pipeline.max-parallelism', `pipeline.max-parallelism ${max} is below the parallelism ${parallelism ?? 1}: a subtask needs at least one key group`, `at least ${parallelism ?? 1}`);
    else out['pipeline.max-parallelism'] = max;
  }
  return out;
}

/** Warnings about restart strategies the simulation approximates, at the line that chose them. */
export function warnApproximations(config: FlinkConfig): void {
  const t = config.get('restart-strategy.type');
  if (!t) return;
  const type = t.value.toLowerCase();
  if (type.startsWith('exponential')) t.file.warn(t.loc, 'exponential-delay is simulated as fixed-delay at its initial-backoff: the first restart is exact; the growing backoff and its jitter are not simulated');
  if (type.startsWith('failure')) t.file.warn(t.loc, 'failure-rate is simulated as fixed-delay at its delay, without the failure-rate limit');
}

/**
 * The allowed lateness of a job's window, from the experimental `table.exec.emit.allow-lateness`
 * (the planner's WindowEmitStrategy). It applies to a legacy TUMBLE group window only: session group
 * windows ignore it, and window table functions (TABLE(TUMBLE(…))) fire each window once and drop
 * late rows. With it the window result is an update stream: a late row re-fires its window at once,
 * and only a sink that takes updates (an upsert sink with a PRIMARY KEY) can consume it.
 */
export function windowLatenessMs(config: FlinkConfig, job: { window?: unknown; groupWindow?: boolean; upsertSink: boolean }): number | undefined {
  const set = config.get('table.exec.emit.allow-lateness');
  const ms = flinkDurationMs(config, 'table.exec.emit.allow-lateness') ?? 0;
  if (!set || ms <= 0) return undefined;
  const tumbling = (job.window as { type?: string } | undefined)?.type === 'tumbling';
  if (!job.groupWindow || !tumbling) {
    set.file.warn(set.loc, `table.exec.emit.allow-lateness applies to legacy group windows (GROUP BY TUMBLE(ts, …), key) only: ${job.groupWindow ? 'a session window ignores it' : 'a window table function fires each window once and drops late rows'}`, 'wait longer for late rows with a larger WATERMARK delay, or group by the legacy TUMBLE(ts, INTERVAL …) window');
    return undefined;
  }
  if (!job.upsertSink) {
    set.file.error(set.loc, "Table sink doesn't support consuming update changes which is produced by node GroupWindowAggregate (allow-lateness makes the window re-fire with updates)", 'write into a sink with a PRIMARY KEY (an upsert sink such as elasticsearch-7), or drop allow-lateness');
    return undefined;
  }
  return ms;
}

/**
 * logstash.yml: the settings that shape delivery, with Logstash 8.x defaults from logstash-core
 * lib/logstash/environment.rb (and config/logstash.yml's comments). Sizes are byte strings ("1024mb"),
 * times are milliseconds; an unknown setting stops Logstash ("Setting \"x\" doesn't exist"),
 * lib/logstash/settings.rb `get_setting`.
 */
import { closest } from '../../spec/suggest.js';
import { readSettingsYaml } from '../yaml/read.js';
import type { Problems } from '../shared/issues.js';
import type { Loc } from './ast.js';

type Kind = 'positive' | 'nonnegative' | 'boolean' | 'bytes' | 'string' | readonly string[];

interface SettingDecl { kind: Kind; default: unknown; doc: string; simulated?: boolean }

const s = (kind: Kind, def: unknown, doc: string, simulated = false): SettingDecl => ({ kind, default: def, doc, simulated });

export const LOGSTASH_SETTINGS: Readonly<Record<string, SettingDecl>> = {
  'node.name': s('string', null, 'A name for this node (default: the host name).'),
  'path.data': s('string', 'LOGSTASH_HOME/data', 'Where the persisted queue, DLQ and plugin state live.'),
  'path.logs': s('string', 'LOGSTASH_HOME/logs', 'Log directory.'),
  'path.config': s('string', null, 'Pipeline configuration files (a glob).'),
  'pipeline.id': s('string', 'main', 'Pipeline id.'),
  // Default: the number of CPU cores; the simulated machine has 2.
  'pipeline.workers': s('positive', 2, 'Worker threads running filters and outputs (default: CPU cores).', true),
  'pipeline.batch.size': s('positive', 125, 'Events a worker takes per batch.', true),
  'pipeline.batch.delay': s('nonnegative', 50, 'Milliseconds a worker waits to fill a batch.', true),
  'pipeline.ordered': s(['auto', 'true', 'false'], 'auto', 'Keep event order (only with one worker).'),
  'pipeline.ecs_compatibility': s(['disabled', 'v1', 'v8'], 'v8', 'ECS field naming for plugins.'),
  'pipeline.unsafe_shutdown': s('boolean', false, 'Exit at shutdown even with events in flight.'),
  'config.support_escapes': s('boolean', false, 'Process \\" \\n \\t escapes in quoted strings.'),
  'config.reload.automatic': s('boolean', false, 'Reload changed pipeline files.'),
  'config.reload.interval': s('string', '3s', 'How often to look for changes.'),
  'config.debug': s('boolean', false, 'Log the compiled configuration.'),
  'queue.type': s(['memory', 'persisted'], 'memory', '`memory` (lost if Logstash dies) or `persisted` (on-disk pages, replayed after a restart).', true),
  'queue.page_capacity': s('bytes', '64mb', 'Size of one persisted-queue page file.'),
  'queue.max_events': s('nonnegative', 0, 'Most unread events in the persisted queue (0 = unlimited).', true),
  'queue.max_bytes': s('bytes', '1024mb', 'Capacity of the persisted queue on disk; when full, inputs are blocked.'),
  'queue.checkpoint.acks': s('nonnegative', 1024, 'Checkpoint after this many ACKed events (0 = unlimited).', true),
  'queue.checkpoint.writes': s('nonnegative', 1024, 'Checkpoint after this many written events (0 = unlimited).', true),
  'queue.checkpoint.interval': s('nonnegative', 1000, 'Checkpoint the head page at least this often, in ms.', true),
  'queue.checkpoint.retry': s('boolean', true, 'Retry a failed checkpoint write (Windows).'),
  'queue.drain': s('boolean', false, 'Drain the persisted queue before shutting down.'),
  'dead_letter_queue.enable': s('boolean', false, 'Keep events Elasticsearch rejects with 400/404.', true),
  'dead_letter_queue.max_bytes': s('bytes', '1024mb', 'Most bytes the DLQ holds; beyond it entries are dropped.', true),
  'dead_letter_queue.flush_interval': s('positive', 5000, 'Milliseconds before an idle DLQ segment is finalized.'),
  'dead_letter_queue.storage_policy': s(['drop_newer', 'drop_older'], 'drop_newer', 'What to drop when the DLQ is full.'),
  'path.dead_letter_queue': s('string', 'path.data/dead_letter_queue', 'DLQ directory.'),
  'path.queue': s('string', 'path.data/queue', 'Persisted queue directory.'),
  'api.enabled': s('boolean', true, 'HTTP API.'),
  'api.http.host': s('string', '127.0.0.1', 'HTTP API address.'),
  'api.http.port': s('string', '9600-9700', 'HTTP API port range.'),
  'log.level': s(['fatal', 'error', 'warn', 'info', 'debug', 'trace'], 'info', 'Log level.'),
  'log.format': s(['plain', 'json'], 'plain', 'Log format.'),
};

const BYTES = /^(\d+)\s*(b|kb|mb|gb|tb|pb)$/i;
const BYTE_UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

/** "1024mb" → bytes, as Logstash's Setting::Bytes (ByteValue) reads it; undefined when malformed. */
export function parseBytes(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  const m = typeof value === 'string' ? BYTES.exec(value.trim()) : null;
  return m ? Number(m[1]) * BYTE_UNIT[m[2]!.toLowerCase()]! : undefined;
}

/**
 * The internal-spec keys of a logstash.yml: every simulated setting, with the file's value or the default.
 * `written` hears where each setting the file writes has its value, so a later problem with it is marked there.
 */
export function readLogstashYml(text: string, problems: Problems, written?: (key: string, at: Loc) => void): Record<string, unknown> {
  const file = readSettingsYaml(text, problems);
  const out: Record<string, unknown> = {};
  const values = new Map<string, unknown>();
  for (const setting of file?.settings.values() ?? []) {
    const decl = LOGSTASH_SETTINGS[setting.key];
    if (!decl) {
      if (setting.key.startsWith('xpack.') || setting.key.startsWith('pipeline.plugin_classloaders') || setting.key.startsWith('modules')) continue;
      const guess = closest(setting.key, Object.keys(LOGSTASH_SETTINGS));
      problems.error(setting.keyLoc, `Setting "${setting.key}" doesn't exist. Please check if you haven't made a typo.`, guess ? `did you mean "${guess}"?` : undefined);
      continue;
    }
    const v = setting.value;
    const k = decl.kind;
    let ok: unknown;
    if (Array.isArray(k)) ok = k.includes(String(v)) ? String(v) : undefined;
    else if (k === 'boolean') ok = typeof v === 'boolean' ? v : undefined;
    else if (k === 'positive') ok = Number.isInteger(v) && (v as number) > 0 ? v : undefined;
    else if (k === 'nonnegative') ok = Number.isInteger(v) && (v as number) >= 0 ? v : undefined;
    else if (k === 'bytes') ok = parseBytes(v);
    else ok = v === null ? undefined : String(v);
    if (ok === undefined) {
      const expected = Array.isArray(k) ? `one of ${k.join(', ')}` : k === 'bytes' ? 'a byte size such as 1024mb' : k === 'positive' ? 'a whole number > 0' : k === 'nonnegative' ? 'a whole number ≥ 0' : k;
      problems.error(setting.valueLoc, `Failed to validate setting "${setting.key}" with value ${JSON.stringify(v)}: expected ${expected}`, decl.doc);
      continue;
    }
    values.set(setting.key, ok);
    written?.(setting.key, setting.valueLoc);
    if (!decl.simulated && ok !== decl.default && !(k === 'bytes' && ok === parseBytes(decl.default))) {
      problems.warn(setting.keyLoc, `"${setting.key}" is valid but not simulated`);
    }
  }
  for (const [key, decl] of Object.entries(LOGSTASH_SETTINGS)) {
    if (!decl.simulated) continue;
    const v = values.get(key) ?? decl.default;
    if (key === 'dead_letter_queue.max_bytes') out[key] = parseBytes(v);
    // 0 means "no limit" for the checkpoint counters (environment.rb); the internal spec counts from 1.
    else if ((key === 'queue.checkpoint.acks' || key === 'queue.checkpoint.writes') && v === 0) out[key] = 2 ** 31 - 1;
    else out[key] = v;
  }
  return out;
}

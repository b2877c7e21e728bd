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

/** `doc` is the English hover text (and a problem's hint), `ko` its Korean twin for the editor on a Korean page. */
interface SettingDecl { kind: Kind; default: unknown; doc: string; ko: string; simulated?: boolean }

const s = (kind: Kind, def: unknown, doc: string, ko: string, simulated = false): SettingDecl => ({ kind, default: def, doc, ko, simulated });

export const LOGSTASH_SETTINGS: Readonly<Record<string, SettingDecl>> = {
  'node.name': s('string', null, 'A name for this node (default: the host name).', '이 노드의 이름(기본값: 호스트 이름)'),
  'path.data': s('string', 'LOGSTASH_HOME/data', 'Where the persisted queue, DLQ and plugin state live.', '영속 큐, DLQ, 플러그인 상태를 두는 곳'),
  'path.logs': s('string', 'LOGSTASH_HOME/logs', 'Log directory.', '로그 디렉터리'),
  'path.config': s('string', null, 'Pipeline configuration files (a glob).', '파이프라인 설정 파일(glob)'),
  'pipeline.id': s('string', 'main', 'Pipeline id.', '파이프라인 ID'),
  // Default: the number of CPU cores; the simulated machine has 2.
  'pipeline.workers': s('positive', 2, 'Worker threads running filters and outputs (default: CPU cores).', '필터와 출력을 실행하는 워커 스레드 수(기본값: CPU 코어 수)', true),
  'pipeline.batch.size': s('positive', 125, 'Events a worker takes per batch.', '워커가 배치 하나로 가져가는 이벤트 수', true),
  'pipeline.batch.delay': s('nonnegative', 50, 'Milliseconds a worker waits to fill a batch.', '워커가 배치를 채우려고 기다리는 밀리초', true),
  'pipeline.ordered': s(['auto', 'true', 'false'], 'auto', 'Keep event order (only with one worker).', '이벤트 순서를 지킵니다(워커가 하나일 때만).'),
  'pipeline.ecs_compatibility': s(['disabled', 'v1', 'v8'], 'v8', 'ECS field naming for plugins.', '플러그인의 ECS 필드 이름 규칙'),
  'pipeline.unsafe_shutdown': s('boolean', false, 'Exit at shutdown even with events in flight.', '처리 중인 이벤트가 있어도 종료 시 바로 끝냅니다.'),
  'config.support_escapes': s('boolean', false, 'Process \\" \\n \\t escapes in quoted strings.', '따옴표 문자열 안의 \\" \\n \\t 이스케이프를 처리합니다.'),
  'config.reload.automatic': s('boolean', false, 'Reload changed pipeline files.', '바뀐 파이프라인 파일을 다시 읽습니다.'),
  'config.reload.interval': s('string', '3s', 'How often to look for changes.', '변경을 확인하는 주기'),
  'config.debug': s('boolean', false, 'Log the compiled configuration.', '컴파일된 설정을 로그에 남깁니다.'),
  'queue.type': s(['memory', 'persisted'], 'memory', '`memory` (lost if Logstash dies) or `persisted` (on-disk pages, replayed after a restart).', '`memory`(Logstash가 죽으면 유실) 또는 `persisted`(디스크의 페이지에 두고 재시작 뒤 다시 처리)', true),
  'queue.page_capacity': s('bytes', '64mb', 'Size of one persisted-queue page file.', '영속 큐 페이지 파일 하나의 크기'),
  'queue.max_events': s('nonnegative', 0, 'Most unread events in the persisted queue (0 = unlimited).', '영속 큐에 둘 수 있는 읽지 않은 이벤트의 최대 수(0이면 제한 없음)', true),
  'queue.max_bytes': s('bytes', '1024mb', 'Capacity of the persisted queue on disk; when full, inputs are blocked.', '디스크에 있는 영속 큐의 용량입니다. 가득 차면 입력이 막힙니다.'),
  'queue.checkpoint.acks': s('nonnegative', 1024, 'Checkpoint after this many ACKed events (0 = unlimited).', 'ACK된 이벤트가 이만큼 쌓이면 체크포인트합니다(0이면 제한 없음).', true),
  'queue.checkpoint.writes': s('nonnegative', 1024, 'Checkpoint after this many written events (0 = unlimited).', '쓴 이벤트가 이만큼 쌓이면 체크포인트합니다(0이면 제한 없음).', true),
  'queue.checkpoint.interval': s('nonnegative', 1000, 'Checkpoint the head page at least this often, in ms.', '헤드 페이지를 적어도 이 주기(ms)마다 체크포인트합니다.', true),
  'queue.checkpoint.retry': s('boolean', true, 'Retry a failed checkpoint write (Windows).', '실패한 체크포인트 쓰기를 재시도합니다(Windows).'),
  'queue.drain': s('boolean', false, 'Drain the persisted queue before shutting down.', '종료하기 전에 영속 큐를 모두 비웁니다.'),
  'dead_letter_queue.enable': s('boolean', false, 'Keep events Elasticsearch rejects with 400/404.', 'Elasticsearch가 400/404로 거부한 이벤트를 보관합니다.', true),
  'dead_letter_queue.max_bytes': s('bytes', '1024mb', 'Most bytes the DLQ holds; beyond it entries are dropped.', 'DLQ가 담는 최대 바이트 수입니다. 넘으면 항목을 버립니다.', true),
  'dead_letter_queue.flush_interval': s('positive', 5000, 'Milliseconds before an idle DLQ segment is finalized.', '쓰기가 없는 DLQ 세그먼트를 마무리하기까지의 밀리초'),
  'dead_letter_queue.storage_policy': s(['drop_newer', 'drop_older'], 'drop_newer', 'What to drop when the DLQ is full.', 'DLQ가 가득 찼을 때 버릴 쪽'),
  'path.dead_letter_queue': s('string', 'path.data/dead_letter_queue', 'DLQ directory.', 'DLQ 디렉터리'),
  'path.queue': s('string', 'path.data/queue', 'Persisted queue directory.', '영속 큐 디렉터리'),
  'api.enabled': s('boolean', true, 'HTTP API.', 'HTTP API 사용'),
  'api.http.host': s('string', '127.0.0.1', 'HTTP API address.', 'HTTP API 주소'),
  'api.http.port': s('string', '9600-9700', 'HTTP API port range.', 'HTTP API 포트 범위'),
  'log.level': s(['fatal', 'error', 'warn', 'info', 'debug', 'trace'], 'info', 'Log level.', '로그 레벨'),
  'log.format': s(['plain', 'json'], 'plain', 'Log format.', '로그 형식'),
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

/**
 * Spec and config problems in Korean: what the spec validator (simulator/spec/**) and the real-file
 * parsers (simulator/config/**: YAML settings files, filebeat.yml, logstash.yml, pipeline .conf)
 * say about a file, and their hints. Setting names, plugin names and values stay as written.
 */
import type { SimTemplate } from './template.js';
import { exportKinesisTemplates } from './export-kinesis.js';
import { flinkSqlTemplates } from './flink-sql.js';
import { kafkaFileTemplates } from './kafka-files.js';
import { storeFileTemplates } from './store-files.js';
import { awsFileTemplates } from './aws-files.js';
import { batchFileTemplates } from './batch-files.js';
import { workspaceFileTemplates } from './workspace-files.js';
import { runbookLineTemplates } from './runbook-lines.js';
import { runbookProblemTemplates } from './runbook.js';
import { logstashCodecTemplates } from './logstash-codec.js';
import { yamlSettingDocTemplates } from './yaml-setting-docs.js';
import { settingDocTemplates } from './setting-docs.js';

/** The spec validator (simulator/spec/parse.ts and friends). */
const spec: SimTemplate[] = [
  { en: '`{path}`: {what*}', ko: '`{path}`: {what*}' },
  { en: 'missing required value (expected {type})', ko: '필요한 값이 없습니다 (기대한 형식: {type})' },
  { en: 'expected {expected}, got {actual}', ko: '{expected} 형식이어야 하는데 {actual}입니다' },
  { en: 'missing required value; use one of {allowed}', ko: '필요한 값이 없습니다. 다음 중 하나를 쓰세요: {allowed}' },
  { en: '{value} is not allowed; use one of {allowed}', ko: '쓸 수 없는 값입니다: {value}. 다음 중 하나를 쓰세요: {allowed}' },
  { en: 'this node has no `type`', ko: '이 노드에 `type`이 없습니다' },
  { en: 'unknown node type "{type}"', ko: '알 수 없는 노드 타입 "{type}"' },
  { en: 'not a fault the simulator knows', ko: '시뮬레이터가 모르는 장애입니다' },
  { en: 'needs at least {n} items', ko: '항목이 {n}개 이상 필요합니다' },
  { en: 'needs at least {n} item', ko: '항목이 {n}개 이상 필요합니다' },
  { en: 'takes at most {n} items', ko: '항목은 {n}개까지입니다' },
  { en: 'takes at most {n} item', ko: '항목은 {n}개까지입니다' },
  { en: 'must not be empty', ko: '비어 있으면 안 됩니다' },
  { en: 'a rate cannot be negative', ko: 'rate는 음수일 수 없습니다' },
  { en: 'needs at least {n} characters', ko: '{n}자 이상이어야 합니다' },
  { en: 'takes at most {n} characters', ko: '{n}자까지입니다' },
  { en: 'must be at least {n}, got {actual}', ko: '{n} 이상이어야 하는데 {actual}입니다' },
  { en: 'must be greater than {n}, got {actual}', ko: '{n}보다 커야 하는데 {actual}입니다' },
  { en: 'must be at most {n}, got {actual}', ko: '{n} 이하여야 하는데 {actual}입니다' },
  { en: 'must be less than {n}, got {actual}', ko: '{n}보다 작아야 하는데 {actual}입니다' },
  { en: 'must be at least {n}', ko: '{n} 이상이어야 합니다' },
  { en: 'must be at most {n}', ko: '{n} 이하여야 합니다' },
  { en: 'unknown key `{key}`', ko: '알 수 없는 키 `{key}`' },
  { en: 'a pipeline spec is a mapping of keys (name, workload, nodes, faults, …)', ko: '파이프라인 스펙은 키의 매핑입니다 (name, workload, nodes, faults, …)' },
  { en: 'this file cannot be read as YAML', ko: '이 파일은 YAML로 읽을 수 없습니다' },
  { en: 'this {what} is never closed', ko: '닫히지 않았습니다: {what}' },
  { en: 'a `---` line here starts a second YAML document', ko: '여기의 `---` 줄이 두 번째 YAML 문서를 시작합니다' },
  { en: 'the spec is nested too deeply to read', ko: '스펙이 너무 깊게 중첩되어 읽을 수 없습니다' },
  { en: 'the aliases (`*name`) in this file expand to too much data', ko: '이 파일의 별칭(`*name`)이 너무 많은 데이터로 펼쳐집니다' },
  { en: 'the spec is {n} characters long', ko: '스펙 길이가 {n}자입니다' },
];

/** Hints, wherever they come from. */
const hints: SimTemplate[] = [
  { en: 'did you mean `{guess}`?', ko: '`{guess}`의 오타인가요?' },
  { en: 'did you mean "{guess}"?', ko: '"{guess}"의 오타인가요?' },
  { en: "did you mean '{guess}'?", ko: "'{guess}'의 오타인가요?" },
  { en: 'did you mean {guess}?', ko: '{guess}의 오타인가요?' },
  { en: 'valid keys here: {keys}', ko: '여기서 쓸 수 있는 키: {keys}' },
  { en: 'pick another name', ko: '다른 이름을 고르세요' },
  { en: 'start with `nodes:`', ko: '`nodes:`로 시작하세요' },
  { en: 'check that it is a text file holding one YAML mapping', ko: 'YAML 매핑 하나가 든 텍스트 파일인지 확인하세요' },
  { en: 'check the indentation: nested keys need more spaces than their parent, and tabs are not allowed', ko: '들여쓰기를 확인하세요. 안쪽 키는 바깥 키보다 더 들여써야 하고, 탭은 쓸 수 없습니다' },
  { en: 'each key may appear once in a mapping', ko: '한 매핑에서 같은 키는 한 번만 쓸 수 있습니다' },
  { en: 'use spaces, not tabs, to indent YAML', ko: 'YAML 들여쓰기에는 탭이 아니라 공백을 쓰세요' },
  { en: 'check for an unclosed quote, bracket or brace', ko: '닫히지 않은 따옴표나 괄호가 있는지 확인하세요' },
  { en: 'a pipeline spec is one document: remove the `---` line and what follows it, or move it to a file of its own', ko: '파이프라인 스펙은 문서 하나입니다. `---` 줄과 그 뒤를 지우거나 다른 파일로 옮기세요' },
  { en: 'a pipeline spec needs few aliases: write the repeated values out', ko: '파이프라인 스펙에는 별칭이 거의 필요 없습니다. 반복되는 값을 그대로 쓰세요' },
  { en: 'a pipeline spec should stay under 1 MB', ko: '파이프라인 스펙은 1 MB보다 작아야 합니다' },
  { en: 'write a plain number without quotes', ko: '따옴표 없이 숫자만 쓰세요' },
  { en: 'write a finite number, e.g. 3', ko: '유한한 숫자를 쓰세요. 예: 3' },
  { en: 'write a number and a unit (ms, s, m, h, d), e.g. 10s', ko: '숫자와 단위(ms, s, m, h, d)를 쓰세요. 예: 10s' },
  { en: 'write a count per unit of time, e.g. 200/s', ko: '단위 시간당 개수를 쓰세요. 예: 200/s' },
  { en: 'node types: {types}', ko: '노드 타입: {types}' },
  { en: 'add `type:` with one of: {types}', ko: '`type:`을 추가하세요. 다음 중 하나: {types}' },
  { en: 'write to another topic; Kafka and Flink allow a loop, but the run would never settle', ko: '다른 토픽에 쓰세요. Kafka와 Flink는 순환을 허용하지만, 실행이 끝나지 않습니다' },
  { en: 'each setting may appear once', ko: '각 설정은 한 번만 쓸 수 있습니다' },
  { en: 'simulated: {list}', ko: '시뮬레이션되는 것: {list}' },
  { en: 'see {source}', ko: '{source} 참고' },
];

/** YAML settings files, filebeat.yml and logstash.yml (simulator/config/yaml, filebeat, logstash/settings.ts). */
const settingsFiles: SimTemplate[] = [
  { en: 'expected a mapping of settings (key: value)', ko: '설정의 매핑(key: value)이어야 합니다' },
  { en: '`{key}` is set twice', ko: '`{key}` 설정이 두 번 나옵니다' },
  { en: 'output.{type} is valid but not simulated', ko: 'output.{type} 설정은 올바르지만 시뮬레이션하지 않습니다' },
  { en: 'Filebeat has exactly one output', ko: 'Filebeat의 출력은 정확히 하나입니다' },
  { en: 'no filebeat.inputs: this Filebeat reads nothing', ko: 'filebeat.inputs가 없습니다. 이 Filebeat는 아무것도 읽지 않습니다' },
  { en: 'the simulation scans every input of a Filebeat with the settings of its first input', ko: '시뮬레이션은 Filebeat의 모든 입력을 첫 입력의 설정으로 스캔합니다' },
  { en: 'give the inputs the same check interval and inactivity timeout', ko: '입력들에 같은 검사 간격과 비활성 타임아웃을 주세요' },
  { en: 'Filebeat ignores unknown setting `{key}`', ko: 'Filebeat는 알 수 없는 `{key}` 설정을 무시합니다' },
  { en: '`{key}`: expected {expected}, got {actual}', ko: '`{key}`: {expected} 형식이어야 하는데 {actual}입니다' },
  { en: '`filebeat.inputs` is a list of inputs', ko: '`filebeat.inputs`는 입력의 목록입니다' },
  { en: 'each item starts with `- type: filestream`', ko: '각 항목은 `- type: filestream`으로 시작합니다' },
  { en: 'filebeat.inputs.{i} is not a mapping', ko: 'filebeat.inputs.{i} 항목이 매핑이 아닙니다' },
  { en: 'the {type} input is valid but not simulated', ko: '{type} 입력은 올바른 설정이지만 시뮬레이션하지 않습니다' },
  { en: 'simulated inputs: filestream, log', ko: '시뮬레이션되는 입력: filestream, log' },
  { en: 'each input must have at least one path defined', ko: '각 입력에는 경로가 하나 이상 있어야 합니다' },
  { en: 'a filestream input without an `id`: file states are keyed by the id, so adding one later reads every file again', ko: '`id`가 없는 filestream 입력입니다. 파일 상태는 id를 키로 저장되므로, 나중에 id를 붙이면 모든 파일을 다시 읽습니다' },
  { en: "filestream input id '{id}' is used twice: Filebeat 8.x may read the files twice, and 9.x does not start such inputs", ko: "filestream 입력 id가 두 번 쓰였습니다('{id}'). Filebeat 8.x는 파일을 두 번 읽을 수 있고, 9.x는 그런 입력을 시작하지 않습니다" },
  { en: 'each input needs its own id', ko: '입력마다 고유한 id가 필요합니다' },
  { en: '`{where}` is a list', ko: '`{where}` 항목은 목록입니다' },
  { en: "each processor is a mapping with one key, the processor's name", ko: '각 프로세서는 프로세서 이름 하나를 키로 가진 매핑입니다' },
  { en: 'the processor action {name} does not exist', ko: '{name} 프로세서 액션은 없습니다' },
  { en: 'the {name} processor is valid but not simulated', ko: '{name} 프로세서는 올바른 설정이지만 시뮬레이션하지 않습니다' },
  { en: 'the {name} processor writes its id to `{field}`, which the simulation leaves out: only an id in `@metadata._id` is simulated (it becomes the document _id)', ko: '{name} 프로세서는 id를 `{field}` 필드에 씁니다. 시뮬레이션은 이 필드를 빼고 실행합니다. `@metadata._id`에 쓴 id만 시뮬레이션합니다(도큐먼트 _id가 됩니다)' },
  { en: 'Setting "{key}" doesn\'t exist. Please check if you haven\'t made a typo.', ko: '없는 설정입니다: "{key}". 오타가 없는지 확인하세요.' },
  { en: 'Failed to validate setting "{key}" with value {value}: expected {expected}', ko: '설정 검증 실패: "{key}" 값 {value}, {expected} 형식이어야 합니다' },
  { en: '"{key}" is valid but not simulated', ko: '"{key}" 설정은 올바르지만 시뮬레이션하지 않습니다' },
];

/** Logstash pipeline files (simulator/config/logstash/validate.ts, compile.ts). */
const logstashPipeline: SimTemplate[] = [
  { en: 'the {name} {kind} plugin is valid Logstash but not simulated: the simulation leaves it out', ko: '{name} {kind} 플러그인은 올바른 Logstash 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션에서는 빠집니다' },
  { en: 'the {name} {kind} plugin is valid but not simulated: the simulation leaves it out', ko: '{name} {kind} 플러그인은 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션에서는 빠집니다' },
  { en: "Couldn't find any {kind} plugin named '{name}'. Are you sure this is correct?", ko: "{kind} 플러그인을 찾을 수 없습니다: '{name}'. 이름이 맞는지 확인하세요." },
  { en: '{kind} plugins here: {names}', ko: '여기서 쓸 수 있는 {kind} 플러그인: {names}' },
  { en: "Unknown setting '{name}' for {plugin}", ko: "{plugin}에 없는 설정 '{name}'" },
  { en: 'Invalid setting for {plugin} {kind} plugin: {name} is set twice', ko: '{plugin} {kind} 플러그인의 잘못된 설정: {name} 설정이 두 번 나옵니다' },
  { en: 'Invalid setting for {plugin} {kind} plugin: {name}: {error}', ko: '{plugin} {kind} 플러그인의 잘못된 설정: {name}: {error}' },
  { en: 'a setting that is not a list or hash may appear once', ko: '목록이나 해시가 아닌 설정은 한 번만 쓸 수 있습니다' },
  { en: 'Missing a required setting for the {plugin} {kind} plugin: {name}', ko: '{plugin} {kind} 플러그인에 필수 설정이 없습니다: {name}' },
  { en: "'{name}' of {plugin} is valid but not simulated: the simulation runs as if it were not set", ko: "{plugin}의 '{name}' 설정은 올바른 설정이지만 시뮬레이션하지 않습니다. 설정하지 않은 것처럼 실행합니다" },
  { en: 'a second input is not simulated: the simulation feeds this pipeline through the first input only', ko: '두 번째 입력은 시뮬레이션하지 않습니다. 이 파이프라인에는 첫 입력으로만 데이터가 들어옵니다' },
  { en: 'pattern_definitions is valid but not simulated: patterns are matched with the built-in pattern set only', ko: 'pattern_definitions는 올바른 설정이지만 시뮬레이션하지 않습니다. 내장 패턴만으로 매칭합니다' },
  { en: 'this grok has no `match`: it does nothing', ko: '이 grok에는 `match`가 없어 아무 일도 하지 않습니다' },
  { en: 'this sleep is valid but not simulated: the simulation models a fixed `time` in seconds on every event (optionally `every` N events), outside conditionals and without `replay`', ko: '이 sleep은 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션은 조건문 밖에서 `replay` 없이, 모든 이벤트(또는 `every` N개마다)에 고정된 `time`(초)만 다룹니다' },
  { en: 'drop percentage is valid but not simulated: every matching event is dropped', ko: 'drop의 percentage는 올바른 설정이지만 시뮬레이션하지 않습니다. 조건에 맞는 이벤트를 모두 버립니다' },
  { en: 'a conditional output is valid but not simulated: the simulation sends every event to it', ko: '조건부 출력은 올바른 설정이지만 시뮬레이션하지 않습니다. 모든 이벤트를 그 출력으로 보냅니다' },
  { en: 'a second {name} output is not simulated: the simulation keeps the first', ko: '두 번째 {name} 출력은 시뮬레이션하지 않습니다. 첫 출력만 남깁니다' },
  { en: "action '{action}' is valid but not simulated", ko: "action '{action}' 설정은 올바른 설정이지만 시뮬레이션하지 않습니다" },
  { en: 'A negative retry count ({n}) is not valid. Must be a value >= 0', ko: '음수 재시도 횟수({n})는 쓸 수 없습니다. 0 이상이어야 합니다' },
];

/** Warnings the run adds (simulator/exercise/run-exercise.ts, spec warnings). */
const runWarnings: SimTemplate[] = [
  { en: "faults are locked in this exercise: the starter's `faults:` ran, not your changes", ko: '이 실습에서는 장애가 고정되어 있습니다. 바꾼 내용이 아니라 처음 파일의 `faults:`로 실행했습니다' },
  { en: 'with acks={acks} the Kafka client is not idempotent: retries with several requests in flight can reorder and duplicate records within a partition', ko: 'acks={acks} 설정에서는 Kafka 클라이언트가 멱등하지 않습니다. 전송 중인 요청이 여러 개일 때 재시도하면 한 파티션 안에서 레코드 순서가 바뀌거나 중복될 수 있습니다' },
  { en: 'set `acks: all` (the client is then idempotent), or max.in.flight.requests.per.connection: 1', ko: '`acks: all`로 설정하거나(그러면 클라이언트가 멱등해집니다) max.in.flight.requests.per.connection: 1로 두세요' },
  { en: "transaction.timeout.ms ({ms} ms) is above the broker's transaction.max.timeout.ms ({max} ms): the job will fail at start", ko: 'transaction.timeout.ms({ms} ms)가 브로커의 transaction.max.timeout.ms({max} ms)보다 큽니다. 잡이 시작할 때 실패합니다' },
  { en: 'lower it, e.g. to 15m, or raise the broker maximum', ko: '값을 낮추거나(예: 15m) 브로커의 최댓값을 올리세요' },
  { en: 'without checkpointing the file sink never finishes a part file', ko: '체크포인트가 없으면 파일 싱크는 파트 파일을 끝내 완료하지 않습니다' },
  { en: 'set `execution.checkpointing.interval`', ko: '`execution.checkpointing.interval`을 설정하세요' },
];

/** EventBridge Scheduler schedules in aws/template.yaml (simulator/config/aws/scheduler.ts): the simulation's own words. */
const scheduler: SimTemplate[] = [
  { en: 'MaximumWindowInMinutes has no effect with Mode "OFF": the target is invoked within the scheduled minute', ko: 'Mode가 "OFF"이면 MaximumWindowInMinutes는 효과가 없습니다. 대상은 예약된 그 1분 안에 호출됩니다' },
  { en: 'Mode: FLEXIBLE to use the window', ko: '이 범위를 쓰려면 Mode: FLEXIBLE' },
  { en: 'no AWS::Glue::Crawler named {name} in this template: every invocation fails (EntityNotFoundException)', ko: '이 템플릿에는 이름이 {name}인 AWS::Glue::Crawler가 없습니다. 호출할 때마다 실패합니다 (EntityNotFoundException)' },
  { en: 'name a crawler declared here', ko: '이 템플릿에 선언된 크롤러 이름을 쓰세요' },
  { en: 'the target {target} is valid but not simulated: its invocations are listed, and change nothing in the run', ko: '대상 {target}은 올바른 설정이지만 시뮬레이션하지 않습니다. 호출은 기록되지만 실행에는 아무 영향이 없습니다' },
  { en: 'did you mean {guess}? (an IANA time zone name)', ko: '{guess}의 오타인가요? (IANA 시간대 이름)' },
  { en: 'an IANA time zone name, e.g. Asia/Seoul or UTC', ko: 'IANA 시간대 이름을 쓰세요. 예: Asia/Seoul, UTC' },
  { en: 'YAML reads a bare {value} as a boolean: write Mode: "{mode}"', ko: 'YAML은 따옴표 없는 {value} 값을 불리언으로 읽습니다. Mode: "{mode}"처럼 따옴표를 붙이세요' },
  { en: 'FlexibleTimeWindow: { Mode: FLEXIBLE, MaximumWindowInMinutes: 15 } (1 to 1440), or Mode: "OFF"', ko: 'FlexibleTimeWindow: { Mode: FLEXIBLE, MaximumWindowInMinutes: 15 } (1~1440), 또는 Mode: "OFF"' },
  { en: 'up to 64 letters, digits, hyphens, underscores and dots', ko: '영문자·숫자·하이픈·밑줄·점으로 64자까지' },
  { en: '{key}: 2026-01-01T00:00:00Z (ISO 8601, UTC)', ko: '{key}: 2026-01-01T00:00:00Z (ISO 8601 형식, UTC 기준)' },
  { en: 'at() takes a local date and time, yyyy-mm-ddThh:mm:ss, without a zone (ScheduleExpressionTimezone gives it)', ko: 'at()에는 시간대 없이 현지 날짜와 시각 yyyy-mm-ddThh:mm:ss를 씁니다 (시간대는 ScheduleExpressionTimezone이 정합니다)' },
  { en: '{text} is not a date and time', ko: '올바른 날짜와 시각이 아닙니다: {text}' },
  { en: 'at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)', ko: 'at(yyyy-mm-ddThh:mm:ss), rate(value unit), cron(Minutes Hours Day-of-month Month Day-of-week Year) 중 하나를 쓰세요' },
];

/** The orders warehouse's job files and DAG (simulator/config/spark/warehouse-sql.ts, config/airflow/warehouse-hosts.ts). */
const warehouse: SimTemplate[] = [
  { en: 'the fact table holds the orders that count as revenue: the transform drops cancelled ones', ko: '팩트 테이블에는 매출로 세는 주문만 들어갑니다. 변환 단계에서 취소된 주문을 버리세요' },
  { en: "add WHERE status <> 'cancelled'", ko: "WHERE status <> 'cancelled'를 추가하세요" },
  { en: 'a MERGE of a full snapshot keeps rows the snapshot no longer has as revenue', ko: '전체 스냅숏을 MERGE하면 스냅숏에 더는 없는 행이 매출로 남습니다' },
  { en: "INSERT OVERWRITE of one interval's changes replaces the whole fact table with them", ko: '한 구간의 변경분으로 INSERT OVERWRITE하면 팩트 테이블 전체가 그 변경분으로 바뀝니다' },
  { en: "the simulator reads an incremental extract as the run's data interval on updated_at", ko: '시뮬레이터는 증분 추출을 updated_at에 대한 실행의 데이터 구간으로 읽습니다' },
  { en: 'one job file per step: extract, transform or marts', ko: '단계마다 잡 파일 하나: 추출, 변환, 마트 중 하나' },
  { en: 'the job writes nothing the warehouse has', ko: '이 잡은 웨어하우스에 있는 어떤 테이블에도 쓰지 않습니다' },
  { en: '`{task}` does not wait for `{need}`: it would rebuild from tables the run has not loaded yet', ko: '`{task}`가 `{need}`를 기다리지 않습니다. 이번 실행이 아직 적재하지 않은 테이블로 다시 만들게 됩니다' },
  { en: 'no task of this DAG extracts the orders', ko: '이 DAG에는 주문을 추출하는 태스크가 없습니다' },
  { en: 'one extract reads by interval and another the whole table: the simulator runs one kind per DAG', ko: '한 추출은 구간으로, 다른 추출은 테이블 전체를 읽습니다. 시뮬레이터는 DAG마다 한 가지 방식만 실행합니다' },
  { en: 'this DAG mixes ETL (extract, transform and MERGE in one job) and ELT (raw into stg_orders): choose one', ko: '이 DAG는 ETL(한 잡에서 추출·변환·MERGE)과 ELT(stg_orders에 원본 적재)를 섞고 있습니다. 하나를 고르세요' },
  { en: 'the orders database has one table, orders; the simulator reads it by dbtable', ko: '주문 데이터베이스의 테이블은 orders 하나이고, 시뮬레이터는 dbtable로 읽습니다' },
  { en: 'the simulator runs one warehouse DAG per workspace', ko: '시뮬레이터는 워크스페이스마다 웨어하우스 DAG를 하나만 실행합니다' },
];

/** The batch layer's DAG file: its tasks and the sensor before the job (config/airflow/dag-file.ts). */
const batchDag: SimTemplate[] = [
  { en: '{operator} is not simulated in the batch layer', ko: '{operator}는 배치 레이어에서 시뮬레이션하지 않습니다' },
  { en: 'the batch layer runs one SparkSqlOperator task, and before it at most one S3KeySensor or TimeDeltaSensor', ko: '배치 레이어는 SparkSqlOperator 태스크 하나를 실행하고, 그 앞에 S3KeySensor나 TimeDeltaSensor를 하나까지 둘 수 있습니다' },
  { en: 'the batch layer runs at most one sensor before its job', ko: '배치 레이어는 잡 앞에 센서를 하나까지만 실행합니다' },
  { en: '`{key}` is valid but not simulated in the batch layer', ko: '`{key}`는 올바른 설정이지만 배치 레이어에서 시뮬레이션하지 않습니다' },
  { en: '{sensor} does not gate {job}: without `{edge}` the job starts without waiting for it', ko: '{sensor}가 {job}의 앞을 막지 않습니다. `{edge}`가 없으면 잡은 센서를 기다리지 않고 시작합니다' },
  { en: 'mode must be "poke" or "reschedule", not {mode}', ko: 'mode는 "poke"나 "reschedule"이어야 합니다. {mode}는 쓸 수 없습니다' },
  { en: 'TimeDeltaSensor needs delta=timedelta(...): the time to wait after the data interval ends', ko: 'TimeDeltaSensor에는 delta=timedelta(...)가 필요합니다. data interval이 끝난 뒤 기다릴 시간입니다' },
  { en: 'S3KeySensor needs bucket_key: the key to wait for, as s3://bucket/key', ko: 'S3KeySensor에는 bucket_key가 필요합니다. 기다릴 키를 s3://bucket/key 꼴로 쓰세요' },
  { en: 'with bucket_name given, bucket_key must be a key relative to the bucket, not a full s3:// URL', ko: 'bucket_name을 주었다면 bucket_key는 전체 s3:// URL이 아니라 버킷 안의 상대 키여야 합니다' },
  { en: 'bucket_key is not an s3:// URL and no bucket_name is given: the sensor does not know which bucket to look in', ko: 'bucket_key가 s3:// URL이 아니고 bucket_name도 없습니다. 센서가 어느 버킷을 볼지 모릅니다' },
];


/** `airflow backfill create` in a runbook (simulator/operations/parse-airflow.ts, plan.ts): argparse's words, Airflow's exceptions. */
const airflowBackfill: SimTemplate[] = [
  { en: 'write it as {usage}', ko: '이렇게 쓰세요: {usage}' },
  { en: 'did you mean backfill? {usage}', ko: 'backfill의 오타인가요? {usage}' },
  { en: "Airflow 3 removed `airflow dags backfill`: argument DAGS_COMMAND: invalid choice: 'backfill'", ko: "Airflow 3에서 `airflow dags backfill`은 없어졌습니다: argument DAGS_COMMAND: invalid choice: 'backfill'" },
  { en: 'a runbook runs airflow backfill create; airflow {group} is not an operation it runs', ko: '런북은 airflow backfill create를 실행합니다. airflow {group}은 런북이 실행하는 작업이 아닙니다' },
  { en: 'the other airflow commands only read: run them in the terminal', ko: '다른 airflow 명령은 읽기만 합니다. 터미널에서 실행하세요' },
  { en: 'airflow: error: the following arguments are required: GROUP_OR_COMMAND', ko: 'airflow: 오류: 다음 인자가 필요합니다: GROUP_OR_COMMAND' },
  { en: 'airflow backfill: error: the following arguments are required: COMMAND', ko: 'airflow backfill: 오류: 다음 인자가 필요합니다: COMMAND' },
  { en: "argument COMMAND: invalid choice: '{verb}' (choose from 'create')", ko: "argument COMMAND: 잘못된 선택 '{verb}' ('create' 중에서 고르세요)" },
  { en: 'airflow backfill create: error: unrecognized arguments: {word}', ko: 'airflow backfill create: 오류: 알 수 없는 인자: {word}' },
  { en: 'airflow backfill create: error: ambiguous option: {typed} could match {flags}', ko: 'airflow backfill create: 오류: 모호한 옵션: {typed}는 {flags} 중 어느 것일 수도 있습니다' },
  { en: 'airflow backfill create --help prints the usage; a runbook runs a backfill', ko: 'airflow backfill create --help는 사용법을 출력할 뿐입니다. 런북은 백필을 실행합니다' },
  { en: 'airflow backfill create: error: argument {flag}: expected one argument', ko: 'airflow backfill create: 오류: {flag} 인자에는 값이 하나 필요합니다' },
  { en: 'airflow backfill create: error: the following arguments are required: {flags}', ko: 'airflow backfill create: 오류: 다음 인자가 필요합니다: {flags}' },
  { en: '--dag-run-conf is valid but not simulated: the simulated job reads no run conf', ko: '--dag-run-conf는 올바른 옵션이지만 시뮬레이션하지 않습니다. 시뮬레이션의 잡은 실행 conf를 읽지 않습니다' },
  { en: 'leave it out', ko: '빼세요' },
  { en: "airflow backfill create: error: argument --reprocess-behavior: invalid choice: '{value}' (choose from {choices})", ko: "airflow backfill create: 오류: --reprocess-behavior 인자의 잘못된 선택 '{value}' ({choices} 중에서 고르세요)" },
  { en: "airflow backfill create: error: argument --max-active-runs: invalid positive int value: '{value}'", ko: "airflow backfill create: 오류: --max-active-runs 인자는 양의 정수여야 합니다: '{value}'" },
  { en: "airflow backfill create: error: argument {flag}: invalid parsedate value: '{value}'", ko: "airflow backfill create: 오류: {flag} 인자를 날짜로 읽을 수 없습니다: '{value}'" },
  { en: 'an ISO 8601 date: 2026-01-01 or 2026-01-01T00:01:00', ko: 'ISO 8601 날짜를 쓰세요: 2026-01-01 또는 2026-01-01T00:01:00' },
  { en: 'Could not find Dag {dag}', ko: 'DAG를 찾을 수 없습니다: {dag}' },
  { en: 'no DAG file defines it; the DAGs: {dags}', ko: '그 DAG를 정의하는 DAG 파일이 없습니다. 있는 DAG: {dags}' },
  { en: 'no DAG file defines it: this workspace has no DAG', ko: '그 DAG를 정의하는 DAG 파일이 없습니다. 이 워크스페이스에는 DAG가 없습니다' },
  { en: 'from_date ({from}) must not be after to_date ({to}).', ko: 'from_date({from})가 to_date({to})보다 뒤일 수 없습니다.' },
  { en: 'swap --from-date and --to-date', ko: '--from-date와 --to-date를 맞바꾸세요' },
  { en: 'Backfill cannot be executed for future dates.', ko: '미래 날짜는 백필할 수 없습니다.' },
  { en: 'the command runs at {time}: back-fill dates before it', ko: '명령은 {time}에 실행됩니다. 그보다 앞선 날짜를 백필하세요' },
];

/** A serving layer's query service (simulator/config/serving/serving-yaml.ts, config/airflow/hosts.ts). */
const serving: SimTemplate[] = [
  { en: '`{view}` is read with another cut-off-margin in {file}: the simulator keeps one margin per batch view', ko: '`{view}`를 {file}에서는 다른 cut-off-margin으로 읽습니다. 시뮬레이터는 배치 뷰마다 마진을 하나만 둡니다' },
];

// The warehouse's templates go before the spec's "`{path}`: {what*}", which would read "`a` does not wait for `b`: …" as a path.
export const problemTemplates: readonly SimTemplate[] = [...warehouse, ...spec, ...hints, ...settingsFiles, ...logstashPipeline, ...runWarnings, ...scheduler, ...batchDag, ...airflowBackfill, ...serving, ...flinkSqlTemplates, ...kafkaFileTemplates, ...storeFileTemplates, ...awsFileTemplates, ...batchFileTemplates, ...workspaceFileTemplates, ...runbookLineTemplates, ...exportKinesisTemplates, ...runbookProblemTemplates, ...logstashCodecTemplates, ...yamlSettingDocTemplates, ...settingDocTemplates];

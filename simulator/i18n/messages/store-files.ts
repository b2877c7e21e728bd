/**
 * Problems of the files around the pipeline's stores and shippers, in Korean: Elasticsearch index
 * bodies (config/elasticsearch/mapping.ts), Filebeat's and Logstash's remaining errors
 * (config/filebeat, config/logstash/compile.ts, parse.ts, and the condition reader in
 * nodes/logstash/conditional.ts), postgresql.conf (config/postgres) and the serving layer's
 * serving.yaml (config/serving). Field types, keys and values stay as written.
 */
import type { SimTemplate } from './template.js';

/** Elasticsearch index bodies (mappings). */
const elasticsearch: SimTemplate[] = [
  { en: 'not JSON: {error}', ko: 'JSON이 아닙니다: {error}' },
  { en: '`mappings.properties` must be an object of field → { "type": … }', ko: '`mappings.properties`는 필드 → { "type": … } 꼴의 객체여야 합니다' },
  { en: 'field type "{type}" ({field}) is valid but not simulated: the simulation accepts any value there', ko: '필드 타입 "{type}"({field}): 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션은 그 필드에 어떤 값이든 받습니다' },
  { en: 'simulated types: {types}', ko: '시뮬레이션되는 타입: {types}' },
  { en: 'No handler for type [{type}] declared on field [{field}]', ko: '필드 [{field}]에 선언된 [{type}] 타입을 처리할 핸들러가 없습니다' },
  { en: 'types: {types}, …', ko: '타입: {types}, …' },
];

/** Filebeat's own errors (config/filebeat/index.ts). */
const filebeat: SimTemplate[] = [
  { en: 'error initializing publisher: output type {type} undefined', ko: '퍼블리셔 초기화 오류: 출력 타입이 정의되지 않았습니다: {type}' },
  { en: "more than one namespace configured accessing 'output'", ko: "'output'에 네임스페이스가 둘 이상 설정되어 있습니다" },
  { en: 'no outputs are defined, please define one under the output section', ko: '정의된 출력이 없습니다. output 섹션에 출력을 하나 정의하세요' },
  { en: 'outputs: {names}, file, console, redis', ko: '출력: {names}, file, console, redis' },
  { en: "missing required field accessing '{path}'", ko: "필수 필드가 없습니다: '{path}'" },
];

/** Logstash pipelines: conditions, mutate, the config grammar (config/logstash, nodes/logstash/conditional.ts). */
const logstash: SimTemplate[] = [
  { en: 'the condition around this {plugin} is valid but not simulated ({why*}): the simulation leaves the plugin out', ko: '이 {plugin} 플러그인을 감싼 조건은 올바르지만 시뮬레이션하지 않습니다 ({why*}). 시뮬레이션에서는 이 플러그인이 빠집니다' },
  { en: 'simulated conditions compare fields, strings, numbers and lists with == != < > <= >= =~ !~ in, not in, and, or, xor, nand, !', ko: '시뮬레이션되는 조건은 필드, 문자열, 숫자, 목록을 == != < > <= >= =~ !~ in, not in, and, or, xor, nand, !로 비교합니다' },
  { en: 'cannot read the condition at “{text}”', ko: '“{text}” 위치의 조건을 읽을 수 없습니다' },
  { en: 'unexpected “{token}” in the condition', ko: '조건에 예상하지 못한 “{token}”이 있습니다' },
  { en: 'expected more in the condition', ko: '조건이 끝나지 않았습니다' },
  { en: 'expected {what} in the condition', ko: '조건에 다음이 와야 합니다: {what}' },
  { en: '{op} needs a /regex/ on its right', ko: '{op}의 오른쪽에는 /regex/가 와야 합니다' },
  { en: 'expected a value, found “{token}”', ko: '값이 와야 하는데 “{token}”이 있습니다' },
  { en: "mutate convert to '{type}' ({field}) is valid but not simulated", ko: "mutate convert의 '{type}'({field}): 올바른 설정이지만 시뮬레이션하지 않습니다" },
  { en: 'simulated actions: index, create', ko: '시뮬레이션되는 action: index, create' },
  { en: 'simulated {kind}s: {names}', ko: '시뮬레이션되는 {kind}: {names}' },
  { en: 'settings are written `name => value`', ko: '설정은 `name => value` 꼴로 씁니다' },
  { en: 'a `{` is not closed', ko: '닫히지 않은 `{`가 있습니다' },
  { en: 'check for an unclosed quote', ko: '닫히지 않은 따옴표가 있는지 확인하세요' },
  { en: 'Expected one of {expected} at line {line}, column {column} (byte {byte}) after {after}', ko: '{line}번째 줄 {column}번째 칸(바이트 {byte})에 다음 중 하나가 와야 합니다: {expected} ({after} 다음)' },
  { en: 'Expected one of {expected} at line {line}, column {column} (byte {byte})', ko: '{line}번째 줄 {column}번째 칸(바이트 {byte})에 다음 중 하나가 와야 합니다: {expected}' },
];

/** postgresql.conf (config/postgres/conf.ts): PostgreSQL's own messages. */
const postgres: SimTemplate[] = [
  { en: 'syntax error in file "{file}" line {line}, near token "{token}"', ko: '파일 "{file}"의 {line}번째 줄, 토큰 "{token}" 근처에 문법 오류가 있습니다' },
  { en: 'write name = value, e.g. port = 5432', ko: 'name = value 꼴로 쓰세요. 예: port = 5432' },
  { en: 'invalid value for parameter "{name}": "{value}"', ko: '파라미터 "{name}"의 값이 잘못되었습니다: "{value}"' },
  { en: 'Available values: {values}.', ko: '쓸 수 있는 값: {values}.' },
  { en: 'a TCP port, 1–65535 (default 5432)', ko: 'TCP 포트, 1~65535 (기본값 5432)' },
];

/** The serving layer's serving.yaml (config/serving/serving-yaml.ts). */
const serving: SimTemplate[] = [
  { en: 'architecture: lambda or kappa', ko: 'architecture는 lambda 또는 kappa입니다' },
  { en: 'unknown key `{key}` for architecture: {arch}', ko: 'architecture: {arch}에는 없는 키 `{key}`' },
  { en: 'keys: {keys}', ko: '키: {keys}' },
  { en: 'batch-view: the Spark table the batch DAG writes', ko: 'batch-view: 배치 DAG가 쓰는 Spark 테이블' },
  { en: 'realtime-view: the URL of the index the speed layer writes', ko: 'realtime-view: 스피드 레이어가 쓰는 인덱스의 URL' },
  { en: 'index: the URL of the index or alias the readers query', ko: 'index: 조회하는 쪽이 쿼리하는 인덱스나 별칭의 URL' },
];

export const storeFileTemplates: readonly SimTemplate[] = [...elasticsearch, ...filebeat, ...logstash, ...postgres, ...serving];

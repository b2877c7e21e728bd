/**
 * Flink problems in Korean: the SQL job compiler (simulator/config/flink/job.ts, sql-parse.ts,
 * sql-expr.ts), the connector options of Kafka, Kinesis, Elasticsearch and filesystem tables
 * (options.ts, connectors.ts, kinesis-table.ts), Flink's config.yaml (config-yaml.ts) and the
 * workspace's Flink hosts (config/workspace/flink.ts). SQL keywords, option names and values stay
 * as written; Flink's own exception texts are translated around the names they quote.
 */
import type { SimTemplate } from './template.js';

/** The job script and its one query (job.ts, sql-parse.ts). */
const job: SimTemplate[] = [
  { en: 'the Flink SQL parser is not loaded, so job.sql cannot be checked', ko: 'Flink SQL 파서가 로드되지 않아 job.sql을 검사할 수 없습니다' },
  { en: 'the Flink SQL parser is not loaded (call loadFlinkSqlRuntime() first)', ko: 'Flink SQL 파서가 로드되지 않았습니다 (먼저 loadFlinkSqlRuntime()을 호출하세요)' },
  { en: 'run again: the parser loads with the first workspace that has a .sql file', ko: '다시 실행하세요. 파서는 .sql 파일이 있는 첫 워크스페이스와 함께 로드됩니다' },
  { en: "the SESSION table function (Flink 1.19+) is not in this parser's grammar: write the session window as a group window, GROUP BY SESSION(ts, INTERVAL '30' SECOND), key", ko: "SESSION 테이블 함수(Flink 1.19+)는 이 파서의 문법에 없습니다. 세션 윈도우를 그룹 윈도우로 쓰세요: GROUP BY SESSION(ts, INTERVAL '30' SECOND), key" },
  { en: 'a reserved word: write it in backquotes, e.g. `{word}`', ko: '예약어입니다. 백쿼트로 감싸세요. 예: `{word}`' },
  { en: 'SQL parse failed. {detail}', ko: 'SQL 파싱에 실패했습니다. {detail}' },
  { en: "Table or view '{name}' already exists", ko: "'{name}' 테이블 또는 뷰가 이미 있습니다" },
  { en: 'each CREATE TABLE needs its own name (or write CREATE TABLE IF NOT EXISTS)', ko: 'CREATE TABLE마다 다른 이름이 필요합니다 (또는 CREATE TABLE IF NOT EXISTS로 쓰세요)' },
  { en: "'{key}' is set twice: the last value wins", ko: "'{key}' 설정이 두 번 나옵니다. 마지막 값이 적용됩니다" },
  { en: '{what} is valid Flink SQL but not simulated: a job here is CREATE TABLE statements, SET lines and one INSERT INTO', ko: '{what} 문은 올바른 Flink SQL이지만 시뮬레이션하지 않습니다. 여기서 잡은 CREATE TABLE 문, SET 줄, 그리고 INSERT INTO 하나로 이루어집니다' },
  { en: 'the script has no INSERT INTO: Flink submits no job for it, so nothing is simulated', ko: '스크립트에 INSERT INTO가 없습니다. Flink가 잡을 제출하지 않으므로 시뮬레이션할 것이 없습니다' },
  { en: 'a second INSERT INTO is valid Flink SQL but not simulated: the simulator runs one INSERT per Flink host', ko: '두 번째 INSERT INTO는 올바른 Flink SQL이지만 시뮬레이션하지 않습니다. 시뮬레이터는 Flink 호스트마다 INSERT 하나만 실행합니다' },
  { en: 'give each query its own host folder', ko: '쿼리마다 호스트 폴더를 따로 두세요' },
  { en: 'tables: {names}', ko: '테이블: {names}' },
  { en: "Object '{name}' not found within 'default_catalog.default_database'", ko: "'default_catalog.default_database'에서 '{name}' 객체를 찾을 수 없습니다" },
  { en: 'this query is valid Flink SQL but not simulated; the simulator runs: {query}', ko: '이 쿼리는 올바른 Flink SQL이지만 시뮬레이션하지 않습니다. 시뮬레이터가 실행하는 형태: {query}' },
  { en: 'a {connector} source is valid but not simulated: the simulated Flink job reads a Kafka or Kinesis table', ko: '{connector} 소스는 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션의 Flink 잡은 Kafka나 Kinesis 테이블을 읽습니다' },
  { en: 'a kinesis sink is valid but not simulated: the simulated Flink job writes a Kafka, Elasticsearch or filesystem table', ko: 'kinesis 싱크는 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션의 Flink 잡은 Kafka, Elasticsearch, filesystem 테이블에 씁니다' },
  { en: 'not simulated (valid Flink SQL): {what*}; the simulator runs {query}', ko: '시뮬레이션하지 않습니다 (올바른 Flink SQL): {what*}. 시뮬레이터가 실행하는 형태: {query}' },
  { en: 'the simulator cannot run this job (see the warnings above)', ko: '시뮬레이터가 이 잡을 실행할 수 없습니다 (위의 경고를 보세요)' },
  { en: 'rewrite the query in a form the warnings name', ko: '경고가 알려 주는 형태로 쿼리를 다시 쓰세요' },
];

/** What `not simulated (valid Flink SQL): …` names (job.ts `unsupported`). */
const unsupported: SimTemplate[] = [
  { en: 'a SELECT without FROM', ko: 'FROM이 없는 SELECT' },
  { en: '{name}(…) without TABLE and DESCRIPTOR', ko: 'TABLE과 DESCRIPTOR가 없는 {name}(…)' },
  { en: 'a window interval other than a positive INTERVAL in (MILLI)SECONDs, MINUTEs, HOURs or DAYs', ko: '(MILLI)SECOND, MINUTE, HOUR, DAY 단위의 양수 INTERVAL이 아닌 윈도우 간격' },
  { en: 'TUMBLE with an offset', ko: 'offset이 있는 TUMBLE' },
  { en: 'HOP with an offset', ko: 'offset이 있는 HOP' },
  { en: 'HOP without SLIDE and SIZE', ko: 'SLIDE와 SIZE가 없는 HOP' },
  { en: 'CUMULATE with an offset', ko: 'offset이 있는 CUMULATE' },
  { en: 'CUMULATE without STEP and SIZE', ko: 'STEP과 SIZE가 없는 CUMULATE' },
  { en: '{name} windows (TUMBLE, HOP and SESSION are simulated)', ko: '{name} 윈도우 (시뮬레이션되는 것은 TUMBLE, HOP, SESSION)' },
  { en: 'a join or several tables', ko: '조인이나 여러 테이블' },
  { en: 'this FROM', ko: '이 FROM' },
  { en: 'this {fn} group window (write the {fn} table function)', ko: '이 {fn} 그룹 윈도우 ({fn} 테이블 함수로 쓰세요)' },
  { en: 'grouping by an expression', ko: '표현식으로 그룹화하기' },
  { en: 'grouping by a second key column ({key}, {col})', ko: '두 번째 키 컬럼으로 그룹화하기 ({key}, {col})' },
  { en: 'a GROUP BY without a window (an updating aggregate)', ko: '윈도우 없는 GROUP BY (갱신되는 집계)' },
  { en: 'a window aggregation that does not group by window_start and window_end', ko: 'window_start와 window_end로 그룹화하지 않는 윈도우 집계' },
  { en: 'a window aggregation without a key column', ko: '키 컬럼이 없는 윈도우 집계' },
  { en: 'a window table function without GROUP BY window_start, window_end, key', ko: 'GROUP BY window_start, window_end, key가 없는 윈도우 테이블 함수' },
  { en: 'SELECT * in a window aggregation', ko: '윈도우 집계 안의 SELECT *' },
  // The longer form first: the shorter one would match it too.
  { en: 'the select item {src} (COUNT(DISTINCT col) is simulated)', ko: 'SELECT 항목 {src} (시뮬레이션되는 것은 COUNT(DISTINCT col))' },
  { en: 'the select item {src}', ko: 'SELECT 항목 {src}' },
  { en: 'a second aggregate', ko: '두 번째 집계 함수' },
];

/** Windows, watermarks, columns and WHERE (job.ts, sql-expr.ts). */
const query: SimTemplate[] = [
  { en: 'HOP table function based aggregate requires size must be an integral multiple of slide, but got size {size}ms and slide {slide}ms.', ko: 'HOP 테이블 함수 기반 집계에서는 size가 slide의 정수배여야 하는데, size {size}ms, slide {slide}ms입니다.' },
  { en: 'CUMULATE table function based aggregate requires maxSize must be an integral multiple of step, but got maxSize {size} ms and step {step} ms.', ko: 'CUMULATE 테이블 함수 기반 집계에서는 maxSize가 step의 정수배여야 하는데, maxSize {size} ms, step {step} ms입니다.' },
  { en: "Column '{name}' not found in any table", ko: "어느 테이블에서도 '{name}' 컬럼을 찾을 수 없습니다" },
  { en: 'columns of {table}: {columns}', ko: '{table}의 컬럼: {columns}' },
  { en: "The window function requires the timecol is a time attribute type, but '{col}' is not: {table} declares its WATERMARK on '{on}'", ko: "윈도우 함수의 시간 컬럼은 시간 속성(time attribute) 타입이어야 하는데 '{col}' 컬럼은 그렇지 않습니다. {table}의 WATERMARK는 '{on}'에 선언되어 있습니다" },
  { en: "The window function requires the timecol is a time attribute type, but '{col}' is not: {table} declares no WATERMARK", ko: "윈도우 함수의 시간 컬럼은 시간 속성(time attribute) 타입이어야 하는데 '{col}' 컬럼은 그렇지 않습니다. {table}에는 WATERMARK 선언이 없습니다" },
  { en: 'WATERMARK FOR {col} AS {expr} - INTERVAL \'5\' SECOND in CREATE TABLE {table}', ko: 'CREATE TABLE {table}에 추가하세요: WATERMARK FOR {col} AS {expr} - INTERVAL \'5\' SECOND' },
  { en: "this watermark expression is valid but not simulated: the simulator runs WATERMARK FOR ts AS ts - INTERVAL 'n' SECOND (bounded out-of-orderness) and WATERMARK FOR ts AS ts", ko: "이 워터마크 표현식은 올바르지만 시뮬레이션하지 않습니다. 시뮬레이터가 실행하는 것은 WATERMARK FOR ts AS ts - INTERVAL 'n' SECOND(순서 뒤바뀜 허용 범위가 정해진 워터마크)와 WATERMARK FOR ts AS ts입니다" },
  { en: "Expression '{expr}' is not being grouped", ko: "'{expr}' 표현식이 그룹화되지 않았습니다" },
  { en: 'group by it, or aggregate it', ko: 'GROUP BY에 넣거나 집계 함수로 감싸세요' },
  { en: 'the condition {what} is valid Flink SQL but not simulated: WHERE supports comparisons of a column with a literal (= <> != < > <= >=), IN (…), IS [NOT] NULL, AND, OR, NOT and parentheses', ko: '조건 {what}: 올바른 Flink SQL이지만 시뮬레이션하지 않습니다. WHERE에서 쓸 수 있는 것은 컬럼과 리터럴의 비교(= <> != < > <= >=), IN (…), IS [NOT] NULL, AND, OR, NOT, 괄호입니다' },
  { en: "Column types of query result and sink for '{sink}' do not match: the query has {n} columns, the sink {m}", ko: "'{sink}'의 쿼리 결과와 싱크의 컬럼 타입이 맞지 않습니다. 쿼리의 컬럼은 {n}개, 싱크는 {m}개입니다" },
  { en: 'sink columns: {columns}', ko: '싱크 컬럼: {columns}' },
  { en: "a PRIMARY KEY on '{key}' is valid but not simulated: the simulated key may name the window start or end, the grouping key, or a column passed through", ko: "'{key}'의 PRIMARY KEY는 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션에서 키로 쓸 수 있는 것은 윈도우 시작이나 끝, 그룹화 키, 그대로 전달되는 컬럼입니다" },
];

/** Kafka tables: the source's start position, the sink's transactions (job.ts). */
const kafkaTables: SimTemplate[] = [
  { en: "'topic-pattern' is valid but not simulated: the simulated source reads one 'topic'", ko: "'topic-pattern'은 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션의 소스는 'topic' 하나를 읽습니다" },
  { en: 'a topic list is valid but not simulated: the simulated source reads one topic', ko: '토픽 목록은 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션의 소스는 토픽 하나를 읽습니다' },
  { en: "scan.startup.mode '{mode}' is valid but not simulated: earliest-offset, latest-offset and group-offsets are", ko: "scan.startup.mode '{mode}' 설정은 올바르지만 시뮬레이션하지 않습니다. 시뮬레이션되는 것은 earliest-offset, latest-offset, group-offsets입니다" },
  { en: "'properties.group.id' is required with scan.startup.mode 'group-offsets' (the default)", ko: "scan.startup.mode가 'group-offsets'(기본값)이면 'properties.group.id'가 필요합니다" },
  { en: "'properties.group.id' is required with scan.startup.mode 'group-offsets'", ko: "scan.startup.mode가 'group-offsets'이면 'properties.group.id'가 필요합니다" },
  { en: "scan.startup.mode 'group-offsets' (the default) without 'properties.auto.offset.reset': a group with no committed offsets makes the real job fail (NoOffsetForPartitionException); the simulation starts it at the latest offset", ko: "'properties.auto.offset.reset' 없이 scan.startup.mode 'group-offsets'(기본값)을 쓰면, 커밋된 오프셋이 없는 컨슈머 그룹에서 실제 잡은 실패합니다 (NoOffsetForPartitionException). 시뮬레이션은 최신 오프셋부터 시작합니다" },
  { en: "scan.startup.mode 'group-offsets' without 'properties.auto.offset.reset': a group with no committed offsets makes the real job fail (NoOffsetForPartitionException); the simulation starts it at the latest offset", ko: "'properties.auto.offset.reset' 없이 scan.startup.mode 'group-offsets'를 쓰면, 커밋된 오프셋이 없는 컨슈머 그룹에서 실제 잡은 실패합니다 (NoOffsetForPartitionException). 시뮬레이션은 최신 오프셋부터 시작합니다" },
  { en: "'properties.group.id' = 'my-job', or 'scan.startup.mode' = 'earliest-offset'", ko: "'properties.group.id' = 'my-job' 또는 'scan.startup.mode' = 'earliest-offset'" },
  { en: "'scan.startup.mode' = 'earliest-offset', or 'properties.auto.offset.reset' = 'earliest'", ko: "'scan.startup.mode' = 'earliest-offset' 또는 'properties.auto.offset.reset' = 'earliest'" },
  { en: 'the simulated Kafka sink writes one topic', ko: '시뮬레이션의 Kafka 싱크는 토픽 하나에 씁니다' },
  { en: "'sink.bulk-flush.max-actions' = '0' (no size limit) is not simulated: the simulated sink flushes at 1000 actions", ko: "'sink.bulk-flush.max-actions' = '0'(크기 제한 없음)은 시뮬레이션하지 않습니다. 시뮬레이션의 싱크는 액션 1000개마다 플러시합니다" },
  { en: "'sink.delivery-guarantee' = 'none' is simulated as at-least-once: the simulated sink always flushes at checkpoints", ko: "'sink.delivery-guarantee' = 'none'은 at-least-once로 시뮬레이션합니다. 시뮬레이션의 싱크는 체크포인트마다 항상 플러시합니다" },
];

/** Connector options (options.ts, connectors.ts): Flink's factory messages and the simulation's notes. */
const options: SimTemplate[] = [
  { en: "Table options do not contain an option key 'connector' for discovering a connector. (table '{table}')", ko: "테이블 옵션에 커넥터를 찾는 데 쓰는 'connector' 키가 없습니다. (테이블 '{table}')" },
  { en: "add 'connector' = 'kafka' (or 'kinesis', 'elasticsearch-7', 'filesystem') to WITH (…)", ko: "WITH (…)에 'connector' = 'kafka'(또는 'kinesis', 'elasticsearch-7', 'filesystem')를 추가하세요" },
  { en: "connector '{name}' is valid but not simulated: the simulation runs kafka, kinesis, elasticsearch-7 and filesystem tables", ko: "'{name}' 커넥터는 올바른 설정이지만 시뮬레이션하지 않습니다. 시뮬레이션하는 테이블은 kafka, kinesis, elasticsearch-7, filesystem입니다" },
  { en: "Could not find any factory for identifier '{name}' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.", ko: "클래스패스에서 식별자 '{name}'에 해당하는 'org.apache.flink.table.factories.DynamicTableFactory' 구현 팩토리를 찾을 수 없습니다." },
  { en: 'available: {names}', ko: '쓸 수 있는 것: {names}' },
  { en: "Invalid value for option '{key}'. {reason*}", ko: "옵션 '{key}'의 값이 잘못되었습니다. {reason*}" },
  { en: "'{key}' is valid but not simulated", ko: "'{key}' 설정은 올바르지만 시뮬레이션하지 않습니다" },
  { en: "Unsupported options found for '{connector}': '{key}'", ko: "'{connector}'에서 지원하지 않는 옵션이 있습니다: '{key}'" },
  { en: 'the {format} format has: {names}', ko: '{format} 포맷의 옵션: {names}' },
  { en: 'supported: {names}, …', ko: '지원되는 옵션: {names}, …' },
  { en: 'One or more required options are missing. Missing required options are: {keys} (table \'{table}\')', ko: '필수 옵션이 빠졌습니다. 빠진 필수 옵션: {keys} (테이블 \'{table}\')' },
  { en: "Could not find required sink format 'value.format'. (table '{table}')", ko: "필수 싱크 포맷 'value.format'을 찾을 수 없습니다. (테이블 '{table}')" },
  { en: "Option 'topic' and 'topic-pattern' shouldn't be set together.", ko: "'topic'과 'topic-pattern' 옵션은 함께 설정할 수 없습니다." },
  { en: 'sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE.', ko: 'DeliveryGuarantee.EXACTLY_ONCE를 쓸 때는 sink.transactional-id-prefix를 지정해야 합니다.' },
  { en: "'sink.transactional-id-prefix' = 'my-job' (unique per application)", ko: "'sink.transactional-id-prefix' = 'my-job' (애플리케이션마다 고유한 값)" },
  { en: "Could not parse host '{host}' in option 'hosts'. It should follow the format 'http://host_name:port'.", ko: "'hosts' 옵션의 '{host}' 호스트를 해석할 수 없습니다. 'http://host_name:port' 형식이어야 합니다." },
  { en: 'Elasticsearch sink does not support EXACTLY_ONCE delivery guarantee.', ko: 'Elasticsearch 싱크는 EXACTLY_ONCE 전달 보장을 지원하지 않습니다.' },
  { en: 'at-least-once, plus a PRIMARY KEY so that replays overwrite the same documents', ko: 'at-least-once로 두고, 다시 처리할 때 같은 도큐먼트를 덮어쓰도록 PRIMARY KEY를 추가하세요' },
  { en: 'Kafka client setting \'{key}\' is valid but not simulated', ko: '\'{key}\' Kafka 클라이언트 설정은 올바르지만 시뮬레이션하지 않습니다' },
  { en: 'the Kafka client logs this and ignores the key', ko: 'Kafka 클라이언트는 이를 로그에 남기고 그 키를 무시합니다' },
  // Flink's parse errors, quoted after "Invalid value for option '…'." (connectors.ts invalidOptionValue).
  { en: "Could not parse value '{value}'. Expected one of: [{values}]", ko: "'{value}' 값을 해석할 수 없습니다. 다음 중 하나여야 합니다: [{values}]" },
  { en: "Could not parse value '{value}' for an integer", ko: "'{value}' 값을 정수로 해석할 수 없습니다" },
  { en: "Could not parse value '{value}' for a long", ko: "'{value}' 값을 long 정수로 해석할 수 없습니다" },
  { en: 'Unrecognized option for boolean: {value}. Expected either true or false(case insensitive)', ko: '불리언으로 알 수 없는 값입니다: {value}. true나 false여야 합니다(대소문자 무관)' },
  { en: "Could not parse value '{value}' for a duration (e.g. '10 s', '500 ms', '5 min')", ko: "'{value}' 값을 기간으로 해석할 수 없습니다 (예: '10 s', '500 ms', '5 min')" },
  { en: "Could not parse value '{value}' for a memory size (e.g. '2mb')", ko: "'{value}' 값을 메모리 크기로 해석할 수 없습니다 (예: '2mb')" },
];

/** Kinesis tables: flink-connector-aws 5.x names, the stream's ARN, the start position (options.ts, kinesis-table.ts, workspace/flink.ts). */
const kinesis: SimTemplate[] = [
  { en: "'{key}' is the flink-connector-aws 4.x name: 5.x reads '{name}' (the stream's ARN, e.g. 'arn:aws:kinesis:us-east-1:123456789012:stream/logs')", ko: "'{key}' 옵션은 flink-connector-aws 4.x의 이름입니다. 5.x는 '{name}' 옵션을 읽습니다 (스트림의 ARN, 예: 'arn:aws:kinesis:us-east-1:123456789012:stream/logs')" },
  { en: "'{key}' is the flink-connector-aws 4.x name: 5.x reads '{name}'", ko: "'{key}' 옵션은 flink-connector-aws 4.x의 이름입니다. 5.x는 '{name}' 옵션을 읽습니다" },
  { en: "'{key}' is a flink-connector-aws 4.x option with no 5.x counterpart: remove it (only 'connector' = 'kinesis-legacy' still reads the 4.x names)", ko: "'{key}' 옵션은 5.x에 대응하는 옵션이 없는 flink-connector-aws 4.x 옵션입니다. 지우세요 (4.x 이름을 아직 읽는 것은 'connector' = 'kinesis-legacy'뿐입니다)" },
  { en: "'{key}' is not an option of the Kinesis source: Flink passes '{prefix}.*' keys on unchecked, so the job starts and ignores it", ko: "'{key}' 키는 Kinesis 소스의 옵션이 아닙니다. Flink는 '{prefix}.*' 키를 검사하지 않고 넘기므로, 잡은 시작되고 이 키는 무시됩니다" },
  { en: "flink-connector-aws 5.x names the stream by its ARN: 'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs'", ko: "flink-connector-aws 5.x는 스트림을 ARN으로 지정합니다: 'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs'" },
  { en: "Please set value for initial timestamp ('source.init.timestamp') when using AT_TIMESTAMP initial position.", ko: "시작 위치로 AT_TIMESTAMP를 쓸 때는 시작 타임스탬프('source.init.timestamp') 값을 설정하세요." },
  { en: "'source.init.timestamp' = '2026-01-01T00:00:05.000Z' (or seconds since the epoch, '1767225605.0')", ko: "'source.init.timestamp' = '2026-01-01T00:00:05.000Z' (또는 epoch 이후 초, '1767225605.0')" },
  { en: "'{value}' is not the ARN of a Kinesis data stream", ko: "'{value}' 값은 Kinesis 데이터 스트림의 ARN이 아닙니다" },
  { en: "Malformed ARN - doesn't start with 'arn:'", ko: "잘못된 ARN입니다. 'arn:'으로 시작하지 않습니다" },
  { en: "'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs' (aws cloudformation describe-stacks, or !GetAtt Stream.Arn)", ko: "'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs' (aws cloudformation describe-stacks로 확인하거나 !GetAtt Stream.Arn)" },
  { en: 'ResourceNotFoundException: the client in {region} cannot find {stream}: the stream is in {other}', ko: 'ResourceNotFoundException: {region}의 클라이언트가 {stream} 스트림을 찾지 못합니다. 스트림은 {other}에 있습니다' },
  { en: "a custom 'source.init.timestamp.format' is valid but not simulated: write the timestamp as {format} or as seconds since the epoch", ko: "사용자 지정 'source.init.timestamp.format'은 올바른 설정이지만 시뮬레이션하지 않습니다. 타임스탬프를 {format} 형식이나 epoch 이후 초로 쓰세요" },
  { en: 'Invalid value given for initial timestamp for AT_TIMESTAMP initial position in stream. Must be a valid format: ({format}) or non-negative double value. For example, 2016-04-04T19:58:46.480-00:00 or 1459799926.480 .', ko: 'AT_TIMESTAMP 시작 위치의 시작 타임스탬프 값이 잘못되었습니다. 올바른 형식({format})이나 음수가 아닌 double 값이어야 합니다. 예: 2016-04-04T19:58:46.480-00:00 또는 1459799926.480 .' },
  { en: "'source.init.timestamp' is read only with 'source.init.position' = 'AT_TIMESTAMP'", ko: "'source.init.timestamp'는 'source.init.position' = 'AT_TIMESTAMP'일 때만 읽힙니다" },
  { en: "1 validation error detected: Value '{value}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000", ko: "검증 오류 1개: 'limit'의 '{value}' 값이 제약 조건을 만족하지 않습니다: 1에서 10000 사이여야 합니다" },
  { en: 'GetRecords returns at most 10,000 records a call', ko: 'GetRecords는 호출 한 번에 레코드를 최대 10,000개 돌려줍니다' },
  { en: 'ResourceNotFoundException: Stream {stream} under account {account} not found in {region}', ko: 'ResourceNotFoundException: 계정 {account}의 스트림을 {region}에서 찾을 수 없습니다: {stream}' },
  { en: 'ResourceNotFoundException: Stream {stream} under account {account} not found', ko: 'ResourceNotFoundException: 계정 {account}의 스트림을 찾을 수 없습니다: {stream}' },
  { en: 'the streams of {file} are in account {account}, region {region}: {arn}', ko: '{file}의 스트림은 계정 {account}, 리전 {region}에 있습니다: {arn}' },
  { en: 'the Kinesis table reads {stream}, and this workspace declares no stream', ko: 'Kinesis 테이블은 {stream} 스트림을 읽는데, 이 워크스페이스에는 선언된 스트림이 없습니다' },
  { en: 'write {file} with an AWS::Kinesis::Stream named {name}', ko: '이름이 {name}인 AWS::Kinesis::Stream을 {file}에 쓰세요' },
];

/** The workspace's Flink hosts (config/workspace/flink.ts). */
const hosts: SimTemplate[] = [
  { en: 'Flink on {host} has no job', ko: '{host}의 Flink에 잡이 없습니다' },
  { en: 'the simulation models one Elasticsearch cluster per sink: these hosts name different ones, the first is used', ko: '시뮬레이션은 싱크마다 Elasticsearch 클러스터 하나를 모델링합니다. 이 호스트들은 서로 다른 클러스터를 가리키므로 첫 번째를 씁니다' },
  { en: "topic '{topic}' does not exist and nothing writes to it: the Flink Kafka source fails at start (UnknownTopicOrPartitionException)", ko: "'{topic}' 토픽이 없고 그 토픽에 쓰는 것도 없습니다. Flink Kafka 소스는 시작할 때 실패합니다 (UnknownTopicOrPartitionException)" },
  { en: 'create it in topics.sh', ko: 'topics.sh에서 만드세요' },
];

/** Flink's config.yaml (config-yaml.ts). */
const configYaml: SimTemplate[] = [
  { en: "'{key}' is not simulated: Flink uses it if it is one of its options and ignores it otherwise", ko: "'{key}' 설정은 시뮬레이션하지 않습니다. Flink는 자기 옵션이면 쓰고, 아니면 무시합니다" },
  { en: "Could not parse value '{value}' for key '{key}'. {reason*}", ko: "키 '{key}'의 '{value}' 값을 해석할 수 없습니다. {reason*}" },
  { en: 'table.exec.resource.default-parallelism must be -1 (use parallelism.default) or a positive number', ko: 'table.exec.resource.default-parallelism은 -1(parallelism.default 사용)이거나 양수여야 합니다' },
  { en: "'-1' or e.g. '4'", ko: "'-1' 또는 예: '4'" },
  { en: '{key} {n} is out of range: the parallelism must be at least 1 and at most 32768', ko: '{key} {n}: 범위를 벗어났습니다. 병렬성은 1 이상 32768 이하여야 합니다' },
  { en: 'pipeline.max-parallelism {n} is out of range: it must be at least 1 and at most 32768', ko: 'pipeline.max-parallelism {n}: 범위를 벗어났습니다. 1 이상 32768 이하여야 합니다' },
  { en: 'pipeline.max-parallelism {max} is below the parallelism {n}: a subtask needs at least one key group', ko: 'pipeline.max-parallelism({max})이 병렬성({n})보다 작습니다. 서브태스크마다 키 그룹이 하나 이상 필요합니다' },
  { en: 'at least {n}', ko: '{n} 이상' },
  { en: 'exponential-delay is simulated as fixed-delay at its initial-backoff: the first restart is exact; the growing backoff and its jitter are not simulated', ko: 'exponential-delay는 initial-backoff 간격의 fixed-delay로 시뮬레이션합니다. 첫 재시작은 정확하지만, 늘어나는 backoff와 jitter는 시뮬레이션하지 않습니다' },
  { en: 'failure-rate is simulated as fixed-delay at its delay, without the failure-rate limit', ko: 'failure-rate는 그 delay 간격의 fixed-delay로 시뮬레이션하며, 실패율 한도는 적용하지 않습니다' },
  { en: 'table.exec.emit.allow-lateness applies to legacy group windows (GROUP BY TUMBLE(ts, …), key) only: a session window ignores it', ko: 'table.exec.emit.allow-lateness는 레거시 그룹 윈도우(GROUP BY TUMBLE(ts, …), key)에만 적용됩니다. 세션 윈도우는 이 설정을 무시합니다' },
  { en: 'table.exec.emit.allow-lateness applies to legacy group windows (GROUP BY TUMBLE(ts, …), key) only: a window table function fires each window once and drops late rows', ko: 'table.exec.emit.allow-lateness는 레거시 그룹 윈도우(GROUP BY TUMBLE(ts, …), key)에만 적용됩니다. 윈도우 테이블 함수는 윈도우마다 한 번만 결과를 내고 늦게 도착한 행은 버립니다' },
  { en: 'wait longer for late rows with a larger WATERMARK delay, or group by the legacy TUMBLE(ts, INTERVAL …) window', ko: 'WATERMARK 지연을 늘려 늦은 행을 더 오래 기다리거나, 레거시 TUMBLE(ts, INTERVAL …) 윈도우로 그룹화하세요' },
  { en: "Table sink doesn't support consuming update changes which is produced by node GroupWindowAggregate (allow-lateness makes the window re-fire with updates)", ko: '테이블 싱크는 GroupWindowAggregate 노드가 만드는 갱신 변경을 받을 수 없습니다 (allow-lateness가 있으면 윈도우가 갱신과 함께 다시 결과를 냅니다)' },
  { en: 'write into a sink with a PRIMARY KEY (an upsert sink such as elasticsearch-7), or drop allow-lateness', ko: 'PRIMARY KEY가 있는 싱크(elasticsearch-7 같은 upsert 싱크)에 쓰거나 allow-lateness를 빼세요' },
];

/** Hints shared by several files: "e.g." and an example. */
const examples: SimTemplate[] = [
  { en: 'e.g. {example}', ko: '예: {example}' },
];

export const flinkSqlTemplates: readonly SimTemplate[] = [...job, ...unsupported, ...query, ...kafkaTables, ...configYaml, ...options, ...kinesis, ...hosts, ...examples];

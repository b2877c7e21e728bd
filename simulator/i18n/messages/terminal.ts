/**
 * The terminal's `help <command>` pages in Korean: the simulator's sentences in each command's
 * usage (what it shows, as of which instant, what it changes), and the few notes a command adds
 * to a real tool's answer. The usage syntax itself (options, paths, placeholders) stays as typed.
 *
 * These come before shell.ts's catch-all `usage: {usage}` so that the one usage line with a note
 * of its own (`trace`) is translated whole; a note after a command on its line (`aws glue …
 * (the partitions the catalog holds)`) is matched from its opening parenthesis on.
 */
import type { SimTemplate } from './template.js';

/** Sentences of the usage pages (shell/commands/*.ts `usage`). */
const usage: SimTemplate[] = [
  { en: 'usage: trace <record-id>     (record ids look like access-0.log:42; `ledger <output>` lists lost and duplicated ones)', ko: '사용법: trace <record-id>     (레코드 id는 access-0.log:42 같은 모양입니다. `ledger <output>`이 유실·중복된 레코드를 보여 줍니다)' },
  { en: 'With a filter only the matching partitions print, as of the instant set with `at` (default: the end).', ko: '필터를 주면 해당하는 파티션만, `at`으로 정한 시점(기본: 실행의 끝) 기준으로 출력합니다.' },
  { en: 'Without --execute the plan is only printed. --execute commits it in this terminal (what --describe shows', ko: '--execute가 없으면 계획만 출력합니다. --execute는 이 터미널에서 커밋합니다(바뀌는 것은 이후 --describe가' },
  { en: 'afterwards); it does not re-run the pipeline. Like the real tool it refuses while the group has members.', ko: '보여 주는 내용뿐이고, 파이프라인을 다시 실행하지 않습니다). 실제 도구처럼 그룹에 멤버가 있으면 거부합니다.' },
  { en: '(--topic <name>, --broker <id> and --broker-defaults are short for the entity options)', ko: '(--topic <name>, --broker <id>, --broker-defaults는 entity 옵션을 줄여 쓴 것입니다)' },
  { en: '--alter changes what this terminal shows (kafka-configs --describe), not the run: the pipeline', ko: '--alter는 이 터미널이 보여 주는 것(kafka-configs --describe)만 바꾸고 실행은 바꾸지 않습니다.' },
  { en: 'is not run again. To see a setting act, put it in pipeline.yaml and press Run.', ko: '파이프라인을 다시 실행하지 않습니다. 설정의 효과를 보려면 pipeline.yaml에 넣고 실행을 누르세요.' },
  { en: 'queries: {list}', ko: '쿼리: {list}' },
  { en: 'body: {list}', ko: '본문: {list}' },
  { en: "also: _cat/indices?v, _cat/aliases, _mapping, _aliases, <index>/_doc/<id>. `now` is the run's end.", ko: '그 밖에: _cat/indices?v, _cat/aliases, _mapping, _aliases, <index>/_doc/<id>. `now`는 실행의 끝입니다.' },
  { en: 'as of the instant set with `at` (default: the end): _cat/thread_pool/write?v, _cluster/health?pretty,', ko: '`at`으로 정한 시점(기본: 실행의 끝) 기준: _cat/thread_pool/write?v, _cluster/health?pretty,' },
  { en: 'Logstash: events in/filtered/out, queue, DLQ', ko: 'Logstash: 이벤트 in/filtered/out, 큐, DLQ' },
  { en: 'Flink checkpoints', ko: 'Flink 체크포인트' },
  { en: 'Flink job metrics', ko: 'Flink 잡 지표' },
  { en: 'Filebeat: events acked/failed, open files, registry writes', ko: 'Filebeat: 이벤트 acked/failed, 열린 파일, 레지스트리 쓰기' },
  { en: '(only what the simulator models is in these answers: no JVM, CPU, sizes in bytes or per-plugin timings)', ko: '(응답에는 시뮬레이터가 모델링하는 것만 있습니다. JVM, CPU, 바이트 단위 크기, 플러그인별 시간은 없습니다)' },
  { en: '(reshards the stream as the run left it; to reshard while records flow, list the command under world.yaml `reshards:`)', ko: '(실행이 남긴 스트림을 리샤딩합니다. 레코드가 흐르는 동안 리샤딩하려면 그 명령을 world.yaml `reshards:`에 쓰세요)' },
  { en: '(the lease table: owner and checkpoint per shard)', ko: '(리스 테이블: 샤드별 소유자와 체크포인트)' },
  { en: '(SELECT, MSCK REPAIR TABLE, ALTER TABLE … ADD PARTITION, SHOW PARTITIONS)', ko: '(쓸 수 있는 문: SELECT, MSCK REPAIR TABLE, ALTER TABLE … ADD PARTITION, SHOW PARTITIONS)' },
  { en: '(also get-query-execution: the state, and why a query failed)', ko: '(get-query-execution도 있습니다: 쿼리의 상태와 실패한 이유)' },
  { en: '(the partitions the catalog holds)', ko: '(카탈로그에 등록된 파티션)' },
  { en: '(the lake as the run left it, or as of `at <time>`; partitions added here last for this terminal session)', ko: '(실행이 남긴 레이크, 또는 `at <time>` 시점의 레이크. 여기서 추가한 파티션은 이 터미널 세션 동안 남습니다)' },
  { en: '(and each invocation by the end of the run, or by `at <time>`)', ko: '(실행의 끝, 또는 `at <time>`까지의 호출도 하나씩 보여 줌)' },
  { en: "Output is the AWS CLI v2's JSON. Times default to the run's start and the instant set with `at`.", ko: '출력은 AWS CLI v2의 JSON입니다. 시각의 기본값은 실행 시작과 `at`으로 정한 시점입니다.' },
];

/** The simulator's notes inside a tool's answer or error (curl.ts, aws/cloudwatch.ts, kafka-*.ts, tail.ts, warehouse-sql.ts). */
const notes: SimTemplate[] = [
  { en: 'kafka-configs: entity type {type} is not modelled here; use topics or brokers.', ko: 'kafka-configs: entity type {type}: 여기서 모델링하지 않는 타입입니다. topics나 brokers를 쓰세요.' },
  { en: 'kafka-console-consumer: topic {topic} has partitions 0–{last}; there is no partition {partition}.', ko: 'kafka-console-consumer: 토픽 {topic}의 파티션은 0–{last}입니다. 없는 파티션입니다: {partition}.' },
  { en: '--max-messages expects a whole number ≥ 1', ko: '--max-messages에는 1 이상의 정수를 쓰세요' },
  { en: '({file} is empty: nothing was written to it in this run)', ko: '({file}: 비어 있습니다. 이번 실행에서 아무것도 쓰이지 않았습니다)' },
  { en: 'files: {list}', ko: '파일: {list}' },
  { en: 'order {id} does not exist', ko: '없는 주문입니다: {id}' },
  { en: 'curl: there are no files to send from this terminal ({file}); give the JSON inline: -d \'{"query": …}\'', ko: 'curl: 이 터미널에는 보낼 파일이 없습니다 ({file}). JSON을 직접 쓰세요: -d \'{"query": …}\'' },
  { en: 'curl: option {option}: is not supported in this terminal (try -X, -d, -H, -s, -i, -f)', ko: 'curl: option {option}: 이 터미널에서는 지원하지 않습니다 (-X, -d, -H, -s, -i, -f를 써 보세요)' },
  { en: 'An error occurred (InvalidParameterValue) when calling the GetMetricStatistics operation: the simulated CloudWatch answers --statistics Sum (not {statistic})', ko: 'An error occurred (InvalidParameterValue) when calling the GetMetricStatistics operation: 시뮬레이션의 CloudWatch는 --statistics Sum만 답합니다 ({statistic} 아님)' },
];

export const terminalTemplates: readonly SimTemplate[] = [...usage, ...notes];

/**
 * The terminal's own words in Korean: `help` and the commands' one-line summaries, the messages of
 * the shell itself and of its simulator commands (`faults`, `ledger`, `trace`, `at`, `sim run`),
 * and the simulator's fault log lines they show. Real tools' output (kafka-topics columns, curl's
 * errors, Elasticsearch JSON, Kafka exceptions) has no template here and stays as the tools print it.
 *
 * The terminal translates line by line, trying each line from its first word, then from each
 * later word (a `faults` line is `  T+12s  logstash  process crashed: …`): so no template here may
 * begin with a parameter, or it would swallow the columns before it.
 */
import type { SimTemplate } from './template.js';
import { terminalTemplates } from './terminal.js';
import { runLogTemplates } from './runlog.js';
import { batchTemplates } from './batch.js';
import { runbookTemplates } from './runbook.js';

/** `help`: the preamble, and each command's summary (simulator/shell/commands/*.ts). */
const help: SimTemplate[] = [
  { en: 'A shell over the last run. Nothing here changes the pipeline: it reads what the run left behind.', ko: '마지막 실행을 살펴보는 셸입니다. 여기서는 파이프라인을 바꾸지 않고, 실행이 남긴 것을 읽기만 합니다.' },
  { en: 'kafka-consumer-groups --reset-offsets --execute and kafka-configs --alter change only what this', ko: 'kafka-consumer-groups --reset-offsets --execute와 kafka-configs --alter는 이 터미널이' },
  { en: 'terminal shows afterwards; the run is not repeated (press Run, or `sim run`, for a new one).', ko: '이후에 보여 주는 내용만 바꿉니다. 실행을 다시 하지는 않습니다(새로 실행하려면 실행 버튼이나 `sim run`).' },
  { en: 'Tab completes commands, topics, groups, indices and files; ↑/↓ walk the history.', ko: 'Tab으로 명령·토픽·그룹·인덱스·파일 이름을 완성하고, ↑/↓로 이전 명령을 불러옵니다.' },
  { en: 'list the commands, or show how to use one: help <command>', ko: '명령 목록, 또는 한 명령의 사용법: help <command>' },
  { en: 'describe Kafka topics: partitions, leaders, replicas, in-sync replicas; --under-replicated-partitions at an instant', ko: 'Kafka 토픽 보기: 파티션·리더·레플리카·ISR, 한 시점의 --under-replicated-partitions' },
  { en: 'print records of a topic: --topic t [--from-beginning] [--partition p] [--max-messages n]', ko: '토픽의 레코드 출력: --topic t [--from-beginning] [--partition p] [--max-messages n]' },
  { en: 'consumer groups: committed offsets, log end and lag per partition; reset offsets of a stopped group', ko: '컨슈머 그룹: 파티션별 커밋된 오프셋·로그 끝·랙, 멈춘 그룹의 오프셋 재설정' },
  { en: 'describe or alter topic and broker configs (dynamic, static, defaults); --alter changes this terminal only', ko: '토픽·브로커 설정 보기와 변경(동적·정적·기본값), --alter는 이 터미널에서만 바뀜' },
  { en: 'HTTP APIs: Elasticsearch :{es} (_search, _cat, _cluster/health), Logstash :{ls}/_node/stats, Flink :{flink}/jobs, Filebeat :{fb}/stats', ko: 'HTTP API 조회: Elasticsearch :{es} (_search, _cat, _cluster/health), Logstash :{ls}/_node/stats, Flink :{flink}/jobs, Filebeat :{fb}/stats' },
  { en: 'last lines of a log: tail /var/log/app/access-0.log, tail /var/log/<node>.log (as that tool writes it), tail /var/log/sim.log', ko: '로그의 마지막 줄: tail /var/log/app/access-0.log, tail /var/log/<node>.log(그 도구가 쓰는 형식 그대로), tail /var/log/sim.log' },
  { en: "a record's life hop by hop, and its fate in each output: trace access-0.log:42", ko: '레코드가 거친 단계와 출력마다의 결과: trace access-0.log:42' },
  { en: 'the fault schedule of the last run and what happened when each fault struck', ko: '마지막 실행의 장애 일정과 장애마다 일어난 일' },
  { en: 'what the operators typed during the last run, when, and what each command printed', ko: '마지막 실행 중에 운영자가 입력한 명령과 시각, 명령마다 출력한 내용' },
  { en: 'what happened to every record, per output; `ledger <output>` lists lost and duplicated records', ko: '출력별로 모든 레코드에 일어난 일, `ledger <output>`은 유실·중복된 레코드 목록' },
  { en: 'set the instant the metric views answer for (like the scrubber): at 12s · at end · at', ko: '지표를 볼 시점 지정(스크러버처럼): at 12s · at end · at' },
  { en: "the batch layer's Airflow: `airflow dags list-runs -d <dag_id>` shows each DAG run's state and times; `airflow tasks states-for-dag-run <dag_id> <run_id>` its task instances", ko: '배치 레이어의 Airflow: `airflow dags list-runs -d <dag_id>`로 DAG 실행마다의 상태와 시각 보기, `airflow tasks states-for-dag-run <dag_id> <run_id>`로 그 태스크 인스턴스 보기' },
  { en: 'the AWS CLI over the run: kinesis, firehose, dynamodb (KCL leases), cloudwatch, athena, glue, scheduler (help aws)', ko: '실행을 살펴보는 AWS CLI: kinesis, firehose, dynamodb(KCL 리스), cloudwatch, athena, glue, scheduler (help aws)' },
  { en: 'the warehouse: `spark-sql -S -e "SELECT * FROM mart_daily_revenue"` queries fact_orders and the marts', ko: '웨어하우스: `spark-sql -S -e "SELECT * FROM mart_daily_revenue"`로 fact_orders와 마트 조회' },
  { en: 'the orders database: `psql -h orders-db -d shop -c "SELECT count(*) FROM orders"`', ko: '주문 데이터베이스: `psql -h orders-db -d shop -c "SELECT count(*) FROM orders"`' },
  { en: "the warehouse's ledger for one order: `trace-order 42` — each version, which extract read it or why none did, its fact row, the marts", ko: '주문 하나의 웨어하우스 원장: `trace-order 42` — 버전마다 어느 추출이 읽었는지(또는 왜 아무도 읽지 않았는지), 팩트 행, 마트' },
  { en: 'run the pipeline in the editor (same as the Run button)', ko: '편집기의 파이프라인 실행(실행 버튼과 같음)' },
  { en: 'usage: {usage}', ko: '사용법: {usage}' },
  { en: '<time> is a duration since the run started (12s, 1500ms, 2m). Affects: curl localhost:9600/_node/stats,', ko: '<time>은 실행 시작부터의 시간(12s, 1500ms, 2m)입니다. 영향을 받는 것: curl localhost:9600/_node/stats,' },
];

/** The shell's own messages and the simulator commands' output. */
const messages: SimTemplate[] = [
  { en: 'no run yet: press Run or type `sim run`, then try again.', ko: '아직 실행 결과가 없습니다. 실행 버튼을 누르거나 `sim run`을 입력한 뒤 다시 해 보세요.' },
  { en: 'this run has no warehouse: a workspace with <host>/postgresql.conf and a DAG whose jobs read it over JDBC', ko: '이 실행에는 웨어하우스가 없습니다. <host>/postgresql.conf와, 잡이 JDBC로 그 데이터베이스를 읽는 DAG가 있는 워크스페이스가 필요합니다' },
  { en: 'read by {run} extract try {n}', ko: '{run}의 추출 시도 {n}에서 읽음' },
  { en: 'read by no extract:', ko: '어떤 추출도 읽지 않음:' },
  { en: 'its transaction had not committed when the query started (invisible under READ COMMITTED)', ko: '쿼리가 시작될 때 트랜잭션이 아직 커밋되지 않았음(READ COMMITTED에서는 보이지 않음)' },
  { en: "updated_at is outside the run's data interval", ko: 'updated_at이 그 실행의 데이터 구간 밖에 있음' },
  { en: 'orders-db refused the connection; the try failed', ko: 'orders-db가 연결을 거부해 시도가 실패함' },
  { en: 'the query saw another version of the row', ko: '쿼리가 그 행의 다른 버전을 봄' },
  { en: 'fact_orders: no row', ko: 'fact_orders: 행 없음' },
  { en: 'counted in no mart', ko: '어느 마트에도 세어지지 않음' },
  { en: 'sh: {command}: command not found (type `help`)', ko: 'sh: {command}: 없는 명령입니다 (`help`를 입력해 보세요)' },
  { en: 'sh: unexpected end of line: a quote is not closed', ko: 'sh: 줄이 예상보다 일찍 끝났습니다. 따옴표가 닫히지 않았습니다' },
  { en: 'help: no command named {name}', ko: 'help: 없는 명령입니다: {name}' },
  { en: 'schedule:', ko: '일정:' },
  { en: 'schedule: no faults — everything stayed up and every link delivered.', ko: '일정: 장애 없음. 모든 프로세스가 살아 있었고 모든 링크가 전달했습니다.' },
  { en: 'what happened:', ko: '일어난 일:' },
  { en: 'runbook:', ko: '런북:' },
  { en: 'runbook: no operations — nobody typed a command during the run.', ko: '런북: 작업 없음. 실행 중에 아무도 명령을 입력하지 않았습니다.' },
  { en: 'at {at}, restarts after {after}', ko: '{at}에 크래시, {after} 뒤 재시작' },
  { en: 'at {at}, stays down', ko: '{at}에 크래시, 재시작하지 않음' },
  { en: 'process crashed: volatile state lost', ko: '프로세스 크래시: 휘발성 상태가 사라졌습니다' },
  { en: 'process restarted from durable state', ko: '내구성 있는 상태에서 프로세스를 재시작했습니다' },
  { en: 'link fault on: {what}', ko: '링크 장애 시작: {what}' },
  { en: 'link fault off', ko: '링크 장애 끝' },
  { en: 'network partition: cut off from everyone else', ko: '네트워크 분할: 나머지 모두와 끊어졌습니다' },
  { en: 'network partition healed', ko: '네트워크 분할이 복구되었습니다' },
  { en: 'no outputs: nothing in this pipeline keeps records at the end.', ko: '출력 없음: 이 파이프라인에는 마지막에 레코드를 보관하는 곳이 없습니다.' },
  { en: 'run ended: {how} after {events} events', ko: '실행 종료: {how}, 이벤트 {events}개' },
  { en: 'ledger: no output {name}; outputs: {ids}', ko: 'ledger: 없는 출력입니다: {name}. 출력: {ids}' },
  { en: 'lost ({n}):', ko: '유실 ({n}):' },
  { en: 'duplicated ({n}):', ko: '중복 ({n}):' },
  { en: 'in flight ({n}):', ko: '처리 중 ({n}):' },
  { en: '… and {n} more', ko: '… 외 {n}개' },
  { en: 'try: trace <record-id>', ko: '다음으로: trace <record-id>' },
  { en: 'trace: no record {id} in this run (it generated {n} records, ids like {example}).', ko: 'trace: 이번 실행에는 {id} 레코드가 없습니다 (레코드 {n}개를 만들었고, id는 {example} 같은 모양입니다).' },
  { en: 'tracing {id}: replaying the run with seed {seed}…', ko: '{id} 추적 중: 시드 {seed}로 실행을 다시 재생합니다…' },
  { en: 'record {id} (rid {rid})', ko: '레코드 {id} (rid {rid})' },
  { en: 'line written to {file}', ko: '{file}에 기록된 줄' },
  { en: '(hops not recorded in this run)', ko: '(이번 실행에서는 단계가 기록되지 않았습니다)' },
  { en: 'fate:', ko: '결과:' },
  { en: 'at {at} (the end of the run)', ko: '{at} (실행의 끝)' },
  { en: 'at: the run ended at {at}', ko: 'at: 실행은 {at}에 끝났습니다' },
  { en: 'starting a run…', ko: '실행을 시작합니다…' },
  { en: 'tail: the run is over, so there is nothing more to follow; drop -f (or press Run again).', ko: 'tail: 실행이 끝나 더 따라갈 내용이 없습니다. -f를 빼거나 다시 실행하세요.' },
  { en: 'kafka-topics: this pipeline has no Kafka cluster.', ko: 'kafka-topics: 이 파이프라인에는 Kafka 클러스터가 없습니다.' },
  { en: 'kafka-configs: this pipeline has no Kafka cluster.', ko: 'kafka-configs: 이 파이프라인에는 Kafka 클러스터가 없습니다.' },
  { en: 'kafka-consumer-groups: this pipeline has no Kafka cluster.', ko: 'kafka-consumer-groups: 이 파이프라인에는 Kafka 클러스터가 없습니다.' },
];

/** `aws scheduler get-schedule`: the simulation's account of the invocations, after the API's JSON. */
const scheduler: SimTemplate[] = [
  { en: 'Invocations (simulated: the EventBridge Scheduler API keeps no history of them):', ko: '호출 기록 (시뮬레이션: EventBridge Scheduler API는 호출 기록을 남기지 않습니다):' },
  { en: 'none by {at}', ko: '{at}까지 없음' },
  { en: 'invoked at {at}: {action} started crawler {name}', ko: '{at}에 호출: {action} 호출로 크롤러 {name} 시작' },
  { en: 'invoked at {at}: {action} failed with EntityNotFoundException (no crawler {name})', ko: '{at}에 호출: {action} 호출 실패, EntityNotFoundException (크롤러 {name} 없음)' },
  { en: 'invoked at {at}: {action} is not simulated, so nothing changed', ko: '{at}에 호출: {action} 대상은 시뮬레이션하지 않으므로 바뀐 것이 없습니다' },
  { en: 'not invoked by {at}: due by {due}', ko: '{at}까지 호출되지 않음: {due}까지 호출될 예정' },
];

/** What `airflow backfill create` printed in a runbook (simulator/operations/apply.ts, orchestrator/scheduler.ts). */
const backfill: SimTemplate[] = [
  { en: 'Performing dry run of backfill: {n} runs to be attempted, nothing created', ko: '백필 드라이 런: 시도할 실행 {n}개, 아무것도 만들지 않음' },
  { en: 'dry run: would run logical date {date}', ko: '드라이 런: logical date {date}를 실행할 것' },
  { en: 'Created backfill {id} of Dag {dag}: {n} logical dates, reprocess {mode}, max_active_runs {max}', ko: 'DAG {dag}의 백필 {id} 생성: logical date {n}개, reprocess {mode}, max_active_runs {max}' },
  { en: 'created run {run} for logical date {date}', ko: 'logical date {date}의 실행 {run} 생성' },
  { en: 'cleared run {run} for logical date {date}: queued again as a backfill run', ko: 'logical date {date}의 실행 {run}을 clear: 백필 실행으로 다시 대기열에 넣음' },
  { en: 'skipped logical date {date}: run {run} already exists', ko: 'logical date {date} 건너뜀: 실행 {run}이 이미 있음' },
  { en: 'skipped logical date {date}: run {run} in flight', ko: 'logical date {date} 건너뜀: 실행 {run}이 아직 대기 중이거나 도는 중' },
  { en: 'Another backfill is running for Dag {dag}. There can be only one running backfill per Dag.', ko: 'DAG {dag}에 다른 백필이 실행 중입니다. DAG마다 실행 중인 백필은 하나만 있을 수 있습니다.' },
  { en: 'No runs to create for Dag {dag}', ko: 'DAG {dag}에 만들 실행이 없습니다' },
  { en: 'airflow backfill create changes the run: write it in a runbook (<host>/runbook.sh) ending in `# at <time>`, then run again', ko: 'airflow backfill create는 실행을 바꿉니다. 런북(<host>/runbook.sh)에 `# at <time>`으로 끝나게 쓰고 다시 실행하세요' },
];

// terminal.ts first: its usage lines are more specific than help's `usage: {usage}`.
export const shellTemplates: readonly SimTemplate[] = [...terminalTemplates, ...help, ...messages, ...scheduler, ...backfill, ...runLogTemplates, ...batchTemplates, ...runbookTemplates];

/** Messages that begin with a parameter: the terminal matches these against whole lines only. */
export const shellLineTemplates: readonly SimTemplate[] = [
  { en: '{dag} has a non-periodic schedule that does not support backfills', ko: '{dag}는 주기적인 스케줄이 아니어서 백필할 수 없습니다' },
  { en: '{name}: every record delivered exactly once, filtered or late — nothing lost or duplicated.', ko: '{name}: 모든 레코드가 정확히 한 번 전달되었거나 필터링·지연 처리되었습니다. 유실도 중복도 없습니다.' },
];

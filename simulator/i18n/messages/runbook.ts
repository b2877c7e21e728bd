/**
 * What the runbook's commands print in Korean, where the simulator speaks rather than the tool
 * (operations/apply.ts, shell/commands/reset-offsets.ts): its note after Flink's "Job has been
 * submitted", why a `flink run`, `flink stop` or `flink cancel` could not act, and what a forward
 * `kafka-consumer-groups --reset-offsets` did to the records it jumped over. The tools' own lines
 * ("Savepoint completed. Path: …", "Cancelled job …", Kafka's errors and reset tables) stay as the
 * tools print them; so does the fixed opening of Flink's CLI error ("The program finished with the
 * following exception:").
 */
import type { SimTemplate } from './template.js';

/** `flink run`, `flink run -s`, `flink stop --savepointPath`, `flink cancel` (operations/apply.ts). */
const flink: SimTemplate[] = [
  { en: 'Job has been submitted with JobID {id} (parallelism {parallelism})', ko: 'Job has been submitted with JobID {id} (병렬도 {parallelism})' },
  { en: 'The program finished with the following exception: the job could not be submitted (the cluster already runs it: stop or cancel it first)', ko: 'The program finished with the following exception: 잡을 제출할 수 없습니다 (클러스터가 이미 그 잡을 실행하고 있습니다. 먼저 stop이나 cancel 하세요)' },
  { en: 'The program finished with the following exception: the job could not be restored from the savepoint (it is still running, or Flink refused its parallelism: see the log)', ko: 'The program finished with the following exception: 세이브포인트에서 잡을 복구할 수 없습니다 (잡이 아직 실행 중이거나 Flink가 그 병렬도를 거부했습니다. 로그를 보세요)' },
  { en: 'The program finished with the following exception: Could not stop with a savepoint job "{id}": the job is not running.', ko: 'The program finished with the following exception: Could not stop with a savepoint job "{id}": 잡이 실행 중이 아닙니다.' },
  { en: 'The program finished with the following exception: Could not cancel job {id}: the job is not running.', ko: 'The program finished with the following exception: Could not cancel job {id}: 잡이 실행 중이 아닙니다.' },
];

/** `kafka-consumer-groups --reset-offsets` in a runbook or the terminal. */
const resetOffsets: SimTemplate[] = [
  { en: 'kafka-consumer-groups --reset-offsets moved group {group} past it on {partition}', ko: 'kafka-consumer-groups --reset-offsets가 그룹 {group}의 오프셋을 {partition}에서 이 레코드 너머로 옮겼습니다' },
  { en: '--{option} is not available in this terminal; use --to-earliest, --to-latest, --to-current, --to-offset or --shift-by.', ko: '--{option} 옵션은 이 터미널에서 쓸 수 없습니다. --to-earliest, --to-latest, --to-current, --to-offset, --shift-by 중 하나를 쓰세요.' },
];

export const runbookTemplates: readonly SimTemplate[] = [...flink, ...resetOffsets];

/**
 * A runbook line the simulator cannot carry out, as the editor shows it (operations/parse.ts,
 * plan.ts): like problems.ts, the tools' refusals are given in Korean with their option names kept.
 */
const parse: SimTemplate[] = [
  { en: 'a quote is not closed', ko: '따옴표가 닫히지 않았습니다' },
  { en: 'an empty command', ko: '빈 명령입니다' },
  { en: '{command}: command not found in the runbook', ko: '{command}: 런북에서 실행할 수 없는 명령입니다' },
  { en: 'a runbook runs kafka-topics.sh, kafka-consumer-groups.sh, flink, airflow', ko: '런북이 실행하는 명령: kafka-topics.sh, kafka-consumer-groups.sh, flink, airflow' },
  { en: '{option} is not a recognized option', ko: '{option}: 알 수 없는 옵션입니다' },
  { en: 'run {tool} --help', ko: '{tool} --help로 옵션을 확인하세요' },
  { en: 'Option {option} requires an argument', ko: '{option} 옵션에는 값이 필요합니다' },
  { en: 'Command must include exactly one action: --list, --describe, --create, --alter or --delete', ko: '명령에는 --list, --describe, --create, --alter, --delete 중 동작 하나만 있어야 합니다' },
  { en: 'kafka-topics.sh {action} is not an operation a runbook runs during the run', ko: 'kafka-topics.sh {action}: 런북이 실행 중에 하는 작업이 아닙니다' },
  { en: 'topics are created in topics.sh; a runbook changes them with --alter --partitions', ko: '토픽은 topics.sh에서 만들고, 런북은 --alter --partitions로 바꿉니다' },
  { en: 'Missing required argument "[bootstrap-server]"', ko: '필수 인자가 없습니다: "[bootstrap-server]"' },
  { en: 'Missing required argument "[topic]"', ko: '필수 인자가 없습니다: "[topic]"' },
  { en: '{option} with --alter is not simulated as an operation', ko: '--alter와 함께 쓴 {option}: 작업으로 시뮬레이션하지 않습니다' },
  { en: 'kafka-topics.sh refuses it too: change replicas with kafka-reassign-partitions.sh', ko: 'kafka-topics.sh도 거부합니다. 레플리카는 kafka-reassign-partitions.sh로 바꾸세요' },
  { en: 'a runbook adds partitions: --alter --partitions <n>', ko: '런북은 파티션을 늘립니다: --alter --partitions <n>' },
  { en: 'an --alter in a runbook adds partitions: --partitions <n> is missing', ko: '런북의 --alter는 파티션을 늘립니다. --partitions <n> 옵션이 없습니다' },
  { en: 'The partitions must be greater than 0', ko: '파티션 수는 0보다 커야 합니다' },
  { en: 'a runbook runs kafka-consumer-groups.sh --reset-offsets; the other actions only read', ko: '런북은 kafka-consumer-groups.sh --reset-offsets를 실행합니다. 다른 동작은 읽기만 합니다' },
  { en: 'look at groups with kafka-consumer-groups --describe in the terminal', ko: '그룹은 터미널에서 kafka-consumer-groups --describe로 보세요' },
  { en: 'Option [reset-offsets] takes one of these options: [all-groups], [group]', ko: '[reset-offsets] 옵션에는 다음 중 하나가 필요합니다: [all-groups], [group]' },
  { en: 'One of the reset scopes should be defined: --all-topics, --topic.', ko: '재설정 범위를 하나 정하세요: --all-topics, --topic.' },
  { en: '--topic <topic> (the simulated groups read one topic)', ko: '--topic <topic> (시뮬레이션의 그룹은 토픽 하나를 읽습니다)' },
  { en: 'Option [reset-offsets] takes exactly one of these options: {options}', ko: '[reset-offsets] 옵션에는 다음 중 정확히 하나가 필요합니다: {options}' },
  { en: '--{option} is not simulated', ko: '--{option} 옵션은 시뮬레이션하지 않습니다' },
  { en: 'use --to-earliest, --to-latest, --to-current, --to-offset or --shift-by', ko: '--to-earliest, --to-latest, --to-current, --to-offset, --shift-by 중 하나를 쓰세요' },
  { en: "Option {option} expects an integer, got '{value}'.", ko: "{option} 옵션에는 정수가 필요한데 '{value}'입니다." },
  { en: 'Option [dry-run] cannot be used with option [execute]', ko: '[dry-run] 옵션은 [execute] 옵션과 함께 쓸 수 없습니다' },
  { en: 'Please specify an action.', ko: '동작을 지정하세요.' },
  { en: 'a runbook stops a job with a savepoint: --savepointPath <dir> is missing', ko: '런북은 세이브포인트를 남기며 잡을 멈춥니다. --savepointPath <dir> 옵션이 없습니다' },
  { en: 'Missing JobID. Specify a Job ID to stop a job.', ko: 'JobID가 없습니다. 멈출 잡의 Job ID를 지정하세요.' },
  { en: 'Missing JobID. Specify a Job ID to cancel a job.', ko: 'JobID가 없습니다. 취소할 잡의 Job ID를 지정하세요.' },
  { en: 'Cannot parse JobID {id}. JobID must be a 32-character hexadecimal string.', ko: 'JobID를 읽을 수 없습니다: {id}. JobID는 32자리 16진수 문자열이어야 합니다.' },
  { en: 'the id curl localhost:8081/jobs shows', ko: 'curl localhost:8081/jobs가 보여 주는 id를 쓰세요' },
  { en: 'cancel with a savepoint (-s) is deprecated in Flink and not simulated', ko: '세이브포인트와 함께 취소(-s)하는 것은 Flink에서 지원 중단되었고 시뮬레이션하지 않습니다' },
  { en: 'stop the job with a savepoint instead: flink stop --savepointPath <dir> <jobId>', ko: '대신 세이브포인트를 남기며 잡을 멈추세요: flink stop --savepointPath <dir> <jobId>' },
  { en: 'The parallelism must be a positive number: {value}', ko: '병렬도는 양수여야 합니다: {value}' },
  { en: 'No JAR file specified.', ko: 'JAR 파일이 지정되지 않았습니다.' },
  { en: '"{action}" is not a valid action.', ko: '"{action}": 올바른 동작이 아닙니다.' },
  { en: 'a runbook runs flink stop, flink cancel or flink run', ko: '런북은 flink stop, flink cancel, flink run을 실행합니다' },
];

/** What the plan finds against the spec before the run (operations/plan.ts). */
const plan: SimTemplate[] = [
  { en: 'no Kafka cluster at {bootstrap}', ko: '{bootstrap}에 Kafka 클러스터가 없습니다' },
  { en: '--bootstrap-server names a kafka node: {nodes}', ko: '--bootstrap-server에는 kafka 노드를 쓰세요: {nodes}' },
  { en: "Topic '{topic}' does not exist as expected", ko: "없는 토픽입니다: '{topic}'" },
  { en: 'topics of {cluster}: {topics}', ko: '{cluster}의 토픽: {topics}' },
  { en: 'Topic already has {n} partition(s).', ko: '토픽의 파티션이 이미 {n}개입니다.' },
  { en: 'Kafka can only add partitions', ko: 'Kafka는 파티션을 늘리기만 할 수 있습니다' },
  { en: 'The topic {topic} currently has {n} partition(s); {count} would not be an increase.', ko: '토픽 {topic}의 파티션은 지금 {n}개입니다. {count}개는 늘어나는 수가 아닙니다.' },
  { en: 'Kafka never removes partitions: a smaller count means a new topic', ko: 'Kafka는 파티션을 줄이지 않습니다. 더 적은 수가 필요하면 새 토픽을 만들어야 합니다' },
  { en: 'Could not stop with a savepoint job "{id}": Job {job} not found', ko: '세이브포인트로 멈출 수 없는 잡 "{id}": 없는 Job입니다 ({job})' },
  { en: 'Could not cancel job "{id}": Job {job} not found', ko: '취소할 수 없는 잡 "{id}": 없는 Job입니다 ({job})' },
  { en: 'the job ids: {ids}', ko: '잡 id: {ids}' },
  { en: 'this pipeline has no Flink job', ko: '이 파이프라인에는 Flink 잡이 없습니다' },
  { en: 'Could not connect to the JobManager at {address}: no Flink cluster there', ko: '{address}의 JobManager에 연결할 수 없습니다. 그곳에는 Flink 클러스터가 없습니다' },
  { en: 'the Flink clusters: {clusters}', ko: 'Flink 클러스터: {clusters}' },
  { en: 'No Flink cluster to submit the job to', ko: '잡을 제출할 Flink 클러스터가 없습니다' },
  { en: 'which Flink cluster? this pipeline has several', ko: '어느 Flink 클러스터인가요? 이 파이프라인에는 여러 개가 있습니다' },
  { en: 'name it with -m <host>:8081: {clusters}', ko: '-m <host>:8081로 지정하세요: {clusters}' },
  { en: "Cannot find checkpoint or savepoint file/directory '{path}'", ko: "체크포인트나 세이브포인트 파일/디렉터리를 찾을 수 없습니다: '{path}'" },
  { en: 'the savepoints written before: {paths}', ko: '앞서 기록된 세이브포인트: {paths}' },
  { en: 'run flink stop --savepointPath <dir> <jobId> earlier: it prints the savepoint path', ko: '먼저 flink stop --savepointPath <dir> <jobId>를 실행하세요. 세이브포인트 경로를 출력합니다' },
];

export const runbookProblemTemplates: readonly SimTemplate[] = [...parse, ...plan];

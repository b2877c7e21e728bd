/**
 * A runbook's command lines in Korean (simulator/operations/parse.ts, plan.ts, checked as the
 * workspace's runbook file by config/workspace/runbook.ts): kafka-topics.sh --alter,
 * kafka-consumer-groups.sh --reset-offsets and flink stop / cancel / run. The tools' own error
 * texts are translated around the names they quote; commands, flags and values stay as written.
 * (airflow backfill create has its templates in problems.ts.)
 */
import type { SimTemplate } from './template.js';

/** What the line says (parse.ts). */
const lines: SimTemplate[] = [
  { en: 'a quote is not closed', ko: '닫히지 않은 따옴표가 있습니다' },
  { en: 'an empty command', ko: '빈 명령입니다' },
  { en: '{tool}: command not found in the runbook', ko: '{tool}: 런북에서 쓸 수 없는 명령입니다' },
  { en: 'Command must include exactly one action: --list, --describe, --create, --alter or --delete', ko: '명령에는 액션이 정확히 하나 있어야 합니다: --list, --describe, --create, --alter, --delete' },
  { en: 'kafka-topics.sh {action} is not an operation a runbook runs during the run', ko: 'kafka-topics.sh {action}: 런북이 실행 중에 하는 작업이 아닙니다' },
  { en: 'topics are created in topics.sh; a runbook changes them with --alter --partitions', ko: '토픽은 topics.sh에서 만듭니다. 런북은 --alter --partitions로 토픽을 바꿉니다' },
  { en: '{flag} with --alter is not simulated as an operation', ko: '--alter와 함께 쓴 {flag} 옵션은 작업으로 시뮬레이션하지 않습니다' },
  { en: 'kafka-topics.sh refuses it too: change replicas with kafka-reassign-partitions.sh', ko: 'kafka-topics.sh도 이를 거부합니다. 레플리카는 kafka-reassign-partitions.sh로 바꾸세요' },
  { en: 'a runbook adds partitions: --alter --partitions <n>', ko: '런북은 파티션을 추가합니다: --alter --partitions <n>' },
  { en: 'an --alter in a runbook adds partitions: --partitions <n> is missing', ko: '런북의 --alter는 파티션을 추가하는데, --partitions <n>이 없습니다' },
  { en: 'a runbook runs kafka-consumer-groups.sh --reset-offsets; the other actions only read', ko: '런북은 kafka-consumer-groups.sh --reset-offsets를 실행합니다. 다른 액션은 읽기만 합니다' },
  { en: 'look at groups with kafka-consumer-groups --describe in the terminal', ko: '컨슈머 그룹은 터미널에서 kafka-consumer-groups --describe로 확인하세요' },
  { en: 'Option [reset-offsets] takes one of these options: [all-groups], [group]', ko: '[reset-offsets] 옵션에는 다음 옵션 중 하나가 필요합니다: [all-groups], [group]' },
  { en: 'One of the reset scopes should be defined: --all-topics, --topic.', ko: '재설정 범위 중 하나를 지정해야 합니다: --all-topics, --topic.' },
  { en: '--topic <topic> (the simulated groups read one topic)', ko: '--topic <topic> (시뮬레이션의 컨슈머 그룹은 토픽 하나를 읽습니다)' },
  { en: 'Option [reset-offsets] takes exactly one of these options: {specs}', ko: '[reset-offsets] 옵션에는 다음 옵션 중 정확히 하나가 필요합니다: {specs}' },
  { en: '--{spec} is not simulated', ko: '--{spec} 옵션은 시뮬레이션하지 않습니다' },
  { en: 'use --to-earliest, --to-latest, --to-current, --to-offset or --shift-by', ko: '--to-earliest, --to-latest, --to-current, --to-offset, --shift-by 중 하나를 쓰세요' },
  { en: "Option {spec} expects an integer, got '{value}'.", ko: "{spec} 옵션에는 정수가 와야 하는데 '{value}'입니다." },
  { en: 'Option [dry-run] cannot be used with option [execute]', ko: '[dry-run] 옵션은 [execute] 옵션과 함께 쓸 수 없습니다' },
  { en: 'Please specify an action.', ko: '액션을 지정하세요.' },
  { en: 'a runbook stops a job with a savepoint: --savepointPath <dir> is missing', ko: '런북은 세이브포인트를 남기고 잡을 멈춥니다. --savepointPath <dir>가 없습니다' },
  { en: 'Missing JobID. Specify a Job ID to stop a job.', ko: 'JobID가 없습니다. 멈출 잡의 Job ID를 지정하세요.' },
  { en: 'Missing JobID. Specify a Job ID to cancel a job.', ko: 'JobID가 없습니다. 취소할 잡의 Job ID를 지정하세요.' },
  { en: 'Cannot parse JobID {id}. JobID must be a 32-character hexadecimal string.', ko: 'JobID {id}를 해석할 수 없습니다. JobID는 32자리 16진수 문자열이어야 합니다.' },
  { en: 'the id curl localhost:8081/jobs shows', ko: 'curl localhost:8081/jobs가 보여 주는 id' },
  { en: 'cancel with a savepoint (-s) is deprecated in Flink and not simulated', ko: '세이브포인트와 함께 하는 cancel(-s)은 Flink에서 더 이상 권장되지 않으며 시뮬레이션하지 않습니다' },
  { en: 'stop the job with a savepoint instead: flink stop --savepointPath <dir> <jobId>', ko: '대신 세이브포인트를 남기고 잡을 멈추세요: flink stop --savepointPath <dir> <jobId>' },
  { en: 'The parallelism must be a positive number: {value}', ko: '병렬성은 양수여야 합니다: {value}' },
  { en: 'No JAR file specified.', ko: 'JAR 파일이 지정되지 않았습니다.' },
  { en: '"{action}" is not a valid action.', ko: '"{action}": 올바른 액션이 아닙니다.' },
  { en: 'a runbook runs flink stop, flink cancel or flink run', ko: '런북은 flink stop, flink cancel, flink run을 실행합니다' },
  // Last: the two above begin the same way.
  { en: 'a runbook runs {tools}', ko: '런북에서 실행하는 명령: {tools}' },
];

/** What the line would do to this pipeline (plan.ts). */
const plan: SimTemplate[] = [
  { en: 'no Kafka cluster at {address}', ko: '{address}에 Kafka 클러스터가 없습니다' },
  { en: '--bootstrap-server names a kafka node: {nodes}', ko: '--bootstrap-server에는 kafka 노드를 씁니다: {nodes}' },
  { en: "Topic '{topic}' does not exist as expected", ko: "'{topic}' 토픽이 없습니다" },
  { en: 'topics of {cluster}: {topics}', ko: '{cluster}의 토픽: {topics}' },
  { en: 'Topic already has {n} partition(s).', ko: '토픽의 파티션이 이미 {n}개입니다.' },
  { en: 'Kafka can only add partitions', ko: 'Kafka는 파티션을 늘릴 수만 있습니다' },
  { en: 'The topic {topic} currently has {n} partition(s); {m} would not be an increase.', ko: '토픽 {topic}의 현재 파티션 수는 {n}개입니다. {m}개로는 늘어나지 않습니다.' },
  { en: 'Kafka never removes partitions: a smaller count means a new topic', ko: 'Kafka는 파티션을 줄이지 않습니다. 파티션 수를 줄이려면 새 토픽이 필요합니다' },
  { en: 'Could not {what} job "{id}": Job {job} not found', ko: '잡 "{id}"에 {what} 명령을 실행할 수 없습니다: Job {job}을 찾을 수 없습니다' },
  { en: 'the job ids: {ids}', ko: '잡 id: {ids}' },
  { en: 'this pipeline has no Flink job', ko: '이 파이프라인에는 Flink 잡이 없습니다' },
  { en: 'Could not connect to the JobManager at {address}: no Flink cluster there', ko: '{address}의 JobManager에 연결할 수 없습니다. 그곳에는 Flink 클러스터가 없습니다' },
  { en: 'the Flink clusters: {clusters}', ko: 'Flink 클러스터: {clusters}' },
  { en: 'No Flink cluster to submit the job to', ko: '잡을 제출할 Flink 클러스터가 없습니다' },
  { en: 'which Flink cluster? this pipeline has several', ko: '어느 Flink 클러스터인가요? 이 파이프라인에는 여러 개가 있습니다' },
  { en: 'name it with -m <host>:8081: {clusters}', ko: '-m <host>:8081로 지정하세요: {clusters}' },
  { en: "Cannot find checkpoint or savepoint file/directory '{path}'", ko: "체크포인트나 세이브포인트 파일/디렉터리를 찾을 수 없습니다: '{path}'" },
  { en: 'the savepoints written before: {paths}', ko: '앞서 쓰인 세이브포인트: {paths}' },
  { en: 'run flink stop --savepointPath <dir> <jobId> earlier: it prints the savepoint path', ko: '먼저 flink stop --savepointPath <dir> <jobId>를 실행하세요. 세이브포인트 경로가 출력됩니다' },
];

export const runbookLineTemplates: readonly SimTemplate[] = [...lines, ...plan];

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
];

export const runbookTemplates: readonly SimTemplate[] = [...flink, ...resetOffsets];

/**
 * A runbook line the simulator cannot carry out, as the editor shows it (operations/parse.ts,
 * plan.ts): like problems.ts, the tools' refusals are given in Korean with their option names kept.
 */
const parse: SimTemplate[] = [
  { en: '--{option} is not available in this terminal; use --to-earliest, --to-latest, --to-current, --to-offset or --shift-by.', ko: '--{option} 옵션은 이 터미널에서 쓸 수 없습니다. --to-earliest, --to-latest, --to-current, --to-offset, --shift-by 중 하나를 쓰세요.' },
  { en: 'a runbook runs kafka-topics.sh, kafka-consumer-groups.sh, flink, airflow', ko: '런북이 실행하는 명령: kafka-topics.sh, kafka-consumer-groups.sh, flink, airflow' },
];

/** What the plan finds against the spec before the run (operations/plan.ts). */
const plan: SimTemplate[] = [
  { en: 'Could not stop with a savepoint job "{id}": Job {job} not found', ko: '세이브포인트로 멈출 수 없는 잡 "{id}": 없는 Job입니다 ({job})' },
  { en: 'Could not cancel job "{id}": Job {job} not found', ko: '취소할 수 없는 잡 "{id}": 없는 Job입니다 ({job})' },
];

export const runbookProblemTemplates: readonly SimTemplate[] = [...parse, ...plan];

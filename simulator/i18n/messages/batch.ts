/**
 * The batch layer's words in Korean: the run-log lines of its DAG runs and Spark jobs
 * (arch/batch.ts: each try of a DAG run, what its job read and committed), the serving view's
 * refusals (arch/serving.ts), and the simulator's own sentences in the terminal's `airflow`
 * command. Airflow's own output (its tables, "No data found", argparse's errors) stays as Airflow
 * prints it.
 *
 * A try's line begins with its run id (`scheduled__2026-01-01T00:01:00+00:00 try 1: …`): the
 * templates start at `try`, and the run id is kept as printed.
 */
import type { SimTemplate } from './template.js';

/** A DAG run's tries and the Spark job each one runs (arch/batch.ts). */
const tries: SimTemplate[] = [
  { en: 'try {n}: Spark job ({job}) over {records} records in {objects} objects under {prefix}; takes {ms} ms', ko: '시도 {n}: Spark 잡({job})이 {prefix} 아래 객체 {objects}개의 레코드 {records}개를 처리합니다. {ms} ms 걸립니다' },
  { en: 'try {n} committed {rows} rows to partition (table) (INSERT INTO: appended)', ko: '시도 {n}: 테이블 전체에 행 {rows}개를 커밋했습니다 (INSERT INTO: 덧붙임)' },
  { en: 'try {n} committed {rows} rows to partition (table) (INSERT OVERWRITE: replaced)', ko: '시도 {n}: 테이블 전체에 행 {rows}개를 커밋했습니다 (INSERT OVERWRITE: 교체)' },
  { en: 'try {n} committed {rows} rows to partition {partition} (INSERT INTO: appended)', ko: '시도 {n}: 파티션 {partition}에 행 {rows}개를 커밋했습니다 (INSERT INTO: 덧붙임)' },
  { en: 'try {n} committed {rows} rows to partition {partition} (INSERT OVERWRITE: replaced)', ko: '시도 {n}: 파티션 {partition}에 행 {rows}개를 커밋했습니다 (INSERT OVERWRITE: 교체)' },
  { en: 'try {n} killed by the crash before its Spark job committed: the try fails', ko: '시도 {n}: Spark 잡이 커밋하기 전에 크래시로 종료되어 이 시도는 실패합니다' },
];

/** The batch layer without a DAG (a fixed `every:`), and the serving view (arch/batch.ts, arch/serving.ts). */
const layer: SimTemplate[] = [
  { en: 'batch run started at {ms} ms aborted: its work is lost, the next run starts over', ko: '{ms} ms에 시작한 배치 실행이 중단되었습니다. 그 작업은 사라지고 다음 실행이 처음부터 다시 합니다' },
  { en: 'batch run still going at the next scheduled start: this start is skipped', ko: '다음 예약 시각에도 배치 실행이 아직 진행 중이어서 이번 시작은 건너뜁니다' },
  { en: 'batch run skipped: the master dataset is empty', ko: '배치 실행 건너뜀: 마스터 데이터셋이 비어 있습니다' },
  { en: 'batch run ({job}) started over {records} records in {objects} objects, cut-off {cut} ms; takes {ms} ms', ko: '배치 실행({job}) 시작: 객체 {objects}개의 레코드 {records}개, 컷오프 {cut} ms. {ms} ms 걸립니다' },
  { en: 'batch view ({job}) published: {rows} windows, covering windows that ended by {ms} ms', ko: '배치 뷰({job}) 게시: 윈도우 {rows}개, {ms} ms까지 끝난 윈도우를 담습니다' },
  { en: 'batch job {job} cannot start: {why*}', ko: '배치 잡 {job}: 시작할 수 없습니다: {why*}' },
  { en: 'no master dataset: `{node}` is not an s3 node', ko: '마스터 데이터셋이 없습니다: `{node}`는 s3 노드가 아닙니다' },
  { en: 'serving view has no speed layer: `{node}` is not a flink node', ko: '서빙 뷰에 스피드 레이어가 없습니다: `{node}`는 flink 노드가 아닙니다' },
  { en: 'lambda serving view has no batch layer: `{node}` is not a batch node', ko: '람다 서빙 뷰에 배치 레이어가 없습니다: `{node}`는 batch 노드가 아닙니다' },
];

/** The terminal's `airflow` command, where the simulator speaks (shell/commands/airflow.ts). */
const airflow: SimTemplate[] = [
  { en: 'Dag id {dag} not found (DAGs: {dags})', ko: 'Dag id {dag}: 찾을 수 없습니다 (있는 DAG: {dags})' },
  { en: 'Dag id {dag} not found: this run has no DAG', ko: 'Dag id {dag}: 찾을 수 없습니다. 이번 실행에는 DAG가 없습니다' },
];

export const batchTemplates: readonly SimTemplate[] = [...tries, ...layer, ...airflow];

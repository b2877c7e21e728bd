/**
 * The batch side's files in Korean: Airflow DAG files (simulator/config/airflow/dag-file.ts,
 * hosts.ts, warehouse-hosts.ts) and Spark SQL job files (config/spark/job-sql.ts,
 * warehouse-sql.ts). Airflow's and Spark's own error texts are translated around the names they
 * quote; operator names, arguments, SQL keywords and error classes ([TABLE_OR_VIEW_NOT_FOUND]) stay.
 */
import type { SimTemplate } from './template.js';

/** DAG files and the Airflow hosts that run them. */
const airflow: SimTemplate[] = [
  { en: 'the DAG has no SparkSqlOperator task: the batch layer would never compute its view', ko: 'DAG에 SparkSqlOperator 태스크가 없습니다. 배치 레이어가 뷰를 끝내 계산하지 않습니다' },
  { en: 'add view = SparkSqlOperator(task_id="batch_view", sql="batch_view.sql")', ko: '추가하세요: view = SparkSqlOperator(task_id="batch_view", sql="batch_view.sql")' },
  { en: 'the batch layer runs one SparkSqlOperator task per DAG', ko: '배치 레이어는 DAG마다 SparkSqlOperator 태스크 하나를 실행합니다' },
  { en: 'airflow.exceptions.AirflowException: Invalid arguments were passed to {operator} (task_id: {task}). Invalid arguments were: **kwargs: {{kwargs}}', ko: 'airflow.exceptions.AirflowException: {operator}(task_id: {task})에 잘못된 인자가 전달되었습니다. 잘못된 인자: **kwargs: {{kwargs}}' },
  { en: 'sql="…" must name the job file (…/x.sql): the simulator runs the Spark SQL written there', ko: 'sql="…"에는 잡 파일(…/x.sql)을 써야 합니다. 시뮬레이터는 그 파일에 쓰인 Spark SQL을 실행합니다' },
  { en: 'sql="…" must name the job file (…/x.sql)', ko: 'sql="…"에는 잡 파일(…/x.sql)을 써야 합니다' },
  { en: 'put it in {host}/jobs/ and give the DAG template_searchpath="/opt/airflow/jobs", or next to the DAG', ko: '{host}/jobs/에 두고 DAG에 template_searchpath="/opt/airflow/jobs"를 주거나, DAG 파일 옆에 두세요' },
  { en: '{key} must be a positive whole number', ko: '{key} 값은 양의 정수여야 합니다' },
  { en: 'retries must be a whole number ≥ 0', ko: 'retries는 0 이상의 정수여야 합니다' },
  { en: "TypeError: DAG.__init__() got an unexpected keyword argument '{key}'", ko: "TypeError: DAG.__init__()에 예상하지 못한 '{key}' 키워드 인자가 주어졌습니다" },
  { en: 'DAG arguments read: {args}', ko: '읽히는 DAG 인자: {args}' },
  { en: 'indexes Flink jobs write: {names}', ko: 'Flink 잡이 쓰는 인덱스: {names}' },
  { en: 'tables written: {names}', ko: '쓰이는 테이블: {names}' },
  { en: 'DAG(...) needs start_date=datetime(...)', ko: 'DAG(...)에는 start_date=datetime(...)이 필요합니다' },
  { en: 'schedule=None: the DAG runs only when triggered, and nobody triggers it in the simulation', ko: 'schedule=None이면 DAG는 트리거될 때만 실행되는데, 시뮬레이션에서는 아무도 트리거하지 않습니다' },
  { en: '{host} has Spark jobs but no DAG runs them', ko: '{host}에 Spark 잡이 있지만 실행하는 DAG가 없습니다' },
  { en: 'the simulator runs one DAG per Airflow host; {host} has {n}', ko: '시뮬레이터는 Airflow 호스트마다 DAG를 하나만 실행합니다. {host}에는 {n}개가 있습니다' },
  { en: 'no task of {dag} runs this job', ko: '{dag}에는 이 잡을 실행하는 태스크가 없습니다' },
  { en: 'no Flink job writes the index `{index}` on {host}', ko: '{host}의 인덱스 `{index}`에 쓰는 Flink 잡이 없습니다' },
  { en: "no DAG's Spark job writes the table `{table}`", ko: '테이블 `{table}`에 쓰는 DAG의 Spark 잡이 없습니다' },
  { en: '{operator} is not simulated in the warehouse DAG', ko: '{operator}: 웨어하우스 DAG에서는 시뮬레이션하지 않습니다' },
  { en: 'each step is a SparkSqlOperator running a .sql file', ko: '각 단계는 .sql 파일을 실행하는 SparkSqlOperator입니다' },
  { en: '`{key}` is valid but not simulated in the warehouse DAG', ko: '`{key}` 설정은 올바르지만 웨어하우스 DAG에서 시뮬레이션하지 않습니다' },
  { en: 'org.postgresql.util.PSQLException: Connection to {host}:{port} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.', ko: 'org.postgresql.util.PSQLException: {host}:{port} 연결이 거부되었습니다. 호스트 이름과 포트가 맞는지, postmaster가 TCP/IP 연결을 받고 있는지 확인하세요.' },
  { en: '{host}/postgresql.conf says port = {port}', ko: '{host}/postgresql.conf의 설정은 port = {port}입니다' },
  { en: 'a job that reads the JDBC view into stg_orders or fact_orders', ko: 'JDBC 뷰를 읽어 stg_orders나 fact_orders에 쓰는 잡' },
  { en: 'no task does the {step} step this {task} task needs', ko: '이 {task} 태스크에 필요한 {step} 단계를 하는 태스크가 없습니다' },
];

/** Spark SQL job files of the batch layer (job-sql.ts). */
const sparkJobs: SimTemplate[] = [
  { en: '[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `{name}` because it already exists', ko: '[TABLE_OR_VIEW_ALREADY_EXISTS] `{name}` 테이블 또는 뷰가 이미 있어 만들 수 없습니다' },
  { en: 'write CREATE TABLE IF NOT EXISTS, once per table', ko: '테이블마다 한 번씩 CREATE TABLE IF NOT EXISTS로 쓰세요' },
  { en: 'this statement is not simulated: {start} …', ko: '이 문은 시뮬레이션하지 않습니다: {start} …' },
  { en: 'the simulator runs: {shape}', ko: '시뮬레이터가 실행하는 형태: {shape}' },
  { en: 'the job writes nothing: no INSERT statement', ko: '이 잡은 아무것도 쓰지 않습니다. INSERT 문이 없습니다' },
  { en: 'the simulator runs one INSERT per job file', ko: '시뮬레이터는 잡 파일마다 INSERT 하나만 실행합니다' },
  { en: 'CREATE TABLE needs a column list', ko: 'CREATE TABLE에는 컬럼 목록이 필요합니다' },
  { en: "table `{table}` has no LOCATION: the simulator's tables live in the object store", ko: '테이블 `{table}`에 LOCATION이 없습니다. 시뮬레이터의 테이블은 객체 스토리지에 있습니다' },
  { en: "LOCATION '{location}' is not an S3 path", ko: "LOCATION '{location}' 값은 S3 경로가 아닙니다" },
  { en: "add LOCATION 's3a://lake/raw/'", ko: "LOCATION 's3a://lake/raw/'를 추가하세요" },
  { en: "write 's3a://<bucket>/<prefix>/'", ko: "'s3a://<bucket>/<prefix>/' 꼴로 쓰세요" },
  { en: "GROUP BY needs a time window: window(`@timestamp`, '10 seconds')", ko: "GROUP BY에는 시간 윈도우가 필요합니다: window(`@timestamp`, '10 seconds')" },
  { en: "write '10 seconds', '1 minute', …", ko: "'10 seconds', '1 minute', … 꼴로 쓰세요" },
  { en: '[COLUMN_NOT_DEFINED_IN_TABLE] partition column `{column}` is not defined in table `{table}`', ko: '[COLUMN_NOT_DEFINED_IN_TABLE] `{column}` 파티션 컬럼이 `{table}` 테이블에 정의되어 있지 않습니다' },
  { en: 'add {column} STRING to the columns', ko: '컬럼 목록에 {column} STRING을 추가하세요' },
  { en: 'INSERT must name its table: INSERT OVERWRITE TABLE t … / INSERT INTO t …', ko: 'INSERT에는 테이블 이름이 필요합니다: INSERT OVERWRITE TABLE t … / INSERT INTO t …' },
  { en: '[TABLE_OR_VIEW_NOT_FOUND] The table or view `{name}` cannot be found', ko: '[TABLE_OR_VIEW_NOT_FOUND] `{name}` 테이블 또는 뷰를 찾을 수 없습니다' },
  { en: 'create it in this file with CREATE TABLE IF NOT EXISTS … LOCATION', ko: '이 파일에서 CREATE TABLE IF NOT EXISTS … LOCATION으로 만드세요' },
  { en: 'create it in this file with CREATE TABLE IF NOT EXISTS', ko: '이 파일에서 CREATE TABLE IF NOT EXISTS로 만드세요' },
  { en: "the simulator writes one partition given by value: PARTITION (dt = '{{ ds }}')", ko: "시뮬레이터는 값으로 지정한 파티션 하나에 씁니다: PARTITION (dt = '{{ ds }}')" },
  { en: '[PARTITIONS_NOT_FOUND] `{column}` is not a partition column of `{table}` (partitioned by: {keys})', ko: '[PARTITIONS_NOT_FOUND] `{column}` 컬럼은 `{table}`의 파티션 컬럼이 아닙니다 (파티션 컬럼: {keys})' },
  { en: 'INSERT OVERWRITE without PARTITION (…) under the default partitionOverwriteMode=static deletes every partition of `{table}` first', ko: '기본값 partitionOverwriteMode=static에서 PARTITION (…) 없이 INSERT OVERWRITE하면 먼저 `{table}`의 모든 파티션을 지웁니다' },
  { en: "write PARTITION (dt = '{{ ds }}') to replace only the run's partition", ko: "이번 실행의 파티션만 바꾸려면 PARTITION (dt = '{{ ds }}')를 쓰세요" },
  { en: 'the query is not of the simulated shape', ko: '쿼리가 시뮬레이션되는 형태가 아닙니다' },
  { en: "window({col}, …): the simulated records carry their event time in `@timestamp` (what Logstash's date filter sets)", ko: 'window({col}, …): 시뮬레이션의 레코드는 이벤트 시간을 `@timestamp`에 담습니다 (Logstash의 date 필터가 설정하는 필드)' },
  { en: "write window(`@timestamp`, '10 seconds')", ko: "window(`@timestamp`, '10 seconds')로 쓰세요" },
  { en: '[UNRESOLVED_COLUMN] `@timestamp` is not a column of `{table}`', ko: '[UNRESOLVED_COLUMN] `@timestamp`는 `{table}`의 컬럼이 아닙니다' },
  { en: 'add `@timestamp` TIMESTAMP to its columns', ko: '컬럼 목록에 `@timestamp` TIMESTAMP를 추가하세요' },
  { en: "'{text}' is not an interval Spark reads", ko: "'{text}' 값은 Spark가 읽는 간격 표현이 아닙니다" },
  { en: 'the simulator aggregates one key per window; GROUP BY has {keys}', ko: '시뮬레이터는 윈도우마다 키 하나로 집계합니다. GROUP BY의 키: {keys}' },
  { en: '[UNRESOLVED_COLUMN] A column with name `{column}` cannot be resolved in `{table}`', ko: '[UNRESOLVED_COLUMN] `{table}`에서 이름이 `{column}`인 컬럼을 찾을 수 없습니다' },
  { en: 'the SELECT needs one aggregate: count(*), count(DISTINCT id), sum(col) or avg(col)', ko: 'SELECT에는 집계 함수가 하나 필요합니다: count(*), count(DISTINCT id), sum(col), avg(col)' },
  { en: '[UNRESOLVED_COLUMN] `{column}` is not a column of `{table}`', ko: '[UNRESOLVED_COLUMN] `{table}`에는 `{column}` 컬럼이 없습니다' },
  { en: '{fn}({arg}) is not simulated', ko: '{fn}({arg}) 집계는 시뮬레이션하지 않습니다' },
  // After "`condition`: " (the spec's "`{path}`: {what*}" template reads the condition as the path).
  { en: 'the simulator reads WHERE as comparisons of a column with a literal, joined by AND', ko: '시뮬레이터는 WHERE를 AND로 이은 컬럼과 리터럴의 비교로 읽습니다' },
  { en: "the simulator reads one partition: `{column}` = '…'", ko: "시뮬레이터는 파티션 하나를 읽습니다: `{column}` = '…'" },
];

/** The orders warehouse's job files (warehouse-sql.ts). */
const warehouseJobs: SimTemplate[] = [
  { en: 'a {kind} view is not simulated here', ko: '{kind} 뷰는 여기서 시뮬레이션하지 않습니다' },
  { en: 'warehouse jobs the simulator runs: {shapes}', ko: '시뮬레이터가 실행하는 웨어하우스 잡: {shapes}' },
  { en: 'INSERT OVERWRITE TABLE fact_orders … for a full extract', ko: '전체 추출이면 INSERT OVERWRITE TABLE fact_orders …' },
  { en: 'MERGE INTO fact_orders … ON f.order_id = s.order_id for an incremental one', ko: '증분 추출이면 MERGE INTO fact_orders … ON f.order_id = s.order_id' },
  { en: '[TABLE_OR_VIEW_NOT_FOUND] this job writes `{table}` from {source}, which the warehouse does not have', ko: '[TABLE_OR_VIEW_NOT_FOUND] 이 잡은 {source}에서 `{table}`에 쓰는데, 웨어하우스에 그 테이블이 없습니다' },
  { en: "IllegalArgumentException: requirement failed: Option 'url' is required.", ko: "IllegalArgumentException: requirement failed: 'url' 옵션이 필요합니다." },
  { en: "IllegalArgumentException: requirement failed: Option 'dbtable' or 'query' is required.", ko: "IllegalArgumentException: requirement failed: 'dbtable'이나 'query' 옵션이 필요합니다." },
  { en: "IllegalArgumentException: requirement failed: Both 'dbtable' and 'query' can not be specified at the same time.", ko: "IllegalArgumentException: requirement failed: 'dbtable'과 'query'는 함께 지정할 수 없습니다." },
  { en: "java.sql.SQLException: No suitable driver: '{url}' is not a PostgreSQL JDBC URL", ko: "java.sql.SQLException: No suitable driver: '{url}' 값은 PostgreSQL JDBC URL이 아닙니다" },
];

export const batchFileTemplates: readonly SimTemplate[] = [...airflow, ...sparkJobs, ...warehouseJobs];

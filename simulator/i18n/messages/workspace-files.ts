/**
 * A workspace as a whole, in Korean: its layout and the links between hosts (simulator/config/
 * workspace/compile.ts), the world file world.yaml (world.ts, world-processing.ts), runbook lines
 * (runbook.ts) and world.yaml's `deploys` of new job versions (config/deploy/deploys.ts).
 * Host names, file names, keys and values stay as written.
 */
import type { SimTemplate } from './template.js';

/** The layout and the links between hosts (compile.ts). */
const layout: SimTemplate[] = [
  { en: 'this file is not part of the workspace layout and is not read', ko: '이 파일은 워크스페이스 구성에 속하지 않아 읽지 않습니다' },
  { en: 'a workspace needs world.yaml (workload, duration, drain, seed, faults)', ko: '워크스페이스에는 world.yaml(workload, duration, drain, seed, faults)이 필요합니다' },
  { en: 'Logstash on {host} has no pipeline', ko: '{host}의 Logstash에 파이프라인이 없습니다' },
  { en: 'write {host}/pipeline/main.conf', ko: '{host}/pipeline/main.conf 파일을 쓰세요' },
  { en: 'write {host}/filebeat.yml', ko: '{host}/filebeat.yml 파일을 쓰세요' },
  { en: 'write {host}/dags/<name>.py', ko: '{host}/dags/<name>.py 파일을 쓰세요' },
  { en: 'write {file}: CREATE TABLE … ; INSERT INTO … SELECT …', ko: '{file} 파일을 쓰세요: CREATE TABLE … ; INSERT INTO … SELECT …' },
  { en: 'write {file} (bootstrap.servers, group.id, …)', ko: '{file} 파일을 쓰세요 (bootstrap.servers, group.id, …)' },
  { en: 'write "{host}:{port}"', ko: '"{host}:{port}"로 쓰세요' },
  { en: 'no host "{host}" in this workspace ({text})', ko: '이 워크스페이스에는 호스트 "{host}"가 없습니다 ({text})' },
  { en: '{host} runs {roles}, not {role} ({text})', ko: '{host}에서 실행되는 것은 {roles}입니다. {role} 호스트가 아닙니다 ({text})' },
  { en: 'hosts: {names}', ko: '호스트: {names}' },
  { en: 'the simulation models one Elasticsearch cluster per output: these hosts name different ones, the first is used', ko: '시뮬레이션은 출력마다 Elasticsearch 클러스터 하나를 모델링합니다. 이 호스트들은 서로 다른 클러스터를 가리키므로 첫 번째를 씁니다' },
  { en: 'Logstash on {host} has no input listening ({text})', ko: '{host}의 Logstash에 연결을 받는 입력이 없습니다 ({text})' },
  { en: 'add input { beats { port => 5044 } }', ko: 'input { beats { port => 5044 } } 설정을 추가하세요' },
  { en: 'Logstash on {host} listens on port {port}, not {wanted} ({text})', ko: '{host}의 Logstash는 {wanted}번이 아니라 {port}번 포트에서 연결을 받습니다 ({text})' },
  { en: '{text} is a {plugin} input; Filebeat\'s logstash output speaks the Beats protocol', ko: '{text}의 입력은 {plugin} 입력입니다. Filebeat의 logstash 출력은 Beats 프로토콜로 통신합니다' },
  { en: 'use input { beats { … } }', ko: 'input { beats { … } } 설정을 쓰세요' },
  { en: 'load balancing over several hosts is not simulated: the first host gets every batch', ko: '여러 호스트에 대한 부하 분산은 시뮬레이션하지 않습니다. 첫 호스트가 모든 배치를 받습니다' },
  { en: 'no log files are written on {host} (world.yaml workload.logs)', ko: '{host}에 쓰이는 로그 파일이 없습니다 (world.yaml workload.logs)' },
  { en: 'add {host}: [/var/log/…] under workload.logs', ko: 'workload.logs 아래에 {host}: [/var/log/…]를 추가하세요' },
  { en: 'no filebeat.inputs path in {file} matches {log}: nothing would ship it', ko: '{file}의 filebeat.inputs 경로 중 {log} 파일과 맞는 것이 없습니다. 이 파일을 보낼 것이 없습니다' },
  { en: "every generated file must be read by its server's Filebeat", ko: '생성되는 파일은 모두 그 서버의 Filebeat가 읽어야 합니다' },
  { en: '{log} is read by {n} inputs of {file}: each would ship every line (duplicates), which is not simulated', ko: '{log} 파일을 {file}의 입력 {n}개가 읽습니다. 입력마다 모든 줄을 보내게 되는데(중복), 이는 시뮬레이션하지 않습니다' },
  { en: "let one input's paths match it", ko: '입력 하나의 경로만 이 파일과 맞게 하세요' },
  { en: 'no file written on {host} matches {glob}', ko: '{host}에 쓰이는 파일 중 {glob} 패턴과 맞는 것이 없습니다' },
  { en: 'the simulator runs the Filebeats of all servers as one: {file} differs from {other} in {keys}', ko: '시뮬레이터는 모든 서버의 Filebeat를 하나로 실행합니다. {file} 파일과 {other} 파일은 다음 설정이 다릅니다: {keys}' },
  { en: 'give every filebeat.yml the same settings and output', ko: '모든 filebeat.yml에 같은 설정과 출력을 주세요' },
  { en: 'logs are written on {host} but no Filebeat ships them', ko: '{host}에 로그가 쓰이지만 보내는 Filebeat가 없습니다' },
  { en: 'Filebeat runs, but world.yaml writes no log files for it to read', ko: 'Filebeat는 실행되지만 world.yaml에 Filebeat가 읽을 로그 파일이 없습니다' },
  { en: 'the batch job reads the lake, but nothing writes to the object store', ko: '배치 잡은 데이터 레이크를 읽는데, 객체 스토리지에 쓰는 것이 없습니다' },
  { en: 'give Logstash an s3 output (or a Flink filesystem sink)', ko: 'Logstash에 s3 출력(또는 Flink filesystem 싱크)을 주세요' },
];

/** world.yaml (world.ts, world-processing.ts) and runbook lines (runbook.ts). */
const world: SimTemplate[] = [
  { en: 'world.yaml is a mapping: workload, duration, drain, seed, faults', ko: 'world.yaml은 매핑입니다: workload, duration, drain, seed, faults' },
  { en: 'start with `workload:`', ko: '`workload:`로 시작하세요' },
  { en: 'unknown key `{key}` in world.yaml', ko: 'world.yaml에 알 수 없는 키 `{key}`' },
  { en: 'world.yaml holds only {keys}; everything else comes from the real files', ko: 'world.yaml에는 {keys}만 씁니다. 나머지는 모두 실제 파일에서 읽습니다' },
  { en: '`workload.logs` maps each server to the log files written there', ko: '`workload.logs`는 서버마다 그 서버에 쓰이는 로그 파일을 적는 매핑입니다' },
  { en: 'the log files of {host} are a list of absolute paths', ko: '{host}의 로그 파일은 절대 경로의 목록입니다' },
  { en: '`processing-time` maps each Flink host to the time one record takes', ko: '`processing-time`은 Flink 호스트마다 레코드 하나를 처리하는 시간을 적는 매핑입니다' },
  { en: '{host} runs no Flink job', ko: '{host}에서는 Flink 잡이 실행되지 않습니다' },
  { en: 'Flink hosts: {names}', ko: 'Flink 호스트: {names}' },
  { en: 'a host runs Flink when it has a job.sql', ko: 'job.sql이 있는 호스트에서 Flink가 실행됩니다' },
  { en: 'a runbook command says when it is run: end it with a comment such as `# at 60s`', ko: '런북 명령에는 실행 시각을 적습니다. `# at 60s` 같은 주석으로 끝내세요' },
  { en: 'the time is since the run started (world.yaml duration)', ko: '시각은 실행을 시작한 뒤로 지난 시간입니다 (world.yaml duration)' },
];

/** world.yaml `deploys`: a new version of a running job (deploy/deploys.ts). */
const deploys: SimTemplate[] = [
  { en: '`deploys` is a list of { at, file }', ko: '`deploys`는 { at, file }의 목록입니다' },
  { en: 'a deploy is { at, file }', ko: '배포 항목은 { at, file }입니다' },
  { en: 'unknown key `{key}` in a deploy', ko: '배포 항목에 알 수 없는 키 `{key}`' },
  { en: 'no file {file} in the workspace', ko: '워크스페이스에 {file} 파일이 없습니다' },
  { en: "name the new version's file, e.g. stream/job-v2.sql", ko: '새 버전의 파일 이름을 쓰세요. 예: stream/job-v2.sql' },
  { en: "{file}: name a version's file <name>-<version>.sql (e.g. job-v2.sql)", ko: '{file}: 버전 파일의 이름은 <name>-<version>.sql 꼴로 지으세요 (예: job-v2.sql)' },
  { en: '{file} does not aggregate: the simulator deploys versions of a windowed job', ko: '{file} 파일은 집계하지 않습니다. 시뮬레이터가 새 버전을 배포하는 것은 윈도우 집계 잡입니다' },
  { en: 'versions are simulated for jobs that read a Kafka topic', ko: '버전 배포는 Kafka 토픽을 읽는 잡에 대해서만 시뮬레이션합니다' },
  { en: 'the new version reads \'{topic}\', the running job \'{running}\': a version of a job reads the same topic', ko: '새 버전은 \'{topic}\' 토픽을, 실행 중인 잡은 \'{running}\' 토픽을 읽습니다. 한 잡의 버전들은 같은 토픽을 읽어야 합니다' },
  { en: 'versions are simulated for jobs that write an elasticsearch-7 index', ko: '버전 배포는 elasticsearch-7 인덱스에 쓰는 잡에 대해서만 시뮬레이션합니다' },
  { en: "a new group id '{group}' into the live index: restored from the savepoint, the job goes on from the savepoint's offsets anyway", ko: "운영 중인 인덱스에 새 그룹 id '{group}'로 씁니다. 세이브포인트에서 복구한 잡은 어차피 세이브포인트의 오프셋부터 이어 읽습니다" },
  { en: "{file} replays the topic from 'earliest-offset' into the live index '{index}': readers would see history rewritten under them, window by window", ko: "{file} 파일은 토픽을 'earliest-offset'부터 다시 읽어 운영 중인 인덱스 '{index}'에 씁니다. 조회하는 쪽에서는 지난 결과가 윈도우 하나씩 다시 쓰이는 것을 보게 됩니다" },
  { en: "write the replay into a new index, '{index}-{version}', and swap the alias when it has caught up", ko: "리플레이는 새 인덱스 '{index}-{version}'에 쓰고, 따라잡은 뒤에 별칭을 바꾸세요" },
  { en: "{file} writes '{index}': the simulator names a replay's index after the live one and the version", ko: "{file} 파일은 '{index}'에 씁니다. 시뮬레이터는 리플레이 인덱스의 이름을 운영 중인 인덱스 이름과 버전으로 짓습니다" },
  { en: "{file} fills the new index '{index}' without reading from 'earliest-offset': it would hold only what arrives from now on, and the alias swap would drop all history", ko: "{file} 파일은 'earliest-offset'부터 읽지 않고 새 '{index}' 인덱스를 채웁니다. 새 인덱스에는 지금부터 들어오는 것만 담기고, 별칭을 바꾸면 지난 결과가 모두 사라집니다" },
  { en: "the replay shares the group id '{group}' with the running job: their committed offsets overwrite each other", ko: "리플레이 잡이 실행 중인 잡과 '{group}' 그룹 id를 함께 씁니다. 서로의 커밋된 오프셋을 덮어씁니다" },
  { en: "give it its own: 'properties.group.id' = '{group}-{version}'", ko: "따로 주세요: 'properties.group.id' = '{group}-{version}'" },
  { en: '{file} reads or writes other tables than {job}: the simulator deploys a new query over the same tables', ko: '{file} 파일은 {job} 파일과 다른 테이블을 읽거나 씁니다. 시뮬레이터는 같은 테이블 위의 새 쿼리만 배포합니다' },
  { en: "{file} is not a version of a Flink job (<host>/job-<version>.sql) or of a DAG's Spark job (<host>/jobs/<name>-<version>.sql)", ko: '{file} 파일은 Flink 잡(<host>/job-<version>.sql)이나 DAG의 Spark 잡(<host>/jobs/<name>-<version>.sql)의 버전이 아닙니다' },
];

export const workspaceFileTemplates: readonly SimTemplate[] = [...layout, ...world, ...deploys];

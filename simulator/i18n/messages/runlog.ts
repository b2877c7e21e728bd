/**
 * The simulator's own run-log lines in Korean: what the nodes note as the run goes (Kafka's
 * controller and group coordinator, producers and consumers, Filebeat's connections, Logstash's
 * outputs, Flink's jobs, KCL workers and Kinesis streams). They reach a learner in the terminal
 * (`faults`, `tail /var/log/sim.log`, and a node's log for the lines its tool has no line of its
 * own for), in the simulator's `[clock][LEVEL][source] text` form; a real tool's log line stays as
 * the tool writes it (shell/log-format, real-line.ts).
 *
 * The terminal matches these from a word of the line on, so none begins with a parameter: a line
 * that starts with one (`logs-0: retention deleted …`, `3 bulk items rejected …`) has its template
 * start at the first fixed word, and the parameter before it is kept as it was printed. Variants
 * that only differ at the end are listed most specific first (the first match wins).
 */
import type { SimTemplate } from './template.js';

/** Kafka: the controller, replication, retention, groups, transactions, the Java clients. */
const kafka: SimTemplate[] = [
  { en: 'broker {id} fenced: no heartbeat for broker.session.timeout.ms', ko: '브로커 {id} 펜싱: broker.session.timeout.ms 동안 하트비트가 없었습니다' },
  { en: 'broker {id} registered and unfenced', ko: '브로커 {id} 등록, 펜싱 해제' },
  { en: 'unclean leader election of out-of-sync broker {broker}: records it lacks are gone', ko: '언클린 리더 선출: 동기화되지 않은 레플리카(브로커 {broker})가 리더가 되어, 그 브로커에 없는 레코드는 사라졌습니다' },
  { en: 'offline: no in-sync replica is alive (unclean.leader.election.enable=false)', ko: '오프라인: 살아 있는 ISR이 없습니다 (unclean.leader.election.enable=false)' },
  { en: 'broker {broker} elected leader (epoch {epoch})', ko: '리더 선출: 브로커 {broker} (에포크 {epoch})' },
  { en: 'ISR shrunk to [{isr}] (replica.lag.time.max.ms)', ko: 'ISR 축소: [{isr}] (replica.lag.time.max.ms)' },
  { en: 'truncated {n} records not on the new leader (offset {offset})', ko: '새 리더에 없는 레코드 {n}개를 잘라 냈습니다 (오프셋 {offset})' },
  { en: 'retention deleted a segment ({n} records); log start now {start}', ko: '보존 기간이 지나 세그먼트 하나를 삭제했습니다 (레코드 {n}개). 이제 로그 시작 오프셋은 {start}입니다' },
  { en: 'retention deleted {segments} segments ({n} records); log start now {start}', ko: '보존 기간이 지나 세그먼트 {segments}개를 삭제했습니다 (레코드 {n}개). 이제 로그 시작 오프셋은 {start}입니다' },
  { en: 'group {group} generation {generation}: {assignment}', ko: '그룹 {group} 제너레이션 {generation}: {assignment}' },
  { en: 'group {group}: member {member} sent no heartbeat within session.timeout.ms ({ms} ms); rebalancing', ko: '그룹 {group}: 멤버 {member}의 하트비트가 session.timeout.ms({ms} ms) 안에 오지 않아 리밸런스합니다' },
  { en: 'group {group}: member {member} left the group; rebalancing', ko: '그룹 {group}: 멤버 {member}의 그룹 탈퇴로 리밸런스합니다' },
  { en: 'group {group}: committed offsets expired (empty for offsets.retention.minutes = {minutes})', ko: '그룹 {group}: 커밋된 오프셋이 만료되었습니다 (offsets.retention.minutes = {minutes} 동안 빈 그룹)' },
  { en: 'transaction of {id} open longer than transaction.timeout.ms ({ms} ms): aborted, producer fenced', ko: '{id}의 트랜잭션이 transaction.timeout.ms({ms} ms)보다 오래 열려 있어 중단하고 프로듀서를 펜싱했습니다' },
  { en: 'kafka producer: enable.idempotence needs acks=all; with acks={acks} idempotence is disabled (retries may duplicate and reorder)', ko: 'kafka 프로듀서: enable.idempotence에는 acks=all이 필요합니다. acks={acks}에서는 멱등성이 꺼집니다 (재시도가 레코드를 중복시키거나 순서를 바꿀 수 있습니다)' },
  { en: 'kafka producer: error produce response on {partition}: {error} ({n} so far)', ko: 'kafka 프로듀서: {partition}의 produce 응답 오류 {error} (지금까지 {n}번)' },
  { en: 'kafka producer: {error}; this producer instance can no longer send', ko: 'kafka 프로듀서: {error}. 이 프로듀서 인스턴스는 더 보낼 수 없습니다' },
  { en: 'kafka consumer: offset {offset} of {partition} is out of range and auto.offset.reset=none (NoOffsetForPartitionException)', ko: 'kafka 컨슈머: {partition}의 오프셋 {offset}: 범위 밖이고 auto.offset.reset=none입니다 (NoOffsetForPartitionException)' },
  { en: 'kafka consumer: offset {offset} of {partition} out of range (log start {start}); auto.offset.reset={policy} → {target}, skipping {n} records', ko: 'kafka 컨슈머: {partition}의 오프셋 {offset}: 범위 밖 (로그 시작 {start}). auto.offset.reset={policy} → {target}, 레코드 {n}개를 건너뜁니다' },
  { en: 'kafka consumer: offset {offset} of {partition} out of range (log start {start}); auto.offset.reset={policy} → {target}', ko: 'kafka 컨슈머: {partition}의 오프셋 {offset}: 범위 밖 (로그 시작 {start}). auto.offset.reset={policy} → {target}' },
  { en: 'kafka consumer: cached metadata has changed ({topic} has {n} partitions, assigned from {from}); rejoining the group', ko: 'kafka 컨슈머: 캐시된 메타데이터가 바뀌었습니다 ({topic}의 파티션 {n}개, 할당 당시 {from}개). 그룹에 다시 참여합니다' },
  { en: 'kafka consumer: poll() not called within max.poll.interval.ms ({ms} ms); leaving the group', ko: 'kafka 컨슈머: max.poll.interval.ms({ms} ms) 안에 poll()을 호출하지 않아 그룹을 떠납니다' },
  { en: 'commit failed: {error}', ko: '커밋 실패: {error}' },
];

/** Filebeat's connections, Logstash's outputs. */
const shippers: SimTemplate[] = [
  { en: 'no ACK from {target} within {ms} ms: closing the connection, {n} batch(es) will be resent', ko: '{ms} ms 안에 {target}에서 ACK가 오지 않아 연결을 닫습니다. 배치 {n}개를 다시 보냅니다' },
  { en: 'connection to {target} reset (the process went down): {n} batch(es) will be resent', ko: '{target} 연결이 끊겼습니다(프로세스 다운). 배치 {n}개를 다시 보냅니다' },
  { en: 'connection to {target} reset (the process went down): {n} bulk request(s) will be retried', ko: '{target} 연결이 끊겼습니다(프로세스 다운). 벌크 요청 {n}개를 재시도합니다' },
  { en: 'elasticsearch output: no bulk response within {ms} ms, retrying', ko: 'elasticsearch 출력: {ms} ms 안에 벌크 응답이 없어 재시도합니다' },
  { en: 'elasticsearch output: connection to {address} reset (the process went down), retrying {n} bulk request(s)', ko: 'elasticsearch 출력: {address} 연결이 끊겼습니다(프로세스 다운). 벌크 요청 {n}개를 재시도합니다' },
  { en: 'elasticsearch output: 409 conflict for _id {id}, event dropped', ko: 'elasticsearch 출력: _id {id}에 409 충돌, 이벤트를 버렸습니다' },
  { en: 'kafka output: producer send failed, dropping record: {error}', ko: 'kafka 출력: 프로듀서 전송이 실패해 레코드를 버립니다: {error}' },
  { en: 'kafka output: exhausted user-configured retry count (retries: {retries}, {rounds}) when sending to Kafka; dropping {n} event(s) (last error: {error})', ko: 'kafka 출력: Kafka로 보내면서 설정한 재시도 횟수를 모두 썼습니다 (retries: {retries}, {rounds}). 이벤트 {n}개를 버립니다 (마지막 오류: {error})' },
  { en: 'kafka output: Kafka output is configured with finite retry. This instructs Logstash to LOSE DATA after a set number of send attempts fails. If you do not want to lose data if Kafka is down, then you must remove the retry setting. (retries: {retries})', ko: 'kafka 출력: 재시도 횟수가 유한하게 설정되어 있습니다. 정해진 횟수만큼 보내기에 실패하면 Logstash가 데이터를 버립니다(유실). Kafka가 내려가 있을 때 데이터를 잃지 않으려면 retries 설정을 지우세요. (retries: {retries})' },
  { en: 's3 output: restoring {n} temporary file(s) left by the previous run', ko: 's3 출력: 이전 실행이 남긴 임시 파일 {n}개를 복구합니다' },
  { en: 's3 output: Failed to upload file {key} after {n} attempts (retry_count: {limit}); deleting the temporary file', ko: 's3 출력: {n}번 시도했지만 파일 {key}의 업로드에 실패했습니다 (retry_count: {limit}). 임시 파일을 지웁니다' },
  { en: 'kinesis output: Kinesis is too busy - blocking until things have cleared up', ko: 'kinesis 출력: Kinesis가 바빠 풀릴 때까지 블로킹합니다' },
];

/** A Flink job's state as the log describes it: each subtask's key groups, keys and window cells (job-instance.ts describeState). */
const subtaskState: SimTemplate[] = (() => {
  const out: SimTemplate[] = [];
  for (const rest of [true, false]) {
    for (const [keys, keysKo] of [['{keys} keys', '키 {keys}개'], ['{keys} key', '키 {keys}개']] as const) {
      for (const [cells, cellsKo] of [['{cells} window cells', '윈도우 셀 {cells}개'], ['{cells} window cell', '윈도우 셀 {cells}개']] as const) {
        out.push({ en: `subtask {i}: key groups {groups}, ${keys}, ${cells}${rest ? '; {rest*}' : ''}`, ko: `서브태스크 {i}: 키 그룹 {groups}, ${keysKo}, ${cellsKo}${rest ? '; {rest*}' : ''}` });
      }
    }
  }
  return out;
})();

/** One line about a Flink job, for the job `main` ("job …") and a named version ("job v2 …"). */
function jobLines(lines: readonly SimTemplate[]): SimTemplate[] {
  return lines.flatMap((t) => [
    { en: `job ${t.en}`, ko: `잡 ${t.ko}` },
    { en: `job {version} ${t.en}`, ko: `잡 {version} ${t.ko}` },
  ]);
}

/** Flink: restarts, restores, savepoints, rescales, sinks (nodes/flink). */
const flink: SimTemplate[] = [
  { en: 'job {version} is FAILED (restart-strategy none): {reason*}', ko: '잡 {version} FAILED (restart-strategy none): {reason*}' },
  { en: 'job {version} is FAILED: restart attempts ({n}) exhausted', ko: '잡 {version} FAILED: 재시작 시도({n}번)를 모두 썼습니다' },
  { en: 'job {version} restarting in {ms}ms (attempt {n} of {max})', ko: '잡 {version}: {ms}ms 뒤 재시작합니다 (시도 {n}/{max})' },
  { en: 'job {version} restarting in {ms}ms (attempt {n})', ko: '잡 {version}: {ms}ms 뒤 재시작합니다 (시도 {n})' },
  { en: 'deployed job version {version} from savepoint {id}: parallelism {from} → {to}', ko: '세이브포인트 {id}에서 잡 버전 {version} 배포: 병렬도 {from} → {to}' },
  { en: 'deploy of job version {version} skipped: the job is not running, so there is nothing to stop with a savepoint', ko: '잡 버전 {version} 배포 건너뜀: 잡이 실행 중이 아니어서 세이브포인트로 멈출 것이 없습니다' },
  { en: 'deployed job version {version} in place', ko: '잡 버전 {version} 제자리 배포' },
  { en: 'reprocessing: started job {version} from the earliest retained offset into {target}', ko: '재처리: 잡 {version} 시작, 남아 있는 가장 이른 오프셋부터 읽어 {target}에 씁니다' },
  { en: 'job {version} caught up (lag 0): readers switch to {target}; stopping job {old}', ko: '잡 {version} 따라잡음 (랙 0): 읽는 쪽이 {target} 쪽으로 바뀝니다. 잡 {old} 중지' },
  ...jobLines([
    { en: 'restored from checkpoint {id}: sources rewound to {offsets}', ko: '체크포인트 {id}에서 복구: 소스를 되감은 위치 {offsets}' },
    { en: 'restored from savepoint {id}: sources rewound to {offsets}', ko: '세이브포인트 {id}에서 복구: 소스를 되감은 위치 {offsets}' },
    { en: 'discovered shards {ids} of {source} at start: read from their first record (TRIM_HORIZON)', ko: '시작할 때 {source}의 샤드 {ids} 발견: 첫 레코드부터 읽습니다 (TRIM_HORIZON)' },
    { en: 'discovered partitions {ids} of {source} at start: read from their earliest offsets', ko: '시작할 때 {source}의 파티션 {ids} 발견: 가장 이른 오프셋부터 읽습니다' },
    { en: 'discovered new shards of {source} ({where}): read from their first record (TRIM_HORIZON)', ko: '{source}의 새 샤드 발견 ({where}): 첫 레코드부터 읽습니다 (TRIM_HORIZON)' },
    { en: 'discovered new partitions of {source} ({where}): read from their earliest offsets', ko: '{source}의 새 파티션 발견 ({where}): 가장 이른 오프셋부터 읽습니다' },
    { en: 'stopped with savepoint {id} at offsets {offsets}; {state*}', ko: '중지하며 세이브포인트 {id} 생성, 오프셋 {offsets}; {state*}' },
    { en: 'cannot be restored from savepoint {id}: the maximum parallelism ({max}) of the restored state is lower than the configured parallelism ({parallelism}); the max parallelism (the number of key groups) was fixed when the job first ran', ko: '세이브포인트 {id}에서 복구할 수 없습니다: 복구할 상태의 최대 병렬도({max})가 설정된 병렬도({parallelism})보다 낮습니다. 최대 병렬도(키 그룹 수)는 잡이 처음 실행될 때 정해졌습니다' },
    { en: 'runs with parallelism {parallelism}; {state*}', ko: '실행 중, 병렬도 {parallelism}; {state*}' },
    { en: 'started without state with parallelism {parallelism}: {start}', ko: '상태 없이 시작, 병렬도 {parallelism}: {start}' },
    { en: 'cancelled without a savepoint, its state dropped ({state*})', ko: '세이브포인트 없이 취소되어 상태가 버려졌습니다 ({state*})' },
    { en: 'failed: {reason*}', ko: '실패: {reason*}' },
  ]),
  { en: 'KafkaSink restored from checkpoint {id}; aborted {n} lingering transaction(s)', ko: 'KafkaSink를 체크포인트 {id}에서 복구하고, 남아 있던 트랜잭션 {n}개를 중단했습니다' },
  { en: 'KafkaSink: commit of {id} failed ({error}); its records are lost', ko: 'KafkaSink: {id} 커밋 실패 ({error}). 그 레코드는 유실됩니다' },
  { en: 'KafkaSink: re-commit of {id} after restore failed ({error}); its records are lost', ko: 'KafkaSink: 복구 뒤 {id} 재커밋 실패 ({error}). 그 레코드는 유실됩니다' },
  { en: 'bulk items rejected with 429; retrying in {ms}ms', ko: '벌크 항목이 429로 거부되어 {ms}ms 뒤 재시도합니다' },
  { en: 'Kinesis source: {shard} assigned; its parent shard(s) {parents} are read to their end', ko: 'Kinesis 소스: {shard} 할당, 부모 샤드({parents})는 끝까지 읽습니다' },
  { en: 'Kinesis source: {shard} read to its end (EndingSequenceNumber reached)', ko: 'Kinesis 소스: {shard} 끝까지 읽음 (EndingSequenceNumber 도달)' },
];

/** Why a Flink job failed (the `reason` of the lines above): the sinks' and the checkpoint coordinator's words. */
const flinkReasons: SimTemplate[] = [
  { en: 'TaskManager lost', ko: 'TaskManager 유실' },
  { en: 'checkpoint {id} expired before completing (execution.checkpointing.timeout)', ko: '체크포인트 {id}: 완료되기 전에 만료되었습니다 (execution.checkpointing.timeout)' },
  { en: 'Elasticsearch bulk request {id} got no response within {s}s', ko: 'Elasticsearch 벌크 요청 {id}: {s}s 안에 응답이 없었습니다' },
  { en: 'Elasticsearch bulk request failed: connection to {node} reset (the process went down)', ko: 'Elasticsearch 벌크 요청 실패: {node} 연결이 끊겼습니다(프로세스 다운)' },
  { en: "Elasticsearch rejected a document with {status}: {error} (the sink's failure handler fails the job)", ko: 'Elasticsearch가 도큐먼트를 거부했습니다 ({status}: {error}). 싱크의 실패 핸들러가 잡을 실패시킵니다' },
  { en: 'S3 refused a part of {key}', ko: 'S3가 {key}의 파트를 거부했습니다' },
  { en: 'S3 could not complete {key}', ko: 'S3가 완료하지 못한 파일: {key}' },
  { en: 'KafkaSink send failed: {error}', ko: 'KafkaSink 전송 실패: {error}' },
  { en: "KafkaSink initTransactions for {id} failed: {error} (transaction.timeout.ms {ms} exceeds the broker's transaction.max.timeout.ms)", ko: 'KafkaSink의 {id} initTransactions 실패: {error} (transaction.timeout.ms {ms} 값이 브로커의 transaction.max.timeout.ms보다 큽니다)' },
  { en: 'KafkaSink initTransactions for {id} failed: {error}', ko: 'KafkaSink의 {id} initTransactions 실패: {error}' },
];

/** Kinesis: KCL workers and resharding (nodes/kinesis). */
const kinesis: SimTemplate[] = [
  { en: 'lease {lease} taken by {owner}: record processor shut down (ZOMBIE)', ko: '리스 {lease}: {owner}에게 넘어가 레코드 프로세서를 종료했습니다 (ZOMBIE)' },
  { en: 'took lease {lease}; resuming after checkpoint {seq}', ko: '리스 {lease} 획득: 체크포인트 {seq} 뒤부터 다시 읽습니다' },
  { en: 'took lease {lease}; resuming at {position}', ko: '리스 {lease} 획득: {position}에서 읽기 시작합니다' },
  { en: 'reached its end: checkpointed SHARD_END; child shard(s) {ids} may be processed now', ko: '끝에 도달: SHARD_END를 체크포인트했습니다. 이제 자식 샤드({ids})를 처리할 수 있습니다' },
  { en: 'closed {closed}; opened {opened}; {n} open shard(s)', ko: '닫은 샤드 {closed}, 연 샤드 {opened}, 열린 샤드 {n}개' },
];

/** The run stopped at its budget (run/budget.ts), logged by the simulator itself. */
const budget: SimTemplate[] = [
  {
    en: 'The run stopped after {used} events, its budget (max-events {limit}): something kept the simulator busy, often a retry loop against a node that never comes back. What happened until then is counted; records not yet delivered are listed as in flight.',
    ko: '실행이 이벤트 {used}개에서 멈췄습니다. 예산(max-events {limit})을 다 썼습니다. 무언가가 시뮬레이터를 계속 바쁘게 했는데, 다시 살아나지 않는 노드에 대한 재시도 루프인 경우가 많습니다. 그때까지 일어난 일은 집계되고, 아직 전달되지 않은 레코드는 처리 중으로 나옵니다.',
  },
  {
    en: 'The run stopped after its links carried {used} record copies, its budget ({limit} per record generated): something resends or copies records without end. What happened until then is counted; records not yet delivered are listed as in flight.',
    ko: '링크가 레코드 사본 {used}개를 나른 뒤 실행이 멈췄습니다. 예산(만든 레코드마다 {limit}개)을 다 썼습니다. 무언가가 레코드를 끝없이 다시 보내거나 복사합니다. 그때까지 일어난 일은 집계되고, 아직 전달되지 않은 레코드는 처리 중으로 나옵니다.',
  },
];

export const runLogTemplates: readonly SimTemplate[] = [...kafka, ...shippers, ...flink, ...flinkReasons, ...subtaskState, ...kinesis, ...budget];

/**
 * The glossary (용어집): one entry per concept, with the English term, the Korean term the whole
 * course uses for it (/work/shared/KOREAN-TERMS.md, "Use" column) and a one-line definition in
 * each language. The glossary page in both languages is built from this list alone.
 * Product and setting names are never translated, so they are not here as terms.
 */
import type { Lang } from './langs.js';

export type GlossarySection = 'stages' | 'guarantees' | 'kafka' | 'flink' | 'collectors' | 'storage' | 'faults' | 'aws';

export interface GlossaryEntry {
  /** Stable anchor on the glossary page (`/glossary/#idempotence`). */
  id: string;
  section: GlossarySection;
  term: Record<Lang, string>;
  definition: Record<Lang, string>;
}

export const glossarySections: Record<GlossarySection, Record<Lang, string>> = {
  stages: { en: 'Pipelines and architectures', ko: '파이프라인과 아키텍처' },
  guarantees: { en: 'Delivery guarantees', ko: '전달 보장' },
  kafka: { en: 'Kafka', ko: 'Kafka' },
  flink: { en: 'Stream processing and Flink', ko: '스트림 처리와 Flink' },
  collectors: { en: 'Beats, Logstash and Elasticsearch', ko: 'Beats, Logstash, Elasticsearch' },
  storage: { en: 'Storage and batch', ko: '저장과 배치' },
  faults: { en: 'Performance, faults and the simulator', ko: '성능, 장애, 시뮬레이터' },
  aws: { en: 'Managed services on AWS', ko: 'AWS 관리형 서비스' },
};

const e = (id: string, section: GlossarySection, en: string, ko: string, defEn: string, defKo: string): GlossaryEntry => ({
  id,
  section,
  term: { en, ko },
  definition: { en: defEn, ko: defKo },
});

export const glossary: readonly GlossaryEntry[] = [
  e('data-pipeline', 'stages', 'data pipeline', '데이터 파이프라인', 'The chain of systems that moves data from where it is produced to where it is used.', '데이터를 만들어지는 곳에서 쓰이는 곳까지 옮기는 시스템들의 연결입니다.'),
  e('pipeline-stages', 'stages', 'collection · processing · storage · analysis · visualization', '수집·처리·저장·분석·시각화', 'The five stages data passes through in a pipeline, as the class names them.', '수업에서 정리한, 데이터가 파이프라인에서 거치는 다섯 단계입니다.'),
  e('etl', 'stages', 'ETL (extract, transform, load)', 'ETL(추출·변환·적재)', 'Extract data, transform it, then load the result into storage.', '데이터를 추출해 변환한 뒤 결과를 저장소에 적재하는 방식입니다.'),
  e('elt', 'stages', 'ELT (extract, load, transform)', 'ELT(추출·적재·변환)', 'Load raw data first and transform it later, where it is stored.', '원본 데이터를 일단 쌓아 두고, 저장된 곳에서 나중에 변환하는 방식입니다.'),
  e('batch-processing', 'stages', 'batch processing', '배치 처리', 'Processing a bounded set of data at once, usually on a schedule.', '정해진 범위의 데이터를 한꺼번에, 보통 일정에 따라 처리하는 것입니다.'),
  e('stream-processing', 'stages', 'stream processing', '스트림 처리', 'Processing records continuously, one by one, as they arrive.', '레코드가 도착하는 대로 하나씩 계속 처리하는 것입니다.'),
  e('lambda-architecture', 'stages', 'Lambda architecture', '람다 아키텍처', 'A batch layer for correct results plus a speed layer for fresh ones, merged by a serving layer.', '정확한 결과를 내는 배치 레이어와 빠른 결과를 내는 스피드 레이어를 서빙 레이어에서 합치는 구조입니다.'),
  e('kappa-architecture', 'stages', 'Kappa architecture', '카파 아키텍처', 'One stream-processing path; corrections come from replaying the log.', '스트림 처리 경로 하나만 두고, 고칠 때는 로그를 다시 흘려보내는 구조입니다.'),
  e('batch-layer', 'stages', 'batch layer', '배치 레이어', 'The Lambda layer that recomputes results from all stored data.', '저장된 전체 데이터로 결과를 다시 계산하는 람다 아키텍처의 레이어입니다.'),
  e('speed-layer', 'stages', 'speed layer', '스피드 레이어', 'The Lambda layer that covers recent data the batch layer has not processed yet.', '배치 레이어가 아직 처리하지 못한 최근 데이터를 맡는 람다 아키텍처의 레이어입니다.'),
  e('serving-layer', 'stages', 'serving layer', '서빙 레이어', 'The layer that merges batch and real-time views and answers queries.', '배치 뷰와 실시간 뷰를 합쳐 질의에 답하는 레이어입니다.'),
  e('reprocessing', 'stages', 'reprocessing', '재처리', 'Running data through processing again, for example after fixing a bug.', '버그를 고친 뒤처럼 데이터를 처리 과정에 다시 통과시키는 것입니다.'),
  e('replay', 'stages', 'replay', '리플레이', 'Reading a retained log again from an earlier offset.', '보관된 로그를 앞선 오프셋부터 다시 읽는 것입니다.'),

  e('delivery-guarantee', 'guarantees', 'delivery guarantee', '전달 보장', 'What a pipeline promises about how many times each record arrives.', '레코드가 몇 번 도착하는지에 대해 파이프라인이 약속하는 수준입니다.'),
  e('at-most-once', 'guarantees', 'at-most-once', '최대 한 번', 'Each record arrives once or not at all: no duplicates, possible loss.', '레코드가 한 번 도착하거나 아예 도착하지 않습니다. 중복은 없지만 유실될 수 있습니다.'),
  e('at-least-once', 'guarantees', 'at-least-once', '최소 한 번', 'Each record arrives at least once: no loss, possible duplicates.', '레코드가 적어도 한 번은 도착합니다. 유실은 없지만 중복될 수 있습니다.'),
  e('exactly-once', 'guarantees', 'exactly-once', '정확히 한 번', 'Each record affects the result exactly once, even through failures.', '장애가 나도 레코드마다 결과에 정확히 한 번만 반영됩니다.'),
  e('effectively-once', 'guarantees', 'effectively-once', '사실상 정확히 한 번', 'Duplicates may travel, but the result counts each record once.', '중복이 전달될 수는 있지만, 결과에는 레코드마다 한 번만 반영됩니다.'),
  e('idempotence', 'guarantees', 'idempotence', '멱등성', 'Doing an operation twice has the same effect as doing it once.', '같은 작업을 두 번 해도 한 번 한 것과 효과가 같은 성질입니다.'),
  e('idempotent-producer', 'guarantees', 'idempotent producer', '멱등 프로듀서', 'A Kafka producer whose retries never write a record twice (`enable.idempotence`).', '재시도해도 레코드를 두 번 쓰지 않는 Kafka 프로듀서입니다(`enable.idempotence`).'),
  e('deduplication', 'guarantees', 'deduplication', '중복 제거', 'Dropping copies of a record that was already processed.', '이미 처리한 레코드의 사본을 걸러 내는 것입니다.'),
  e('retry', 'guarantees', 'retry', '재시도', 'Sending again after no acknowledgment arrived; a source of duplicates.', '확인 응답을 받지 못해 다시 보내는 것으로, 중복의 원인이 됩니다.'),
  e('ack', 'guarantees', 'acknowledgment (ack)', 'ack(확인 응답)', 'The receiver\'s reply that it has a message; `acks` sets how many replicas must have it.', '받는 쪽이 메시지를 받았다고 보내는 응답입니다. `acks`는 몇 개의 레플리카가 받아야 하는지 정합니다.'),
  e('dlq', 'guarantees', 'dead letter queue (DLQ)', '데드 레터 큐(DLQ)', 'Where records that cannot be processed are set aside instead of being dropped.', '처리할 수 없는 레코드를 버리지 않고 따로 모아 두는 곳입니다.'),
  e('transaction', 'guarantees', 'transaction', '트랜잭션', 'A group of writes that become visible all together or not at all.', '여러 쓰기가 한꺼번에 보이거나 전혀 보이지 않게 묶은 단위입니다.'),
  e('isolation-level', 'guarantees', 'isolation level', '격리 수준', 'Whether a consumer reads uncommitted transactional records (`read_uncommitted`) or only committed ones (`read_committed`).', '컨슈머가 커밋되지 않은 트랜잭션 레코드까지 읽는지(`read_uncommitted`), 커밋된 것만 읽는지(`read_committed`)를 정합니다.'),
  e('two-phase-commit', 'guarantees', 'two-phase commit', '2단계 커밋(2PC)', 'Prepare everywhere, then commit everywhere: how Flink\'s exactly-once sinks publish output.', '모든 곳에서 준비한 뒤 모든 곳에서 커밋하는 방식으로, Flink의 정확히 한 번 싱크가 출력을 내보내는 방법입니다.'),

  e('topic', 'kafka', 'topic', '토픽', 'A named stream of records in Kafka.', 'Kafka에서 이름이 붙은 레코드 스트림입니다.'),
  e('partition', 'kafka', 'partition', '파티션', 'An ordered, append-only log that is part of a topic; order holds only within one.', '토픽을 이루는 순서 있는 추가 전용 로그입니다. 순서는 파티션 안에서만 보장됩니다.'),
  e('offset', 'kafka', 'offset', '오프셋', 'A record\'s position in its partition.', '파티션 안에서 레코드의 위치입니다.'),
  e('producer', 'kafka', 'producer', '프로듀서', 'A client that writes records to Kafka.', 'Kafka에 레코드를 쓰는 클라이언트입니다.'),
  e('consumer', 'kafka', 'consumer', '컨슈머', 'A client that reads records from Kafka.', 'Kafka에서 레코드를 읽는 클라이언트입니다.'),
  e('consumer-group', 'kafka', 'consumer group', '컨슈머 그룹', 'Consumers that share a topic\'s partitions and remember their offsets together.', '토픽의 파티션을 나눠 읽고 오프셋을 함께 기억하는 컨슈머들입니다.'),
  e('broker', 'kafka', 'broker', '브로커', 'A Kafka server that stores partitions and serves clients.', '파티션을 저장하고 클라이언트 요청을 처리하는 Kafka 서버입니다.'),
  e('record', 'kafka', 'record', '레코드', 'One message in a log: key, value, timestamp.', '로그 안의 메시지 하나로, 키와 값과 타임스탬프로 이루어집니다.'),
  e('replication', 'kafka', 'replication', '복제', 'Keeping copies of each partition on several brokers.', '파티션마다 여러 브로커에 사본을 두는 것입니다.'),
  e('replica', 'kafka', 'replica', '레플리카', 'One broker\'s copy of a partition.', '한 브로커가 가진 파티션의 사본입니다.'),
  e('replication-factor', 'kafka', 'replication factor', '복제 팩터', 'How many replicas each partition has.', '파티션마다 레플리카가 몇 개인지를 뜻합니다.'),
  e('isr', 'kafka', 'in-sync replica (ISR)', 'ISR(in-sync replica)', 'A replica caught up with the leader; `acks=all` waits for these, not for all replicas.', '리더와 동기화된 레플리카입니다. `acks=all`은 모든 레플리카가 아니라 ISR을 기다립니다.'),
  e('leader-election', 'kafka', 'leader election', '리더 선출', 'Choosing which replica serves a partition after its leader fails.', '리더가 죽은 뒤 어떤 레플리카가 파티션을 맡을지 고르는 것입니다.'),
  e('unclean-leader-election', 'kafka', 'unclean leader election', '언클린 리더 선출', 'Electing an out-of-sync replica as leader, losing what only the old leader had.', '동기화되지 않은 레플리카를 리더로 뽑는 것으로, 이전 리더만 가진 레코드를 잃습니다.'),
  e('rebalance', 'kafka', 'rebalance', '리밸런스', 'Reassigning partitions among the consumers of a group.', '그룹의 컨슈머들 사이에서 파티션을 다시 나누는 것입니다.'),
  e('commit', 'kafka', 'offset commit', '커밋', 'Saving how far a consumer group has read, so a restart resumes there.', '컨슈머 그룹이 어디까지 읽었는지 저장해, 재시작하면 거기서 이어 읽게 하는 것입니다.'),
  e('retention', 'kafka', 'retention', '보관 기간', 'How long Kafka keeps records, whether or not they were read.', '읽었는지와 상관없이 Kafka가 레코드를 보관하는 기간입니다.'),
  e('log-compaction', 'kafka', 'log compaction', '로그 컴팩션', 'Keeping only the latest record per key in a topic.', '토픽에서 키마다 가장 최근 레코드만 남기는 것입니다.'),
  e('consumer-lag', 'kafka', 'consumer lag', '컨슈머 랙', 'How many records a consumer group is behind the end of the log.', '컨슈머 그룹이 로그의 끝보다 몇 레코드 뒤처져 있는지를 뜻합니다.'),

  e('job', 'flink', 'job', '잡', 'A running Flink program, made of tasks.', '실행 중인 Flink 프로그램으로, 여러 태스크로 이루어집니다.'),
  e('operator', 'flink', 'operator', '연산자', 'One processing step of a job, such as a map or a window.', 'map이나 윈도우처럼 잡을 이루는 처리 단계 하나입니다.'),
  e('parallelism', 'flink', 'parallelism', '병렬성', 'How many parallel instances of an operator run.', '연산자 인스턴스가 몇 개 병렬로 실행되는지를 뜻합니다.'),
  e('state', 'flink', 'state', '상태', 'What an operator remembers between records, such as counts per window.', '윈도우별 개수처럼 연산자가 레코드 사이에 기억하는 값입니다.'),
  e('checkpoint', 'flink', 'checkpoint', '체크포인트', 'A consistent snapshot of all state and source offsets, to restart from after a failure.', '장애 후 다시 시작할 수 있도록 모든 상태와 소스 오프셋을 일관되게 찍어 둔 스냅샷입니다.'),
  e('savepoint', 'flink', 'savepoint', '세이브포인트', 'A checkpoint taken by hand, for upgrades and migrations.', '업그레이드나 이전을 위해 직접 만드는 체크포인트입니다.'),
  e('source-sink', 'flink', 'source / sink', '소스 / 싱크', 'Where a job reads its input / where it writes its output.', '잡이 입력을 읽는 곳 / 출력을 쓰는 곳입니다.'),
  e('event-time', 'flink', 'event time', '이벤트 시간', 'When an event happened, as written in the record.', '레코드에 적힌, 이벤트가 실제로 일어난 시각입니다.'),
  e('processing-time', 'flink', 'processing time', '처리 시간', 'When the operator happens to see the record.', '연산자가 레코드를 처리하는 시점의 시각입니다.'),
  e('watermark', 'flink', 'watermark', '워터마크', 'A claim that no earlier event time is still to come; it closes windows.', '그보다 이른 이벤트 시간은 더 오지 않는다는 표시로, 윈도우를 닫습니다.'),
  e('window', 'flink', 'window', '윈도우', 'A bounded slice of a stream (by time or count) that is aggregated together.', '시간이나 개수로 자른 스트림의 구간으로, 함께 집계됩니다.'),
  e('late-data', 'flink', 'late data', '늦게 도착한 데이터', 'Records whose event time is behind the watermark when they arrive.', '도착했을 때 이벤트 시간이 워터마크보다 뒤처진 레코드입니다.'),
  e('allowed-lateness', 'flink', 'allowed lateness', '허용 지연', 'How long a window keeps accepting late records after it fired.', '윈도우가 결과를 낸 뒤에도 늦은 레코드를 받아 주는 시간입니다.'),
  e('out-of-order', 'flink', 'out-of-order', '순서 뒤바뀜', 'Records arriving in a different order from their event times.', '레코드가 이벤트 시간과 다른 순서로 도착하는 것입니다.'),
  e('backpressure', 'flink', 'backpressure', '백프레셔', 'A slow stage making the stages before it slow down instead of dropping data.', '느린 단계가 데이터를 버리는 대신 앞 단계를 늦추는 현상입니다. 배압이라고도 합니다.'),

  e('lightweight-shipper', 'collectors', 'lightweight shipper', '경량 데이터 수집기', 'A small agent such as Filebeat that reads logs and ships them on.', 'Filebeat처럼 로그를 읽어 다음 단계로 보내는 작은 에이전트입니다.'),
  e('harvester', 'collectors', 'harvester', '하베스터', 'Filebeat\'s reader for one open file.', '열린 파일 하나를 읽는 Filebeat의 구성 요소입니다.'),
  e('registry', 'collectors', 'registry', '레지스트리', 'Where Filebeat remembers how far it has read each file.', 'Filebeat가 파일마다 어디까지 읽었는지 기억하는 곳입니다.'),
  e('log-rotation', 'collectors', 'log rotation', '로그 로테이션', 'Moving a full log file aside and starting a new one.', '다 찬 로그 파일을 옮겨 두고 새 파일로 갈아 끼우는 것입니다.'),
  e('persistent-queue', 'collectors', 'persistent queue', '영속 큐', 'Logstash\'s on-disk queue between input and filters (`queue.type: persisted`).', '입력과 필터 사이에 있는 Logstash의 디스크 큐입니다(`queue.type: persisted`).'),
  e('index', 'collectors', 'index / indexing', '인덱스 / 색인', 'An Elasticsearch collection of documents / the act of writing a document into it.', 'Elasticsearch의 도큐먼트 모음 / 도큐먼트를 거기에 써 넣는 일입니다.'),
  e('document', 'collectors', 'document', '도큐먼트', 'One JSON record in Elasticsearch, identified by its `_id`.', 'Elasticsearch에 저장된 JSON 레코드 하나로, `_id`로 구별합니다.'),
  e('bulk-request', 'collectors', 'bulk request', '벌크 요청', 'One `_bulk` call carrying many documents.', '여러 도큐먼트를 한 번에 담아 보내는 `_bulk` 호출입니다.'),

  e('data-lake', 'storage', 'data lake', '데이터 레이크', 'Raw data of every kind kept cheaply, usually in object storage.', '온갖 원본 데이터를 보통 객체 스토리지에 싸게 쌓아 두는 곳입니다.'),
  e('data-warehouse', 'storage', 'data warehouse', '데이터 웨어하우스', 'Cleaned, structured data organised for analysis.', '정제하고 구조화해 분석용으로 정리한 데이터 저장소입니다.'),
  e('object-storage', 'storage', 'object storage', '객체 스토리지', 'Storage of whole files by key, such as Amazon S3.', 'Amazon S3처럼 파일 전체를 키로 저장하는 스토리지입니다.'),
  e('backfill', 'storage', 'backfill', '백필', 'Running a job for past periods to fill in missing results.', '지난 기간에 대해 잡을 실행해 빠진 결과를 채우는 것입니다.'),

  e('throughput', 'faults', 'throughput', '처리량', 'Records handled per second.', '초당 처리하는 레코드 수입니다.'),
  e('latency', 'faults', 'latency', '지연 시간', 'How long one record takes from source to output.', '레코드 하나가 소스에서 출력까지 가는 데 걸리는 시간입니다.'),
  e('fault-tolerance', 'faults', 'fault tolerance', '내결함성', 'Keeping correct results when parts of the system fail.', '시스템 일부가 고장 나도 올바른 결과를 유지하는 성질입니다.'),
  e('fault-injection', 'faults', 'fault injection', '장애 주입', 'Causing failures on purpose to see how a system behaves.', '시스템이 어떻게 동작하는지 보려고 일부러 장애를 일으키는 것입니다.'),
  e('network-partition', 'faults', 'network partition', '네트워크 분할', 'A network failure that cuts some nodes off from others.', '일부 노드를 다른 노드와 끊어 놓는 네트워크 장애입니다.'),
  e('crash', 'faults', 'crash / restart', '크래시 / 재시작', 'A process stopping abruptly, and coming back with only what it saved.', '프로세스가 갑자기 멈추고, 저장해 둔 것만 가지고 다시 돌아오는 것입니다.'),
  e('data-loss', 'faults', 'data loss', '유실', 'A record that never reaches its output.', '출력에 끝내 도착하지 못한 레코드입니다.'),
  e('duplication', 'faults', 'duplication', '중복', 'A record that reaches its output more than once.', '출력에 두 번 이상 도착한 레코드입니다.'),
  e('ledger', 'faults', 'ledger', '원장', 'The simulator\'s account of every record: generated, delivered, lost, duplicated, and where.', '레코드마다 생성·도착·유실·중복과 그 위치를 대조하는 시뮬레이터의 장부입니다.'),
  e('seed', 'faults', 'seed', '시드', 'The number that fixes every random choice of a run: same seed, same run.', '실행의 모든 무작위 선택을 정하는 수입니다. 시드가 같으면 실행도 같습니다.'),
  e('metric', 'faults', 'metric', '지표', 'A number measured over a run, such as records lost or p95 freshness.', '유실된 레코드 수나 p95 신선도처럼 실행에서 잰 값입니다.'),

  e('kinesis-shard', 'aws', 'shard (Kinesis)', '샤드(Kinesis)', 'A unit of a Kinesis data stream: it takes 1,000 records or 1 MB a second in and serves 2 MB a second out; more is refused (`ProvisionedThroughputExceededException`).', 'Kinesis 데이터 스트림의 단위입니다. 초당 레코드 1,000개 또는 1 MB를 받고 2 MB를 내보내며, 그보다 많으면 거절합니다(`ProvisionedThroughputExceededException`).'),
  e('partition-key', 'aws', 'partition key', '파티션 키', 'The key a producer gives each Kinesis record; its MD5 hash picks the shard, so one key always lands on one shard.', '프로듀서가 Kinesis 레코드마다 붙이는 키입니다. MD5 해시가 샤드를 정하므로 같은 키는 늘 같은 샤드로 갑니다.'),
  e('sequence-number', 'aws', 'sequence number', '시퀀스 번호', 'The number Kinesis gives a record when it stores it, rising within a shard; a resent record gets a new one.', 'Kinesis가 레코드를 저장할 때 붙이는 번호로, 샤드 안에서 커집니다. 다시 보낸 레코드는 새 번호를 받습니다.'),
  e('lease', 'aws', 'lease (KCL)', '리스(KCL)', 'A KCL worker\'s claim on one shard, kept with the shard\'s checkpoint in a DynamoDB table; a lease not renewed in `failoverTimeMillis` is taken by another worker.', 'KCL 워커가 샤드 하나를 맡고 있다는 기록으로, 샤드의 체크포인트와 함께 DynamoDB 테이블에 있습니다. `failoverTimeMillis` 동안 갱신되지 않은 리스는 다른 워커가 가져갑니다.'),
  e('delivery-stream', 'aws', 'Firehose stream (delivery stream)', 'Firehose 스트림(전송 스트림)', 'An Amazon Data Firehose resource that buffers records by size or age and delivers them to S3 or OpenSearch, at least once: a retry can deliver a record twice.', '레코드를 크기나 시간 기준으로 버퍼링해 S3나 OpenSearch로 최소 한 번 전달하는 Amazon Data Firehose 리소스입니다. 재시도하면 레코드가 두 번 전달될 수 있습니다.'),
];

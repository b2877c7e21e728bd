/**
 * The run-size limits in Korean: each refusal of simulator/spec/limits.ts (`checkLimits`) and its
 * hint, and the Lab's refusals of a sweep or counterexample search too big (`checkSweep`, `checkSearch`). The English text is the template's identity, so a change there must change it here too
 * (tests/unit/i18n/limit-messages.test.ts runs every careless spec on a Korean page).
 */
import type { SimTemplate } from './template.js';

export const limitTemplates: readonly SimTemplate[] = [
  {
    en: 'this run would generate {records} records ({rate}/s for {duration}); the limit is {limit} records per run',
    ko: '이 실행은 레코드 {records}개를 만듭니다 ({duration} 동안 초당 {rate}개). 한도는 실행 한 번에 {limit}개입니다',
  },
  {
    en: 'lower `workload.rate` or `duration` so that rate × duration stays under {limit}, e.g. {rate}/s for {duration}',
    ko: 'rate × duration이 {limit}을 넘지 않도록 `workload.rate`나 `duration`을 줄이세요. 예: {duration} 동안 초당 {rate}개',
  },
  { en: '{files} log files; the limit is {limit}', ko: '로그 파일이 {files}개입니다. 한도는 {limit}개입니다' },
  { en: 'lower `files` to {limit} or fewer', ko: '`files`를 {limit} 이하로 줄이세요' },
  {
    en: '{brokers} brokers; the limit is {limit} brokers over all Kafka clusters',
    ko: '브로커가 {brokers}개입니다. 한도는 모든 Kafka 클러스터를 합쳐 브로커 {limit}개입니다',
  },
  {
    en: 'lower `brokers`: three already show replication and leader election',
    ko: '`brokers`를 줄이세요. 브로커 세 개면 복제와 리더 선출을 모두 볼 수 있습니다',
  },
  { en: '{workers} pipeline workers; the limit is {limit}', ko: '파이프라인 워커가 {workers}개입니다. 한도는 {limit}개입니다' },
  {
    en: 'Logstash runs one worker per CPU core by default: a handful shows the same behaviour',
    ko: 'Logstash는 기본으로 CPU 코어마다 워커 하나를 띄웁니다. 몇 개만으로도 같은 동작을 볼 수 있습니다',
  },
  {
    en: '{instances} consumer instances; the limit is {limit} members per group',
    ko: '컨슈머 인스턴스가 {instances}개입니다. 한도는 그룹당 멤버 {limit}개입니다',
  },
  {
    en: 'lower `instances` to {limit} or fewer: a group never uses more members than its topic has partitions',
    ko: '`instances`를 {limit} 이하로 줄이세요. 그룹은 토픽의 파티션 수보다 많은 멤버를 쓰지 않습니다',
  },
  {
    en: '{instances} consumer instances reading {partitions} partitions make {pairs} member-partitions; the limit is {limit} per group',
    ko: '컨슈머 인스턴스 {instances}개가 파티션 {partitions}개를 읽으면 멤버×파티션이 {pairs}개입니다. 한도는 그룹당 {limit}개입니다',
  },
  {
    en: "lower `instances` to {limit} or fewer, or the topic's `partitions`",
    ko: '`instances`를 {limit} 이하로 줄이거나 토픽의 `partitions`를 줄이세요',
  },
  {
    en: '{brokers} brokers over all Kafka clusters; the limit is {limit}',
    ko: '모든 Kafka 클러스터를 합쳐 브로커가 {brokers}개입니다. 한도는 {limit}개입니다',
  },
  { en: 'use fewer brokers or fewer clusters', ko: '브로커나 클러스터 수를 줄이세요' },
  {
    en: 'the topics have {replicas} partition replicas in all (partitions × replication factor); the limit is {limit}',
    ko: '토픽의 파티션 복제본이 모두 {replicas}개입니다 (파티션 수 × 복제 계수). 한도는 {limit}개입니다',
  },
  {
    en: 'lower `partitions` or `replication.factor`: a handful of partitions already shows ordering per partition and consumer parallelism',
    ko: '`partitions`나 `replication.factor`를 줄이세요. 파티션 몇 개만으로도 파티션별 순서와 컨슈머 병렬 처리를 볼 수 있습니다',
  },
  {
    en: 'a {size} window sliding by {slide} puts each record in {windows} windows: {assignments} window assignments for {records} records; the limit is {limit}',
    ko: '{slide}씩 미끄러지는 {size} 윈도우는 레코드 하나를 윈도우 {windows}개에 넣습니다. 레코드 {records}개에 윈도우 배정이 {assignments}번입니다. 한도는 {limit}번입니다',
  },
  {
    en: 'raise `slide` to at least {slide}, or shorten `size`',
    ko: '`slide`를 {slide} 이상으로 늘리거나 `size`를 줄이세요',
  },
  {
    en: 'a batch run every {interval} starts about {runs} runs in {span}; the limit is {limit} runs per batch node',
    ko: '배치 실행을 {interval}마다 하면 {span} 동안 약 {runs}번 시작합니다. 한도는 배치 노드당 {limit}번입니다',
  },
  {
    en: 'schedule it at most every {interval}: a batch layer recomputes from the whole master dataset, minutes or hours apart',
    ko: '많아야 {interval}에 한 번으로 스케줄하세요. 배치 레이어는 마스터 데이터셋 전체를 몇 분이나 몇 시간 간격으로 다시 계산합니다',
  },
  {
    en: 'max-events {events} is above the limit of {limit} events per run',
    ko: 'max-events가 {events}입니다. 실행 한 번의 이벤트 한도는 {limit}입니다',
  },
  {
    en: 'set `max-events` to {limit} or less; a run that needs more is usually stuck in a retry loop',
    ko: '`max-events`를 {limit} 이하로 설정하세요. 그보다 많이 필요한 실행은 대개 재시도 루프에 빠져 있습니다',
  },
  {
    en: 'duration {duration} + drain {drain} is more simulated time than the limit of {limit} per run',
    ko: 'duration {duration} + drain {drain}: 실행 한 번의 시뮬레이션 시간 한도({limit})보다 깁니다',
  },
  {
    en: 'lower `drain`: a run ends by itself once nothing is left in flight, so a long drain only helps a pipeline that is stuck',
    ko: '`drain`을 줄이세요. 전달 중인 것이 없으면 실행은 저절로 끝나므로, 긴 drain은 멈춰 버린 파이프라인에만 쓸모가 있습니다',
  },
  { en: 'lower `duration`; raise `rate` instead if you want more records', ko: '`duration`을 줄이세요. 레코드가 더 필요하면 대신 `rate`를 올리세요' },
  {
    en: '{processes} processes sampled for {span} make about {samples} stage samples; the limit is {limit}',
    ko: '프로세스 {processes}개를 {span} 동안 샘플링하면 단계 샘플이 약 {samples}개가 됩니다. 한도는 {limit}입니다',
  },
  { en: 'lower `duration` and `drain`, or run fewer brokers and instances', ko: '`duration`과 `drain`을 줄이거나, 브로커와 인스턴스 수를 줄이세요' },
  {
    en: 'this run would keep about {mb} MB alive ({records} records in {stores} stores that keep every record, and {samples} stage samples); the limit is {limit} MB',
    ko: '이 실행은 메모리를 약 {mb} MB 붙잡습니다 (모든 레코드를 보관하는 저장소 {stores}곳에 레코드 {records}개, 단계 샘플 {samples}개). 한도는 {limit} MB입니다',
  },
  {
    en: 'lower `workload.rate` or `duration`, or keep fewer copies (fewer topics, or sinks fed by windowed jobs)',
    ko: '`workload.rate`나 `duration`을 줄이거나, 보관하는 사본을 줄이세요 (토픽 수를 줄이거나, 윈도우 집계 잡이 채우는 싱크를 쓰세요)',
  },
  {
    en: 'this sweep would make {runs} runs (values × seeds); the limit is {limit} runs per sweep. Sweep fewer values or seeds.',
    ko: '이 스윕은 {runs}번 실행합니다 (값 × 시드). 한도는 스윕 한 번에 {limit}번입니다. 값이나 시드 수를 줄이세요.',
  },
  {
    en: "this sweep's {runs} runs would generate {records} records together; the limit is {limit} records per sweep. Sweep fewer values or seeds, or lower the rate or duration of the spec.",
    ko: '이 스윕의 실행 {runs}번은 레코드를 모두 {records}개 만듭니다. 한도는 스윕 한 번에 {limit}개입니다. 값이나 시드 수를 줄이거나, 스펙의 rate나 duration을 줄이세요.',
  },
  {
    en: "a budget of {budget} runs may make {runs} runs of {records} records each (searching, shrinking and a confirming run); the limit is {limitRuns} runs and {limitRecords} records per experiment. Lower the budget to {most} or less, or the spec's rate or duration.",
    ko: '예산이 {budget}번이면 레코드 {records}개짜리 실행을 {runs}번까지 합니다 (탐색, 줄이기, 확인 실행). 한도는 실험 한 번에 실행 {limitRuns}번, 레코드 {limitRecords}개입니다. 예산을 {most} 이하로 줄이거나, 스펙의 rate나 duration을 줄이세요.',
  },
  {
    en: "a budget of {budget} runs may make {runs} runs of {records} records each (searching, shrinking and a confirming run); the limit is {limitRuns} runs and {limitRecords} records per experiment. Even a budget of 1 makes 3 runs: lower the spec's rate or duration to at most {most} records per run.",
    ko: '예산이 {budget}번이면 레코드 {records}개짜리 실행을 {runs}번까지 합니다 (탐색, 줄이기, 확인 실행). 한도는 실험 한 번에 실행 {limitRuns}번, 레코드 {limitRecords}개입니다. 예산이 1이어도 3번 실행하므로, 스펙의 rate나 duration을 줄여 실행 한 번의 레코드가 {most}개 이하가 되게 하세요.',
  },
];

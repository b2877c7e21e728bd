/**
 * Kafka's files in Korean: server.properties, a client's producer/consumer .properties and app.yaml,
 * topics.sh's kafka-topics.sh lines (simulator/config/kafka/**, config/workspace/kafka.ts, apps.ts).
 * Kafka's own exception texts (ConfigException, the topic command's errors) are translated around the
 * keys and values they quote; keys, values and command flags stay as written.
 */
import type { SimTemplate } from './template.js';

/** .properties files and ConfigDef's checks (kafka/properties.ts, broker.ts, clients.ts). */
const properties: SimTemplate[] = [
  { en: '`{key}` is set twice: the last value wins', ko: '`{key}` 설정이 두 번 나옵니다. 마지막 값이 적용됩니다' },
  { en: 'line {line} is ignored', ko: '{line}번째 줄은 무시됩니다' },
  { en: "The configuration '{key}' was supplied but isn't a known config.", ko: "'{key}' 설정이 주어졌지만 알려진 설정이 아닙니다." },
  { en: "did you mean '{guess}'? (the client logs this and ignores the key)", ko: "'{guess}'의 오타인가요? (클라이언트는 이를 로그에 남기고 그 키를 무시합니다)" },
  { en: 'the client logs this and ignores the key', ko: '클라이언트는 이를 로그에 남기고 그 키를 무시합니다' },
  { en: 'Invalid value {value} for configuration {key}: {reason*}', ko: '설정 {key}에 잘못된 값 {value}: {reason*}' },
  // ConfigDef's reasons, quoted after the colon above.
  { en: 'String must be one of: {values}', ko: '다음 중 하나여야 합니다: {values}' },
  { en: 'Not a number of type {type}', ko: '{type} 타입의 숫자가 아닙니다' },
  { en: 'Value must be at least {n}', ko: '{n} 이상이어야 합니다' },
  { en: 'Expected value to be either true or false', ko: 'true나 false여야 합니다' },
  { en: 'the brokers of one cluster must agree: {file} differs from {other} in {keys}', ko: '한 클러스터의 브로커는 설정이 같아야 합니다. {file} 파일과 {other} 파일은 다음 설정이 다릅니다: {keys}' },
  { en: 'the simulator models these as cluster-wide settings', ko: '시뮬레이터는 이 설정들을 클러스터 전체 설정으로 모델링합니다' },
];

/** topics.sh: kafka-topics.sh's own errors and what the simulation leaves out (kafka/topics.ts, workspace/kafka.ts). */
const topics: SimTemplate[] = [
  { en: '`{tool}` is not simulated: topics.sh runs kafka-topics.sh commands only', ko: '`{tool}` 명령은 시뮬레이션하지 않습니다. topics.sh에서는 kafka-topics.sh 명령만 실행합니다' },
  { en: '{flag} is not a recognized option', ko: '알 수 없는 옵션입니다: {flag}' },
  { en: 'run {tool} --help', ko: '{tool} --help로 옵션을 확인해 보세요' },
  { en: 'Option {flag} requires an argument', ko: '{flag} 옵션에는 인자가 필요합니다' },
  { en: 'The partitions must be greater than 0', ko: '파티션 수는 0보다 커야 합니다' },
  { en: 'The replication factor must be greater than 0', ko: '복제 팩터는 0보다 커야 합니다' },
  { en: 'Invalid topic config: all configs to be added must be in the format "key=val"', ko: '잘못된 토픽 설정입니다. 추가할 설정은 모두 "key=val" 형식이어야 합니다' },
  { en: 'Unknown topic config name: {name}', ko: '알 수 없는 토픽 설정 이름: {name}' },
  { en: 'topic config {name} is valid but not simulated', ko: '토픽 설정 {name}: 올바른 설정이지만 시뮬레이션하지 않습니다' },
  { en: '--replica-assignment is valid but not simulated: replicas are spread over the brokers', ko: '--replica-assignment는 올바른 옵션이지만 시뮬레이션하지 않습니다. 레플리카는 브로커들에 고르게 배치됩니다' },
  { en: 'only kafka-topics.sh --create is simulated; {action} is left out', ko: 'kafka-topics.sh는 --create만 시뮬레이션합니다. {action} 부분은 빠집니다' },
  { en: 'only kafka-topics.sh --create is simulated', ko: 'kafka-topics.sh는 --create만 시뮬레이션합니다' },
  { en: 'Missing required argument "[topic]"', ko: '필수 인자가 없습니다: "[topic]"' },
  { en: 'Missing required argument "[bootstrap-server]"', ko: '필수 인자가 없습니다: "[bootstrap-server]"' },
  { en: 'Replication factor: {n} larger than available brokers: {brokers}.', ko: '복제 팩터({n})가 사용할 수 있는 브로커 수({brokers})보다 큽니다.' },
  { en: 'brokers: {names}', ko: '브로커: {names}' },
  { en: "Topic '{topic}' already exists.", ko: "'{topic}' 토픽이 이미 있습니다." },
  { en: 'Topic {topic} not present in metadata after 60000 ms.', ko: '60000 ms가 지나도 메타데이터에 토픽 {topic}의 정보가 없습니다.' },
  { en: 'create it in topics.sh, or set auto.create.topics.enable=true', ko: 'topics.sh에서 만들거나 auto.create.topics.enable=true로 설정하세요' },
  { en: 'topic {topic} is not created in topics.sh: the broker creates it on first use with num.partitions={partitions} and default.replication.factor={rf}', ko: 'topics.sh에서 만들지 않은 토픽입니다: {topic}. 브로커가 처음 쓰일 때 num.partitions={partitions}, default.replication.factor={rf}로 만듭니다' },
];

/** Producer and consumer applications: the client's own checks and app.yaml (workspace/apps.ts). */
const apps: SimTemplate[] = [
  { en: 'Missing required configuration "bootstrap.servers" which has no default value.', ko: '기본값이 없는 필수 설정 "bootstrap.servers"가 없습니다.' },
  { en: 'Heartbeat must be set lower than the session timeout', ko: '하트비트 간격은 세션 타임아웃보다 짧아야 합니다' },
  { en: 'heartbeat.interval.ms={ms} (a third of session.timeout.ms, as the defaults are)', ko: 'heartbeat.interval.ms={ms} (기본값처럼 session.timeout.ms의 3분의 1)' },
  { en: 'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms', ko: 'delivery.timeout.ms는 linger.ms + request.timeout.ms 이상이어야 합니다' },
  { en: 'Must set retries to non-zero when using the idempotent producer.', ko: '멱등 프로듀서를 쓸 때는 retries를 0이 아닌 값으로 설정해야 합니다.' },
  { en: 'leave retries unset', ko: 'retries를 설정하지 마세요' },
  { en: 'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.', ko: '멱등 프로듀서를 쓰려면 acks를 all로 설정해야 합니다. 그러지 않으면 멱등성을 보장할 수 없습니다.' },
  { en: 'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is {n}.', ko: '멱등 프로듀서를 쓰려면 max.in.flight.requests.per.connection을 5 이하로 설정해야 합니다. 현재 값은 {n}입니다.' },
  { en: 'max.in.flight.requests.per.connection=5, or enable.idempotence=false', ko: 'max.in.flight.requests.per.connection=5 또는 enable.idempotence=false' },
  { en: 'Cannot set a transactional.id without also enabling idempotence.', ko: '멱등성을 켜지 않고 transactional.id를 설정할 수 없습니다.' },
  { en: 'acks=all, retries unset', ko: 'acks=all로 두고 retries는 설정하지 마세요' },
  { en: 'producer applications are not simulated: records enter Kafka from Filebeat, Logstash or a Flink job', ko: '프로듀서 애플리케이션은 시뮬레이션하지 않습니다. 레코드는 Filebeat, Logstash, Flink 잡에서 Kafka로 들어옵니다' },
  { en: 'remove this file, or write to Kafka from one of those', ko: '이 파일을 지우거나, 그중 하나에서 Kafka로 쓰세요' },
  { en: 'the app on {host} has no consumer.properties', ko: '{host}의 앱에 consumer.properties가 없습니다' },
  { en: 'the consumer on {host} needs app.yaml: which topic it subscribes to and where it writes', ko: '{host}의 컨슈머에는 app.yaml이 필요합니다. 어느 토픽을 구독하고 어디에 쓰는지 적습니다' },
  { en: 'To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.', ko: '그룹 관리나 오프셋 커밋 API를 쓰려면 컨슈머 설정에 올바른 group.id를 지정해야 합니다.' },
  { en: '{assignor} is valid but not simulated: RangeAssignor and RoundRobinAssignor are', ko: '{assignor} 설정은 올바르지만 시뮬레이션하지 않습니다. 시뮬레이션되는 것은 RangeAssignor와 RoundRobinAssignor입니다' },
  { en: 'The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).', ko: '세션 타임아웃이 브로커가 허용하는 범위(group.min.session.timeout.ms와 group.max.session.timeout.ms로 설정) 밖에 있습니다.' },
  { en: 'the brokers allow {min} to {max} ms', ko: '브로커가 허용하는 범위는 {min}~{max} ms입니다' },
  { en: 'unknown key `{key}` in app.yaml', ko: 'app.yaml에 알 수 없는 키 `{key}`' },
  { en: 'app.yaml holds {keys}; Kafka settings go in consumer.properties', ko: 'app.yaml에는 다음 키를 씁니다: {keys}. Kafka 설정은 consumer.properties에 씁니다' },
  { en: 'the simulated app subscribes to one topic', ko: '시뮬레이션의 앱은 토픽 하나를 구독합니다' },
  { en: 'output is one of elasticsearch: { hosts, index, document_id } or s3: { prefix }', ko: 'output은 elasticsearch: { hosts, index, document_id } 또는 s3: { prefix } 중 하나입니다' },
  { en: 'output.elasticsearch needs hosts', ko: 'output.elasticsearch에는 hosts가 필요합니다' },
  { en: 'app.yaml needs `subscribe`: the topic the app reads', ko: 'app.yaml에는 `subscribe`가 필요합니다. 앱이 읽는 토픽입니다' },
  { en: 'app.yaml needs `output`: where the app writes', ko: 'app.yaml에는 `output`이 필요합니다. 앱이 쓰는 곳입니다' },
];

export const kafkaFileTemplates: readonly SimTemplate[] = [...properties, ...topics, ...apps];

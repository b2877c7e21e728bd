/**
 * AWS files in Korean: the CloudFormation template aws/template.yaml (simulator/config/aws/template.ts,
 * cfn-yaml.ts, resolve.ts, glue.ts, scheduler.ts, schedule-expression.ts, and Athena's partition
 * projection in simulator/athena/projection.ts), a KCL app's kcl.properties and app.yaml (kcl.ts),
 * the workspace's streams (aws/workspace.ts) and world.yaml's `reshards` (world-reshards.ts).
 * CloudFormation's own error texts are translated around the names they quote; resource types,
 * property names, intrinsic functions and values stay as written.
 */
import type { SimTemplate } from './template.js';

/** The template's shape, its YAML and its intrinsic functions (template.ts, cfn-yaml.ts, resolve.ts). */
const template: SimTemplate[] = [
  { en: 'Template format error: unknown tag {tag}', ko: 'Template format error: 알 수 없는 태그 {tag}' },
  { en: "CloudFormation's short forms are {forms}", ko: 'CloudFormation의 축약형: {forms}' },
  { en: 'Template format error: a template is a YAML mapping (AWSTemplateFormatVersion, Resources, …)', ko: 'Template format error: 템플릿은 YAML 매핑입니다 (AWSTemplateFormatVersion, Resources, …)' },
  { en: 'Template format error: Invalid template property or properties [{key}]', ko: 'Template format error: 잘못된 템플릿 속성 [{key}]' },
  { en: "a template's sections: {sections}", ko: '템플릿의 섹션: {sections}' },
  { en: 'Template format error: At least one Resources member must be defined.', ko: 'Template format error: Resources에 항목이 하나 이상 있어야 합니다.' },
  { en: 'the simulation has one object store: every bucket is the node `s3`, so keys of different buckets share one listing', ko: '시뮬레이션의 객체 스토리지는 하나입니다. 모든 버킷이 `s3` 노드이므로, 버킷이 달라도 키는 한 목록에 함께 나옵니다' },
  { en: 'the simulator names its nodes after the resources, and "{name}" is not a usable node id', ko: '시뮬레이터는 노드 이름을 리소스 이름으로 짓는데, "{name}" 이름은 노드 id로 쓸 수 없습니다' },
  { en: 'use letters, digits, - and _, starting with a letter', ko: '영문자로 시작하고 영문자·숫자·-·_만 쓰세요' },
  { en: 'Template format error: [/Resources/{key}] Every Resources object must contain a Type member.', ko: 'Template format error: [/Resources/{key}] Resources의 모든 객체에는 Type이 있어야 합니다.' },
  { en: "Template format error: Invalid template resource property '{key}'", ko: "Template format error: 잘못된 템플릿 리소스 속성 '{key}'" },
  { en: 'did you mean {guess}? (resource properties go under Properties)', ko: '{guess}의 오타인가요? (리소스 속성은 Properties 아래에 씁니다)' },
  { en: 'resource properties go under Properties', ko: '리소스 속성은 Properties 아래에 씁니다' },
  { en: '{type} is not simulated: the simulation leaves this resource out', ko: '{type} 리소스는 시뮬레이션하지 않습니다. 시뮬레이션에서 빠집니다' },
  { en: 'Template format error: Unrecognized resource types: [{type}]', ko: 'Template format error: 알 수 없는 리소스 타입: [{type}]' },
  { en: 'Template format error: Unresolved resource dependencies [{name}] in the Resources block of the template', ko: 'Template format error: 템플릿의 Resources 블록에서 [{name}] 리소스 의존성을 해석할 수 없습니다' },
  { en: 'resources: {names}', ko: '리소스: {names}' },
  { en: 'Template error: instance of Fn::GetAtt references undefined resource {name}', ko: 'Template error: Fn::GetAtt가 정의되지 않은 리소스를 참조합니다: {name}' },
  { en: 'Template error: resource {name} does not support attribute type {attribute} in Fn::GetAtt', ko: 'Template error: 리소스 {name}에는 Fn::GetAtt로 읽을 {attribute} 속성이 없습니다' },
  { en: 'the simulation resolves Fn::GetAtt X.Arn', ko: '시뮬레이션이 해석하는 것은 Fn::GetAtt X.Arn입니다' },
  { en: 'expected a string here, found a mapping', ko: '여기에는 문자열이 와야 하는데 매핑이 있습니다' },
  { en: 'expected a string here, found a list', ko: '여기에는 문자열이 와야 하는데 목록이 있습니다' },
  { en: '{fn} is valid but not simulated here: write the value, or use Ref, Fn::GetAtt, Fn::Sub or Fn::Join', ko: '{fn} 함수는 올바르지만 여기서는 시뮬레이션하지 않습니다. 값을 직접 쓰거나 Ref, Fn::GetAtt, Fn::Sub, Fn::Join을 쓰세요' },
  { en: 'Template error: this function has an argument it does not take', ko: 'Template error: 이 함수가 받지 않는 인자가 있습니다' },
  { en: 'Template error: {fn} has an argument it does not take', ko: 'Template error: {fn} 함수가 받지 않는 인자가 있습니다' },
  { en: 'Ref takes a logical ID: !Ref Stream', ko: 'Ref에는 논리적 ID를 씁니다: !Ref Stream' },
  { en: 'Fn::GetAtt takes [LogicalId, Attribute]: !GetAtt Stream.Arn', ko: 'Fn::GetAtt에는 [LogicalId, Attribute]를 씁니다: !GetAtt Stream.Arn' },
  { en: 'Fn::Join takes [delimiter, [values]]', ko: 'Fn::Join에는 [delimiter, [values]]를 씁니다' },
  { en: 'Fn::Sub takes a string, or [string, { Name: value }]', ko: 'Fn::Sub에는 문자열이나 [string, { Name: value }]를 씁니다' },
];

/** Resource properties: CloudFormation's schema validation (template.ts, scheduler.ts). The outer message first: its tail is one of the others. */
const properties: SimTemplate[] = [
  { en: 'Properties validation failed for resource {resource} with message: {message*}', ko: '리소스 {resource}의 속성 검증에 실패했습니다: {message*}' },
  { en: '{path}: expected type: {expected}, found: {found}', ko: '{path}: {expected} 타입이어야 하는데 {found}입니다' },
  { en: '{path}: extraneous key [{key}] is not permitted', ko: '{path}: 허용되지 않는 키 [{key}]' },
  { en: 'known here: {keys}', ko: '여기서 쓸 수 있는 키: {keys}' },
  { en: '{key} is valid but not simulated', ko: '{key} 속성은 올바르지만 시뮬레이션하지 않습니다' },
  { en: '{path}: failed validation constraint for keyword [minimum]', ko: '{path}: [minimum] 제약 조건을 만족하지 않습니다' },
  { en: '{path}: failed validation constraint for keyword [maximum]', ko: '{path}: [maximum] 제약 조건을 만족하지 않습니다' },
  { en: '{key} is {min} to {max}: {doc*}', ko: '{key} 값의 범위는 {min}~{max}입니다: {doc*}' },
  { en: '{path}: {value} is not a valid enum value', ko: '{path}: {value} 값은 허용되는 enum 값이 아닙니다' },
  { en: '{path}: required key [{key}] not found', ko: '{path}: 필수 키가 없습니다: [{key}]' },
  { en: 'DeliveryStreamType {type} is valid but not simulated: the simulated Firehose stream reads a Kinesis data stream', ko: 'DeliveryStreamType {type} 설정은 올바르지만 시뮬레이션하지 않습니다. 시뮬레이션의 Firehose 스트림은 Kinesis 데이터 스트림을 읽습니다' },
  { en: 'DeliveryStreamType: KinesisStreamAsSource, with KinesisStreamSourceConfiguration', ko: 'DeliveryStreamType: KinesisStreamAsSource로 두고 KinesisStreamSourceConfiguration을 함께 쓰세요' },
  { en: 'BucketARN: !GetAtt Lake.Arn (or arn:aws:s3:::lake)', ko: 'BucketARN: !GetAtt Lake.Arn (또는 arn:aws:s3:::lake)' },
  { en: 'KinesisStreamSourceConfiguration is required when DeliveryStreamType is KinesisStreamAsSource', ko: 'DeliveryStreamType이 KinesisStreamAsSource이면 KinesisStreamSourceConfiguration이 필요합니다' },
  { en: '{arn} is not a Kinesis stream ARN', ko: 'Kinesis 스트림 ARN이 아닙니다: {arn}' },
  { en: 'no AWS::Kinesis::Stream named {name} in this template', ko: '이 템플릿에는 이름이 {name}인 AWS::Kinesis::Stream이 없습니다' },
  { en: 'a Firehose stream has exactly one destination (none given)', ko: 'Firehose 스트림의 대상은 정확히 하나입니다 (지정된 대상 없음)' },
  { en: 'a Firehose stream has exactly one destination ({names} given)', ko: 'Firehose 스트림의 대상은 정확히 하나입니다 (지정된 대상: {names})' },
  { en: 'one of {names}', ko: '다음 중 하나: {names}' },
  { en: '{arn} is not an S3 bucket ARN', ko: 'S3 버킷 ARN이 아닙니다: {arn}' },
  { en: 'the simulated OpenSearch/Elasticsearch cluster is a host of this workspace: name it in ClusterEndpoint', ko: '시뮬레이션의 OpenSearch/Elasticsearch 클러스터는 이 워크스페이스의 호스트입니다. ClusterEndpoint에 그 이름을 쓰세요' },
  { en: '#/Name: string [{name}] does not match pattern ^[0-9a-zA-Z-_.]+$', ko: '#/Name: [{name}] 문자열이 패턴 ^[0-9a-zA-Z-_.]+$와 맞지 않습니다' },
  { en: '#/{which}/ClusterEndpoint: string [{endpoint}] does not match pattern https:.*', ko: '#/{which}/ClusterEndpoint: [{endpoint}] 문자열이 패턴 https:.*와 맞지 않습니다' },
  { en: 'Invalid timezone: {zone}', ko: '잘못된 시간대: {zone}' },
  { en: 'Invalid Schedule Expression {expression}.', ko: '잘못된 일정 표현식 {expression}.' },
  { en: 'MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE', ko: 'FlexibleTimeWindow의 Mode가 FLEXIBLE이면 MaximumWindowInMinutes가 필요합니다' },
  { en: '#/{key}: string [{text}] is not a valid date-time', ko: '#/{key}: [{text}] 문자열은 올바른 날짜와 시각이 아닙니다' },
  { en: 'The EndDate must be after the StartDate.', ko: 'EndDate는 StartDate보다 뒤여야 합니다.' },
  { en: '{service}:{action} is a read-only API action, and EventBridge Scheduler does not invoke those (actions beginning with {prefixes})', ko: '{service}:{action} 액션은 읽기 전용 API라서 EventBridge Scheduler가 호출하지 않습니다 ({prefixes}로 시작하는 액션)' },
  { en: 'Target.Input of a universal target is the API request as a JSON object', ko: '범용 대상의 Target.Input은 JSON 객체로 쓴 API 요청입니다' },
  { en: 'glue:startCrawler needs the crawler\'s name in Input: {"Name": "…"}', ko: 'glue:startCrawler에는 Input에 크롤러 이름이 필요합니다: {"Name": "…"}' },
];

/** Schedule expressions, quoted after "Invalid Schedule Expression …" (schedule-expression.ts). */
const schedules: SimTemplate[] = [
  { en: '"{part}": the increment after / is a positive number', ko: '"{part}": / 뒤의 증가값은 양수여야 합니다' },
  { en: '"{part}" is outside {min}–{max}', ko: '"{part}"이 {min}~{max} 범위를 벗어났습니다' },
  { en: 'rate(value unit): the value is a positive whole number', ko: 'rate(value unit): value는 양의 정수입니다' },
  { en: 'rate({n} {unit}): AWS writes the unit singular for 1 and plural otherwise (rate(1 hour), rate(5 minutes))', ko: 'rate({n} {unit}): AWS는 1일 때 단위를 단수형으로, 그 밖에는 복수형으로 씁니다 (rate(1 hour), rate(5 minutes))' },
  { en: 'a schedule is cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(value unit)', ko: '일정은 cron(Minutes Hours Day-of-month Month Day-of-week Year)이나 rate(value unit)으로 씁니다' },
  { en: 'cron() takes six fields (Minutes Hours Day-of-month Month Day-of-week Year), found {n}', ko: 'cron()에는 필드 여섯 개(Minutes Hours Day-of-month Month Day-of-week Year)가 필요한데 {n}개입니다' },
  { en: 'L, W and # are valid AWS cron syntax that the simulation does not evaluate', ko: 'L, W, #은 올바른 AWS cron 문법이지만 시뮬레이션에서는 계산하지 않습니다' },
  { en: 'give one of Day-of-month and Day-of-week, and ? in the other (e.g. cron(0 2 * * ? *))', ko: 'Day-of-month와 Day-of-week 중 하나만 쓰고 다른 하나에는 ?를 쓰세요 (예: cron(0 2 * * ? *))' },
];

/** The Glue Data Catalog and Athena's partition projection (glue.ts, athena/projection.ts). */
const glue: SimTemplate[] = [
  { en: 'StorageDescriptor.Location is required for a table over S3', ko: 'S3 위의 테이블에는 StorageDescriptor.Location이 필요합니다' },
  { en: '{location} is not an S3 location', ko: 'S3 위치가 아닙니다: {location}' },
  { en: 'Location: s3://lake/raw/ (with the trailing slash)', ko: 'Location: s3://lake/raw/ (끝의 슬래시까지)' },
  { en: 'HIVE_METASTORE_ERROR: partition projection of {table}: {problem*}', ko: 'HIVE_METASTORE_ERROR: {table}의 파티션 프로젝션: {problem*}' },
  { en: 'Athena checks these properties when a query runs; see "Supported types for partition projection"', ko: 'Athena는 쿼리를 실행할 때 이 속성을 검사합니다. "Supported types for partition projection" 문서를 보세요' },
  { en: 'EntityNotFoundException: Table {table} not found in database {database}', ko: 'EntityNotFoundException: 데이터베이스 {database}에서 테이블을 찾을 수 없습니다: {table}' },
  { en: 'TableName: the TableInput.Name of an AWS::Glue::Table here', ko: 'TableName: 이 템플릿에 있는 AWS::Glue::Table의 TableInput.Name' },
  { en: 'InvalidInputException: the partition has {n} values and {table} has {m} partition keys ({keys})', ko: 'InvalidInputException: 파티션의 값은 {n}개인데 {table}의 파티션 키는 {m}개입니다 ({keys})' },
  { en: 'an S3Targets crawler creates tables of its own, named after the folders it finds, and leaves the tables of this template alone', ko: 'S3Targets 크롤러는 찾은 폴더 이름으로 자기 테이블을 만들고, 이 템플릿의 테이블은 건드리지 않습니다' },
  { en: 'to add partitions to an existing table: {example}', ko: '기존 테이블에 파티션을 추가하려면: {example}' },
  { en: 'InvalidInputException: Schedule expression is not supported: {expression}', ko: 'InvalidInputException: 지원하지 않는 일정 표현식입니다: {expression}' },
  { en: 'Glue schedules are cron(…) expressions', ko: 'Glue 일정은 cron(…) 표현식으로 씁니다' },
  { en: 'Glue runs a crawler at most every 5 minutes: cron(0/5 * * * ? *) is the most often', ko: 'Glue는 크롤러를 최대 5분마다 실행합니다. cron(0/5 * * * ? *)이 가장 잦은 일정입니다' },
  { en: 'projection.{key}.type is missing: with projection.enabled every partition key needs a type (enum, integer, date or injected)', ko: 'projection.{key}.type이 없습니다. projection.enabled이면 파티션 키마다 type(enum, integer, date, injected)이 필요합니다' },
  { en: 'projection.{key}.type injected is valid, but the simulation does not evaluate injected projection: use enum, integer or date', ko: 'projection.{key}.type injected는 올바르지만, 시뮬레이션은 injected 프로젝션을 계산하지 않습니다. enum, integer, date 중 하나를 쓰세요' },
  { en: 'projection.{key}.values is required for an enum projection', ko: 'enum 프로젝션에는 projection.{key}.values가 필요합니다' },
  { en: 'projection.{key}.range of an integer projection is "<min>,<max>", e.g. 0,23', ko: 'integer 프로젝션의 projection.{key}.range는 "<min>,<max>" 꼴입니다. 예: 0,23' },
  { en: 'projection.{key}.format is required for a date projection (e.g. yyyy-MM-dd)', ko: 'date 프로젝션에는 projection.{key}.format이 필요합니다 (예: yyyy-MM-dd)' },
  { en: 'projection.{key}.format {format}: the simulation reads the letters y M d H m s', ko: 'projection.{key}.format {format}: 시뮬레이션이 읽는 글자는 y M d H m s입니다' },
  { en: 'projection.{key}.range of a date projection is "<start>,<end>", each a date in {format} or NOW[±N UNIT], e.g. 2026-01-01,NOW', ko: 'date 프로젝션의 projection.{key}.range는 "<start>,<end>" 꼴이고, 각각 {format} 형식의 날짜나 NOW[±N UNIT]입니다. 예: 2026-01-01,NOW' },
  { en: 'projection.{key}.interval.unit {unit}: the simulation steps by {units}', ko: 'projection.{key}.interval.unit {unit}: 시뮬레이션이 쓰는 단위는 {units}입니다' },
  { en: 'projection.{key}.type {type}: one of enum, integer, date, injected', ko: 'projection.{key}.type {type}: enum, integer, date, injected 중 하나여야 합니다' },
  { en: 'storage.location.template must contain ${{key}} for each partition key', ko: 'storage.location.template에는 파티션 키마다 ${{key}} 자리가 있어야 합니다' },
];

/** KCL applications (kcl.ts) and the workspace's streams (aws/workspace.ts, world-reshards.ts). */
const kcl: SimTemplate[] = [
  { en: 'streamName (or streamArn) is required by the MultiLangDaemon', ko: 'MultiLangDaemon에는 streamName(또는 streamArn)이 필요합니다' },
  { en: '{key} is required by the MultiLangDaemon', ko: 'MultiLangDaemon에는 {key} 설정이 필요합니다' },
  { en: 'no AWS::Kinesis::Stream named {name} in {file}', ko: '{file}에는 이름이 {name}인 AWS::Kinesis::Stream이 없습니다' },
  { en: 'declare it in {file}: Type: AWS::Kinesis::Stream, Properties: { Name: {name}, ShardCount: 1 }', ko: '{file}에 선언하세요: Type: AWS::Kinesis::Stream, Properties: { Name: {name}, ShardCount: 1 }' },
  { en: 'declare it in {file}', ko: '{file}에 선언하세요' },
  { en: 'AT_TIMESTAMP is valid but not simulated: read as TRIM_HORIZON', ko: 'AT_TIMESTAMP는 올바른 설정이지만 시뮬레이션하지 않습니다. TRIM_HORIZON으로 읽습니다' },
  { en: "'{key}' is not a KCL property: the MultiLangDaemon ignores it", ko: "'{key}' 키는 KCL 속성이 아닙니다. MultiLangDaemon은 이를 무시합니다" },
  { en: 'the KCL application on {host} needs app.yaml: when it checkpoints and where it writes', ko: '{host}의 KCL 애플리케이션에는 app.yaml이 필요합니다. 언제 체크포인트하고 어디에 쓰는지 적습니다' },
  { en: "unknown key `{key}` in a KCL app's app.yaml", ko: 'KCL 앱의 app.yaml에 알 수 없는 키 `{key}`' },
  { en: 'app.yaml holds {keys}; KCL settings go in kcl.properties', ko: 'app.yaml에는 다음 키를 씁니다: {keys}. KCL 설정은 kcl.properties에 씁니다' },
  { en: 'app.yaml needs `output`: where the record processor writes', ko: 'app.yaml에는 `output`이 필요합니다. 레코드 프로세서가 쓰는 곳입니다' },
  { en: 'the KCL application on {host} reads a Kinesis stream, and this workspace declares none', ko: '{host}의 KCL 애플리케이션은 Kinesis 스트림을 읽는데, 이 워크스페이스에는 선언된 스트림이 없습니다' },
  { en: 'write {file} with an AWS::Kinesis::Stream', ko: 'AWS::Kinesis::Stream이 있는 {file} 파일을 쓰세요' },
  { en: '`reshards` is a list of { at, run }', ko: '`reshards`는 { at, run }의 목록입니다' },
  { en: 'a reshard is { at, run }', ko: '리샤딩 항목은 { at, run }입니다' },
  { en: 'unknown key `{key}` in a reshard', ko: '리샤딩 항목에 알 수 없는 키 `{key}`' },
  { en: '`run` is an AWS CLI resharding command: aws kinesis {operations} …', ko: '`run`에는 AWS CLI 리샤딩 명령을 씁니다: aws kinesis {operations} …' },
  { en: 'streams: {names}', ko: '스트림: {names}' },
];

export const awsFileTemplates: readonly SimTemplate[] = [...template, ...properties, ...schedules, ...glue, ...kcl];

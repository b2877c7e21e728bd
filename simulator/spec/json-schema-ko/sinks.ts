/** Korean twins of the descriptions of Elasticsearch and object storage (schema/sinks.ts), keyed by the English text. */
export const SINKS_KO: readonly (readonly [en: string, ko: string])[] = [
  ['Elasticsearch: documents with `_id` and `_version`.',
    'Elasticsearch: `_id`와 `_version`을 가진 도큐먼트'],
  ['Index → field → type. A value that does not fit its field type is rejected with 400.',
    '인덱스 → 필드 → 타입. 필드 타입에 맞지 않는 값은 400으로 거부됩니다.'],
  ['Injected bulk item rejections.',
    '주입하는 벌크 항목 거부'],
  ['Share of bulk items rejected with 429 (too many requests); retried.',
    '429(too many requests)로 거부되는 벌크 항목의 비율이며, 재시도됩니다.'],
  ['Elasticsearch (SEMANTICS §5).',
    'Elasticsearch 노드(SEMANTICS §5)'],
  ['An object store (S3/HDFS): durable, immutable objects.',
    '객체 스토리지(S3/HDFS): 내구성 있고 변경할 수 없는 객체'],
  ['Object storage.',
    '객체 스토리지'],
];

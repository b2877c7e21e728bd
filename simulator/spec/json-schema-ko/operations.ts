/** Korean twins of the descriptions of operator commands (schema/operations.ts), keyed by the English text. */
export const OPERATIONS_KO: readonly (readonly [en: string, ko: string])[] = [
  ['When the operator runs the command.',
    '운영자가 명령을 실행하는 시각'],
  ['The command line as typed: `kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6`, `kafka-consumer-groups.sh … --reset-offsets … --execute`, `flink stop --savepointPath <dir> <jobId>`, `flink cancel <jobId>`, `flink run [-s <savepoint>] [-p N] [-m <host>:8081] <jar>`.',
    '입력한 그대로의 명령줄: `kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6`, `kafka-consumer-groups.sh … --reset-offsets … --execute`, `flink stop --savepointPath <dir> <jobId>`, `flink cancel <jobId>`, `flink run [-s <savepoint>] [-p N] [-m <host>:8081] <jar>`'],
  ['One operator action: a real command at a time of the run.',
    '운영자 조치 하나: 실행 중 정해진 시각에 실제 명령을 실행합니다.'],
];

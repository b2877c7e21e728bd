/** `operations:` — what an operator types during the run, each at its time (simulator/operations). */
import { z } from 'zod';
import { duration } from './common.js';

export const operationSchema = z
  .strictObject({
    at: duration('When the operator runs the command.'),
    run: z
      .string()
      .min(1)
      .describe('The command line as typed: `kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6`, `kafka-consumer-groups.sh … --reset-offsets … --execute`, `flink stop --savepointPath <dir> <jobId>`, `flink cancel <jobId>`, `flink run [-s <savepoint>] [-p N] [-m <host>:8081] <jar>`.'),
  })
  .describe('One operator action: a real command at a time of the run.');

export type OperationSpec = z.output<typeof operationSchema>;

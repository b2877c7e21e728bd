/**
 * Node type → factory. Factories run in BUILD_ORDER so that stores and the Kafka cluster
 * exist before the clients that look them up.
 */
import type { NodeType } from '../spec/schema/pipeline.js';
import type { NodeFactory } from './build-context.js';
import { createElasticsearch } from './elasticsearch/index.js';
import { createS3 } from './s3/index.js';
import { createKafka } from './kafka/index.js';
import { createBeats } from './beats/index.js';
import { createLogstash } from './logstash/index.js';
import { createConsumer } from './consumer/index.js';
import { createFlink } from './flink/index.js';
import { createBatch } from '../arch/batch.js';
import { createServing } from '../arch/serving.js';
import { createKinesis, createKinesisConsumer } from './kinesis/index.js';
import { createFirehose } from './firehose/index.js';

export const BUILD_ORDER: readonly NodeType[] = ['elasticsearch', 's3', 'kafka', 'kinesis', 'beats', 'logstash', 'consumer', 'kinesis-consumer', 'firehose', 'flink', 'batch', 'serving'];

export const FACTORIES: { [T in NodeType]: NodeFactory<Extract<import('../spec/schema/pipeline.js').NodeSpec, { type: T }>> } = {
  elasticsearch: createElasticsearch,
  s3: createS3,
  kafka: createKafka,
  beats: createBeats,
  logstash: createLogstash,
  consumer: createConsumer,
  flink: createFlink,
  batch: createBatch,
  serving: createServing,
  kinesis: createKinesis,
  'kinesis-consumer': createKinesisConsumer,
  firehose: createFirehose,
};

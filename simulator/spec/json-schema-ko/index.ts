/**
 * Korean twins of the pipeline schema's descriptions (the `.describe()` texts of spec/schema/),
 * keyed by the English text. One file per schema file; setting names, values and units stay in
 * backticks as the English writes them (KOREAN-TERMS.md). A description shared by several schema
 * files is listed once, in the file where it first appears.
 */
import { PIPELINE_KO } from './pipeline.js';
import { WORKLOAD_KO } from './workload.js';
import { BEATS_KO } from './beats.js';
import { LOGSTASH_KO } from './logstash.js';
import { CONSUMER_KO } from './consumer.js';
import { FLINK_KO } from './flink.js';
import { KAFKA_KO } from './kafka.js';
import { JOB_KO } from './job.js';
import { SINKS_KO } from './sinks.js';
import { LAMBDA_KO } from './lambda.js';
import { KINESIS_KO } from './kinesis.js';
import { FIREHOSE_KO } from './firehose.js';
import { FAULTS_KO } from './faults.js';
import { OPERATIONS_KO } from './operations.js';
import { WAREHOUSE_KO } from './warehouse.js';
import { CATALOG_KO } from './catalog.js';

export const PIPELINE_DOCS_KO: Readonly<Record<string, string>> = Object.fromEntries([
  ...PIPELINE_KO,
  ...WORKLOAD_KO,
  ...BEATS_KO,
  ...LOGSTASH_KO,
  ...CONSUMER_KO,
  ...FLINK_KO,
  ...KAFKA_KO,
  ...JOB_KO,
  ...SINKS_KO,
  ...LAMBDA_KO,
  ...KINESIS_KO,
  ...FIREHOSE_KO,
  ...FAULTS_KO,
  ...OPERATIONS_KO,
  ...WAREHOUSE_KO,
  ...CATALOG_KO,
]);

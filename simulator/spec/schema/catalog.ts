/**
 * The AWS Glue Data Catalog over the lake (simulator/athena): external tables whose data are the S3
 * node's objects under a key prefix, the partitions registered for them, and the crawlers that register
 * more on a schedule. A workspace compiles it from `aws/template.yaml` (AWS::Glue::Table,
 * AWS::Glue::Partition, AWS::Glue::Crawler); Athena queries it after the run.
 */
import { z } from 'zod';

const tableSchema = z.strictObject({
  database: z.string().describe('The Glue database (`DatabaseName`).'),
  name: z.string().describe('The table name (`TableInput.Name`).'),
  bucket: z.string().describe('The bucket of `StorageDescriptor.Location` (the simulation has one object store).'),
  location: z.string().describe('Key prefix of the table\'s data in the lake, from `StorageDescriptor.Location` (s3://bucket/prefix/ → prefix/).'),
  'partition-keys': z.array(z.string()).describe('`TableInput.PartitionKeys` names, in order: the Hive-style folders under the location.'),
  columns: z.array(z.string()).describe('`StorageDescriptor.Columns` names: fields of each JSON line.'),
  parameters: z.record(z.string(), z.string()).default({}).describe('`TableInput.Parameters`: `projection.*` and `storage.location.template` configure Athena\'s partition projection.'),
});

const partitionSchema = z.strictObject({
  database: z.string(),
  table: z.string(),
  values: z.array(z.string()).describe('`PartitionInput.Values`, one per partition key.'),
  location: z.string().describe('Key prefix of the partition\'s data (`PartitionInput.StorageDescriptor.Location`).'),
});

const crawlerSchema = z.strictObject({
  name: z.string(),
  database: z.string().describe('`Targets.CatalogTargets[].DatabaseName`.'),
  tables: z.array(z.string()).describe('`Targets.CatalogTargets[].Tables`: the existing tables whose partitions the crawler adds.'),
  schedule: z.string().optional().describe('`Schedule.ScheduleExpression` (cron(…), UTC); absent: runs only when started.'),
});

const scheduleSchema = z.strictObject({
  name: z.string().describe('The schedule name (`Name`).'),
  expression: z.string().describe('`ScheduleExpression`: at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(…).'),
  timezone: z.string().default('UTC').describe('`ScheduleExpressionTimezone`: the IANA time zone the expression is read in.'),
  'window-minutes': z.number().int().min(1).max(1440).optional().describe('`FlexibleTimeWindow.MaximumWindowInMinutes` with Mode FLEXIBLE; absent: Mode OFF (within the scheduled minute).'),
  state: z.enum(['ENABLED', 'DISABLED']).default('ENABLED').describe('`State`.'),
  'start-ms': z.number().int().optional().describe('`StartDate`, as virtual milliseconds.'),
  'end-ms': z.number().int().optional().describe('`EndDate`, as virtual milliseconds.'),
  target: z
    .strictObject({
      arn: z.string().describe('`Target.Arn`.'),
      input: z.string().optional().describe('`Target.Input`.'),
      'role-arn': z.string().optional().describe('`Target.RoleArn` (IAM is not simulated).'),
      crawler: z.string().optional().describe('The crawler a glue:startCrawler universal target starts (its Input `Name`); absent: a target the simulation does not model.'),
      'maximum-retry-attempts': z.number().int().min(0).max(185).default(185).describe('`RetryPolicy.MaximumRetryAttempts`.'),
      'maximum-event-age-seconds': z.number().int().min(60).max(86400).default(86400).describe('`RetryPolicy.MaximumEventAgeInSeconds`.'),
    })
    .describe('`Target`.'),
});

export const catalogSchema = z
  .strictObject({
    tables: z.array(tableSchema).default([]),
    partitions: z.array(partitionSchema).default([]).describe('Partitions registered when the stack is created (time 0).'),
    crawlers: z.array(crawlerSchema).default([]),
    schedules: z.array(scheduleSchema).default([]).describe('EventBridge Scheduler schedules (AWS::Scheduler::Schedule); a glue:startCrawler target runs its crawler at each invocation.'),
  })
  .describe('The Glue Data Catalog Athena queries the lake through.');

export type CatalogSpec = z.output<typeof catalogSchema>;
export type CatalogTableSpec = CatalogSpec['tables'][number];
export type ScheduleSpec = CatalogSpec['schedules'][number];

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

export const catalogSchema = z
  .strictObject({
    tables: z.array(tableSchema).default([]),
    partitions: z.array(partitionSchema).default([]).describe('Partitions registered when the stack is created (time 0).'),
    crawlers: z.array(crawlerSchema).default([]),
  })
  .describe('The Glue Data Catalog Athena queries the lake through.');

export type CatalogSpec = z.output<typeof catalogSchema>;
export type CatalogTableSpec = CatalogSpec['tables'][number];

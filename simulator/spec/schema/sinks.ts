/** Stores: `type: elasticsearch` and `type: s3` (SEMANTICS §5). */
import { z } from 'zod';
import { probability, recordKey } from './common.js';

export const elasticsearchSchema = z
  .strictObject({
    type: z.literal('elasticsearch').describe('Elasticsearch: documents with `_id` and `_version`.'),
    mappings: z
      .record(recordKey(), z.record(recordKey(), z.enum(['keyword', 'long', 'double', 'date', 'text'])))
      .default({})
      .describe('Index → field → type. A value that does not fit its field type is rejected with 400.'),
    rejections: z
      .strictObject({
        429: probability('Share of bulk items rejected with 429 (too many requests); retried.').default(0),
      })
      .optional()
      .describe('Injected bulk item rejections.'),
  })
  .describe('Elasticsearch (SEMANTICS §5).');

export const s3Schema = z
  .strictObject({
    type: z.literal('s3').describe('An object store (S3/HDFS): durable, immutable objects.'),
  })
  .describe('Object storage.');

export type ElasticsearchSpec = z.output<typeof elasticsearchSchema>;
export type S3Spec = z.output<typeof s3Schema>;

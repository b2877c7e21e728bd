/** Lambda and Kappa building blocks: the batch layer and the serving layer (SEMANTICS §6, DESIGN §4). */
import { z } from 'zod';
import { duration, nodeRef, rate } from './common.js';
import { jobSchema } from './job.js';
import { deploySchema } from './flink.js';

export const batchSchema = z
  .strictObject({
    type: z.literal('batch').describe("Lambda's batch layer: recomputes a view from the whole master dataset on a schedule."),
    source: z
      .strictObject({
        node: nodeRef('The `s3` node holding the master dataset.'),
        prefix: z.string().default('').describe('Only objects under this prefix.'),
      })
      .describe('The master dataset.'),
    every: duration('Start a batch run this often.'),
    throughput: rate('Records the batch job reads per second; a run over N records takes N / throughput.').default(100_000),
    job: jobSchema,
    versions: z.record(z.string(), jobSchema).optional().describe('Other versions of the job.'),
    deploy: z.array(deploySchema).optional().describe('Scheduled deploys; a batch job always recomputes everything, so the next run uses the new code.'),
  })
  .describe('A batch job (Spark/MapReduce-like).');

export const servingSchema = z
  .strictObject({
    type: z.literal('serving').describe('The serving layer: answers the query for one architecture.'),
    architecture: z.enum(['lambda', 'kappa']).describe('How the answer is assembled.'),
    batch: nodeRef('Lambda: the `batch` node whose view covers everything up to its cut-off.').optional(),
    speed: nodeRef('Lambda: the `flink` node whose realtime view covers what came after. Kappa: the `flink` job whose output is served.').optional(),
    'sample-every': duration('How often the answer is sampled for the charts (default 1s).').default(1000),
  })
  .describe('A serving view.');

export type BatchSpec = z.output<typeof batchSchema>;
export type ServingSpec = z.output<typeof servingSchema>;

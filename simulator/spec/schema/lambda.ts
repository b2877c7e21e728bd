/**
 * Lambda and Kappa building blocks: the batch layer and the serving layer (SEMANTICS §6, DESIGN §4).
 *
 * A Lambda architecture is: a master dataset (`type: s3`), a `type: batch` job over it, a speed
 * layer (`type: flink`) and a `type: serving` node with `architecture: lambda` naming both.
 * A Kappa architecture is a `type: flink` job over a retained Kafka topic and a `type: serving`
 * node with `architecture: kappa` naming it; reprocessing is a flink `deploy` with `mode: reprocess`.
 * One spec may hold both, fed by the same sources, so they run on one time axis.
 */
import { z } from 'zod';
import { duration, nodeRef, rate, recordKey } from './common.js';
import { jobSchema } from './job.js';
import { deploySchema } from './flink.js';

export const batchSchema = z
  .strictObject({
    type: z.literal('batch').describe("Lambda's batch layer: recomputes a view from the whole master dataset on a schedule."),
    source: z
      .strictObject({
        node: nodeRef('The `s3` node holding the master dataset (immutable, append-only).'),
        prefix: z.string().default('').describe('Only objects whose key starts with this prefix.'),
      })
      .describe('The master dataset.'),
    every: duration('Start a batch run this often (the first run starts at this time, not at 0).'),
    throughput: rate('Records the batch job reads per second; a run over N records takes N / throughput.').default(100_000),
    'cut-off-margin': duration(
      "The serving layer answers from the batch view the windows that ended by min(cut-off, run start − this), where the cut-off is the newest object the run read; set it to at least the time records take to reach the master dataset, or records still on their way fall between the batch and realtime views until the next run (MISCONCEPTIONS 21; default 0).",
    ).default(0),
    job: jobSchema,
    versions: z.record(recordKey(), jobSchema).optional().describe('Other versions of the job, by name (e.g. `v2` with a bug fixed).'),
    deploy: z
      .array(deploySchema)
      .optional()
      .describe('Scheduled deploys of `versions`; a batch job always recomputes everything, so the next run after `at` uses the new code for all history (`mode` is irrelevant here).'),
  })
  .describe('A batch job (Spark/MapReduce-like) over the master dataset.');

export const servingSchema = z
  .strictObject({
    type: z.literal('serving').describe('The serving layer: answers the query for one architecture.'),
    architecture: z.enum(['lambda', 'kappa']).describe('How the answer is assembled: `lambda` merges batch and realtime views; `kappa` serves one stream job\'s output.'),
    batch: nodeRef('Lambda: the `batch` node whose view covers every window that ended by its cut-off.').optional(),
    speed: nodeRef('Lambda: the `flink` node whose realtime view covers the windows after the cut-off. Kappa: the `flink` job whose serving instance\'s output is read.').optional(),
    'sample-every': duration('How often the answer is sampled for the charts (default 1s).').default(1000),
  })
  .describe('A serving view: what a dashboard querying this architecture would see.');

export type BatchSpec = z.output<typeof batchSchema>;
export type ServingSpec = z.output<typeof servingSchema>;

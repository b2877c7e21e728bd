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
import { duration, nodeRef, positiveInt, rate, recordKey } from './common.js';
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
    every: duration('Start a batch run this often (the first run starts at this time, not at 0). Write `every` or `schedule`, not both.').optional(),
    schedule: z
      .strictObject({
        'dag-id': z.string().optional().describe("The DAG's `dag_id` (names its runs in `airflow dags list-runs`; default: the node id)."),
        'task-id': z.string().optional().describe("The Spark task's `task_id` (names its row in the DAG-run grid and `airflow tasks states-for-dag-run`; default: spark_job)."),
        interval: duration("The DAG's `schedule`: one run per data interval [start, start + interval), created when the interval has ended."),
        start: duration("The DAG's `start_date` (virtual time; 0 is 2026-01-01T00:00Z).").default(0),
        catchup: z.boolean().default(false).describe('`catchup`: run every interval missed while the scheduler was down (true), or only the latest (false, Airflow 3 default).'),
        'max-active-runs': positiveInt('`max_active_runs`: runs going at once (Airflow default 16); the others wait, oldest first.').default(16),
        retries: z.number().int().min(0).default(0).describe("The task's `retries`: tries after a failed one (Airflow default 0)."),
        'retry-delay': duration("The task's `retry_delay` (Airflow default 300 s).").default(300_000),
        sensor: z
          .strictObject({
            'task-id': z.string().describe("The sensor's `task_id`."),
            kind: z.enum(['s3-key', 'time-delta']).describe('`s3-key`: `S3KeySensor`, waits until an object matching `key` exists in the lake. `time-delta`: `TimeDeltaSensor`, waits until `delta` after the run\'s data interval has ended.'),
            key: z.string().optional().describe('s3-key: `bucket_key` without the bucket, templated (e.g. `raw/ts={{ ts_nodash }}/_SUCCESS`).'),
            'wildcard-match': z.boolean().default(false).describe('s3-key: `wildcard_match`: read `key` as a Unix shell pattern (`*`, `?`, `[…]`), as fnmatch does.'),
            delta: duration('time-delta: `delta`, the wait after `data_interval_end`.').optional(),
            'poke-interval': duration('`poke_interval` (Airflow default 60 s).').default(60_000),
            timeout: duration('`timeout`, from the first poke (Airflow default 7 days); a sensor timeout is not retried.').default(604_800_000),
            reschedule: z.boolean().default(false).describe('`mode="reschedule"`: between pokes the sensor holds no worker slot, so a worker crash does not kill it (`poke` mode, the default, sleeps in the worker).'),
            retries: z.number().int().min(0).default(0).describe("The sensor's `retries` (a killed try, not a timeout, is retried)."),
            'retry-delay': duration("The sensor's `retry_delay` (Airflow default 300 s).").default(300_000),
          })
          .optional()
          .describe('A sensor task upstream of the Spark task (`wait >> job`): the job starts only once it has succeeded.'),
      })
      .optional()
      .describe('Runs follow an Airflow DAG (simulator/orchestrator): data intervals, catchup, max active runs, retries. A run reads `source.prefix` with `{{ ds }}` rendered for its interval.'),
    write: z
      .strictObject({
        mode: z.enum(['overwrite', 'append']).describe('`overwrite`: `INSERT OVERWRITE … PARTITION` (dynamic partition overwrite): a run replaces its partition of the view. `append`: `INSERT INTO`: a run adds its rows to the partition, so a re-run counts twice.'),
        partition: z.string().describe('The result partition a run writes, templated (e.g. `dt={{ ds }}`).'),
      })
      .optional()
      .describe('With `schedule`: how each run writes its result partition of the batch view (default: overwrite, one partition).'),
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
  .superRefine((b, ctx) => {
    if ((b.every === undefined) === (b.schedule === undefined)) ctx.addIssue({ code: 'custom', path: ['every'], message: 'write `every` (a fixed interval) or `schedule` (an Airflow DAG\'s), exactly one' });
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

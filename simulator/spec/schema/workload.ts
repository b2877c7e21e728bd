/** `workload:` — what the sources produce: log lines written into files that Filebeat tails. */
import { z } from 'zod';
import { duration, positiveInt, probability, rate } from './common.js';

export const lateSchema = z
  .strictObject({
    fraction: probability('Share of records whose event time lags behind the time they are written (0–1).').default(0),
    max: duration('The most a late record lags, e.g. 30s. Each late record lags by a uniform amount up to this.').default(0),
  })
  .describe('Late data: some records carry an event time older than when they were written, as with buffered mobile clients.');

export const rotateSchema = z
  .strictObject({
    every: duration('Rotate each log file this often (logrotate by time).'),
    keep: z.number().int().min(0).default(1).describe('How many rotated files are kept; older ones are deleted. Lines Filebeat had not read from a deleted file are gone.'),
  })
  .describe('Log rotation: the live file is renamed and a new one started; rotated-out files beyond `keep` are deleted.');

export const workloadSchema = z
  .strictObject({
    generator: z
      .enum(['access-log', 'clickstream', 'sensor'])
      .default('access-log')
      .describe('What the lines look like: `access-log` (Apache combined log lines, parsed by grok), `clickstream` or `sensor` (one JSON object per line).'),
    rate: rate('Records per second over all files, e.g. 200/s.').default(100),
    files: positiveInt('Number of log files being written, one Filebeat harvester each.').default(1),
    key: z.string().default('status').describe('The field that keys records: Kafka partitioning by key, Flink `key-by`, and the query truth.'),
    late: lateSchema.optional(),
    malformed: probability('Share of lines that are garbled and fail to parse (grok tags them `_grokparsefailure`).').default(0),
    rotate: rotateSchema.optional(),
  })
  .describe('The workload: log lines written at a steady rate into files. Every line is a record the ledger follows.');

export type WorkloadSpec = z.output<typeof workloadSchema>;

/** `'scan.topic-partition-discovery.interval'` in a job.sql's Kafka table: compiled to the source's discovery interval. */
import { describe, expect, it } from 'vitest';
import { checkFlinkSql } from '../../../simulator/config/flink/index.js';

const table = (extra: string) => `CREATE TABLE logs (status STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'scan.startup.mode' = 'earliest-offset',${extra}
  'format' = 'json'
);
CREATE TABLE lake (status STRING) WITH ('connector' = 'filesystem', 'path' = 's3://lake/raw/', 'format' = 'json');
INSERT INTO lake SELECT status FROM logs;`;

describe('scan.topic-partition-discovery.interval', () => {
  it('is simulated: a duration becomes partition.discovery.interval.ms, 0 disables it, without a warning', () => {
    for (const [value, ms] of [['30 s', 30_000], ['0', 0], ['10 min', 600_000]] as const) {
      const r = checkFlinkSql(table(`\n  'scan.topic-partition-discovery.interval' = '${value}',`), 'job.sql');
      expect(r.problems.list).toEqual([]);
      expect(r.compiled?.source.spec).toMatchObject({ 'partition.discovery.interval.ms': ms });
    }
  });

  it('left out, the source spec keeps the connector default (5 min, from the schema)', () => {
    const r = checkFlinkSql(table(''), 'job.sql');
    expect(r.compiled?.source.spec).not.toHaveProperty('partition.discovery.interval.ms');
  });

  it('refuses what is not a duration, as Flink parses it', () => {
    const r = checkFlinkSql(table(`\n  'scan.topic-partition-discovery.interval' = 'often',`), 'job.sql');
    expect(r.problems.list.map((p) => p.message)).toEqual([expect.stringMatching(/Could not parse value 'often' for a duration/)]);
  });
});

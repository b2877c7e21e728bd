/**
 * A partitioned lake: the Logstash s3 output's `prefix` with sprintf dates (`%{+YYYY-MM-dd}`, `%{+HH}`
 * format the event's @timestamp, UTC, with Joda patterns) keeps one temporary file per interpolated
 * prefix, so objects land under `raw/dt=…/hour=…/` by **event** time (logstash-output-s3 docs, `prefix`:
 * "can be dynamically set using the sprintf syntax"; FileRepository per prefix — SEMANTICS-2 §2.1
 * [S3O1][S3O2]). Readers list the partitions as S3's ListObjectsV2 CommonPrefixes.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import type { S3Store } from '../../simulator/nodes/s3/store.js';
import { expandDateRefs, formatJoda, partitionValues, dsOf } from '../../simulator/nodes/s3/partition-path.js';

const spec = (prefix: string) => `
duration: 2h
drain: 20m
workload: { generator: access-log, rate: 1/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
      - date: { match: [ "timestamp", "dd/MMM/yyyy:HH:mm:ss Z" ] }
    output:
      s3: { node: lake, prefix: "${prefix}", time_file: 15 }
  lake: { type: s3 }
`;

describe('Joda patterns in %{+…} (UTC, virtual 0 = 2026-01-01T00:00Z)', () => {
  it('formats dates and hours as Logstash does', () => {
    const t = 13 * 3_600_000 + 5 * 60_000 + 7_000; // 13:05:07 on 2026-01-01
    expect(formatJoda('YYYY-MM-dd', t)).toBe('2026-01-01');
    expect(formatJoda('yyyy.MM.dd', t)).toBe('2026.01.01');
    expect(formatJoda('HH', t)).toBe('13');
    expect(formatJoda("HH'h'mm", t)).toBe('13h05');
    expect(expandDateRefs('raw/dt=%{+YYYY-MM-dd}/hour=%{+HH}/', t + 24 * 3_600_000)).toBe('raw/dt=2026-01-02/hour=13/');
    expect(dsOf(t)).toBe('2026-01-01');
    expect(partitionValues('raw/dt=2026-01-01/hour=13/ls.s3.x.part0.txt')).toEqual({ dt: '2026-01-01', hour: '13' });
  });
});

describe('the s3 output writes one object series per event-time partition', () => {
  const h = runYaml(spec('raw/dt=%{+YYYY-MM-dd}/hour=%{+HH}/'));
  const lake = h.components.get('lake') as S3Store;

  it('lists the date and hour partitions by common prefix', () => {
    expect(lake.listCommonPrefixes('raw/')).toEqual(['raw/dt=2026-01-01/']);
    expect(lake.listCommonPrefixes('raw/dt=2026-01-01/')).toEqual(['raw/dt=2026-01-01/hour=00/', 'raw/dt=2026-01-01/hour=01/']);
  });

  it('puts every record in the partition of its own event time, each exactly once', () => {
    let n = 0;
    for (const o of lake.listObjects('raw/')) {
      const { hour } = partitionValues(o.key);
      for (const r of o.records) {
        expect(formatJoda('HH', r.eventTimeMs)).toBe(hour);
        n++;
      }
    }
    expect(n).toBe(7200);
    expect(h.result.outputs['lake']!.exactlyOnce).toBe(7200);
  });

  it('a fixed prefix keeps the single series of parts (unchanged behaviour)', () => {
    const flat = runYaml(spec('raw/'));
    const flatLake = flat.components.get('lake') as S3Store;
    expect(flatLake.listCommonPrefixes('raw/')).toEqual([]);
    expect(flatLake.listObjects('raw/').every((o) => /^raw\/ls\.s3\.[0-9a-f-]+\.[^/]+\.part\d+\.txt$/.test(o.key))).toBe(true);
  });
});

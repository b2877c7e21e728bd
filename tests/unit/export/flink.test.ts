/**
 * A `type: flink` node exported as job.sql + config.yaml: every window kind, every sink, filters,
 * aggregates and later versions compile back to the very spec they came from (specToWorkspace
 * compares them itself), each written file passes `check` without an error or a warning, and what
 * the real files cannot say is refused with its reason in English and Korean.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../simulator/spec/parse.js';
import type { PipelineSpec } from '../../../simulator/spec/schema/pipeline.js';
import { checkConfigFile } from '../../../simulator/config/workspace/index.js';
import { specToWorkspace } from '../../../simulator/export/spec-to-workspace.js';
import { whereToSql } from '../../../simulator/export/flink-where.js';

/** A pipeline Filebeat → Kafka → Flink (the YAML of the Flink node given) → Elasticsearch / Kafka / S3. */
function spec(flink: string, extra = ''): PipelineSpec {
  const text = `name: t
duration: 10s
workload: { generator: access-log, rate: 50/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
  counter:
${flink.split('\n').map((l) => `    ${l}`).join('\n')}
  es: { type: elasticsearch }
${extra}`;
  const parsed = parseSpec(text, 'pipeline.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
  return parsed.spec;
}

const SOURCE = 'type: flink\nsource: { node: kafka, topic: logs }\nexecution.checkpointing.interval: 5s';
const windowed = (window: string, sink = 'sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }', more = '') =>
  `${SOURCE}\njob: { key-by: status, window: ${window}, watermark: { max-out-of-orderness: 2s }${more} }\n${sink}`;

function exported(s: PipelineSpec): Map<string, string> {
  const out = specToWorkspace(s);
  expect(out.ok, out.ok ? '' : JSON.stringify(out.refusals)).toBe(true);
  if (!out.ok) throw new Error('refused');
  for (const [path, text] of out.value) {
    if (!path.startsWith('counter/')) continue;
    expect(checkConfigFile(path, text), `${path}\n${text}`).toEqual([]);
  }
  return out.value;
}

describe('a Flink node round-trips through job.sql and config.yaml', () => {
  it.each([
    ['tumbling', '{ type: tumbling, size: 10s }', 'TABLE(TUMBLE(TABLE `logs`, DESCRIPTOR(`@timestamp`), INTERVAL \'10\' SECOND))'],
    ['sliding', '{ type: sliding, size: 1m, slide: 15s }', "HOP(TABLE `logs`, DESCRIPTOR(`@timestamp`), INTERVAL '15' SECOND, INTERVAL '1' MINUTE)"],
    ['session', '{ type: session, gap: 500ms }', "GROUP BY SESSION(`@timestamp`, INTERVAL '500' MILLISECOND), `status`"],
  ])('a %s window', (_, window, sql) => {
    const files = exported(spec(windowed(window)));
    expect(files.get('counter/job.sql')).toContain(sql);
    expect(files.get('counter/job.sql')).toContain("WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '2' SECOND");
  });

  it('allowed lateness: a legacy TUMBLE group window and table.exec.emit.allow-lateness into an upsert sink', () => {
    const files = exported(spec(windowed('{ type: tumbling, size: 10s }', undefined, ', allowed-lateness: 30s')));
    expect(files.get('counter/job.sql')).toContain("GROUP BY TUMBLE(`@timestamp`, INTERVAL '10' SECOND), `status`");
    expect(files.get('counter/config.yaml')).toContain('table.exec.emit.allow-lateness: 30 s');
  });

  it('sum, avg and COUNT(DISTINCT) (the dedupe), a WHERE, and a watermark interval', () => {
    exported(spec(windowed('{ type: tumbling, size: 10s }', undefined, ', aggregate: "sum:bytes"')));
    exported(spec(windowed('{ type: tumbling, size: 10s }', undefined, ', aggregate: "avg:bytes"')));
    const dedupe = exported(spec(windowed('{ type: tumbling, size: 10s }', undefined, ', dedupe: { field: request }')));
    expect(dedupe.get('counter/job.sql')).toContain('COUNT(DISTINCT `request`)');
    const where = exported(spec(windowed('{ type: tumbling, size: 10s }', undefined, `, where: '([status] != "404") and ([verb] in ["GET", "HEAD"])'`)));
    expect(where.get('counter/job.sql')).toContain("WHERE (`status` <> '404') AND (`verb` IN ('GET', 'HEAD'))");
    const interval = exported(spec(`${SOURCE}\njob: { key-by: status, window: { type: tumbling, size: 10s }, watermark: { max-out-of-orderness: 0s, interval: 1s } }\nsink: { elasticsearch: { node: es, index: counts } }`));
    expect(interval.get('counter/config.yaml')).toContain('pipeline.auto-watermark-interval: 1 s');
    expect(interval.get('counter/job.sql')).toContain('WATERMARK FOR `@timestamp` AS `@timestamp`\n');
  });

  it('each sink: elasticsearch-7, kafka with its delivery guarantee, filesystem', () => {
    const es = exported(spec(`${SOURCE}\nsink: { elasticsearch: { node: es, index: logs, bulk.flush.max-actions: 200, bulk.flush.interval: 2s } }`));
    expect(es.get('counter/job.sql')).toContain("'sink.bulk-flush.interval' = '2 s'");
    for (const guarantee of ['none', 'at-least-once', 'exactly-once']) {
      const kafka = exported(spec(`${SOURCE}\nsink: { kafka: { node: kafka, topic: out, delivery-guarantee: ${guarantee}, transactional-id-prefix: counter } }`));
      expect(kafka.get('counter/job.sql')).toContain(`'sink.delivery-guarantee' = '${guarantee}'`);
    }
    const files = exported(spec(`${SOURCE}\nsink: { filesystem: { node: s3, path: counts/ } }`, '  s3: { type: s3 }\n'));
    expect(files.get('counter/job.sql')).toContain("'path' = 's3://pipeline-lab/counts/'");
  });

  it('source and config: a group from committed offsets, read_committed, idleness, restarts, parallelism', () => {
    const files = exported(spec(`type: flink
source: { node: kafka, topic: logs, group.id: g, starting-offsets: committed, auto.offset.reset: earliest, isolation.level: read_committed, idleness: 3s }
execution.checkpointing.interval: 1m
execution.checkpointing.mode: AT_LEAST_ONCE
execution.checkpointing.timeout: 30s
restart-strategy: { type: fixed-delay, delay: 2s, attempts: 3 }
parallelism.default: 2
pipeline.max-parallelism: 64
sink: { elasticsearch: { node: es, index: logs } }`));
    expect(files.get('counter/job.sql')).toContain("'scan.startup.mode' = 'group-offsets'");
    expect(files.get('counter/config.yaml')).toContain('restart-strategy.fixed-delay.attempts: 3');
    exported(spec(`${SOURCE}\nrestart-strategy: { type: none }\nsink: { elasticsearch: { node: es, index: logs } }`));
    exported(spec(`${SOURCE}\nrestart-strategy: { delay: 10s }\nsink: { elasticsearch: { node: es, index: logs } }`));
    // Without checkpointing the spec's endless restarts are fixed-delay with Integer.MAX_VALUE attempts.
    const endless = exported(spec(`type: flink\nsource: { node: kafka, topic: logs }\nsink: { elasticsearch: { node: es, index: logs } }`));
    expect(endless.get('counter/config.yaml')).toContain('restart-strategy.fixed-delay.attempts: 2147483647');
  });

  it('later versions: in place with a new parallelism, and a replay into <index>-<version>', () => {
    const inPlace = exported(spec(`${windowed('{ type: tumbling, size: 5s }')}\nversions: { v2: { key-by: verb, window: { type: tumbling, size: 5s }, watermark: { max-out-of-orderness: 1s } } }\ndeploy: [ { at: 4s, version: v2, parallelism: 2 } ]`));
    expect(inPlace.get('counter/job-v2.sql')).toContain("SET 'parallelism.default' = '2';");
    expect(inPlace.get('world.yaml')).toContain('file: counter/job-v2.sql');
    const replay = exported(spec(`${windowed('{ type: tumbling, size: 5s }')}\nversions: { v3: { key-by: status, window: { type: tumbling, size: 5s }, watermark: { max-out-of-orderness: 1s } } }\ndeploy: [ { at: 4s, version: v3, mode: reprocess } ]`));
    expect(replay.get('counter/job-v3.sql')).toContain("'index' = 'counts-v3'");
  });

  it('a per-record processing time: no SQL setting, so world.yaml states it for the Flink host', () => {
    const files = exported(spec(`${SOURCE}\nprocessing-time: 5ms\nsink: { elasticsearch: { node: es, index: logs } }`));
    expect(files.get('world.yaml')).toContain('processing-time:\n  counter: 5ms\n');
    expect(files.get('counter/job.sql')).not.toContain('5ms');
  });
});

describe('what job.sql and config.yaml cannot say is refused, in English and Korean', () => {
  const refusal = (flink: string, path: string) => {
    const out = specToWorkspace(spec(flink));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const r = out.refusals.find((x) => x.path === `nodes.counter.${path}`);
    expect(r, JSON.stringify(out.refusals)).toBeDefined();
    expect(r!.en.length).toBeGreaterThan(20);
    expect(r!.ko).toMatch(/[가-힣]/);
  };
  const es = 'sink: { elasticsearch: { node: es, index: logs } }';
  it.each([
    ['source.max.poll.records', `type: flink\nsource: { node: kafka, topic: logs, max.poll.records: 10 }\nexecution.checkpointing.interval: 5s\n${es}`],
    ['source.auto.offset.reset', `type: flink\nsource: { node: kafka, topic: logs, auto.offset.reset: earliest }\nexecution.checkpointing.interval: 5s\n${es}`],
    ['source', `type: flink\nsource: { node: kafka, topic: logs, starting-offsets: committed }\nexecution.checkpointing.interval: 5s\n${es}`],
    ['execution.checkpointing.interval', `type: flink\nsource: { node: kafka, topic: logs }\nexecution.checkpointing.interval: 5ms\n${es}`],
    ['job.late-data', windowed('{ type: tumbling, size: 10s }', undefined, ', late-data: side-output')],
    ['job.allowed-lateness', windowed('{ type: session, gap: 1s }', undefined, ', allowed-lateness: 5s')],
    ['job.window', `${SOURCE}\njob: { key-by: status, window: { type: tumbling, size: 10s } }\n${es}`],
    ['job.key-by', `${SOURCE}\njob: { window: { type: tumbling, size: 10s }, watermark: { max-out-of-orderness: 1s } }\n${es}`],
    ['job.dedupe', windowed('{ type: tumbling, size: 10s }', undefined, ', dedupe: { field: request, ttl: 5m }')],
    ['job.where', windowed('{ type: tumbling, size: 10s }', undefined, `, where: '[status] =~ /^5/'`)],
    ['sink.elasticsearch.document-id', `${SOURCE}\nsink: { elasticsearch: { node: es, index: logs, document-id: "{@metadata._id}" } }`],
    ['versions.v2', `${windowed('{ type: tumbling, size: 5s }')}\nversions: { v2: { key-by: status, window: { type: tumbling, size: 5s }, watermark: { max-out-of-orderness: 1s } } }`],
    ['deploy.0.parallelism', `${windowed('{ type: tumbling, size: 5s }')}\nversions: { v2: { key-by: status, window: { type: tumbling, size: 5s }, watermark: { max-out-of-orderness: 1s } } }\ndeploy: [ { at: 4s, version: v2, mode: reprocess, parallelism: 2 } ]`],
  ])('%s', (path, flink) => refusal(flink, path));

  it('a condition in another form than the compiler reads back is answered with the form to write', () => {
    expect(whereToSql('[status] != "404" and [verb] == "GET"')).toEqual({ ok: false, canonical: '([status] != "404") and ([verb] == "GET")' });
    expect(whereToSql('![referrer]')).toMatchObject({ ok: true, sql: '`referrer` IS NULL' });
  });
});

import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { countCrossings, edgesOf, layoutTopology } from '../../../site/lib/topology.js';

function spec(text: string) {
  const r = parseSpec(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return r.spec;
}

const classic = spec(`
nodes:
  filebeat: { type: beats, output: logstash }
  es: { type: elasticsearch }
  logstash:
    type: logstash
    output: { kafka: { node: kafka, topic_id: logs } }
  kafka:
    type: kafka
    brokers: 3
    topics: { logs: { partitions: 3, replication.factor: 3 }, counts: { partitions: 1, replication.factor: 3 } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, group.id: flink }
    sink: { kafka: { node: kafka, topic: counts } }
  indexer:
    type: consumer
    source: { node: kafka, topic: counts, group.id: indexer }
    output: { elasticsearch: { node: es, index: counts } }
`);

describe('edgesOf', () => {
  it('reads output, source and sink references with what travels on them', () => {
    expect(edgesOf(classic)).toEqual([
      { from: 'filebeat', to: 'logstash', via: '' },
      { from: 'logstash', to: 'kafka', via: 'logs' },
      { from: 'kafka', to: 'flink', via: 'logs' },
      { from: 'flink', to: 'kafka', via: 'counts' },
      { from: 'kafka', to: 'indexer', via: 'counts' },
      { from: 'indexer', to: 'es', via: 'counts' },
    ]);
  });
});

describe('layoutTopology', () => {
  const layout = layoutTopology(classic);
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it('places nodes left to right by data flow, whatever the spec order', () => {
    expect(['filebeat', 'logstash', 'kafka', 'flink', 'es'].map((id) => node(id).column)).toEqual([0, 1, 2, 3, 4]);
    expect(node('indexer').column).toBe(3);
    expect(node('filebeat').x).toBeLessThan(node('logstash').x);
    expect(node('flink').x).toBeLessThan(node('es').x);
  });

  it('draws an edge against the flow as a loop below and lets it move nothing', () => {
    const back = layout.edges.filter((e) => e.back);
    expect(back.map((e) => `${e.from}->${e.to}`)).toEqual(['flink->kafka']);
    const lowestNode = Math.max(...layout.nodes.map((n) => n.y + n.height));
    expect(layout.height).toBeGreaterThan(lowestNode + 40);
  });

  it('keeps every node inside the canvas and apart from the others', () => {
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('orders a column by the rows of its feeders so fan-out edges do not cross', () => {
    const fan = layoutTopology(spec(`
nodes:
  b2: { type: beats, output: l2 }
  b1: { type: beats, output: l1 }
  l1: { type: logstash, output: { elasticsearch: { node: es } } }
  l2: { type: logstash, output: { s3: { node: lake } } }
  es: { type: elasticsearch }
  lake: { type: s3 }
`));
    const row = (id: string) => fan.nodes.find((n) => n.id === id)!.row;
    expect([row('b2'), row('b1')]).toEqual([0, 1]);
    expect([row('l2'), row('l1')]).toEqual([0, 1]);
    expect([row('lake'), row('es')]).toEqual([0, 1]);
  });

  it('joins Lambda layers: s3 feeds the batch job, batch and speed feed the serving view', () => {
    const lambda = layoutTopology(spec(`
nodes:
  fb: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, topics: { logs: { partitions: 1, replication.factor: 1 } } }
  archive: { type: consumer, source: { node: kafka, topic: logs, group.id: a }, output: { s3: { node: lake } } }
  speed: { type: flink, source: { node: kafka, topic: logs, group.id: f }, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }, sink: { elasticsearch: { node: es } } }
  lake: { type: s3 }
  es: { type: elasticsearch }
  nightly: { type: batch, source: { node: lake }, every: 1m, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count } }
  view: { type: serving, architecture: lambda, batch: nightly, speed: speed }
`));
    const col = (id: string) => lambda.nodes.find((n) => n.id === id)!.column;
    expect(col('fb')).toBe(0);
    expect(col('kafka')).toBe(1);
    expect(col('lake')).toBe(3);
    expect(col('nightly')).toBe(4);
    expect(col('view')).toBe(5);
    expect(lambda.edges.some((e) => e.back)).toBe(false);
  });

  it('reorders columns so that Lambda and Kappa lanes do not cross', () => {
    // Spec order invites crossings: the speed job feeds the Lambda view listed last, the stream job the Kappa view listed first.
    const spec2 = spec(`
nodes:
  fb: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, topics: { logs: { partitions: 1, replication.factor: 1 } } }
  speed: { type: flink, source: { node: kafka, topic: logs, group.id: s }, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }, sink: { elasticsearch: { node: es, index: realtime } } }
  stream: { type: flink, source: { node: kafka, topic: logs, group.id: k }, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }, sink: { elasticsearch: { node: es, index: counts } } }
  es: { type: elasticsearch }
  kappa: { type: serving, architecture: kappa, speed: stream }
  lambda: { type: serving, architecture: lambda, batch: nightly, speed: speed }
  lake: { type: s3 }
  nightly: { type: batch, source: { node: lake }, every: 1m, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count } }
`);
    const laid = layoutTopology(spec2);
    const columns: string[][] = [];
    for (const n of laid.nodes) (columns[n.column] ??= [])[n.row] = n.id;
    const forward = laid.edges.filter((e) => !e.back);
    expect(countCrossings(columns, forward)).toBe(0);
    // Fan-out edges leave a node at distinct heights.
    const starts = forward.filter((e) => e.from === 'kafka').map((e) => e.path.split(' ')[1]);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('draws an empty pipeline as an empty canvas', () => {
    const empty = layoutTopology({ nodes: {} });
    expect(empty.nodes).toEqual([]);
    expect(empty.edges).toEqual([]);
  });
});

describe('crossings', () => {
  it('untangles parallel Lambda and Kappa lanes fed from one Kafka topic and one bucket', () => {
    const laid = layoutTopology(spec(`
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kafka: { node: kafka, topic_id: logs }, s3: { node: lake, prefix: raw/ } } }
  kafka: { type: kafka, topics: { logs: { partitions: 1, replication.factor: 1 } } }
  speed: { type: flink, source: { node: kafka, topic: logs, group.id: s }, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }, sink: { elasticsearch: { node: es, index: realtime } } }
  stream: { type: flink, source: { node: kafka, topic: logs, group.id: k }, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }, sink: { elasticsearch: { node: es, index: counts } } }
  lake: { type: s3 }
  batch: { type: batch, source: { node: lake }, every: 1m, job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count } }
  es: { type: elasticsearch }
  lambda: { type: serving, architecture: lambda, batch: batch, speed: speed }
  kappa: { type: serving, architecture: kappa, speed: stream }
`));
    const columns: string[][] = [];
    for (const n of laid.nodes) (columns[n.column] ??= [])[n.row] = n.id;
    expect(countCrossings(columns, laid.edges.filter((e) => !e.back))).toBe(0);
  });
});

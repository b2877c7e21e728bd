/**
 * Builds a Flink node against the fake Kafka and the real Elasticsearch node, without the
 * rest of the pipeline: records are appended to the source partitions at chosen times.
 */
import { parseSpec } from '../../../simulator/spec/index.js';
import { Simulation } from '../../../simulator/core/simulation.js';
import { Workload } from '../../../simulator/workload/workload.js';
import type { BuildContext } from '../../../simulator/nodes/build-context.js';
import type { OutputNode } from '../../../simulator/core/node.js';
import type { Rec } from '../../../simulator/core/record.js';
import { createElasticsearch } from '../../../simulator/nodes/elasticsearch/index.js';
import { createFlink } from '../../../simulator/nodes/flink/index.js';
import type { ElasticsearchStore } from '../../../simulator/nodes/elasticsearch/store.js';
import type { FlinkNode } from '../../../simulator/nodes/flink/flink-node.js';
import { FakeKafka } from './fake-kafka.js';

export interface Harness {
  sim: Simulation;
  kafka: FakeKafka;
  flink: FlinkNode;
  es: ElasticsearchStore;
  outputs: Map<string, OutputNode>;
  /** Appends a record with these fields to partition p at time t. */
  produce(t: number, p: number, rid: number, eventTimeMs: number, fields: Rec['fields']): void;
  counts(total: number): Uint32Array;
}

export function harness(flinkYaml: string, partitions = 2, faults = ''): Harness {
  const yaml = `
duration: 60s
nodes:
  kafka: { type: kafka, topics: { logs: { partitions: ${partitions} } } }
  es: { type: elasticsearch }
  flink:
${flinkYaml
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
faults: [${faults}]
`;
  const r = parseSpec(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r));
  const spec = r.spec;
  const sim = new Simulation(1);
  const kafka = new FakeKafka('kafka', 'logs', partitions);
  const components = new Map<string, unknown>([['kafka', kafka.handle()]]);
  const outputs = new Map<string, OutputNode>();
  const ctx: BuildContext = {
    sim,
    spec,
    workload: new Workload(spec.workload, 1, spec.duration),
    addOutput: (id, o) => outputs.set(id, o),
    addAnswerSource: () => undefined,
    addArchitecture: () => undefined,
    provide: (id, c) => components.set(id, c),
    lookup: <T>(id: string) => components.get(id) as T | undefined,
  };
  const esSpec = spec.nodes['es'];
  const flinkSpec = spec.nodes['flink'];
  if (esSpec?.type !== 'elasticsearch' || flinkSpec?.type !== 'flink') throw new Error('bad harness spec');
  createElasticsearch('es', esSpec, ctx);
  createFlink('flink', flinkSpec, ctx);
  for (const f of spec.faults) {
    if (!('crash' in f)) continue;
    sim.at(f.at, () => sim.crash(f.crash));
    const after = f['restart-after'];
    if (after !== undefined) sim.at(f.at + after, () => sim.restart(f.crash));
  }
  sim.start();
  return {
    sim,
    kafka,
    flink: sim.node('flink') as FlinkNode,
    es: components.get('es') as ElasticsearchStore,
    outputs,
    produce: (t, p, rid, eventTimeMs, fields) => sim.at(t, () => kafka.append(p, { rid, id: `r${rid}`, eventTimeMs, fields })),
    counts: (total) => {
      const c = new Uint32Array(total);
      outputs.get('es')?.countRecords(c);
      return c;
    },
  };
}

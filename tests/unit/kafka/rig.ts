/**
 * A small test bench for the Kafka node: parses a spec, builds Kafka (and, if present, the
 * consumer application and Elasticsearch) with the real factories, and adds a scripted producer
 * host `app` that sends records when told. Outcomes come from the mechanisms, read off the logs.
 */
import { parseSpec } from '../../../simulator/spec/index.js';
import { Simulation } from '../../../simulator/core/simulation.js';
import { NetworkFaults } from '../../../simulator/core/network.js';
import type { Message, NodeContext, SimNode, OutputNode } from '../../../simulator/core/node.js';
import type { Rec } from '../../../simulator/core/record.js';
import type { BuildContext } from '../../../simulator/nodes/build-context.js';
import type { PipelineSpec } from '../../../simulator/spec/schema/pipeline.js';
import type { LinkFaultSpec, PartitionFaultSpec, CrashFaultSpec } from '../../../simulator/spec/schema/faults.js';
import type { KafkaProducerClient, ProducerConfig, SendResult } from '../../../simulator/nodes/kafka/client-api.js';
import { createKafka } from '../../../simulator/nodes/kafka/index.js';
import { createConsumer } from '../../../simulator/nodes/consumer/index.js';
import { createElasticsearch } from '../../../simulator/nodes/elasticsearch/index.js';
import type { KafkaCluster } from '../../../simulator/nodes/kafka/cluster.js';

export function rec(rid: number, fields: Record<string, string | number> = {}): Rec {
  return { rid, id: `r${rid}`, eventTimeMs: rid, fields: { message: `line ${rid}`, ...fields } };
}

/** A host node embedding one producer; `plan` lists (time, records, key) sends. */
export class ProducerHost implements SimNode {
  ctx!: NodeContext;
  producer: KafkaProducerClient | null = null;
  readonly results = new Map<number, SendResult[]>();
  constructor(
    readonly address: string,
    private readonly cluster: KafkaCluster,
    private readonly config: ProducerConfig,
    private readonly topic: string,
    private readonly plan: { atMs: number; records: Rec[]; key?: string | null }[],
  ) {}
  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.producer = this.cluster.createProducer(ctx, this.config);
    for (const step of this.plan) {
      ctx.timer(step.atMs, () => {
        for (const r of step.records) {
          this.producer!.send(this.topic, r, step.key ?? null, (res) => {
            const list = this.results.get(r.rid) ?? [];
            list.push(res);
            this.results.set(r.rid, list);
          });
        }
      });
    }
  }
  receive(msg: Message, from: string): void {
    this.producer?.receive(msg, from);
  }
  crash(): void {
    this.producer?.discard?.();
    this.producer = null;
  }
  restart(): void {
    this.producer = this.cluster.createProducer(this.ctx, this.config);
  }
  heldRecords(visit: (rid: number) => void): void {
    this.producer?.heldRecords(visit);
  }
}

export interface Rig {
  sim: Simulation;
  spec: PipelineSpec;
  cluster: KafkaCluster;
  outputs: Map<string, OutputNode>;
  counts(output: string, total: number): Uint32Array;
  run(untilMs: number): void;
}

export function buildRig(yaml: string, seed = 1): Rig {
  const parsed = parseSpec(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  const spec = parsed.spec;
  const links = spec.faults.filter((f): f is LinkFaultSpec => 'link' in f);
  const partitions = spec.faults.filter((f): f is PartitionFaultSpec => 'partition' in f);
  const sim = new Simulation(seed, new NetworkFaults(links, partitions));
  const outputs = new Map<string, OutputNode>();
  const components = new Map<string, unknown>();
  const ctx: BuildContext = {
    sim,
    spec,
    workload: undefined as never,
    addOutput: (id, o) => outputs.set(id, o),
    addAnswerSource: () => {},
    addArchitecture: () => {},
    provide: (id, c) => components.set(id, c),
    lookup: <T>(id: string) => components.get(id) as T | undefined,
  };
  for (const [id, node] of Object.entries(spec.nodes)) if (node.type === 'elasticsearch') createElasticsearch(id, node, ctx);
  let cluster: KafkaCluster | undefined;
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type === 'kafka') {
      createKafka(id, node, ctx);
      cluster = components.get(id) as KafkaCluster;
    }
  }
  for (const [id, node] of Object.entries(spec.nodes)) if (node.type === 'consumer') createConsumer(id, node, ctx);
  for (const c of spec.faults.filter((f): f is CrashFaultSpec => 'crash' in f)) {
    sim.at(c.at, () => sim.addressesOf(c.crash).forEach((a) => sim.crash(a)));
    const after = c['restart-after'];
    if (after !== undefined) sim.at(c.at + after, () => sim.addressesOf(c.crash).forEach((a) => sim.restart(a)));
  }
  return {
    sim,
    spec,
    cluster: cluster!,
    outputs,
    counts(output, total) {
      const counts = new Uint32Array(total);
      outputs.get(output)!.countRecords(counts);
      return counts;
    },
    run(untilMs) {
      sim.start();
      sim.runUntil(untilMs, 50_000_000);
    },
  };
}

export const PRODUCER_DEFAULTS: ProducerConfig = {
  acks: 'all',
  'enable.idempotence': false,
  'max.in.flight.requests.per.connection': 5,
  'delivery.timeout.ms': 120_000,
  'request.timeout.ms': 30_000,
  'linger.ms': 0,
  'batch.size': 200,
};

/** rids in the order they sit in a partition's leader log (committed or not). */
export function logOrder(cluster: KafkaCluster, topic: string, partition: number): number[] {
  const out: number[] = [];
  cluster.bestReplica(topic, partition)?.log.visitFrom(0, (rid) => out.push(rid));
  return out;
}

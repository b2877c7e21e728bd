/**
 * State held, dedupe drops, producer retries, Kafka bytes, freshness and recompute work, each
 * hand-computed from a small scenario.
 */
import { describe, it, expect } from 'vitest';
import { harness } from '../flink/harness.js';
import { StateSampler } from '../../../simulator/cost/state-held.js';
import { collectCost } from '../../../simulator/cost/run-cost.js';
import { KafkaCluster } from '../../../simulator/nodes/kafka/cluster.js';
import type { ArchitectureSeries } from '../../../simulator/run/result.js';
import type { Simulation } from '../../../simulator/core/simulation.js';

const noState = { dedupKeys: 0, windowCells: 0, peak: 0 };

describe('Flink state held and dedupe drops', () => {
  it('holds one id per distinct line and drops the copy', () => {
    const h = harness(`
type: flink
source: { node: kafka, topic: logs }
execution.checkpointing.interval: 1s
job: { dedupe: { field: id } }
sink: { elasticsearch: { node: es, index: logs } }`);
    // Three lines, the third a resend of the first (same id): 2 ids held, 1 copy dropped.
    h.produce(100, 0, 0, 100, { id: 'a' });
    h.produce(200, 1, 1, 200, { id: 'b' });
    h.produce(300, 0, 2, 300, { id: 'a' });
    const sampler = new StateSampler(h.sim);
    h.sim.runUntil(3000, 1e7);
    sampler.sample();
    expect(sampler.held).toEqual({ dedupKeys: 2, windowCells: 0, peak: 2 });
    const cost = collectCost(h.sim, new Map(), new Map(), sampler.held, undefined);
    expect(cost.extraWrites.deduplicated).toBe(1);
    expect(cost.state.dedupKeys).toBe(2);
  });

  it('counts open window cells (key × window) at the peak', () => {
    const h = harness(`
type: flink
source: { node: kafka, topic: logs }
execution.checkpointing.interval: 1s
job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }
sink: { elasticsearch: { node: es, index: counts } }`);
    // Two statuses in the window [0, 10 s), one in [10 s, 20 s): 3 cells while all are open.
    h.produce(100, 0, 0, 100, { status: '200' });
    h.produce(200, 1, 1, 200, { status: '404' });
    h.produce(300, 0, 2, 10_300, { status: '200' });
    const sampler = new StateSampler(h.sim);
    h.sim.runUntil(2000, 1e7);
    sampler.sample();
    expect(sampler.held).toEqual({ dedupKeys: 0, windowCells: 3, peak: 3 });
  });
});

describe('producer retries, Kafka bytes, freshness and recompute work', () => {
  it('sums them over clients, brokers and architectures', () => {
    // A cluster as the cost reads it: two hosts' producers (3 and 4 records retried), two brokers, no topics.
    const cluster = Object.assign(Object.create(KafkaCluster.prototype) as KafkaCluster, {
      clients: new Map([
        ['logstash', { producer: { meters: { recordRetries: 3 } } }],
        ['flink', { producer: { meters: { recordRetries: 4 } }, consumer: {} }],
      ]),
      brokers: [{ meters: { bytesIn: 1000, bytesOut: 2500 } }, { meters: { bytesIn: 24, bytesOut: 0 } }],
      topics: new Map(),
    });
    const arch = (p50: number, p95: number, reprocessed: number) => ({ summary: { freshness: { p50, p95, max: p95 }, cost: { processed: 0, reprocessed } } }) as unknown as ArchitectureSeries;
    const sim = { nodes: () => [], linkStats: new Map() } as unknown as Simulation;
    const cost = collectCost(sim, new Map([['kafka', cluster]]), new Map(), noState, { lambda: arch(4000, 9000, 6000), kappa: arch(2000, 12_000, 1500) });
    expect(cost.extraWrites.retries).toBe(7);
    expect(cost.extraWrites.total).toBe(7);
    expect(cost.bytes).toEqual({ kafkaIn: 1024, kafkaOut: 2500, links: {}, total: 0 });
    // The stalest architecture's freshness; recompute work summed (6000 + 1500).
    expect(cost.freshness).toEqual({ p50: 4000, p95: 12_000 });
    expect(cost.recompute).toEqual({ records: 7500 });
  });
});

import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { runSync, type RunHandle } from '../../../simulator/run/run.js';
import type { PipelineSpec, NodeSpecOf } from '../../../simulator/spec/schema/pipeline.js';
import type { KafkaClusterHandle } from '../../../simulator/nodes/kafka/client-api.js';
import { diagramOf } from '../../../simulator/diagram/model.js';
import { buildTimeline, stateAt, faultTimes, lossTimes, nextAfter } from '../../../simulator/diagram/state.js';
import { recordPath } from '../../../simulator/diagram/path.js';

function specOf(file: string, rate?: string): PipelineSpec {
  let text = readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8');
  if (rate) text = text.replace(/rate: \d+\/s/, `rate: ${rate}`);
  const r = parseSpec(text, file);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.spec;
}

/** Every ledger note (trace step) per place up to time t: the independent count the sampled counters must equal. */
function notesFromTraces(handle: RunHandle, t: number): Map<string, { lost: number; duplicated: number; filtered: number }> {
  const out = new Map<string, { lost: number; duplicated: number; filtered: number }>();
  for (let rid = 0; rid < handle.workload.total; rid++) {
    for (const s of handle.sim.ledger.traceOf(rid)) {
      if (s.timeMs > t) continue;
      const c = out.get(s.where) ?? { lost: 0, duplicated: 0, filtered: 0 };
      if (s.what.startsWith('lost:')) c.lost++;
      else if (s.what.startsWith('copy:')) c.duplicated++;
      else if (s.what.startsWith('filtered:')) c.filtered++;
      out.set(s.where, c);
    }
  }
  return out;
}

describe('diagram model of Filebeat → Logstash → Elasticsearch with link faults and crashes', () => {
  const spec = specOf('beats-add-id-effectively-once.yaml', '40/s');
  const handle = runSync(spec, { trace: 'all' });
  const model = diagramOf(spec);
  const tl = buildTimeline(model, handle.result);

  it('has the spec nodes and edges, and the fault windows on them', () => {
    expect(model.nodes.map((n) => n.id)).toEqual(['filebeat', 'logstash', 'es']);
    expect(model.edges.map((e) => [e.id, e.via])).toEqual([
      ['filebeat->logstash', ''],
      ['logstash->es', 'logs'],
    ]);
    expect(model.faults.map((f) => [f.kind, f.fromMs, f.toMs, f.edges, f.nodes])).toEqual([
      ['link', 0, 30_000, ['filebeat->logstash'], []],
      ['crash', 8000, 10_000, [], ['filebeat']],
      ['crash', 18_000, 21_000, [], ['logstash']],
    ]);
    expect(faultTimes(model)).toEqual([0, 8000, 10_000, 18_000, 21_000, 30_000]);
  });

  it('counts at time t equal the ledger notes up to the sample at t', () => {
    for (const t of [5000, 9500, 19_000, 40_000, handle.result.simulatedMs]) {
      const state = stateAt(tl, t);
      const truth = notesFromTraces(handle, state.sampleMs);
      for (const n of state.nodes) {
        const c = truth.get(n.id) ?? { lost: 0, duplicated: 0, filtered: 0 };
        expect([n.id, n.notes.lost, n.notes.duplicated, n.notes.filtered]).toEqual([n.id, c.lost, c.duplicated, c.filtered]);
      }
      for (const e of state.edges) {
        const c = truth.get(e.id) ?? { lost: 0, duplicated: 0, filtered: 0 };
        expect([e.id, e.lost, e.duplicated]).toEqual([e.id, c.lost, c.duplicated]);
      }
    }
  });

  it('marks nodes crashed exactly while they are down, with the fault acting on them', () => {
    const during = stateAt(tl, 8200);
    const fb = during.nodes.find((n) => n.id === 'filebeat')!;
    expect(fb.status).toBe('crashed');
    expect(fb.faults.map((f) => f.kind)).toEqual(['crash']);
    expect(during.nodes.find((n) => n.id === 'logstash')!.status).toBe('up');
    expect(during.edges.find((e) => e.id === 'filebeat->logstash')!.faults.map((f) => f.loss)).toEqual([0.1]);
    expect(stateAt(tl, 10_300).nodes.find((n) => n.id === 'filebeat')!.status).toBe('restarting');
    expect(stateAt(tl, 12_000).nodes.find((n) => n.id === 'filebeat')!.status).toBe('up');
    expect(stateAt(tl, 19_000).nodes.find((n) => n.id === 'logstash')!.status).toBe('crashed');
    expect(stateAt(tl, 35_000).edges[0]!.faults).toEqual([]);
  });

  it('link counters add up: every record sent was delivered or lost, plus copies', () => {
    const end = stateAt(tl, handle.result.simulatedMs);
    const link = end.edges.find((e) => e.id === 'filebeat->logstash')!;
    expect(link.sent).toBeGreaterThan(handle.workload.total);
    expect(link.lost).toBeGreaterThan(0);
    expect(link.delivered).toBe(link.sent - link.lost + link.duplicated);
    expect(link.messages.dropped).toBeGreaterThan(0);
    // Where the final ledger says records were lost, the diagram shows lost copies by then.
    for (const where of Object.keys(handle.result.outputs.es!.lostAt)) {
      const lostThere = end.nodes.find((n) => n.id === where)?.notes.lost ?? end.edges.find((e) => e.id === where)?.lost;
      expect(lostThere).toBeGreaterThan(0);
    }
  });

  it('jumps to the next loss and the next fault', () => {
    const losses = lossTimes(tl);
    expect(losses.length).toBeGreaterThan(0);
    expect(nextAfter(losses, 0)).toBe(losses[0]);
    expect(nextAfter(faultTimes(model), 8000)).toBe(10_000);
  });

  it('follows a lost copy to the fault that destroyed it', () => {
    let found = false;
    for (let rid = 0; rid < handle.workload.total && !found; rid++) {
      const steps = handle.sim.ledger.traceOf(rid);
      if (!steps.some((s) => s.where === 'filebeat->logstash' && s.what.startsWith('lost:'))) continue;
      const path = recordPath(model, steps);
      const lost = path.hops.find((h) => h.kind === 'lost' && h.edge === 'filebeat->logstash')!;
      expect(lost.fault?.kind).toBe('link');
      expect(path.elements.slice(0, 3)).toEqual(['filebeat', 'filebeat->logstash', 'logstash']);
      found = true;
    }
    expect(found).toBe(true);
  });
});

describe('diagram model of a Kafka pipeline: brokers, partitions, lag', () => {
  const spec = specOf('kafka-at-least-once.yaml', '50/s');
  const handle = runSync(spec);
  const model = diagramOf(spec);
  const tl = buildTimeline(model, handle.result);
  const cluster = handle.components.get('kafka') as KafkaClusterHandle;

  it('has brokers and partitions with their replicas, as the cluster assigned them', () => {
    const kafka = model.nodes.find((n) => n.id === 'kafka')!;
    expect(kafka.addresses).toEqual(['kafka/broker-1', 'kafka/broker-2', 'kafka/broker-3']);
    const described = cluster.describe().topics.find((t) => t.topic === 'logs')!.partitions;
    expect(kafka.parts.filter((p) => p.kind === 'partition').map((p) => p.replicas)).toEqual(described.map((p) => p.replicas));
  });

  it('at the end, leaders, ISRs, offsets and consumer lag equal what kafka-topics and kafka-consumer-groups report', () => {
    const end = stateAt(tl, handle.result.simulatedMs);
    const kafka = end.nodes.find((n) => n.id === 'kafka')!;
    const described = cluster.describe();
    const parts = kafka.parts.filter((p) => p.leader !== undefined);
    expect(parts.map((p) => [p.leader, p.isr, p.endOffset, p.highWatermark])).toEqual(
      described.topics.find((t) => t.topic === 'logs')!.partitions.map((p) => [p.leader ?? 0, [...p.isr].sort(), p.logEndOffset, p.highWatermark]),
    );
    const group = described.groups.find((g) => g.group === 'indexer')!;
    expect(end.nodes.find((n) => n.id === 'indexer')!.lag).toBe(group.committed.reduce((s, c) => s + c.lag, 0));
  });

  it('shows broker-1 crashed while it is down, the cluster degraded, and its partitions led elsewhere', () => {
    const during = stateAt(tl, 14_000);
    const kafka = during.nodes.find((n) => n.id === 'kafka')!;
    expect(kafka.status).toBe('degraded');
    expect(kafka.parts.find((p) => p.id === 'kafka/broker-1')!.status).toBe('crashed');
    for (const p of kafka.parts.filter((x) => x.leader !== undefined)) {
      expect(p.leader).not.toBe(1);
      expect(p.isr).not.toContain(1);
    }
    expect(stateAt(tl, 4600).nodes.find((n) => n.id === 'indexer')!.status).toBe('crashed');
  });
});

describe('diagram of a consumer group with several instances', () => {
  // Each instance is its own process (`indexer/instance-N`): the node and the edge from Kafka must sum them.
  const spec = specOf('kafka-at-least-once.yaml', '50/s');
  spec.nodes['indexer'] = { ...(spec.nodes['indexer'] as NodeSpecOf<'consumer'>), instances: 3 };
  const handle = runSync(spec);
  const tl = buildTimeline(diagramOf(spec), handle.result);

  it('the edge from Kafka counts the records every instance polled, and the node shows their metrics', () => {
    const end = stateAt(tl, handle.result.simulatedMs);
    const last = handle.result.samples[handle.result.samples.length - 1]!.stages;
    const polled = [1, 2, 3].reduce((s, i) => s + (last[`indexer/instance-${i}`]?.['polled'] ?? 0), 0);
    expect(polled).toBeGreaterThan(900);
    expect(end.edges.find((e) => e.id === 'kafka->indexer')!.sent).toBe(polled);
    expect(end.nodes.find((n) => n.id === 'indexer')!.metrics['polled']).toBe(polled);
  });

  it('a crash of one instance shows the group degraded, not the whole node down', () => {
    const crashed = { ...spec, faults: [{ crash: 'indexer/instance-2', at: 4000, 'restart-after': 2000 }] } as PipelineSpec;
    const h = runSync(crashed);
    const state = stateAt(buildTimeline(diagramOf(crashed), h.result), 5000);
    expect(state.nodes.find((n) => n.id === 'indexer')!.status).toBe('degraded');
  });
});

import { describe, it, expect } from 'vitest';
import { Simulation } from '../../../simulator/core/simulation.js';
import { LambdaServing } from '../../../simulator/arch/lambda-merge.js';
import { KappaServing } from '../../../simulator/arch/kappa-switch.js';
import type { BatchLayerHandle, PublishedView } from '../../../simulator/arch/batch-handle.js';
import type { FlinkInstanceInfo, FlinkJobHandle } from '../../../simulator/nodes/flink/handle.js';
import type { ElasticsearchStore, EsDocument } from '../../../simulator/nodes/elasticsearch/store.js';
import type { Rec } from '../../../simulator/core/record.js';

const agg = (key: string, start: number, lineage: number[]): Rec => ({
  rid: -1,
  id: `count:${key}@${start}`,
  eventTimeMs: start + 9999,
  fields: { key, window: { start, end: start + 10_000 }, value: lineage.length },
  lineage,
});

class FakeEs implements ElasticsearchStore {
  docs = new Map<string, Rec[]>();
  indices(): string[] {
    return [...this.docs.keys()];
  }
  windowValues(): never[] {
    return [];
  }
  documentCount(index: string): number {
    return this.docs.get(index)?.length ?? 0;
  }
  newestEventMs(): number | null {
    return null;
  }
  getDocument(): EsDocument | undefined {
    return undefined;
  }
  documents(index: string, visit: (doc: EsDocument) => void): void {
    (this.docs.get(index) ?? []).forEach((record, i) => visit({ id: String(i), version: 1, record, writtenAtMs: 0 }));
  }
}

function flink(instances: FlinkInstanceInfo[], serving = () => 0): FlinkJobHandle {
  return { instances: () => instances, servingInstance: serving, processed: () => 30, reprocessed: () => 12, watermark: () => 0 };
}
const inst = (version: string, target: string, stoppedAtMs: number | null = null): FlinkInstanceInfo => ({
  version,
  startedAtMs: 0,
  stoppedAtMs,
  sink: { kind: 'elasticsearch', node: 'es', target },
  lag: 0,
  caughtUp: true,
});

function batchWith(view: PublishedView | null): BatchLayerHandle {
  return { view: () => view, runs: () => [], processed: () => 100, reprocessed: () => 40, masterRecords: () => 7, sourceNode: 'lake', prefix: '' };
}

const rows = (v: { windowStartMs: number; value: number; key: string }[]) => v.map((r) => [r.key, r.windowStartMs, r.value]).sort();

describe('Lambda serving: batch view up to the cut-off, realtime view after it', () => {
  const es = new FakeEs();
  // Speed layer lost rid 3 (window 0) and counted rid 21 twice (window 20 s).
  es.docs.set('rt', [agg('200', 0, [1, 2]), agg('200', 10_000, [10, 11]), agg('200', 20_000, [20, 21, 21])]);
  const view: PublishedView = {
    version: 'main',
    startedAtMs: 15_000,
    publishedAtMs: 16_000,
    cutOffMs: 14_000,
    coversWindowsEndingByMs: 10_000,
    rows: [
      { key: '200', windowStartMs: 0, windowEndMs: 10_000, value: 3, lineage: [[1, 2, 3]], newestEventMs: 9000 },
      { key: '200', windowStartMs: 10_000, windowEndMs: 20_000, value: 1, lineage: [[10]], newestEventMs: 11_000 },
    ],
    records: 4,
    objectKeys: new Set(['a']),
  };
  const sim = new Simulation(1);
  const make = (v: PublishedView | null) =>
    new LambdaServing({ sim, total: 30, batch: batchWith(v), speed: flink([inst('main', 'rt')]), stores: () => es, master: () => undefined, appendedLog: () => 35, eventTimeOf: (rid) => rid * 1000, sampleEveryMs: 1000 });

  it('takes windows ending at or before the cut-off from the batch view and drops the realtime results for them', () => {
    expect(rows(make(view).currentValues())).toEqual([
      ['200', 0, 3],
      ['200', 10_000, 2],
      ['200', 20_000, 3],
    ]);
  });

  it('serves the realtime view alone before the first batch run completes', () => {
    expect(rows(make(null).currentValues())).toEqual([
      ['200', 0, 2],
      ['200', 10_000, 2],
      ['200', 20_000, 3],
    ]);
  });

  it('adds both layers to cost and storage, and reads the answer ledger off the lineage', () => {
    const s = make(view);
    expect(s.processed()).toBe(100 + 42);
    expect(s.reprocessed()).toBe(40 + 7); // batch re-reads + speed work beyond one pass over the 35-record log
    expect(s.storage()).toBe(7 + 2 + 3);
    expect(s.newestCountedEventMs()).toBe(21_000);
    sim.ledger.generated = 30;
    const answer = s.outputs().answer!;
    expect(answer.exactlyOnce).toBe(6); // 1, 2, 3, 10, 11, 20
    expect(answer.duplicated).toBe(1); // 21
    expect(answer.lost).toBe(23);
  });
});

describe('Kappa serving: the serving instance of the stream job', () => {
  it('reads the serving instance\'s index, and switches when the handle swaps the alias', () => {
    const es = new FakeEs();
    es.docs.set('counts', [agg('200', 0, [1])]);
    es.docs.set('counts-v2', [agg('200', 0, [1, 2])]);
    let serving = 0;
    const instances = [inst('main', 'counts'), inst('v2', 'counts-v2')];
    const sim = new Simulation(1);
    const s = new KappaServing({ sim, total: 5, speed: flink(instances, () => serving), stores: () => es, retainedLog: () => 40, appendedLog: () => 35, eventTimeOf: (rid) => rid, sampleEveryMs: 1000 });
    expect(rows(s.currentValues())).toEqual([['200', 0, 1]]);
    expect(s.storage()).toBe(40 + 1 + 1); // both tables (one document each) side by side during the replay
    serving = 1;
    instances[0] = inst('main', 'counts', 5000);
    sim.events++; // the view is re-read after the simulation has moved on
    expect(rows(s.currentValues())).toEqual([['200', 0, 2]]);
    expect(s.storage()).toBe(40 + 1); // the old table is dropped once its job stops
    expect(s.processed()).toBe(42);
    expect(s.reprocessed()).toBe(7);
    expect(Object.keys(s.outputs())).toEqual(['answer', 'es/counts', 'es/counts-v2']);
  });
});

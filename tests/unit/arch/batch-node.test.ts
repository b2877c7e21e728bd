import { describe, it, expect } from 'vitest';
import { Simulation } from '../../../simulator/core/simulation.js';
import { BatchNode } from '../../../simulator/arch/batch.js';
import type { S3Object, S3Store } from '../../../simulator/nodes/s3/store.js';
import type { Rec } from '../../../simulator/core/record.js';
import type { NodeSpecOf } from '../../../simulator/spec/schema/pipeline.js';

class FakeLake implements S3Store {
  objects: S3Object[] = [];
  put(key: string, records: Rec[], writtenAtMs: number): void {
    this.objects.push({ key, records, writtenAtMs });
  }
  listObjects(prefix: string): S3Object[] {
    return this.objects.filter((o) => o.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : 1));
  }
  listCommonPrefixes(): string[] {
    return [];
  }
  objectCount(): number {
    return this.objects.length;
  }
}

const recs = (from: number, n: number, status = '200'): Rec[] =>
  Array.from({ length: n }, (_, i) => ({ rid: from + i, id: `r${from + i}`, eventTimeMs: (from + i) * 10, fields: { status: from + i < 5 ? '500' : status } }));

function setup(over: Partial<NodeSpecOf<'batch'>> = {}) {
  const spec: NodeSpecOf<'batch'> = {
    type: 'batch',
    source: { node: 'lake', prefix: 'raw/' },
    every: 10_000,
    throughput: 100,
    'cut-off-margin': 0,
    job: { aggregate: 'count', 'allowed-lateness': 0, 'late-data': 'drop', 'key-by': 'status', window: { type: 'tumbling', size: 1000 }, where: '[status] != "500"' },
    versions: { v2: { aggregate: 'count', 'allowed-lateness': 0, 'late-data': 'drop', 'key-by': 'status', window: { type: 'tumbling', size: 1000 } } },
    ...over,
  };
  const sim = new Simulation(1);
  const lake = new FakeLake();
  const node = new BatchNode('batch', spec, 'status', () => lake, 1000);
  sim.addNode(node);
  const handle = node.handle();
  sim.start();
  return { sim, lake, node, handle };
}

const total = (rows: readonly { value: number }[]) => rows.reduce((a, r) => a + r.value, 0);

describe('the batch layer', () => {
  it('starts a run every `every`, takes records / throughput, then publishes the view atomically', () => {
    const { sim, lake, handle } = setup();
    lake.put('raw/a', recs(0, 50), 3000);
    lake.put('other/x', recs(50, 10), 3000);
    sim.runUntil(10_000, 1e6);
    // The run started at 10 s over 50 records at 100/s: nothing is visible before 10.5 s.
    expect(handle.view()).toBeNull();
    lake.put('raw/b', recs(60, 20), 10_200); // written during the run: not in this run
    sim.runUntil(10_499, 1e6);
    expect(handle.view()).toBeNull();
    sim.runUntil(10_500, 1e6);
    const v = handle.view()!;
    expect(v.publishedAtMs).toBe(10_500);
    expect(v.cutOffMs).toBe(3000);
    expect(v.records).toBe(50);
    expect(total(v.rows)).toBe(45); // v1 drops the five 500s
    expect(handle.processed(sim.now)).toBe(50);
  });

  it('re-reads the whole history every run: cost grows with the total, not the increment', () => {
    const { sim, lake, handle } = setup({ throughput: 1000 });
    lake.put('raw/a', recs(0, 100), 1000);
    sim.runUntil(11_000, 1e6);
    lake.put('raw/b', recs(100, 100), 15_000);
    sim.runUntil(21_000, 1e6);
    expect(handle.runs().map((r) => [r.startedAtMs, r.records, r.alreadyRead])).toEqual([
      [10_000, 100, 0],
      [20_000, 200, 100],
    ]);
    expect(handle.processed(sim.now)).toBe(300);
    expect(handle.reprocessed(sim.now)).toBe(100);
    expect(handle.view()!.cutOffMs).toBe(15_000);
  });

  it('a crash aborts the running batch (its partial work is lost) and the next tick starts over', () => {
    const { sim, lake, handle } = setup({ throughput: 10 });
    lake.put('raw/a', recs(0, 50), 1000); // 5 s at 10/s
    sim.runUntil(12_000, 1e6);
    sim.crash('batch');
    sim.runUntil(13_000, 1e6);
    sim.restart('batch');
    sim.runUntil(19_999, 1e6);
    expect(handle.view()).toBeNull();
    expect(handle.runs()[0]!.abortedAtMs).toBe(12_000);
    expect(handle.processed(sim.now)).toBe(20); // 2 s of reading before the crash
    sim.runUntil(25_000, 1e6);
    expect(handle.view()!.publishedAtMs).toBe(25_000);
  });

  it('a deploy switches the code for the next run, which fixes all history at once', () => {
    const { sim, lake, handle } = setup({ deploy: [{ at: 15_000, version: 'v2', mode: 'in-place' }] });
    lake.put('raw/a', recs(0, 50), 1000);
    sim.runUntil(11_000, 1e6);
    expect(handle.view()!.version).toBe('main');
    expect(total(handle.view()!.rows)).toBe(45);
    sim.runUntil(21_000, 1e6);
    expect(handle.view()!.version).toBe('v2');
    expect(total(handle.view()!.rows)).toBe(50);
    expect(sim.ledger.fateOf(0, 0, new Set())).toMatch(/filtered at batch/);
  });

  it('skips a tick while a run is still going (no overlapping runs)', () => {
    const { sim, lake, handle } = setup({ throughput: 5 });
    lake.put('raw/a', recs(0, 60), 1000); // 12 s per run
    sim.runUntil(35_000, 1e6);
    expect(handle.runs().map((r) => r.startedAtMs)).toEqual([10_000, 30_000]);
    expect(sim.log.some((l) => l.text.includes('skipped'))).toBe(true);
  });
});

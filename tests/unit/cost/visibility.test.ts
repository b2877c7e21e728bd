/**
 * End-to-end latency to an Elasticsearch search, hand-computed: the index is created by its first
 * write at 200 ms and refreshes every second from then on (1200, 2200, 3200 ms, …); a document is
 * searchable at the first refresh after it was indexed. Records are created 100 ms apart (rid × 100).
 */
import { describe, it, expect } from 'vitest';
import { ElasticsearchNode } from '../../../simulator/nodes/elasticsearch/node.js';
import { searchableAtMs, VisibilityRecorder } from '../../../simulator/cost/visibility.js';
import { collectCost } from '../../../simulator/cost/run-cost.js';
import type { NodeContext } from '../../../simulator/core/node.js';
import type { Simulation } from '../../../simulator/core/simulation.js';
import { Ledger } from '../../../simulator/ledger/ledger.js';
import type { EsBulkItem, EsBulkRequest } from '../../../simulator/nodes/elasticsearch/protocol.js';

function esAt(clock: { now: number }): ElasticsearchNode {
  const es = new ElasticsearchNode('es', { type: 'elasticsearch', mappings: {} } as never);
  const ctx = { address: 'es', group: 'es', ledger: new Ledger(), now: () => clock.now, send: () => undefined } as unknown as NodeContext;
  es.start(ctx);
  es.visibility = new VisibilityRecorder((rid) => rid * 100);
  return es;
}

const item = (rid: number, op: EsBulkItem['op'] = 'index'): EsBulkItem => ({ index: 'logs', id: `id-${rid}`, op, record: { rid, eventTimeMs: 0, fields: {} } });

function bulk(es: ElasticsearchNode, items: EsBulkItem[]): void {
  const req: EsBulkRequest = { kind: 'es.bulk', requestId: 1, items, records: items.map((i) => i.record) };
  es.receive(req, 'client');
}

describe('searchableAtMs', () => {
  it('is the first refresh after indexing, counted from the index creation', () => {
    expect(searchableAtMs(200, 200)).toBe(1200);
    expect(searchableAtMs(1700, 200)).toBe(2200);
    expect(searchableAtMs(2200, 200)).toBe(3200); // indexed at a refresh: the next one shows it
  });
});

describe('Elasticsearch end-to-end latency and extra writes', () => {
  it('measures created → searchable, once per record, and counts overwrites and 409 conflicts', () => {
    const clock = { now: 200 };
    const es = esAt(clock);
    bulk(es, [item(0)]); // created 0, searchable 1200 → 1200 ms
    clock.now = 1700;
    bulk(es, [item(1)]); // created 100, searchable 2200 → 2100 ms
    clock.now = 2200;
    bulk(es, [item(2)]); // created 200, searchable 3200 → 3000 ms
    clock.now = 5000;
    bulk(es, [item(0), item(1, 'create')]); // a resend: an overwrite (200) and a conflict (409); no new latency
    expect(es.visibility?.summary()).toEqual({ records: 3, p50: 2100, p99: 3000, max: 3000 });
    const sim = { nodes: () => [es], linkStats: new Map() } as unknown as Simulation;
    const cost = collectCost(sim, new Map(), new Map(), { dedupKeys: 0, windowCells: 0, peak: 0 }, undefined);
    expect(cost.extraWrites).toEqual({ retries: 0, markers: 0, aborted: 0, overwrites: 1, deduplicated: 1, total: 2 });
  });
});

import { describe, it, expect } from 'vitest';
import { compileWhere } from '../../../simulator/nodes/flink/where.js';
import { Dedupe } from '../../../simulator/nodes/flink/dedupe.js';
import { compileDocumentId } from '../../../simulator/nodes/flink/document-id.js';
import type { Rec } from '../../../simulator/core/record.js';

const rec = (rid: number, fields: Rec['fields']): Rec => ({ rid, id: String(rid), eventTimeMs: 0, fields });

describe('where', () => {
  it('evaluates Logstash-style conditions', () => {
    const f = { status: '404', bytes: 1200, tags: ['_grokparsefailure'], '@metadata': { _id: 'x' } };
    expect(compileWhere('[status] != "404"')(f)).toBe(false);
    expect(compileWhere('[status] == "404" and [bytes] > 1000')(f)).toBe(true);
    expect(compileWhere('"_grokparsefailure" in [tags]')(f)).toBe(true);
    expect(compileWhere('not ([bytes] < 10 or [status] =~ /^5/)')(f)).toBe(true);
    expect(compileWhere('[@metadata][_id] == "x"')(f)).toBe(true);
    expect(() => compileWhere('[status] ==')).toThrow();
  });
});

describe('dedupe', () => {
  it('drops a copy within the TTL and lets it pass after', () => {
    const d = new Dedupe('@metadata._id', 1000);
    const r = rec(1, { '@metadata': { _id: 'a' } });
    expect(d.admit(r, 0)).toBe(true);
    expect(d.admit(r, 500)).toBe(false);
    expect(d.admit(r, 2000)).toBe(true);
  });

  it('restoring a snapshot forgets ids seen after it', () => {
    const d = new Dedupe('id', 60_000);
    d.admit(rec(1, { id: 'a' }), 0);
    const snap = d.snapshot();
    d.admit(rec(2, { id: 'b' }), 1);
    d.restore(snap);
    expect(d.admit(rec(2, { id: 'b' }), 2)).toBe(true);
    expect(d.admit(rec(1, { id: 'a' }), 3)).toBe(false);
  });
});

describe('document-id', () => {
  it('renders keys, window bounds, metadata and fields', () => {
    const agg: Rec = { rid: -1, id: 'c', eventTimeMs: 0, fields: { key: '200', window: { start: 0, end: 10 }, value: 3 }, lineage: [] };
    expect(compileDocumentId('{key}-{window.start}-{window.end}')(agg)).toBe('200-0-10');
    expect(compileDocumentId('{@metadata._id}')(rec(1, { '@metadata': { _id: 'abc' } }))).toBe('abc');
  });
});

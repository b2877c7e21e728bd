/** Bytes a message puts on its link (simulator/cost/wire-bytes.ts), worked out by hand for small records. */
import { describe, it, expect } from 'vitest';
import type { Message } from '../../../simulator/core/node.js';
import { messageLengthOf, type Rec } from '../../../simulator/core/record.js';
import { bulkItemBytes, documentBytes, messageBytes } from '../../../simulator/cost/wire-bytes.js';
import fc from 'fast-check';
import { Workload } from '../../../simulator/workload/workload.js';
import { workloadSchema } from '../../../simulator/spec/schema/workload.js';
import { ParsedAccessLine, RecordBuffer, ShippedLine, type ReadStamp } from '../../../simulator/nodes/beats/shipped-line.js';

const rec = (rid: number, message: string): Rec => ({ rid, eventTimeMs: 0, fields: { message, '@timestamp': '2026-01-01T00:00:00.000Z', '@metadata': { beat: 'filebeat' } } });
// {"message":"GET /a","@timestamp":"2026-01-01T00:00:00.000Z","@metadata":{"beat":"filebeat"}}
//  11 + 8 ("GET /a" quoted)  + 14 + 26                        + 13 + 19                   + 1 = 92
const a = rec(0, 'GET /a');
// The same with a 10-character message ("GET /about"): 96.
const b = rec(1, 'GET /about');

describe('bytes of one message on its link', () => {
  it('sizes a record as JSON, with or without @metadata', () => {
    expect(documentBytes(a, true)).toBe(92);
    // Less `,"@metadata":{"beat":"filebeat"}` (1 + 12 + 19 = 32).
    expect(documentBytes(a, false)).toBe(60);
    // A quote in the line is escaped: one more byte.
    expect(documentBytes(rec(2, 'say "hi"'), false) - documentBytes(rec(3, 'say  hi '), false)).toBe(2);
  });

  it('frames Beats events as Lumberjack v2: a 6-byte window frame, 10 bytes before each JSON event', () => {
    const batch = { kind: 'beats.batch', input: 'beats', records: [a, b] } as Message;
    expect(messageBytes(batch)).toBe(6 + (10 + 92) + (10 + 96));
    // Over tcp the lines go bare, one a line: "GET /a\n" + "GET /about\n".
    expect(messageBytes({ kind: 'beats.batch', input: 'tcp', records: [a, b] } as Message)).toBe(7 + 11);
  });

  it('counts Kafka record values, requests and fetch answers alike', () => {
    // A producer batch holds its records in a RecordBuffer (packed as ids while they are parsed lines).
    const batchOf = (rec: Rec) => {
      const records = new RecordBuffer();
      records.push(rec);
      return { records };
    };
    const produce = { kind: 'kafka.produce', batches: [batchOf(a), batchOf(b)] } as unknown as Message;
    expect(messageBytes(produce)).toBe(6 + 10);
    // A fetch answer carries the value bytes the broker summed as it read (partition-log.ts readSlice).
    const fetch = { kind: 'kafka.fetch.response', results: [{ valueBytes: messageLengthOf(a) + messageLengthOf(b) }, { valueBytes: 0 }] } as unknown as Message;
    expect(messageBytes(fetch)).toBe(16);
    // A fetch request carries no records.
    expect(messageBytes({ kind: 'kafka.fetch' })).toBe(0);
  });

  it('writes Bulk API items as an action line and a document line', () => {
    // {"index":{"_index":"logs"}}\n = 28, then the document (60) and \n.
    expect(bulkItemBytes({ index: 'logs', op: 'index', record: a })).toBe(28 + 60 + 1);
    // {"create":{"_index":"logs","_id":"x1"}}\n = 40.
    expect(bulkItemBytes({ index: 'logs', op: 'create', id: 'x1', record: a })).toBe(40 + 61);
    expect('{"create":{"_index":"logs","_id":"x1"}}\n'.length).toBe(40);
    expect(messageBytes({ kind: 'es.bulk', items: [{ index: 'logs', op: 'index', record: a }], records: [a] } as Message)).toBe(89);
  });

  it('writes S3 objects as lines and Kinesis records as data blob plus partition key', () => {
    expect(messageBytes({ kind: 's3.put', records: [a, b] } as Message)).toBe(7 + 11);
    expect(messageBytes({ kind: 'kinesis.put-records', entries: [{ sizeBytes: 20 }, { sizeBytes: 30 }], records: [a, b] } as unknown as Message)).toBe(50);
    const got = { kind: 'kinesis.get-records.response', entries: [{ record: a, partitionKey: '200' }] } as unknown as Message;
    expect(messageBytes(got)).toBe(6 + 3);
  });
});

/** What documentBytes wrote before events knew their length: the fields as JSON text, measured. */
function writtenBytes(rec: Rec, withMetadata: boolean): number {
  const whole = JSON.stringify(rec.fields).length;
  if (withMetadata) return whole;
  return whole - ('"@metadata":'.length + JSON.stringify(rec.fields['@metadata']).length + 1);
}

/** Whether `measureText` gives the written line's length and its JSON's. */
function measured(w: Workload, rid: number, t: number): boolean {
  const out = { chars: -1, jsonChars: -1 };
  w.measureText(rid, t, out);
  const text = w.text(rid, t);
  return out.chars === text.length && out.jsonChars === JSON.stringify(text).length && w.textLength(rid, t) === text.length;
}

describe('bytes of a Filebeat event, worked out from the generator instead of its text', () => {
  const generators = ['access-log', 'clickstream', 'sensor'] as const;
  const event = fc.record({
    generator: fc.constantFrom(...generators),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    rid: fc.nat(2_000_000),
    // More files make longer paths; line numbers grow as rid / files.
    files: fc.integer({ min: 1, max: 120 }),
    malformed: fc.constantFrom(0, 0.3, 1),
    processors: fc.constantFrom<ReadStamp['source']['processors']>([], ['add_id'], ['fingerprint'], ['fingerprint', 'add_id']),
    incarnation: fc.nat(5),
    // Any text as the read's stamp: its escapes count too.
    stamp: fc.oneof(fc.constant('2026-01-01T00:00:07.000Z'), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })),
    late: fc.boolean(),
  });

  it('equals the length of the JSON text, with and without @metadata, shipped and parsed, for every generator', () => {
    fc.assert(
      fc.property(event, (e) => {
        const spec = workloadSchema.parse({ generator: e.generator, rate: 1000, files: e.files, malformed: e.malformed, ...(e.late ? { late: { fraction: 0.5, max: 4000 } } : {}) });
        const w = new Workload(spec, e.seed, 2_000_001);
        const read: ReadStamp = { source: { workload: w, processors: e.processors }, stamp: e.stamp, incarnation: e.incarnation };
        const t = w.eventTimeMs(e.rid);
        const lines: Rec[] = [new ShippedLine(e.rid, t, read)];
        if (w.isAccessLine(e.rid)) lines.push(new ParsedAccessLine(e.rid, t, read));
        for (const line of lines) for (const m of [true, false]) if (documentBytes(line, m) !== writtenBytes(line, m)) return false;
        // Sizing the event also told it its message's length.
        return lines.every((line) => messageLengthOf(line) === w.text(e.rid, t).length) && measured(w, e.rid, t);
      }),
      { numRuns: 3000 },
    );
  });

  it('covers every line the access-log tables can make', () => {
    // Consecutive rids of one seed draw every method, path, status, user, referrer and agent (lazy-lines.test.ts).
    const w = new Workload(workloadSchema.parse({ generator: 'access-log', rate: 1000, files: 4 }), 3, 20_000);
    const read: ReadStamp = { source: { workload: w, processors: ['add_id'] }, stamp: '2026-01-01T00:00:07.000Z', incarnation: 1 };
    const wrong: number[] = [];
    for (let rid = 0; rid < w.total; rid++) {
      const line = new ShippedLine(rid, w.eventTimeMs(rid), read);
      if (documentBytes(line, true) !== writtenBytes(line, true) || !measured(w, rid, line.eventTimeMs)) wrong.push(rid);
    }
    expect(wrong).toEqual([]);
  });
});

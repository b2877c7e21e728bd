/**
 * Records as ids: a shipped or parsed line computes its fields from (seed, rid) when asked. These
 * tests hold the lazy path to the eager one it replaces — the same field maps, key for key and in
 * order, the same single fields, the same message length — and hold the generator's captures to what
 * grok (direct parser and regular expression alike) reads from the written line.
 */
import { describe, expect, it } from 'vitest';
import { Workload } from '../../../simulator/workload/workload.js';
import { workloadSchema } from '../../../simulator/spec/schema/workload.js';
import { ACCESS_CAPTURE_NAMES } from '../../../simulator/workload/generators.js';
import { compileGrok } from '../../../simulator/nodes/logstash/grok.js';
import { combinedApacheEvent, parseCombinedApache } from '../../../simulator/nodes/logstash/grok-fast-apache.js';
import { LineStore, packLines, ParsedAccessLine, RecordBuffer, ShippedBatch, ShippedLine, type ReadStamp } from '../../../simulator/nodes/beats/shipped-line.js';
import { documentBytes } from '../../../simulator/cost/wire-bytes.js';
import { LogstashQueue } from '../../../simulator/nodes/logstash/queue.js';
import { FilteredRec } from '../../../simulator/nodes/logstash/filtered-rec.js';
import { ridAt } from '../../../simulator/nodes/kafka/partition-log.js';
import { metadataId } from '../../../simulator/nodes/beats/event-id.js';
import { forEachRid, LazyRec, messageLengthOf, readField, recField, type FieldMap, type Rec } from '../../../simulator/core/record.js';
import { compileFilters } from '../../../simulator/nodes/logstash/filters.js';
import { compileCondition } from '../../../simulator/nodes/logstash/conditional.js';
import { EncodedRec, JSON_CODEC, PLAIN_CODEC } from '../../../simulator/core/event-codec.js';

const PATHS = ['message', 'log', 'log.file.path', '[log][offset]', '@timestamp', '@metadata', '[@metadata][_id]', '@metadata.beat', 'status', 'bytes', 'clientip', 'agent', 'referrer', 'timestamp', 'missing', 'missing.deeper', 'constructor', 'toString', 'status.x'];

/** Conditions a Logstash filter may carry: on a lazy record they read single fields, and must answer as on the field map. */
const CONDITIONS = ['"_grokparsefailure" in [tags]', '[status] == "404"', '[bytes] > 1000', '[@metadata][_id]', '[message] =~ /POST/', '![verb]', '[log][offset] < 100'].map(compileCondition);

function workload(seed: number, extra: Record<string, unknown> = {}) {
  return new Workload(workloadSchema.parse({ generator: 'access-log', rate: 2000, files: 3, malformed: 0.05, late: { fraction: 0.2, max: 4000 }, ...extra }), seed, 20_000);
}

function stamp(w: Workload, processors: ReadStamp['source']['processors'], incarnation: number): ReadStamp {
  return { source: { workload: w, processors }, stamp: '2026-01-01T00:00:07.000Z', incarnation };
}

describe('lazy access-log lines', () => {
  it('capture exactly what %{COMBINEDAPACHELOG} reads from the written line, by both grok paths', () => {
    const { regex, captures } = compileGrok('%{COMBINEDAPACHELOG}');
    const group = (name: string) => `g${captures.findIndex((c) => c.field === name)}`;
    const seen = new Map<string, Set<string>>(ACCESS_CAPTURE_NAMES.map((n) => [n, new Set<string>()]));
    // Plain comparisons collected into one list (an expect per value would take most of a minute).
    const mismatches: string[] = [];
    for (const seed of [1, 977]) {
      const w = workload(seed);
      for (let rid = 0; rid < w.total; rid++) {
        if (!w.isAccessLine(rid)) continue;
        const t = w.eventTimeMs(rid);
        const text = w.text(rid, t);
        const direct = parseCombinedApache(text);
        if (direct === null || Object.keys(direct).join() !== ACCESS_CAPTURE_NAMES.join()) mismatches.push(`seed ${seed} rid ${rid}: the direct parser left the line`);
        // The regular expression's captures (grok's general path), on every 50th line: named groups g<capture index>.
        const groups = rid % 50 === 0 ? regex.exec(text)!.groups! : null;
        for (const name of ACCESS_CAPTURE_NAMES) {
          const value = w.accessCapture(rid, t, name);
          if (value !== direct?.[name] || (groups && groups[group(name)] !== value)) mismatches.push(`seed ${seed} rid ${rid} ${name}: ${value} vs ${direct?.[name]}`);
          seen.get(name)!.add(value!);
        }
        if (w.textLength(rid, t) !== text.length) mismatches.push(`seed ${seed} rid ${rid}: length`);
      }
    }
    expect(mismatches).toEqual([]);
    // Every entry of the generator's tables showed up (statuses, methods, paths, users, referrers, agents).
    expect([seen.get('status')!.size, seen.get('verb')!.size, seen.get('request')!.size, seen.get('auth')!.size, seen.get('referrer')!.size, seen.get('agent')!.size]).toEqual([6, 4, 10, 3, 4, 4]);
  });

  it('build the same fields as the eager path, and read single fields and message length alike', () => {
    const grok = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);
    for (const processors of [[], ['add_id'], ['fingerprint']] as const) {
      const w = workload(7);
      const read = stamp(w, processors, processors.length === 1 ? 2 : 0);
      for (let rid = 0; rid < w.total; rid += 41) {
        const t = w.eventTimeMs(rid);
        const line = new ShippedLine(rid, t, read);
        const metadata: FieldMap = processors.length > 0 ? { beat: 'filebeat', _id: metadataId(processors, w.seed, rid, read.incarnation) } : { beat: 'filebeat' };
        const eager: FieldMap = { message: w.text(rid, t), log: w.logField(rid), '@timestamp': read.stamp, '@metadata': metadata };
        expect(JSON.stringify(line.fields)).toBe(JSON.stringify(eager));
        const parsed = grok(line, 0)!;
        expect(parsed.rid).toBe(rid);
        expect(parsed.eventTimeMs).toBe(t);
        // What the grok filter made of the eager event (the direct parser, or the regex for a malformed line).
        const eagerParsed = grok({ rid, eventTimeMs: t, fields: eager }, 0)!;
        expect(JSON.stringify(parsed.fields)).toBe(JSON.stringify(eagerParsed.fields));
        if (w.isAccessLine(rid)) expect(JSON.stringify(parsed.fields)).toBe(JSON.stringify(combinedApacheEvent(w.text(rid, t), eager)));
        for (const rec of [line, parsed]) {
          const fields = rec.fields;
          // As the filter stage asks: a lazy record itself, any other record's field map.
          for (const c of CONDITIONS) expect(c(rec instanceof LazyRec ? rec : fields), `rid ${rid}`).toBe(c(fields));
          for (const path of PATHS) expect(recField(rec, path), `rid ${rid} ${path}`).toEqual(readField(fields, path));
          expect(messageLengthOf(rec)).toBe((fields['message'] as string).length);
        }
      }
    }
  });

  it('keep a Kafka batch of parsed lines as ids that read back as the same records', () => {
    const grok = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);
    const w = workload(3, { malformed: 0 });
    const reads = [stamp(w, ['add_id'], 1), { ...stamp(w, ['add_id'], 1), stamp: '2026-01-01T00:00:08.000Z' }];
    const parsed = Array.from({ length: 50 }, (_, j) => grok(new ShippedLine(j * 7, w.eventTimeMs(j * 7), reads[j < 20 ? 0 : 1]!), 0)!);
    const column = packLines(parsed, null);
    expect(Array.isArray(column)).toBe(false);
    expect(column.length).toBe(parsed.length);
    const same = (a: Rec, b: Rec) => [a.rid, a.eventTimeMs, JSON.stringify(a.fields), messageLengthOf(a)].join() === [b.rid, b.eventTimeMs, JSON.stringify(b.fields), messageLengthOf(b)].join();
    parsed.forEach((rec, j) => {
      expect(same(column.at(j)!, rec), `record ${j}`).toBe(true);
      expect(ridAt(column, j)).toBe(rec.rid);
    });
    expect([...column].map((r) => r.rid)).toEqual(parsed.map((r) => r.rid));
    expect(column.at(parsed.length)).toBeUndefined();
    // A batch with any other record (an aggregate, an eagerly parsed event) stays the array it is.
    const mixed = [...parsed, { rid: -1, eventTimeMs: 0, fields: { key: '200' }, id: 'count:200@0', lineage: [1, 2] }];
    expect(packLines(mixed, null)).toBe(mixed);
    expect(packLines([], null)).toEqual([]);
  });

  it('keep parsed lines as the producer\'s codec (a Logstash kafka output\'s json or plain) wrote them, packed, and read them back the same', () => {
    const grok = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);
    const w = workload(5, { malformed: 0 });
    const read = stamp(w, ['add_id'], 1);
    const parsed = Array.from({ length: 30 }, (_, j) => grok(new ShippedLine(j * 3, w.eventTimeMs(j * 3), read), 0)!);
    // A batch comes from one producer, so from one output and its codec.
    for (const codec of [JSON_CODEC, PLAIN_CODEC]) {
      const column = packLines(parsed, codec);
      expect(Array.isArray(column)).toBe(false);
      parsed.forEach((rec, j) => {
        const back = column.at(j)!;
        const encoded = new EncodedRec(rec, codec);
        expect(back).toBeInstanceOf(EncodedRec);
        expect([back.rid, back.eventTimeMs, JSON.stringify(back.fields), messageLengthOf(back)]).toEqual([encoded.rid, encoded.eventTimeMs, JSON.stringify(encoded.fields), messageLengthOf(encoded)]);
        expect(recField(back, '@metadata')).toBeUndefined();
      });
    }
    // A batch that cannot be packed is still stored as the codec wrote it.
    const other = [...parsed, { rid: 99, eventTimeMs: 0, fields: { message: 'x', '@metadata': { _id: 'a' } } }];
    const stored = packLines(other, JSON_CODEC);
    expect(Array.isArray(stored)).toBe(true);
    expect([...stored].every((rec) => rec instanceof EncodedRec)).toBe(true);
    expect(stored.at(30)!.fields).toEqual({ message: 'x' });
  });

  it('read a field and an event time of a packed record, through each codec, as the record made again reads them', () => {
    const grok = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);
    const w = workload(9, { malformed: 0 });
    const reads = [stamp(w, ['add_id'], 0), stamp(w, ['add_id'], 2)];
    const parsed = Array.from({ length: 24 }, (_, j) => grok(new ShippedLine(j * 5, w.eventTimeMs(j * 5), reads[j < 10 ? 0 : 1]!), 0)!);
    const paths = ['status', 'verb', 'message', '@timestamp', '@metadata', '[@metadata][_id]', 'missing', 'status.inner'];
    for (const codec of [null, JSON_CODEC, PLAIN_CODEC]) {
      const column = packLines(parsed, codec);
      parsed.forEach((_, j) => {
        const rec = column.at(j)!;
        expect(column.eventTimeAt!(j)).toBe(rec.eventTimeMs);
        for (const path of paths) expect(column.fieldAt!(j, path), `${codec?.name ?? 'none'} ${path} of ${j}`).toEqual(recField(rec, path));
      });
    }
  });

  it('collect a producer batch as ids while its records are parsed lines, and as the records once another kind arrives', () => {
    const grok = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);
    const w = workload(4, { malformed: 0 });
    const read = stamp(w, [], 0);
    const parsed = Array.from({ length: 12 }, (_, j) => grok(new ShippedLine(j, w.eventTimeMs(j), read), 0)!);
    // Expecting 5 records, it grows twice on the way to 12 and keeps every one.
    const buffer = new RecordBuffer(5);
    for (const rec of parsed) buffer.push(rec);
    expect(buffer.length).toBe(12);
    expect([...buffer].map((r) => r.rid)).toEqual(parsed.map((r) => r.rid));
    expect(buffer.messageBytes()).toBe(parsed.reduce((n, r) => n + messageLengthOf(r), 0));
    expect(Array.isArray(buffer.stored(null))).toBe(false);
    parsed.forEach((rec, j) => expect(JSON.stringify(buffer.at(j)!.fields)).toBe(JSON.stringify(rec.fields)));
    const window: Rec = { rid: -1, eventTimeMs: 0, fields: { key: '200' }, id: 'count:200@0', lineage: [3, 4] };
    buffer.push(window);
    expect(buffer.length).toBe(13);
    expect(buffer.ridAt(12)).toBe(-1);
    const rids: number[] = [];
    forEachRid(buffer, (rid) => rids.push(rid));
    expect(rids).toEqual([...parsed.map((r) => r.rid), 3, 4]);
    expect(Array.isArray(buffer.stored(null))).toBe(true);
  });

  it('keep an event that date and mutate rewrote as its input and the filters, reading the same fields again', () => {
    const filters = compileFilters([
      { grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } },
      { date: { match: ['timestamp', 'dd/MMM/yyyy:HH:mm:ss Z'], target: '@timestamp', tag_on_failure: ['_dateparsefailure'] } },
      { mutate: { convert: { bytes: 'integer' }, remove_field: ['timestamp'] } },
    ]);
    const w = workload(6, { malformed: 0 });
    const read = stamp(w, ['add_id'], 0);
    for (let rid = 0; rid < 30; rid++) {
      const line = new ShippedLine(rid, w.eventTimeMs(rid), read);
      const out = filters(line, 1000)!;
      expect(out).toBeInstanceOf(FilteredRec);
      const eager = { rid, eventTimeMs: line.eventTimeMs, fields: line.fields };
      const expected = filters(eager, 1000)!;
      expect(JSON.stringify(out.fields)).toBe(JSON.stringify(expected.fields));
      expect(out.eventTimeMs).toBe(expected.eventTimeMs);
      expect(messageLengthOf(out)).toBe(messageLengthOf(expected));
      expect(recField(out, 'bytes')).toEqual(readField(expected.fields, 'bytes'));
    }
  });

  it('a Filebeat batch as a column: its events, their documents summed without them, and the Logstash queue written from it', () => {
    const w = workload(9);
    const reads = [stamp(w, [], 0), stamp(w, ['add_id'], 1), stamp(w, [], 2)];
    const rids = Int32Array.from({ length: 40 }, (_, j) => 3 * j + 1);
    const batch = new ShippedBatch(rids, [0, 7, 30], reads);
    const events = [...batch] as ShippedLine[];
    expect(events.map((e) => e.rid)).toEqual([...rids]);
    expect(events.map((e) => reads.indexOf(e.read))).toEqual(events.map((_, j) => (j < 7 ? 0 : j < 30 ? 1 : 2)));
    for (const e of events) expect(e.eventTimeMs).toBe(w.eventTimeMs(e.rid));
    expect(batch.knownLengthAt(5)).toBe(-1);
    for (const withMetadata of [true, false]) {
      const eager = events.reduce((n, e) => n + documentBytes({ rid: e.rid, eventTimeMs: e.eventTimeMs, fields: e.fields }, withMetadata), 0);
      expect(batch.documentBytesSum(withMetadata)).toBe(eager);
    }
    events.forEach((e, j) => expect(batch.knownLengthAt(j)).toBe(messageLengthOf(e)));
    // Written from the column or as the events themselves, the queue holds the same events.
    const fromColumn = new LogstashQueue({ type: 'memory', capacity: 100, checkpointWrites: 1024, checkpointAcks: 1024 });
    const fromEvents = new LogstashQueue({ type: 'memory', capacity: 100, checkpointWrites: 1024, checkpointAcks: 1024 });
    for (let j = 0; j < batch.length; j++) {
      fromColumn.writeFrom(batch, j, false);
      fromEvents.write(batch.at(j)!, false);
    }
    const first = fromColumn.take(batch.length);
    expect(fromEvents.take(batch.length)).toBe(first);
    for (let s = first; s < first + batch.length; s++) {
      const a = fromColumn.rec(s) as ShippedLine;
      const b = fromEvents.rec(s) as ShippedLine;
      expect([a.rid, a.read, a.knownMessageLength(), a.knownMessageJsonLength()]).toEqual([b.rid, b.read, b.knownMessageLength(), b.knownMessageJsonLength()]);
      expect(a.knownMessageJsonLength()).toBeGreaterThan(0);
      expect(JSON.stringify(a.fields)).toBe(JSON.stringify(b.fields));
      // Lengths carried from the wire's measurement give the documents a fresh measurement gives.
      const fresh = new ShippedLine(a.rid, a.eventTimeMs, a.read);
      for (const withMetadata of [true, false]) expect(a.jsonLength(withMetadata)).toBe(fresh.jsonLength(withMetadata));
      const parsed = a.combinedApacheParse();
      if (parsed) expect((parsed as ParsedAccessLine).jsonLength(false)).toBe((fresh.combinedApacheParse() as ParsedAccessLine).jsonLength(false));
    }
  });

  it('a line store keeps shipped and parsed lines as numbers and gives back equal records, other records as themselves', () => {
    const w = workload(11);
    const read = stamp(w, ['add_id'], 0);
    const grok = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);
    const window: Rec = { rid: -1, eventTimeMs: 0, fields: { key: '200' }, id: 'count:200@0', lineage: [3, 4, 3] };
    const records: Rec[] = [];
    for (let rid = 0; rid < 300; rid++) {
      const line = new ShippedLine(rid, w.eventTimeMs(rid), read);
      records.push(rid % 3 === 0 ? line : rid % 3 === 1 ? grok(line, 0)! : rid % 50 === 2 ? window : { rid, eventTimeMs: 5, fields: { message: 'x' } });
    }
    const store = new LineStore();
    records.forEach((rec) => store.push(rec));
    // Replacing keeps the numbering: a plain record over a line, and a line over a plain record.
    store.set(0, records[2]!);
    store.set(2, records[0]!);
    const expected = [records[2]!, records[1]!, records[0]!, ...records.slice(3)];
    expect(store.length).toBe(expected.length);
    expected.forEach((rec, n) => {
      const got = store.at(n);
      expect(got.constructor).toBe(rec.constructor);
      expect([got.rid, got.eventTimeMs, JSON.stringify(got.fields)]).toEqual([rec.rid, rec.eventTimeMs, JSON.stringify(rec.fields)]);
      expect(messageLengthOf(got)).toBe(messageLengthOf(rec));
      const rids: number[] = [];
      store.visitRids(n, (rid) => rids.push(rid));
      const want: number[] = [];
      forEachRid([rec], (rid) => want.push(rid));
      expect(rids).toEqual(want);
    });
  });
});

/**
 * The events Filebeat ships, as lazy records (core/record.ts `LazyRec`): a line's rid and event time,
 * and the read it came from (`@timestamp` is the time of the read, `@metadata._id` depends on the
 * process incarnation). Everything else is a function of (seed, rid), so the text is written only
 * when something reads it.
 *
 * `%{COMBINEDAPACHELOG}` on `message` of a well-formed access-log line captures exactly the pieces the
 * generator drew the line from (workload/generators.ts `accessLogCapture`, checked against the parser by
 * a unit test), so a grok filter that applies only that pattern turns a shipped line into a
 * `ParsedAccessLine` without writing or parsing any text. Any other line or pattern takes the general
 * path, which reads `fields` as for any record.
 */
import { below, forEachRid, LazyRec, messageLengthOf, recField, splitFieldPath, type FieldMap, type FieldValue, type Rec, type RecordColumn } from '../../core/record.js';
import type { Workload } from '../../workload/workload.js';
import { ACCESS_CAPTURE_NAMES, type TextMeasure } from '../../workload/generators.js';
import { jsonLength, jsonStringLength } from '../../core/json-length.js';
import { ID_LENGTH, metadataId } from './event-id.js';
import { EncodedRec, type WireCodec } from '../../core/event-codec.js';
import { int32Column, scratchInt32, scratchUint16, uint16Column } from '../../core/column-arena.js';
import { withRoomFor } from '../../core/grow.js';

/** What a Filebeat's events share: the workload they come from and the processors that set `@metadata._id`. */
export interface ShipSource {
  readonly workload: Workload;
  readonly processors: readonly ('add_id' | 'fingerprint')[];
}

/** One read of the files: its events share the source, the read's `@timestamp`, and the process incarnation. */
export interface ReadStamp {
  readonly source: ShipSource;
  /** `@timestamp`: when Filebeat read the lines. */
  readonly stamp: string;
  /** Restarts of this Filebeat before the read (`add_id`'s per-process part). */
  readonly incarnation: number;
}

/** `@metadata` without an id: the same for every event, and events are immutable, so one object serves all. */
const PLAIN_METADATA: FieldMap = { beat: 'filebeat' };

/** A name that is not an own field reads as it would on any plain field map (nothing, or what Object.prototype has). */
const NO_FIELDS: FieldMap = {};

function metadataOf(rid: number, read: ReadStamp): FieldMap {
  const { processors, workload } = read.source;
  return processors.length > 0 ? { beat: 'filebeat', _id: metadataId(processors, workload.seed, rid, read.incarnation) } : PLAIN_METADATA;
}

/**
 * What a store that keeps lines as numbers holds per line (the Logstash queue's rings, a LineStore):
 * the read of a packed shipped or parsed line — whose rid and lengths are in its columns — or a
 * record kept as itself. A read has no `rid`.
 */
export function isReadStamp(held: Rec | ReadStamp): held is ReadStamp {
  return (held as Partial<Rec>).rid === undefined;
}

/** One of the four fields every shipped event has, or undefined for another name. */
function shippedField(rid: number, eventTimeMs: number, read: ReadStamp, name: string): FieldValue | undefined {
  switch (name) {
    case 'message':
      return read.source.workload.text(rid, eventTimeMs);
    case 'log':
      return read.source.workload.logField(rid);
    case '@timestamp':
      return read.stamp;
    case '@metadata':
      return metadataOf(rid, read);
    default:
      return undefined;
  }
}

/** A top-level field of a parsed access line: one of the four shipped fields, a capture, or nothing. */
function parsedField(rid: number, eventTimeMs: number, read: ReadStamp, name: string): FieldValue | undefined {
  return shippedField(rid, eventTimeMs, read, name) ?? read.source.workload.accessCapture(rid, eventTimeMs, name) ?? NO_FIELDS[name];
}

/** `"name":`, what a member of a JSON object takes before its value. */
const memberLength = (name: string) => jsonStringLength(name) + 1;
const MESSAGE_MEMBER = memberLength('message');
const LOG_MEMBER = memberLength('log');
const TIMESTAMP_MEMBER = memberLength('@timestamp');
const METADATA_MEMBER = memberLength('@metadata');
/** `{"beat":"filebeat"}`, and the `,"_id":"…"` an id adds to it (ids are base64url: nothing to escape). */
const PLAIN_METADATA_LENGTH = jsonLength(PLAIN_METADATA);
const ID_MEMBER_LENGTH = 1 + memberLength('_id') + ID_LENGTH + 2;
const CAPTURE_MEMBERS = ACCESS_CAPTURE_NAMES.map(memberLength);

/** `JSON.stringify(read.stamp).length`; a read's events share their stamp, so it is worked out once per read. */
function stampJsonLength(stamp: string): number {
  if (stamp !== lastStamp) {
    lastStamp = stamp;
    lastStampLength = jsonStringLength(stamp);
  }
  return lastStampLength;
}
let lastStamp = '';
let lastStampLength = 0;

/** Where `measureText` leaves a line's lengths; read at once, so one object serves every event. */
const MEASURE: TextMeasure = { chars: 0, jsonChars: 0 };

/**
 * `JSON.stringify` length of the four shipped fields, `{"message":…,"log":…,"@timestamp":…,"@metadata":…}`,
 * less the last member when `withMetadata` is false, and less the closing brace when `open` (a parsed
 * line's captures follow). `messageJsonChars`: the message as a JSON string (TextMeasure.jsonChars).
 */
function shippedJsonLength(rid: number, read: ReadStamp, messageJsonChars: number, withMetadata: boolean, open: boolean): number {
  const w = read.source.workload;
  let length = 1 + MESSAGE_MEMBER + messageJsonChars + 1 + LOG_MEMBER + w.logFieldJsonLength(rid) + 1 + TIMESTAMP_MEMBER + stampJsonLength(read.stamp);
  if (withMetadata) length += 1 + METADATA_MEMBER + PLAIN_METADATA_LENGTH + (read.source.processors.length > 0 ? ID_MEMBER_LENGTH : 0);
  return open ? length : length + 1;
}

/**
 * What a shipped line and a parsed one share: the line (rid, event time, read) and its message's
 * lengths, as text and as a JSON string, worked out once (in one pass over the generator's draws)
 * and carried along: the wire counts a Filebeat batch's documents, then Logstash's outputs count
 * the same messages again (a Kafka record's value, a bulk item's source).
 */
abstract class MeasuredLine extends LazyRec {
  private messageChars: number;
  private messageJsonChars: number;

  constructor(
    readonly rid: number,
    readonly eventTimeMs: number,
    readonly read: ReadStamp,
    /** `message.length` and its JSON string's length when already known (an event made again from a queue that kept them), else -1. */
    messageChars = -1,
    messageJsonChars = -1,
  ) {
    super();
    this.messageChars = messageChars;
    this.messageJsonChars = messageJsonChars;
  }

  messageLength(): number {
    if (this.messageChars < 0) this.messageChars = this.read.source.workload.textLength(this.rid, this.eventTimeMs);
    return this.messageChars;
  }

  /** `messageLength()` if it has been worked out already, else -1 (nothing is computed). */
  knownMessageLength(): number {
    return this.messageChars;
  }

  /** The message's length as a JSON string, if worked out already, else -1. */
  knownMessageJsonLength(): number {
    return this.messageJsonChars;
  }

  /** The message as a JSON string: its length, measured now if not known. */
  protected messageJsonLength(): number {
    if (this.messageJsonChars < 0) {
      this.read.source.workload.measureText(this.rid, this.eventTimeMs, MEASURE);
      this.messageChars = MEASURE.chars;
      this.messageJsonChars = MEASURE.jsonChars;
    }
    return this.messageJsonChars;
  }
}

/** An event as Filebeat ships it: `message`, `log`, `@timestamp`, `@metadata`, in that order. */
export class ShippedLine extends MeasuredLine {
  get fields(): FieldMap {
    const w = this.read.source.workload;
    return { message: w.text(this.rid, this.eventTimeMs), log: w.logField(this.rid), '@timestamp': this.read.stamp, '@metadata': metadataOf(this.rid, this.read) };
  }

  protected top(name: string): FieldValue | undefined {
    return shippedField(this.rid, this.eventTimeMs, this.read, name) ?? NO_FIELDS[name];
  }

  override jsonLength(withMetadata: boolean): number {
    return shippedJsonLength(this.rid, this.read, this.messageJsonLength(), withMetadata, false);
  }

  override combinedApacheParse(): Rec | null {
    return this.read.source.workload.isAccessLine(this.rid) ? new ParsedAccessLine(this.rid, this.eventTimeMs, this.read, this.knownMessageLength(), this.knownMessageJsonLength()) : null;
  }
}

/**
 * A shipped access-log line after `%{COMBINEDAPACHELOG}` on `message`: the four shipped fields, then the
 * captures. Only `ShippedLine.combinedApacheParse` makes one, so its event time is always the line's
 * (`workload.eventTimeMs(rid)`), which lets `packLines` keep it as its rid alone.
 */
export class ParsedAccessLine extends MeasuredLine {
  get fields(): FieldMap {
    const { rid, eventTimeMs, read } = this;
    const w = read.source.workload;
    // The same keys in the same order as the direct parser's event (grok-fast-apache.ts `combinedApacheEvent`).
    return {
      message: w.text(rid, eventTimeMs),
      log: w.logField(rid),
      '@timestamp': read.stamp,
      '@metadata': metadataOf(rid, read),
      clientip: w.accessCapture(rid, eventTimeMs, 'clientip'),
      ident: w.accessCapture(rid, eventTimeMs, 'ident'),
      auth: w.accessCapture(rid, eventTimeMs, 'auth'),
      timestamp: w.accessCapture(rid, eventTimeMs, 'timestamp'),
      verb: w.accessCapture(rid, eventTimeMs, 'verb'),
      request: w.accessCapture(rid, eventTimeMs, 'request'),
      httpversion: w.accessCapture(rid, eventTimeMs, 'httpversion'),
      status: w.accessCapture(rid, eventTimeMs, 'status'),
      bytes: w.accessCapture(rid, eventTimeMs, 'bytes'),
      referrer: w.accessCapture(rid, eventTimeMs, 'referrer'),
      agent: w.accessCapture(rid, eventTimeMs, 'agent'),
    };
  }

  protected top(name: string): FieldValue | undefined {
    return parsedField(this.rid, this.eventTimeMs, this.read, name);
  }

  override jsonLength(withMetadata: boolean): number {
    const { rid, eventTimeMs, read } = this;
    const w = read.source.workload;
    // The shipped fields, then `,"clientip":"…"` and the other captures, in `fields`' order, and the brace.
    let length = shippedJsonLength(rid, read, this.messageJsonLength(), withMetadata, true);
    for (let i = 0; i < ACCESS_CAPTURE_NAMES.length; i++) length += 1 + CAPTURE_MEMBERS[i]! + jsonStringLength(w.accessCapture(rid, eventTimeMs, ACCESS_CAPTURE_NAMES[i]!)!);
    return length + 1;
  }
}

/**
 * A Filebeat batch's events as a column: each line's rid, and the read it came from (one entry per
 * run of lines from the same read). A batch waits for its ACK, and may be resent, for many
 * simulated events; as ShippedLine objects its 2,048 events outlived young collections and were
 * copied by each. `at(j)` makes the event (equal, not identical, each time); the Logstash input
 * writes rids and reads into its queue without making any (LogstashQueue.writeFrom).
 */
export class ShippedBatch implements RecordColumn {
  /** Each event's `message.length`, and its JSON string's length, once the wire has measured them (`documentBytesSum`), -1 before. */
  private readonly lengths: Int32Array;
  private readonly jsonLengths: Int32Array;

  constructor(
    private readonly rids: Int32Array,
    private readonly runStarts: readonly number[],
    private readonly runReads: readonly ReadStamp[],
  ) {
    this.lengths = scratchInt32(rids.length).fill(-1);
    this.jsonLengths = scratchInt32(rids.length).fill(-1);
  }

  get length(): number {
    return this.rids.length;
  }

  ridAt(j: number): number {
    return this.rids[j]!;
  }

  readAt(j: number): ReadStamp {
    return readOf(this.runStarts, this.runReads, j);
  }

  /** Event j's `message.length` if the wire measured it already, else -1. */
  knownLengthAt(j: number): number {
    return this.lengths[j]!;
  }

  /** Event j's message as a JSON string: its length, if the wire measured it already, else -1. */
  knownJsonLengthAt(j: number): number {
    return this.jsonLengths[j]!;
  }

  at(j: number): ShippedLine | undefined {
    if (j < 0 || j >= this.rids.length) return undefined;
    const rid = this.rids[j]!;
    const read = this.readAt(j);
    return new ShippedLine(rid, read.source.workload.eventTimeMs(rid), read, this.lengths[j]!, this.jsonLengths[j]!);
  }

  visitRids(visit: (rid: number) => void): void {
    for (let j = 0; j < this.rids.length; j++) visit(this.rids[j]!);
  }

  /** What `documentBytes(at(j), withMetadata)` sums to over the batch; notes each message's length on the way. */
  documentBytesSum(withMetadata: boolean): number {
    let bytes = 0;
    let k = 0;
    for (let j = 0; j < this.rids.length; j++) {
      while (k + 1 < this.runStarts.length && this.runStarts[k + 1]! <= j) k++;
      const read = this.runReads[k]!;
      const rid = this.rids[j]!;
      if (this.jsonLengths[j]! < 0) {
        read.source.workload.measureText(rid, read.source.workload.eventTimeMs(rid), MEASURE);
        this.lengths[j] = MEASURE.chars;
        this.jsonLengths[j] = MEASURE.jsonChars;
      }
      bytes += shippedJsonLength(rid, read, this.jsonLengths[j]!, withMetadata, false);
    }
    return bytes;
  }

  *[Symbol.iterator](): Iterator<Rec> {
    for (let j = 0; j < this.rids.length; j++) yield this.at(j)!;
  }
}

/**
 * Records kept for the rest of a run (an Elasticsearch index's sources), each as numbers when it is
 * a shipped or a parsed line (its rid, read and message lengths), else as itself. An index fed
 * straight from Filebeat or through grok holds one such line per event; as objects they were what
 * every young collection copied into the old generation and every full collection walked.
 * `at(n)` makes a packed line again: equal, not identical.
 */
export class LineStore {
  /** Per record: the read of a packed line, or the record itself. */
  private readonly held: (Rec | ReadStamp)[] = [];
  private rids = new Int32Array(256);
  private lengths = new Int32Array(256);
  private jsonLengths = new Int32Array(256);
  /** 1 for a parsed line, 0 for a shipped one (packed lines only). */
  private parsed = new Uint8Array(256);

  get length(): number {
    return this.held.length;
  }

  /** Adds `rec` at the end; returns its number. */
  push(rec: Rec): number {
    const n = this.held.length;
    this.held.push(rec);
    this.set(n, rec);
    return n;
  }

  /** Replaces record `n` (at most one past the end). */
  set(n: number, rec: Rec): void {
    if (rec instanceof MeasuredLine && rec.rid <= 0x7fffffff) {
      if (n >= this.rids.length) {
        // The four columns grow together: one check per record, not four.
        this.rids = withRoomFor(this.rids, n);
        this.lengths = withRoomFor(this.lengths, n);
        this.jsonLengths = withRoomFor(this.jsonLengths, n);
        this.parsed = withRoomFor(this.parsed, n);
      }
      this.held[n] = rec.read;
      this.rids[n] = rec.rid;
      this.lengths[n] = rec.knownMessageLength();
      this.jsonLengths[n] = rec.knownMessageJsonLength();
      this.parsed[n] = rec instanceof ParsedAccessLine ? 1 : 0;
    } else this.held[n] = rec;
  }

  at(n: number): Rec {
    const held = this.held[n]!;
    if (!isReadStamp(held)) return held;
    const rid = this.rids[n]!;
    const Line = this.parsed[n] === 1 ? ParsedAccessLine : ShippedLine;
    return new Line(rid, held.source.workload.eventTimeMs(rid), held, this.lengths[n]!, this.jsonLengths[n]!);
  }

  /** Visits the rids record `n` stands for (its own, or an aggregate's lineage), without making a packed line. */
  visitRids(n: number, visit: (rid: number) => void): void {
    const held = this.held[n]!;
    if (isReadStamp(held)) visit(this.rids[n]!);
    else if (held.rid >= 0) visit(held.rid);
    else {
      const lineage = held.lineage ?? [];
      for (let i = 0; i < lineage.length; i++) visit(lineage[i]!);
    }
  }
}

/**
 * A producer batch's records, collected one send at a time into the column `packLines` makes of them:
 * while every record is a parsed access line, rids, message lengths and reads as small integers, so a
 * record waiting in the accumulator, or in flight until three replicas have it, costs 16 bytes and no
 * object for the garbage collector to copy. The first record of another kind turns the buffer into a
 * plain list. `at(j)` makes a packed record again (equal, not identical), as a log batch's column does.
 */
export class RecordBuffer implements RecordColumn {
  // Scratch typed arrays cut from shared chunks (core/column-arena.ts), made at the size the batch is
  // expected to reach: no backing store per batch, nothing for the garbage collector to copy while
  // the batch waits for its acknowledgement, and no regrowth on the way to `batch.size`.
  private rids: Int32Array;
  private lengths: Uint16Array;
  private readonly runStarts: number[] = [];
  private readonly runReads: ReadStamp[] = [];
  private packed = 0;
  /** The records, once one of them could not be packed; null while all are packed. */
  private list: Rec[] | null = null;

  /** `expected`: the records the batch will likely hold (its `batch.size` in records); it may hold more. */
  constructor(expected = 16) {
    const size = Math.max(1, expected);
    this.rids = scratchInt32(size);
    this.lengths = scratchUint16(size);
  }

  get length(): number {
    return this.list === null ? this.packed : this.list.length;
  }

  push(rec: Rec): void {
    if (this.list === null && rec instanceof ParsedAccessLine && rec.rid <= 0x7fffffff) {
      const length = rec.messageLength();
      if (length <= 0xffff) {
        if (this.packed === this.rids.length) this.grow();
        this.rids[this.packed] = rec.rid;
        this.lengths[this.packed] = length;
        if (this.runReads[this.runReads.length - 1] !== rec.read) {
          this.runStarts.push(this.packed);
          this.runReads.push(rec.read);
        }
        this.packed++;
        return;
      }
    }
    if (this.list === null) this.list = Array.from({ length: this.packed }, (_, j) => this.packedAt(j));
    this.list.push(rec);
  }

  private grow(): void {
    const rids = scratchInt32(this.rids.length * 2);
    const lengths = scratchUint16(this.rids.length * 2);
    rids.set(this.rids);
    lengths.set(this.lengths);
    this.rids = rids;
    this.lengths = lengths;
  }

  ridAt(j: number): number {
    return this.list === null ? this.rids[j]! : this.list[j]!.rid;
  }

  at(j: number): Rec | undefined {
    if (this.list !== null) return this.list[j];
    return j >= 0 && j < this.packed ? this.packedAt(j) : undefined;
  }

  messageBytes(): number {
    if (this.list !== null) return this.list.reduce((bytes, rec) => bytes + messageLengthOf(rec), 0);
    let bytes = 0;
    for (let j = 0; j < this.packed; j++) bytes += this.lengths[j]!;
    return bytes;
  }

  visitRids(visit: (rid: number) => void): void {
    if (this.list !== null) forEachRid(this.list, visit);
    else for (let j = 0; j < this.packed; j++) visit(this.rids[j]!);
  }

  /** What a broker stores of these records, written by the producer's `codec`: what `packLines` makes of them. */
  stored(codec: WireCodec | null): RecordColumn {
    if (this.list !== null) return packLines(this.list, codec);
    if (this.packed === 0) return [];
    return new PackedLines(int32Column(this.rids, this.packed), uint16Column(this.lengths, this.packed), this.runStarts.slice(), this.runReads.slice(), codec);
  }

  *[Symbol.iterator](): Iterator<Rec> {
    for (let j = 0; j < this.length; j++) yield this.at(j)!;
  }

  private packedAt(j: number): ParsedAccessLine {
    return lineAt(this.rids[j]!, this.lengths[j]!, this.runStarts, this.runReads, j);
  }
}

/** Record `j` of a packed column: the run it is in gives its read (a batch holds a few runs at most). */
function lineAt(rid: number, length: number, runStarts: readonly number[], runReads: readonly ReadStamp[], j: number): ParsedAccessLine {
  const read = readOf(runStarts, runReads, j);
  return new ParsedAccessLine(rid, read.source.workload.eventTimeMs(rid), read, length);
}

/** The read of record `j`: that of the last run starting at or before it. */
function readOf(runStarts: readonly number[], runReads: readonly ReadStamp[], j: number): ReadStamp {
  let k = runStarts.length - 1;
  while (runStarts[k]! > j) k--;
  return runReads[k]!;
}

/**
 * The records of a Kafka log batch as a column, as the producer's `codec` wrote them (null: as sent;
 * a Logstash kafka output's codec: core/event-codec.ts). When every record is a parsed access line (as
 * it left Logstash's grok), their rids, message lengths and reads go in typed arrays (6 bytes a record,
 * and a read per run of records from one read), and the record is made again when a reader asks
 * (`at`). Any other batch stays an array. A log keeps what it holds for days; this is what makes a
 * million held records cost megabytes, not a million objects for the garbage collector to walk.
 */
export function packLines(records: readonly Rec[], codec: WireCodec | null): RecordColumn {
  const n = records.length;
  if (n === 0) return records;
  const rids: number[] = [];
  const lengths: number[] = [];
  const runStarts: number[] = [];
  const runReads: ReadStamp[] = [];
  for (let j = 0; j < n; j++) {
    const line = records[j]!;
    if (!(line instanceof ParsedAccessLine)) return encodeAll(records, codec);
    const length = line.messageLength();
    if (line.rid > 0x7fffffff || length > 0xffff) return encodeAll(records, codec);
    rids.push(line.rid);
    lengths.push(length);
    if (runReads[runReads.length - 1] !== line.read) {
      runStarts.push(j);
      runReads.push(line.read);
    }
  }
  return new PackedLines(int32Column(rids), uint16Column(lengths), runStarts, runReads, codec);
}

/** A batch that cannot be packed, as its readers see it: each record through the codec. */
function encodeAll(records: readonly Rec[], codec: WireCodec | null): readonly Rec[] {
  return codec === null ? records : records.map((rec) => new EncodedRec(rec, codec));
}

class PackedLines implements RecordColumn {
  constructor(
    private readonly rids: Int32Array,
    private readonly lengths: Uint16Array,
    private readonly runStarts: readonly number[],
    private readonly runReads: readonly ReadStamp[],
    private readonly codec: WireCodec | null,
  ) {}

  get length(): number {
    return this.rids.length;
  }

  ridAt(j: number): number {
    return this.rids[j]!;
  }

  at(j: number): Rec | undefined {
    if (j < 0 || j >= this.rids.length) return undefined;
    const line = lineAt(this.rids[j]!, this.lengths[j]!, this.runStarts, this.runReads, j);
    return this.codec === null ? line : new EncodedRec(line, this.codec);
  }

  messageBytes(): number {
    let bytes = 0;
    for (let j = 0; j < this.lengths.length; j++) bytes += this.lengths[j]!;
    return bytes;
  }

  visitRids(visit: (rid: number) => void): void {
    for (let j = 0; j < this.rids.length; j++) visit(this.rids[j]!);
  }

  eventTimeAt(j: number): number {
    return this.readAt(j).source.workload.eventTimeMs(this.rids[j]!);
  }

  /** A field of record j as a reader sees it (through the codec), computed alone: no record, no field map. */
  fieldAt(j: number, path: string): FieldValue | undefined {
    // A plain codec's line is written from the event; that one field takes the record.
    if (this.codec !== null && this.codec.name !== 'json') return recField(this.at(j)!, path);
    const parts = splitFieldPath(path);
    // The json codec writes the event without `@metadata` (core/event-codec.ts).
    if (this.codec !== null && parts[0] === '@metadata') return undefined;
    const rid = this.rids[j]!;
    const read = this.readAt(j);
    return below(parsedField(rid, read.source.workload.eventTimeMs(rid), read, parts[0]!), parts);
  }

  private readAt(j: number): ReadStamp {
    return readOf(this.runStarts, this.runReads, j);
  }

  *[Symbol.iterator](): Iterator<Rec> {
    for (let j = 0; j < this.rids.length; j++) yield this.at(j)!;
  }
}

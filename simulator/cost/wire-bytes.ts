/**
 * Bytes one message puts on its link (issue 29, "bytes on each link"): the payload of the records it
 * carries, sized from the modelled record in the format of the protocol that carries it. The network
 * (core/simulation.ts `send`) adds this to the link's counter for every message it sends, so a resend
 * (a retry, a redelivery after a crash, a replay) pays again: at-least-once shows up in bytes.
 *
 * One sum per message over its records, no object kept per record. Requests and answers that carry
 * no records (acks, fetch requests, produce responses) count 0: they are small next to the data and
 * the model does not size them. Nothing is compressed: the figures are what the clients encode
 * before any `compression` setting (Filebeat's `compression_level`, Kafka's `compression.type`)
 * would shrink them. Text is ASCII (the generators write ASCII lines), so a character is a byte.
 */
import type { Message } from '../core/node.js';
import { LazyRec, messageLengthOf, type Rec, type RecordColumn } from '../core/record.js';
import { jsonLength } from '../core/json-length.js';
import type { ProduceRequest } from '../nodes/kafka/produce-handler.js';
import type { FetchResponse } from '../nodes/kafka/fetch-handler.js';
import type { EsBulkItem, EsBulkRequest } from '../nodes/elasticsearch/protocol.js';
import type { GetRecordsResponse, PutRecordsRequest } from '../nodes/kinesis/protocol.js';
import { dataBlobBytes } from '../nodes/kinesis/kpl-output.js';

/**
 * Lumberjack v2 framing (the Beats protocol; go-lumber `protocol/v2`, vendored in elastic/beats):
 * a window frame `'2' 'W' uint32(count)` opens each batch (6 bytes), and each event travels in a
 * JSON data frame `'2' 'J' uint32(seq) uint32(length) payload` (10 bytes before the payload).
 */
export const LUMBERJACK_WINDOW_FRAME_BYTES = 6;
export const LUMBERJACK_JSON_FRAME_HEADER_BYTES = 10;

/**
 * A record as JSON text. `withMetadata` false leaves out `@metadata`, which Logstash and the Beats
 * Elasticsearch output never write into a document; the Beats protocol carries it in the event.
 */
export function documentBytes(rec: Rec, withMetadata: boolean): number {
  // A Filebeat event knows its length from the generator's draws, without writing its text.
  if (rec instanceof LazyRec) {
    const length = rec.jsonLength(withMetadata);
    if (length >= 0) return length;
  }
  const fields = rec.fields;
  const whole = jsonLength(fields);
  const metadata = fields['@metadata'];
  if (withMetadata || metadata === undefined) return whole;
  // `"@metadata":` and its value, and the comma that separated it from a neighbour (unless it was alone).
  const alone = Object.keys(fields).length === 1;
  return whole - ('"@metadata":'.length + jsonLength(metadata) + (alone ? 0 : 1));
}

/**
 * One Bulk API item (NDJSON, one action line then the document line): `{"index":{"_index":"logs","_id":"…"}}\n`
 * and the document followed by `\n`. Index names and ids are plain ASCII without characters JSON escapes.
 */
export function bulkItemBytes(item: EsBulkItem): number {
  // {" op ":{"_index": "index" [,"_id": "id"] }}\n
  const action = 2 + item.op.length + 12 + item.index.length + 2 + (item.id === undefined ? 0 : 7 + item.id.length + 2) + 3;
  return action + documentBytes(item.record, false) + 1;
}

/** A line in an object (a Logstash `s3` output part, a Firehose or FileSink object): `message` and a newline. */
export function objectLineBytes(rec: Rec): number {
  return messageLengthOf(rec) + 1;
}

/** The line a `tcp`/`udp` output writes: `message` and a newline (Logstash's `line` codec). */
const plainLineBytes = objectLineBytes;

export function messageBytes(msg: Message): number {
  switch (msg.kind) {
    case 'beats.batch': {
      const column = msg.records;
      // Filebeat's tcp/udp shipping (the lumberjack client's `input`) writes bare lines; beats frames them.
      if ((msg as { input?: string }).input !== 'beats') return sum(recordList(column), plainLineBytes);
      // A Filebeat batch (a ShippedBatch) sums its documents without making its events.
      const documents = column?.documentBytesSum ? column.documentBytesSum(true) : sum(recordList(column), (r) => documentBytes(r, true));
      return LUMBERJACK_WINDOW_FRAME_BYTES + (column?.length ?? 0) * LUMBERJACK_JSON_FRAME_HEADER_BYTES + documents;
    }
    case 'kafka.produce': {
      // Record values, as the brokers' BytesInPerSec counts them (nodes/kafka/record-bytes.ts).
      let bytes = 0;
      for (const b of (msg as ProduceRequest).batches) bytes += b.records.messageBytes();
      return bytes;
    }
    case 'kafka.fetch.response': {
      let bytes = 0;
      // The broker summed the answer's record values as it read them (the records are not made yet).
      for (const r of (msg as FetchResponse).results) bytes += r.valueBytes;
      return bytes;
    }
    case 'es.bulk':
      return sum((msg as EsBulkRequest).items, bulkItemBytes);
    case 's3.put':
    case 's3.mpu.part': {
      // A line each: the message and a newline (objectLineBytes), summed by the column when it can.
      const records = msg.records as RecordColumn | undefined;
      if (records?.messageBytes) return records.messageBytes() + records.length;
      return sum(recordList(records), objectLineBytes);
    }
    case 'kinesis.put-records': {
      // What a shard counts against its 1 MB/s: data blob plus partition key.
      let bytes = 0;
      for (const e of (msg as PutRecordsRequest).entries) bytes += e.sizeBytes;
      return bytes;
    }
    case 'kinesis.get-records.response': {
      let bytes = 0;
      for (const e of (msg as GetRecordsResponse).entries) bytes += dataBlobBytes(e.record) + e.partitionKey.length;
      return bytes;
    }
    default:
      return 0;
  }
}

/** A message's records as a list (Beats batches and S3 objects carry arrays; a column is made into one). */
function recordList(records: RecordColumn | undefined): readonly Rec[] {
  return records === undefined ? [] : Array.isArray(records) ? (records as readonly Rec[]) : [...records];
}

function sum<T>(items: readonly T[], size: (item: T) => number): number {
  let bytes = 0;
  for (let i = 0; i < items.length; i++) bytes += size(items[i]!);
  return bytes;
}

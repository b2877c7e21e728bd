/**
 * What a Logstash output codec turns an event into, and what a reader of those bytes gets back.
 *
 * A Logstash event keeps `@metadata` in a map of its own, apart from its data (logstash-core
 * `org.logstash.Event`: `data` and `metadata`; `getField("[@metadata][…]")` reads the second).
 * No codec writes that map: `Event#toJson` serialises `data` alone, and `Event#toString` reads
 * `@timestamp`, `host` and `message`. So `@metadata` never leaves the Logstash process; a field a
 * later stage needs must be copied into the event first (e.g. `mutate { add_field => { "event_id"
 * => "%{[@metadata][_id]}" } }`).
 *
 * - `json` (logstash-codec-json `encode`: `event.to_json`): the event's fields without `@metadata`.
 * - `plain` (logstash-codec-plain `encode`: `@format ? event.sprintf(@format) : event.to_s`): one
 *   line of text. `event.to_s` is `Event#toString`: `"<@timestamp> <host> <message>"`, with the
 *   literal `%{host}` / `%{message}` for a field the event lacks.
 *
 * A record the Kafka output writes is an `EncodedRec`: it keeps the event it came from (its rid and
 * event time, for the ledger) and shows a reader only what the codec wrote. Its text is written
 * only when something reads it; until then it costs one small object.
 */
import { LazyRec, recField, type FieldMap, type FieldValue, type Rec } from './record.js';

export interface WireCodec {
  readonly name: 'json' | 'plain';
  /** `plain`: the line the codec writes for this event (the event still has its `@metadata`). */
  text(event: Rec): string;
}

/** logstash-codec-json: the event as JSON without `@metadata`. */
export const JSON_CODEC: WireCodec = { name: 'json', text: (event) => JSON.stringify(withoutMetadata(event.fields)) };

/** logstash-codec-plain without `format`: `event.to_s`. */
export const PLAIN_CODEC: WireCodec = { name: 'plain', text: eventToS };

/** The fields a `json` codec writes: all but `@metadata`, in their order. */
export function withoutMetadata(fields: FieldMap): FieldMap {
  if (!Object.hasOwn(fields, '@metadata')) return fields;
  const { '@metadata': _meta, ...rest } = fields;
  return rest;
}

/**
 * logstash-core `Event#toString` (what `event.to_s` returns): the timestamp, then `host` and
 * `message` as Java's `toString` writes them, or `%{host}` / `%{message}` when the event lacks one.
 */
export function eventToS(event: Rec): string {
  const host = recField(event, 'host');
  const message = recField(event, 'message');
  const hostMessage = `${host === undefined || host === null ? '%{host}' : javaString(host)} ${message === undefined || message === null ? '%{message}' : javaString(message)}`;
  const stamp = recField(event, '@timestamp');
  return stamp === undefined || stamp === null ? hostMessage : `${javaString(stamp)} ${hostMessage}`;
}

/** `Object#toString` of the Java value Logstash holds: a list as `[a, b]`, a map as `{k=v, …}`. */
function javaString(value: FieldValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${(value as readonly string[]).join(', ')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as FieldMap).filter(([, v]) => v !== undefined);
    return `{${members.map(([k, v]) => `${k}=${javaString(v!)}`).join(', ')}}`;
  }
  return String(value);
}

/**
 * An event as a Kafka record holds it after a Logstash codec: `json` shows its fields without
 * `@metadata`; `plain` shows the codec's line as `message` and nothing else (what a reader that
 * takes the value as text, such as a kafka input with the default `plain` codec, gets).
 */
export class EncodedRec extends LazyRec {
  readonly rid: number;
  readonly eventTimeMs: number;

  constructor(
    /** The event the output encoded, `@metadata` and all. */
    readonly event: Rec,
    readonly codec: WireCodec,
  ) {
    super();
    this.rid = event.rid;
    this.eventTimeMs = event.eventTimeMs;
  }

  get fields(): FieldMap {
    return this.codec.name === 'json' ? withoutMetadata(this.event.fields) : { message: this.codec.text(this.event) };
  }

  protected top(name: string): FieldValue | undefined {
    if (this.codec.name === 'plain') return name === 'message' ? this.codec.text(this.event) : undefined;
    return name === '@metadata' ? undefined : recField(this.event, name);
  }

  /**
   * The value's size as the Kafka client and brokers count it: the event's `message`, as for every
   * record in the simulator (a `json` value's other fields and a `plain` line's timestamp are not
   * counted), so the codec changes what a reader sees, not the byte counts.
   */
  messageLength(): number {
    const e = this.event;
    if (e instanceof LazyRec) return e.messageLength();
    const message = e.fields['message'];
    return typeof message === 'string' ? message.length : 0;
  }

  override jsonLength(withMetadata: boolean): number {
    void withMetadata;
    return this.codec.name === 'json' && this.event instanceof LazyRec ? this.event.jsonLength(false) : -1;
  }

  /** The record's value as text: the line, or the JSON document. */
  valueText(): string {
    return this.codec.text(this.event);
  }
}

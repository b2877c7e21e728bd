/**
 * What the Logstash kafka output writes into a record: its codec's bytes (logstash-integration-kafka
 * outputs/kafka.rb `default :codec, 'plain'`, `@codec.encode(event)`). logstash-codec-plain writes
 * `event.to_s` (logstash-core `Event#toString`: timestamp, host, message) or its `format`;
 * logstash-codec-json writes `event.to_json` (`Event#toJson`: the data map, never `@metadata`).
 */
import { describe, expect, it } from 'vitest';
import { EncodedRec, JSON_CODEC, PLAIN_CODEC, eventToS } from '../../../simulator/core/event-codec.js';
import { recField, type Rec } from '../../../simulator/core/record.js';
import { wireCodecOf } from '../../../simulator/nodes/logstash/kafka-output.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { runSync, type RunHandle } from '../../../simulator/run/run.js';
import type { ElasticsearchStore } from '../../../simulator/nodes/elasticsearch/store.js';
import { runLine } from '../../../simulator/shell/index.js';
import { checkLogstashPipeline } from '../../../simulator/config/logstash/index.js';
import { simCatalogue } from '../../../simulator/i18n/messages/index.js';

const event: Rec = {
  rid: 7,
  eventTimeMs: 1000,
  fields: { message: 'GET / 200', '@timestamp': '2026-01-01T00:00:01.000Z', status: '200', '@metadata': { beat: 'filebeat', _id: 'abc' } },
};

describe('the codecs', () => {
  it('json: the fields without @metadata, in their order', () => {
    const r = new EncodedRec(event, JSON_CODEC);
    expect(r.fields).toEqual({ message: 'GET / 200', '@timestamp': '2026-01-01T00:00:01.000Z', status: '200' });
    expect(recField(r, '[@metadata][_id]')).toBeUndefined();
    expect(recField(r, 'status')).toBe('200');
    expect(r.valueText()).toBe('{"message":"GET / 200","@timestamp":"2026-01-01T00:00:01.000Z","status":"200"}');
    // The ledger still knows the record by the event's rid and event time.
    expect([r.rid, r.eventTimeMs]).toEqual([7, 1000]);
  });

  it('plain: one line, timestamp host message, with %{host} for a missing host; a reader gets it as message', () => {
    const r = new EncodedRec(event, PLAIN_CODEC);
    expect(r.valueText()).toBe('2026-01-01T00:00:01.000Z %{host} GET / 200');
    expect(r.fields).toEqual({ message: '2026-01-01T00:00:01.000Z %{host} GET / 200' });
    expect(recField(r, 'status')).toBeUndefined();
    expect(recField(r, '@metadata')).toBeUndefined();
  });

  it('Event#toString writes a host map as Java does, and drops the timestamp when there is none', () => {
    expect(eventToS({ rid: 1, eventTimeMs: 0, fields: { message: 'm', host: { name: 'web1' }, '@timestamp': 't' } })).toBe('t {name=web1} m');
    expect(eventToS({ rid: 1, eventTimeMs: 0, fields: {} })).toBe('%{host} %{message}');
  });

  it('plain { format } sprintfs the template on the event, which may read @metadata', () => {
    const codec = wireCodecOf({ plain: { format: '%{[@metadata][_id]} %{message}' } });
    expect(new EncodedRec(event, codec).fields).toEqual({ message: 'abc GET / 200' });
    expect(wireCodecOf('json')).toBe(JSON_CODEC);
    expect(wireCodecOf('plain')).toBe(PLAIN_CODEC);
  });
});

/** Filebeat (add_id) → Logstash → Kafka → a consumer app indexing under `document_id` into Elasticsearch. */
const pipeline = (o: { filter?: string; codec?: string; documentId: string }) => `
duration: 3s
drain: 30s
workload: { generator: access-log, rate: 50/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash, processors: [add_id] }
  logstash:
    type: logstash
    ${o.filter ?? ''}
    output:
      kafka: { node: kafka, topic_id: logs, acks: all${o.codec ? `, codec: ${o.codec}` : ''} }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, auto.offset.reset: earliest }
    output: { elasticsearch: { node: es, index: logs, document_id: "${o.documentId}" } }
  es: { type: elasticsearch }
`;

function run(yaml: string): RunHandle {
  const r = parseSpec(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return runSync(r.spec, {});
}

function docs(h: RunHandle): { id: string; fields: Record<string, unknown> }[] {
  const out: { id: string; fields: Record<string, unknown> }[] = [];
  (h.components.get('es') as ElasticsearchStore).documents('logs', (d) => out.push({ id: d.id, fields: d.record.fields as Record<string, unknown> }));
  return out;
}

describe('Logstash → Kafka → a consumer: @metadata does not cross Kafka', () => {
  it('json codec: the fields arrive, @metadata does not, so %{[@metadata][_id]} resolves to nothing and ids are automatic', () => {
    const d = docs(run(pipeline({ codec: 'json', documentId: '%{[@metadata][_id]}' })));
    expect(d).toHaveLength(150);
    for (const doc of d) {
      expect(doc.fields['@metadata']).toBeUndefined();
      expect(typeof doc.fields['message']).toBe('string');
    }
    // The same run with the id copied into a field shows Filebeat's ids: none of them became a document id here.
    const copied = docs(run(pipeline({ codec: 'json', filter: 'filter: [ { mutate: { add_field: { event_id: "%{[@metadata][_id]}" } } } ]', documentId: '%{[event_id]}' })));
    const filebeatIds = new Set(copied.map((x) => x.fields['event_id']));
    expect(filebeatIds.size).toBe(150);
    expect(d.filter((doc) => filebeatIds.has(doc.id))).toEqual([]);
  });

  it('the id copied into a field before the kafka output (json codec) becomes the document id', () => {
    const h = run(pipeline({ codec: 'json', filter: 'filter: [ { mutate: { add_field: { event_id: "%{[@metadata][_id]}" } } } ]', documentId: '%{[event_id]}' }));
    const d = docs(h);
    expect(d).toHaveLength(150);
    for (const doc of d) expect(doc.id).toBe(doc.fields['event_id']);
    expect(new Set(d.map((x) => x.id)).size).toBe(150);
  });

  it('plain codec (the default): the consumer gets one line per record as message, and no field the filter added', () => {
    const h = run(pipeline({ filter: 'filter: [ { mutate: { add_field: { event_id: "%{[@metadata][_id]}" } } } ]', documentId: '%{[event_id]}' }));
    const d = docs(h);
    expect(d).toHaveLength(150);
    for (const doc of d) {
      expect(Object.keys(doc.fields)).toEqual(['message']);
      expect(doc.fields['message']).toMatch(/^\d{4}-\d\d-\d\dT\S+Z %\{host\} \S+ /);
    }
    expect(d.some((x) => x.id === x.fields['event_id'])).toBe(false);
  });

  it('kafka-console-consumer prints the line for plain and the JSON for json', () => {
    const plain = runLine({ handle: run(pipeline({ documentId: 'x' })) }, 'kafka-console-consumer --topic logs --from-beginning --max-messages 1').text;
    expect(plain.split('\n')[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z %\{host\} \S+ /);
    const json = runLine({ handle: run(pipeline({ codec: 'json', documentId: 'x' })) }, 'kafka-console-consumer --topic logs --from-beginning --max-messages 1').text;
    const value = JSON.parse(json.split('\n')[0]!) as Record<string, unknown>;
    expect(value['message']).toEqual(expect.any(String));
    expect(value['@metadata']).toBeUndefined();
  });
});

describe('the kafka output codec in main.conf', () => {
  const codecOf = (codec: string) => {
    const r = checkLogstashPipeline(`output { kafka { topic_id => "logs" ${codec} } }`, 'main.conf');
    return { codec: r.compiled!.outputs.kafka!.codec, warnings: r.problems.list.filter((p) => p.severity === 'warning').map((p) => p.message) };
  };

  it('defaults to plain, as the plugin does (outputs/kafka.rb `default :codec, "plain"`)', () => {
    expect(codecOf('')).toEqual({ codec: 'plain', warnings: [] });
  });

  it('reads json, plain, and plain with a format; json_lines and line write the same bytes a record reader sees', () => {
    expect(codecOf('codec => json').codec).toBe('json');
    expect(codecOf('codec => "json"').codec).toBe('json');
    expect(codecOf('codec => plain').codec).toBe('plain');
    expect(codecOf('codec => plain { format => "%{message}" }').codec).toEqual({ plain: { format: '%{message}' } });
    expect(codecOf('codec => json_lines').codec).toBe('json');
    expect(codecOf('codec => line { format => "%{status}" }').codec).toEqual({ plain: { format: '%{status}' } });
  });

  it('warns about another codec and simulates it as json', () => {
    const r = codecOf('codec => avro { schema_uri => "/s.avsc" }');
    expect(r.codec).toBe('json');
    expect(r.warnings.join()).toMatch(/codec avro is valid but not simulated/);
  });

  it('says so in Korean too', () => {
    const r = checkLogstashPipeline('output { kafka { topic_id => "logs" codec => avro } }', 'main.conf');
    const warning = r.problems.list.find((p) => /codec avro/.test(p.message))!;
    expect(simCatalogue.untranslated(warning.message)).toEqual([]);
    expect(simCatalogue.untranslated(warning.hint!)).toEqual([]);
  });
});

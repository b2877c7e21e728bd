/** Plugin declarations: Logstash's refusals, real defaults, and the compile step to the internal Logstash node. */
import { describe, expect, it } from 'vitest';
import { checkLogstashPipeline, readLogstashYml } from '../../../simulator/config/logstash/index.js';
import { kafkaOutput } from '../../../simulator/config/logstash/plugins/outputs.js';
import { Problems } from '../../../simulator/config/shared/issues.js';
import { clientIdempotence } from '../../../simulator/nodes/logstash/kafka-producer-config.js';

const check = (text: string) => checkLogstashPipeline(text, 'p.conf');
const errors = (text: string) => check(text).problems.list.filter((p) => p.severity === 'error');
const warnings = (text: string) => check(text).problems.list.filter((p) => p.severity === 'warning');

describe('Logstash plugins: refused as Logstash refuses them', () => {
  it('the kafka output has no enable.idempotence (SEMANTICS-2 §1)', () => {
    expect(kafkaOutput.options['enable.idempotence']).toBeUndefined();
    const [e] = errors('output { kafka { topic_id => "t" "enable.idempotence" => true } }');
    expect(e).toMatchObject({ line: 1, column: 34, message: "Unknown setting 'enable.idempotence' for kafka" });
  });

  it('an unknown setting gets a guess', () => {
    const [e] = errors('input { beats { port => 5044 prot => 1 } }');
    expect(e).toMatchObject({ message: "Unknown setting 'prot' for beats", hint: "did you mean 'port'?" });
  });

  it('a missing required setting', () => {
    expect(errors('output { kafka { acks => "all" } }')[0]!.message).toBe('Missing a required setting for the kafka output plugin: topic_id');
    expect(errors('input { beats { } }')[0]!.message).toBe('Missing a required setting for the beats input plugin: port');
  });

  it('a value outside the allowed list, or of the wrong type', () => {
    expect(errors('output { kafka { topic_id => "t" acks => 2 } }')[0]!.message).toBe('Invalid setting for kafka output plugin: acks: Expected one of ["0","1","all"], got 2');
    expect(errors('input { beats { port => "fifty" } }')[0]!.message).toMatch(/Invalid setting for beats input plugin: port: Expected number/);
    expect(errors('filter { grok { break_on_match => maybe } }')[0]!.message).toMatch(/Expected boolean/);
    expect(errors('filter { grok { match => "x" } }')[0]!.message).toMatch(/Expected hash/);
  });

  it('an unknown plugin; a real one not simulated is a warning', () => {
    expect(errors('filter { grokk { } }')[0]).toMatchObject({ message: "Couldn't find any filter plugin named 'grokk'. Are you sure this is correct?", hint: "did you mean 'grok'?" });
    expect(errors('output { stdout { codec => rubydebug } }')).toEqual([]);
    expect(warnings('output { stdout { codec => rubydebug } }')[0]!.message).toMatch(/stdout output plugin is valid Logstash but not simulated/);
  });

  it('a negative retries is refused at register (kafka.rb)', () => {
    expect(errors('output { kafka { topic_id => "t" retries => -1 } }')[0]!.message).toMatch(/A negative retry count \(-1\) is not valid/);
  });

  it('numbers, booleans and lists are read the way mixin.rb reads them', () => {
    const r = check('filter { grok { match => { "message" => "%{WORD:w}" } break_on_match => "false" tag_on_failure => "_bad" } }');
    expect(r.problems.list).toEqual([]);
    expect(r.compiled!.filter[0]).toEqual({ grok: { match: { message: '%{WORD:w}' }, break_on_match: false, tag_on_failure: ['_bad'] } });
  });
});

describe('Logstash pipeline → internal Logstash node', () => {
  it('flattens if / else if / else into one condition per plugin', () => {
    const r = check('filter { if [a] == 1 { drop {} } else if [b] { mutate { add_tag => ["b"] } } else { if [c] { drop {} } } }');
    expect(r.compiled!.filter).toEqual([
      { drop: { if: '([a] == 1)' } },
      { mutate: { add_tag: ['b'], if: '!([a] == 1) and ([b])' } },
      { drop: { if: '!([a] == 1) and !([b]) and ([c])' } },
    ]);
  });

  it('reads the listening port and the outputs with their real defaults and units', () => {
    const r = check(`input { beats { port => 5045 } }
output {
  elasticsearch { hosts => ["https://es-1:9201"] document_id => "%{[@metadata][_id]}" }
  kafka { bootstrap_servers => "kafka-1:9092,kafka-2:9092" topic_id => "logs" acks => "all" }
  s3 { bucket => "archive" }
}`);
    const c = r.compiled!;
    expect(c.listeners).toMatchObject([{ plugin: 'beats', port: 5045 }]);
    expect(c.outputs.elasticsearch).toMatchObject({ hosts: [{ host: 'es-1', port: 9201 }], index: 'logstash-%{+yyyy.MM.dd}', document_id: '%{[@metadata][_id]}', action: 'index' });
    // linger_ms 5 since plugin 12.0.0; idempotence on: acks=all and retries unset (SEMANTICS-2 §1.2).
    expect(c.outputs.kafka).toMatchObject({ servers: [{ host: 'kafka-1', port: 9092 }, { host: 'kafka-2', port: 9092 }], acks: 'all', linger_ms: 5, batch_size: 16384 });
    // time_file is in minutes, default 15 (logstash-output-s3 4.4.1).
    expect(c.outputs.s3).toMatchObject({ bucket: 'archive', time_file: 15 });
  });

  it('the kafka client turns idempotence off when acks is not all or retries is 0', () => {
    const idempotent = (conf: string) => { const k = check(conf).compiled!.outputs.kafka!; return clientIdempotence(k.acks, k.retries); };
    expect(idempotent('output { kafka { topic_id => "t" } }')).toBe(false);
    expect(idempotent('output { kafka { topic_id => "t" acks => "all" retries => 0 } }')).toBe(false);
    expect(idempotent('output { kafka { topic_id => "t" acks => "all" } }')).toBe(true);
  });

  it('valid but unsimulated features are warnings, and left out', () => {
    const r = check('filter { fingerprint { source => "message" } if [a] == [b][c] and foo([x]) { drop {} } grok { match => { "message" => "%{X}" } pattern_definitions => { "X" => "x+" } } }');
    expect(r.problems.list.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.problems.list.map((p) => p.message).join('\n')).toMatch(/fingerprint filter plugin is valid but not simulated[\s\S]*condition around this drop is valid but not simulated[\s\S]*pattern_definitions is valid but not simulated/);
    expect(r.compiled!.filter.map((f) => Object.keys(f)[0])).toEqual(['grok']);
  });
});

describe('logstash.yml', () => {
  const read = (text: string) => {
    const p = new Problems('logstash.yml');
    return { settings: readLogstashYml(text, p), problems: p.list };
  };

  it('fills in Logstash 8 defaults (environment.rb)', () => {
    const { settings, problems } = read('');
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ 'queue.type': 'memory', 'pipeline.batch.size': 125, 'pipeline.batch.delay': 50, 'queue.checkpoint.writes': 1024, 'queue.checkpoint.interval': 1000, 'dead_letter_queue.enable': false, 'dead_letter_queue.max_bytes': 1024 ** 3 });
  });

  it('reads dotted and nested keys alike, byte sizes, and 0 = unlimited checkpoints', () => {
    const { settings, problems } = read('queue:\n  type: persisted\n  checkpoint.writes: 0\npipeline.workers: 4\ndead_letter_queue.max_bytes: 10mb\nqueue.max_bytes: 4gb\n');
    expect(settings).toMatchObject({ 'queue.type': 'persisted', 'queue.checkpoint.writes': 2 ** 31 - 1, 'pipeline.workers': 4, 'dead_letter_queue.max_bytes': 10 * 1024 ** 2 });
    expect(problems.map((p) => [p.severity, p.line, p.message])).toEqual([['warning', 6, '"queue.max_bytes" is valid but not simulated']]);
  });

  it('refuses unknown settings and bad values as Logstash does', () => {
    const { problems } = read('queue.typ: persisted\nqueue.type: disk\n');
    expect(problems[0]).toMatchObject({ line: 1, column: 1, message: 'Setting "queue.typ" doesn\'t exist. Please check if you haven\'t made a typo.', hint: 'did you mean "queue.type"?' });
    expect(problems[1]).toMatchObject({ line: 2, column: 13 });
    expect(problems[1]!.message).toMatch(/Failed to validate setting "queue.type" with value "disk"/);
  });
});

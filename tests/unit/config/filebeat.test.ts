/** filebeat.yml: the reference layout parses; Filebeat's own refusals are errors, unknown keys warnings. */
import { describe, expect, it } from 'vitest';
import { checkFilebeatYml } from '../../../simulator/config/filebeat/index.js';

const check = (text: string) => checkFilebeatYml(text, 'web1/filebeat.yml');
const errors = (text: string) => check(text).problems.list.filter((p) => p.severity === 'error');

// After filebeat/filebeat.reference.yml (8.15): the filestream and log input sections, the
// processors, the queue and the Logstash output, uncommented.
const REFERENCE = `
filebeat.inputs:
- type: filestream
  id: my-filestream-id
  enabled: true
  paths:
    - /var/log/*.log
  prospector.scanner.check_interval: 10s
  close.on_state_change.inactive: 5m
  parsers:
    - ndjson:
        target: ""
        message_key: msg

- type: log
  enabled: false
  paths:
    - /var/log/old/*.log
  scan_frequency: 10s

filebeat.registry.path: \${path.data}/registry
filebeat.registry.flush: 1s

processors:
  - add_host_metadata:
      when.not.contains.tags: forwarded
  - add_id: ~

queue.mem:
  events: 3200
  flush.min_events: 1600
  flush.timeout: 10s

output.logstash:
  enabled: true
  hosts: ["localhost:5044"]
  worker: 1
  compression_level: 3
  loadbalance: false
  pipelining: 2
  bulk_max_size: 2048
  slow_start: false
  backoff.init: 1s
  backoff.max: 60s
  timeout: 30s
`;

describe('filebeat.yml', () => {
  it('the reference layout parses and compiles with Filebeat 8.15 defaults', () => {
    const r = check(REFERENCE);
    expect(r.problems.list.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.compiled!.output).toMatchObject({ type: 'logstash', hosts: [{ host: 'localhost', port: 5044 }] });
    expect(r.compiled!.inputs).toHaveLength(1); // the log input is disabled
    expect(r.compiled!.beats).toEqual({
      'queue.mem.events': 3200,
      'filebeat.registry.flush': 1000,
      processors: ['add_id'],
      bulk_max_size: 2048,
      timeout: 30_000,
      'backoff.init': 1000,
      'backoff.max': 60_000,
      pipelining: 2,
      scan_frequency: 10_000,
      close_inactive: 300_000,
    });
    expect(r.problems.list.map((p) => p.message)).toContain('the add_host_metadata processor is valid but not simulated');
  });

  it('takes each output\'s own defaults: Elasticsearch bulk_max_size 1600, timeout 90s', () => {
    const r = check('filebeat.inputs:\n  - type: filestream\n    id: a\n    paths: [/var/log/a.log]\noutput.elasticsearch:\n  hosts: ["http://es:9200"]\n  index: web\n');
    expect(r.compiled!.beats).toMatchObject({ bulk_max_size: 1600, timeout: 90_000, index: 'web' });
    expect(r.compiled!.output).toMatchObject({ type: 'elasticsearch', hosts: [{ host: 'es', port: 9200 }] });
  });

  it('reads Go durations, and a bare number as seconds', () => {
    const r = check('filebeat.inputs:\n  - type: log\n    paths: [/a]\n    scan_frequency: 1m30s\noutput.logstash:\n  hosts: ["ls:5044"]\n  timeout: 5\n');
    expect(r.compiled!.beats).toMatchObject({ scan_frequency: 90_000, timeout: 5000 });
  });

  it('refuses two outputs, a missing output, no paths, an unknown processor', () => {
    expect(errors('output.logstash.hosts: ["a:5044"]\noutput.kafka.hosts: ["k:9092"]\n')[0]).toMatchObject({ line: 2, message: "more than one namespace configured accessing 'output'" });
    expect(errors('filebeat.inputs: []\n')[0]!.message).toMatch(/no outputs are defined/);
    expect(errors('filebeat.inputs:\n  - type: filestream\n    id: x\noutput.logstash.hosts: ["a:5044"]\n')[0]!.message).toBe('each input must have at least one path defined');
    expect(errors('processors:\n  - add_idd: ~\noutput.logstash.hosts: ["a:5044"]\n')[0]).toMatchObject({ line: 2, column: 5, message: 'the processor action add_idd does not exist', hint: 'did you mean add_id?' });
    expect(errors('processors:\n  - fingerprint: {}\noutput.logstash.hosts: ["a:5044"]\n')[0]!.message).toBe("missing required field accessing 'processors.fingerprint.fields'");
  });

  it('an id becomes the document _id only in `@metadata._id`: fingerprint writes `fingerprint` unless told otherwise', () => {
    const out = 'output.logstash.hosts: ["a:5044"]\n';
    const fp = (extra: string) => check(`processors:\n  - fingerprint:\n      fields: [message]\n${extra}${out}`);
    const plain = fp('');
    expect(plain.compiled!.beats.processors).toEqual([]);
    expect(plain.problems.list.find((p) => p.message.startsWith('the fingerprint'))).toMatchObject({ severity: 'warning', line: 2, message: 'the fingerprint processor writes its id to `fingerprint`, which the simulation leaves out: only an id in `@metadata._id` is simulated (it becomes the document _id)', hint: 'target_field: "@metadata._id"' });
    expect(fp('      target_field: "@metadata._id"\n').compiled!.beats.processors).toEqual(['fingerprint']);
    expect(check(`processors:\n  - add_id: ~\n${out}`).compiled!.beats.processors).toEqual(['add_id']);
    const elsewhere = check(`processors:\n  - add_id:\n      target_field: event_id\n${out}`);
    expect(elsewhere.compiled!.beats.processors).toEqual([]);
    expect(elsewhere.problems.list.some((p) => /^the add_id processor writes its id to `event_id`/.test(p.message))).toBe(true);
  });

  it('an unknown key is a warning with a guess (Filebeat ignores it); a bad value is an error', () => {
    const r = check('output.logstash:\n  hosts: ["a:5044"]\n  bulk_max_sise: 10\n  timeout: soon\n');
    expect(r.problems.list[0]).toMatchObject({ severity: 'warning', line: 3, message: 'Filebeat ignores unknown setting `output.logstash.bulk_max_sise`', hint: 'did you mean `output.logstash.bulk_max_size`?' });
    expect(r.problems.list[1]).toMatchObject({ severity: 'error', line: 4, column: 12 });
  });

  it('warns of filestream inputs without an id or sharing one', () => {
    const r = check('filebeat.inputs:\n  - type: filestream\n    paths: [/a]\n  - type: filestream\n    id: x\n    paths: [/b]\n  - type: filestream\n    id: x\n    paths: [/c]\noutput.logstash.hosts: ["a:5044"]\n');
    const messages = r.problems.list.map((p) => p.message).join('\n');
    expect(messages).toMatch(/without an `id`/);
    expect(messages).toMatch(/id 'x' is used twice/);
  });
});

describe('output.logstash with several hosts', () => {
  const yml = (extra: string) => `filebeat.inputs:
  - type: filestream
    id: a
    paths: [/var/log/a.log]
output.logstash:
  hosts: ["ls1:5044", "ls2:5044"]
${extra}`;

  it('loadbalance: true and worker reach the spec; the defaults add nothing', () => {
    expect(check(yml('  loadbalance: true\n  worker: 2\n')).compiled!.beats).toMatchObject({ loadbalance: true, worker: 2 });
    const plain = check(yml('  loadbalance: false\n  worker: 3\n')).compiled!.beats;
    expect(plain).not.toHaveProperty('loadbalance');
    expect(plain).not.toHaveProperty('worker');
    expect(check(yml('')).compiled!.output!.hosts.map((h) => h.host)).toEqual(['ls1', 'ls2']);
  });
});

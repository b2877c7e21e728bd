/** Workspaces: a folder of real files compiles to the internal spec, topology from the hosts in the files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { runCli, type CliIo } from '../../../simulator/cli/run-cli.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples/workspaces');
const example = () => readWorkspaceFolder(join(EXAMPLES, 'beats-logstash-es'));

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** Runs the workspace and its `.spec.yaml` equivalent; their --json output must be byte-identical. */
function sameRun(workspace: string): { outputs: Record<string, Record<string, unknown>> } {
  const [a, b] = [capture(), capture()];
  expect(runCli([join(EXAMPLES, workspace), '--json'], a)).toBe(0);
  expect(runCli([join(EXAMPLES, `${workspace}.spec.yaml`), '--json'], b)).toBe(0);
  expect(a.out).toBe(b.out);
  return JSON.parse(a.out) as { outputs: Record<string, Record<string, unknown>> };
}

const edit = (files: Map<string, string>, path: string, from: string | RegExp, to: string) => {
  const text = files.get(path)!;
  const next = text.replace(from, to);
  if (next === text) throw new Error(`no ${String(from)} in ${path}`);
  files.set(path, next);
  return files;
};

describe('the example workspace beats-logstash-es', () => {
  it('compiles to the same spec as its internal-spec equivalent', () => {
    const outcome = compileWorkspace(example());
    expect(outcome.ok ? outcome.warnings : outcome.errors).toEqual([]);
    const internal = parseSpec(readFileSync(join(EXAMPLES, 'beats-logstash-es.spec.yaml'), 'utf8'));
    expect(internal.ok).toBe(true);
    expect(outcome.ok && outcome.spec).toEqual(internal.ok && internal.spec);
  });

  it('runs end to end with byte-identical --json output', () => {
    const out = sameRun('beats-logstash-es');
    expect(out.outputs.elasticsearch).toMatchObject({ generated: 12000, exactlyOnce: 12000 });
  });
});

describe('the example workspace beats-logstash-kafka-es', () => {
  it('runs end to end with byte-identical --json output to its internal spec (a broker host crash included)', () => {
    const out = sameRun('beats-logstash-kafka-es');
    expect(out.outputs['kafka/logs']).toMatchObject({ generated: 12000, exactlyOnce: 12000, lost: 0 });
  });

  it('brokers, topics and the producer come from server.properties, topics.sh and the kafka output', () => {
    const files = readWorkspaceFolder(join(EXAMPLES, 'beats-logstash-kafka-es'));
    const outcome = compileWorkspace(files);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.spec.nodes.kafka).toMatchObject({ type: 'kafka', brokers: 3, 'min.insync.replicas': 2, topics: { logs: { partitions: 3, 'replication.factor': 3, 'retention.ms': 86_400_000 } } });
    expect(outcome.spec.nodes.logstash).toMatchObject({ output: { kafka: { node: 'kafka', topic_id: 'logs', acks: 'all', linger_ms: 5 } } });
    expect(outcome.spec.faults).toMatchObject([{ crash: 'kafka/broker-2' }]);
  });

  it('a replication factor above the brokers, a topic nobody may create, a broker nobody runs', () => {
    const files = readWorkspaceFolder(join(EXAMPLES, 'beats-logstash-kafka-es'));
    let outcome = compileWorkspace(edit(new Map(files), 'kafka-1/topics.sh', '--replication-factor 3', '--replication-factor 4'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'kafka-1/topics.sh', line: 3, message: 'Replication factor: 4 larger than available brokers: 3.' });
    const noAuto = edit(new Map(files), 'logstash/pipeline/main.conf', 'topic_id => "logs"', 'topic_id => "other"');
    for (const b of [1, 2, 3]) edit(noAuto, `kafka-${b}/server.properties`, 'log.retention.hours=24', 'log.retention.hours=24\nauto.create.topics.enable=false');
    outcome = compileWorkspace(noAuto);
    expect(!outcome.ok && outcome.errors[0]!.message).toBe('Topic other not present in metadata after 60000 ms.');
    outcome = compileWorkspace(edit(new Map(files), 'logstash/pipeline/main.conf', 'kafka-1:9092,kafka-2:9092', 'kafka-1:9092,kafka-4:9092'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'logstash/pipeline/main.conf', message: 'no host "kafka-4" in this workspace (kafka-4:9092)' });
  });
});

describe('log segments from topics.sh and server.properties', () => {
  const files = () => readWorkspaceFolder(join(EXAMPLES, 'beats-logstash-kafka-es'));
  const topic = (ws: Map<string, string>) => {
    const outcome = compileWorkspace(ws);
    if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('; '));
    const kafka = outcome.spec.nodes.kafka;
    return kafka?.type === 'kafka' ? kafka.topics.logs! : undefined;
  };

  it('a topic takes segment.ms and segment.bytes from --config, else the brokers\' log.roll.* and log.segment.bytes, else 7 days and 1 GiB', () => {
    expect(topic(files())).toMatchObject({ 'segment.ms': 604_800_000, 'segment.bytes': 1_073_741_824 });
    expect(topic(edit(files(), 'kafka-1/topics.sh', 'min.insync.replicas=2', 'min.insync.replicas=2 --config segment.ms=5000 --config segment.bytes=2097152'))).toMatchObject({ 'segment.ms': 5000, 'segment.bytes': 2_097_152 });
    const rolled = files();
    for (const b of [1, 2, 3]) edit(rolled, `kafka-${b}/server.properties`, 'log.retention.hours=24', 'log.retention.hours=24\nlog.roll.hours=1\nlog.segment.bytes=1048576');
    expect(topic(rolled)).toMatchObject({ 'segment.ms': 3_600_000, 'segment.bytes': 1_048_576 });
  });

  it('segment.bytes below 1 MiB is refused as Kafka 4.0 refuses it (KIP-1030), at its value', () => {
    const outcome = compileWorkspace(edit(files(), 'kafka-1/topics.sh', 'min.insync.replicas=2', 'min.insync.replicas=2 --config segment.bytes=1000'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'kafka-1/topics.sh', message: 'Invalid value 1000 for configuration segment.bytes: Value must be at least 1048576' });
  });
});

describe('topology from the files', () => {
  it('a host nobody runs is an error at that value', () => {
    const files = edit(example(), 'web1/filebeat.yml', 'logstash:5044', 'logstash-1:5044');
    const outcome = compileWorkspace(files, 'ws');
    expect(outcome.ok).toBe(false);
    const e = !outcome.ok && outcome.errors.find((i) => i.file === 'ws/web1/filebeat.yml');
    expect(e).toMatchObject({ line: 9, column: 10, message: 'no host "logstash-1" in this workspace (logstash-1:5044)', hint: 'did you mean "logstash"?' });
  });

  it('a port nobody listens on, and an output to the wrong kind of host', () => {
    let outcome = compileWorkspace(edit(example(), 'web2/filebeat.yml', 'logstash:5044', 'logstash:5045'));
    expect(!outcome.ok && outcome.errors[0]!.message).toBe('Logstash on logstash listens on port 5044, not 5045 (logstash:5045)');
    outcome = compileWorkspace(edit(example(), 'logstash/pipeline/main.conf', 'http://elasticsearch:9200', 'http://web1:9200'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'logstash/pipeline/main.conf', line: 23, message: 'web1 runs filebeat, not elasticsearch (http://web1:9200)' });
  });

  it('each server\'s Filebeat reads only the files written on that server', () => {
    const files = edit(example(), 'world.yaml', 'web2: [/var/log/apache2/access.log]', 'web2: [/var/log/nginx/access.log]');
    const outcome = compileWorkspace(files);
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'world.yaml', line: 13, message: 'no filebeat.inputs path in web2/filebeat.yml matches /var/log/nginx/access.log: nothing would ship it' });
    const unread = compileWorkspace(edit(example(), 'world.yaml', '    web2: [/var/log/apache2/access.log]', '    web2: [/var/log/apache2/access.log]\n    db1: [/var/log/mysql.log]'));
    expect(!unread.ok && unread.errors[0]!.message).toBe('logs are written on db1 but no Filebeat ships them');
  });

  it('two logs on one server make two harvested files; faults name hosts', () => {
    const files = edit(example(), 'world.yaml', 'web1: [/var/log/apache2/access.log]', 'web1: [/var/log/apache2/access.log, /var/log/apache2/access.log.1]');
    edit(files, 'world.yaml', 'faults: []', 'faults:\n  - { crash: logstash, at: 20s, restart-after: 5s }\n  - { link: web1->logstash, loss: 0.1 }');
    const outcome = compileWorkspace(files);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.spec.workload.files).toBe(3);
    expect(outcome.spec.faults).toMatchObject([{ crash: 'logstash' }, { link: 'filebeat->logstash' }]);
  });

  it('Filebeats with different settings are refused (the simulator runs them as one node)', () => {
    const outcome = compileWorkspace(edit(example(), 'web2/filebeat.yml', 'output.logstash:\n', 'queue.mem.events: 100\noutput.logstash:\n'));
    expect(!outcome.ok && outcome.errors[0]!.message).toMatch(/web2\/filebeat.yml differs from web1\/filebeat.yml in `queue.mem.events`/);
  });

  it('logstash.yml settings and index mappings reach the spec', () => {
    const files = edit(example(), 'logstash/logstash.yml', 'pipeline.workers: 2', 'pipeline.workers: 2\nqueue.type: persisted\nqueue.checkpoint.writes: 1');
    files.set('elasticsearch/logs.json', '{ "mappings": { "properties": { "status": { "type": "keyword" }, "bytes": { "type": "long" }, "ip": { "type": "ip" } } } }');
    const outcome = compileWorkspace(files);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.spec.nodes.logstash).toMatchObject({ 'queue.type': 'persisted', 'queue.checkpoint.writes': 1 });
    expect(outcome.spec.nodes.elasticsearch).toMatchObject({ mappings: { logs: { status: 'keyword', bytes: 'long' } } });
    expect(outcome.warnings.map((w) => w.message)).toContain('field type "ip" (ip) is valid but not simulated: the simulation accepts any value there');
  });

  it('a limit on a logstash.yml setting is marked at that setting\'s value, not at the top of the pipeline file', () => {
    const outcome = compileWorkspace(edit(example(), 'logstash/logstash.yml', 'pipeline.workers: 2', 'pipeline.workers: 10000'));
    const line = example().get('logstash/logstash.yml')!.split('\n').findIndex((l) => l.startsWith('pipeline.workers:')) + 1;
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'logstash/logstash.yml', line, column: 19, message: '10,000 pipeline workers; the limit is 256' });
  });

  it('world.yaml holds only the simulated world', () => {
    const outcome = compileWorkspace(edit(example(), 'world.yaml', 'seed: 1', 'seed: 1\nnodes: {}'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'world.yaml', line: 5, message: 'unknown key `nodes` in world.yaml' });
  });
});

describe('npm run sim -- check', () => {
  it('exit 0 for a valid file or folder (warnings allowed), 1 with errors, 2 for an unknown file kind', () => {
    let io = capture();
    expect(runCli(['check', join(EXAMPLES, 'beats-logstash-es')], io)).toBe(0);
    expect(io.out).toMatch(/: ok\n$/);
    io = capture();
    expect(runCli(['check', join(import.meta.dirname, '../../fixtures/logstash-corpus/01-apache-beats-es.conf')], io)).toBe(0);
    expect(io.err).toMatch(/01-apache-beats-es.conf:19:3: warning: the stdout output plugin/);
    io = capture();
    expect(runCli(['check', join(EXAMPLES, 'beats-logstash-es.spec.yaml')], io)).toBe(2);
  });

  it('prints file:line:col: message (hint) and exits 1 on errors', () => {
    const files = edit(example(), 'logstash/pipeline/main.conf', 'index => "logs"', 'index => "logs"\n    "enable.idempotence" => true');
    const outcome = compileWorkspace(files, 'ws');
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'ws/logstash/pipeline/main.conf', line: 25, column: 5, message: "Unknown setting 'enable.idempotence' for elasticsearch" });
    const io = capture();
    expect(runCli(['check', join(import.meta.dirname, '../../fixtures/logstash-bad.conf')], io)).toBe(1);
    expect(io.err).toMatch(/logstash-bad.conf:3:15: Expected one of .*"=>" at line 3, column 15/);
  });
});

describe('Filebeat straight to Kafka or Elasticsearch', () => {
  const kafkaFiles = () => readWorkspaceFolder(join(EXAMPLES, 'beats-logstash-kafka-es'));
  it('output.kafka names broker hosts; the topic is created on first use', () => {
    const files = kafkaFiles();
    for (const web of ['web1', 'web2']) edit(files, `${web}/filebeat.yml`, /output\.logstash:\n {2}hosts: \["logstash:5044"\]/, 'output.kafka:\n  hosts: ["kafka-1:9092", "kafka-3:9092"]\n  topic: raw');
    const outcome = compileWorkspace(files);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.spec.nodes.filebeat).toMatchObject({ output: 'kafka', topic: 'raw', bulk_max_size: 2048 });
    expect((outcome.spec.nodes.kafka as { topics: Record<string, unknown> }).topics.raw).toMatchObject({ partitions: 1, 'replication.factor': 1 });
    expect(outcome.warnings.map((w) => w.message)).toContain('topic raw is not created in topics.sh: the broker creates it on first use with num.partitions=1 and default.replication.factor=1');
  });

  it('output.elasticsearch names an Elasticsearch host', () => {
    const files = example();
    for (const web of ['web1', 'web2']) edit(files, `${web}/filebeat.yml`, /output\.logstash:\n {2}hosts: \["logstash:5044"\]/, 'output.elasticsearch:\n  hosts: ["http://elasticsearch:9200"]\n  index: logs');
    const outcome = compileWorkspace(files);
    expect(outcome.ok && outcome.spec.nodes.filebeat).toMatchObject({ output: 'elasticsearch', index: 'logs', bulk_max_size: 1600, timeout: 90_000 });
  });
});

describe('world.yaml and Filebeat agree', () => {
  it('a Filebeat with no log files written for it is refused', () => {
    const files = edit(example(), 'world.yaml', /  logs:[\s\S]*?faults/, 'faults');
    const outcome = compileWorkspace(files);
    expect(!outcome.ok && outcome.errors.map((e) => e.message)).toContain('Filebeat runs, but world.yaml writes no log files for it to read');
  });
});

describe('workspaces with Flink and Kafka client apps', () => {
  const flinkExample = () => readWorkspaceFolder(join(EXAMPLES, 'kafka-flink-exactly-once'));

  it('kafka-flink-exactly-once: byte-identical --json to its internal spec; read_committed sees each record once across the crash', () => {
    const out = sameRun('kafka-flink-exactly-once');
    expect(out.outputs.elasticsearch).toMatchObject({ generated: 2000, exactlyOnce: 2000, duplicated: 0, lost: 0 });
  });

  it('logstash-flink-windows: byte-identical --json to its internal spec', () => {
    const out = sameRun('logstash-flink-windows');
    expect(out.outputs.elasticsearch).toMatchObject({ generated: 6000 });
  });

  it('the Flink node and the consumer app come from config.yaml, job.sql, consumer.properties and app.yaml', () => {
    const outcome = compileWorkspace(flinkExample());
    expect(outcome.ok ? outcome.warnings : outcome.errors).toEqual([]);
    if (!outcome.ok) return;
    expect(outcome.spec.nodes.relay).toMatchObject({ type: 'flink', 'execution.checkpointing.interval': 5000, 'restart-strategy': { type: 'fixed-delay', delay: 1000, attempts: 3 }, sink: { kafka: { node: 'kafka', topic: 'out', 'delivery-guarantee': 'exactly-once', 'transactional-id-prefix': 'relay', 'transaction.timeout.ms': 300_000 } } });
    expect(outcome.spec.nodes.copier).toMatchObject({ type: 'consumer', source: { topic: 'out', 'group.id': 'copier', 'isolation.level': 'read_committed', 'enable.auto.commit': false }, commit: 'after-processing', output: { elasticsearch: { node: 'elasticsearch', index: 'copies' } } });
  });

  it('a bootstrap server or an Elasticsearch host nobody runs is an error at that file:line:col', () => {
    let outcome = compileWorkspace(edit(flinkExample(), 'relay/job.sql', "'properties.bootstrap.servers' = 'kafka:9092',\n  'properties.group.id'", "'properties.bootstrap.servers' = 'kafka-9:9092',\n  'properties.group.id'"));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'relay/job.sql', line: 11, column: 36, message: 'no host "kafka-9" in this workspace (kafka-9:9092)', hint: 'did you mean "kafka"?' });
    const windows = readWorkspaceFolder(join(EXAMPLES, 'logstash-flink-windows'));
    outcome = compileWorkspace(edit(windows, 'counter/job.sql', 'http://elasticsearch:9200', 'http://logstash:9200'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'counter/job.sql', line: 28, column: 13, message: 'logstash runs logstash, not elasticsearch (http://logstash:9200)' });
    outcome = compileWorkspace(edit(flinkExample(), 'copier/consumer.properties', 'bootstrap.servers=kafka:9092', 'bootstrap.servers=kafak:9092'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'copier/consumer.properties', line: 2, column: 19, hint: 'did you mean "kafka"?' });
  });

  it('a source topic nobody creates or writes fails the Flink job at start', () => {
    const outcome = compileWorkspace(edit(flinkExample(), 'relay/job.sql', "'topic' = 'logs'", "'topic' = 'logz'"));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ file: 'relay/job.sql', line: 10, message: expect.stringMatching(/topic 'logz' does not exist/) });
  });

  it('a job the simulator cannot run is refused in the workspace, with the warning that says why', () => {
    const outcome = compileWorkspace(edit(flinkExample(), 'relay/job.sql', 'INSERT INTO `out` SELECT * FROM logs;', 'INSERT INTO `out` SELECT * FROM logs UNION ALL SELECT * FROM logs;'));
    expect(!outcome.ok && outcome.errors[0]!.message).toMatch(/cannot run this job/);
    expect(outcome.warnings.some((w) => w.file === 'relay/job.sql' && /not simulated/.test(w.message))).toBe(true);
  });

  it('consumer.properties: unknown keys are logged by the client (warning), bad values and a missing group.id refused', () => {
    let outcome = compileWorkspace(edit(flinkExample(), 'copier/consumer.properties', 'enable.auto.commit=false', 'enable.auto.commit=false\nenable.auto.comit=true'));
    expect(outcome.warnings.find((w) => w.file === 'copier/consumer.properties')).toMatchObject({ line: 7, message: "The configuration 'enable.auto.comit' was supplied but isn't a known config.", hint: expect.stringMatching(/did you mean 'enable.auto.commit'/) });
    outcome = compileWorkspace(edit(flinkExample(), 'copier/consumer.properties', 'isolation.level=read_committed', 'isolation.level=committed'));
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({ line: 5, column: 17, message: 'Invalid value committed for configuration isolation.level: String must be one of: read_uncommitted, read_committed' });
    outcome = compileWorkspace(edit(flinkExample(), 'copier/consumer.properties', 'group.id=copier\n', ''));
    expect(!outcome.ok && outcome.errors[0]!.message).toMatch(/must provide a valid group.id/);
  });

  it('check accepts .sql, config.yaml and client .properties files', () => {
    for (const file of ['relay/job.sql', 'relay/config.yaml', 'copier/consumer.properties', 'copier/app.yaml']) {
      const io = capture();
      expect(runCli(['check', join(EXAMPLES, 'kafka-flink-exactly-once', file)], io)).toBe(0);
    }
    const io = capture();
    const bad = join(import.meta.dirname, '../../fixtures/flink/bad-option.sql');
    expect(runCli(['check', bad], io)).toBe(1);
    expect(io.err).toMatch(/bad-option.sql:9:3: Unsupported options found for 'kafka': 'scan.startup-mode' \(did you mean 'scan.startup.mode'\?\)/);
  });
});

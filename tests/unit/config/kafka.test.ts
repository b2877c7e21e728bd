/** Kafka's real files: server.properties (Kafka 4.0 broker configs), kafka-topics.sh lines, client .properties. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerProperties, retentionMs } from '../../../simulator/config/kafka/broker.js';
import { readTopicsScript } from '../../../simulator/config/kafka/topics.js';
import { checkConsumerProperties, checkProducerProperties } from '../../../simulator/config/workspace/apps.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { Problems } from '../../../simulator/config/shared/issues.js';

// config/kraft/server.properties as shipped with Kafka (excerpt), plus cluster settings.
const SERVER = `############################# Server Basics #############################
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:9093
listeners=PLAINTEXT://:9092,CONTROLLER://:9093
inter.broker.listener.name=PLAINTEXT
advertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL
num.network.threads=3
num.io.threads=8
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600
log.dirs=/tmp/kraft-combined-logs
num.partitions=1
num.recovery.threads.per.data.dir=1
offsets.topic.replication.factor=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
`;

describe('server.properties', () => {
  it('the shipped KRaft file reads with Kafka\'s defaults for what it leaves out', () => {
    const p = new Problems('server.properties');
    const { cluster } = readServerProperties(SERVER, p);
    expect(p.list.filter((i) => i.severity === 'error')).toEqual([]);
    expect(cluster).toMatchObject({ 'min.insync.replicas': 1, 'unclean.leader.election.enable': false, 'replica.lag.time.max.ms': 30000, 'auto.create.topics.enable': true, 'default.replication.factor': 1 });
    expect(retentionMs(cluster)).toBe(7 * 24 * 3_600_000);
  });

  it('log.retention.ms wins over .minutes and .hours; times are milliseconds', () => {
    const p = new Problems('s');
    expect(retentionMs(readServerProperties('log.retention.hours=1\nlog.retention.minutes=30\n', p).cluster)).toBe(30 * 60_000);
    expect(retentionMs(readServerProperties('log.retention.minutes=30\nlog.retention.ms=5000\n', p).cluster)).toBe(5000);
  });

  it('an unknown key is Kafka\'s warning; a bad value an error, located', () => {
    const p = new Problems('server.properties');
    readServerProperties('min.insync.replica=2\nreplica.lag.time.max.ms = 30s\n', p);
    expect(p.list[0]).toMatchObject({ severity: 'warning', line: 1, column: 1, message: "The configuration 'min.insync.replica' was supplied but isn't a known config.", hint: "did you mean 'min.insync.replicas'?" });
    expect(p.list[1]).toMatchObject({ severity: 'error', line: 2, column: 27, message: 'Invalid value 30s for configuration replica.lag.time.max.ms: Not a number of type LONG' });
  });
});

describe('topics.sh', () => {
  const read = (text: string) => {
    const p = new Problems('topics.sh');
    return { commands: readTopicsScript(text, p), problems: p.list };
  };

  it('reads --create lines as the quickstart writes them, with continuations, quotes and --config', () => {
    const { commands, problems } = read(`#!/bin/bash
set -euo pipefail
bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092
kafka-topics.sh --bootstrap-server kafka-1:9092 --create --topic 'logs' \\
  --partitions 3 --replication-factor 2 \\
  --config retention.ms=86400000 --config "cleanup.policy=delete"
`);
    expect(problems).toEqual([]);
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatchObject({ topic: 'quickstart-events', bootstrap: { text: 'localhost:9092' } });
    expect(commands[1]).toMatchObject({ topic: 'logs', partitions: 3, replicationFactor: 2, loc: { line: 4 } });
    expect(Object.fromEntries([...commands[1]!.configs].map(([k, v]) => [k, v.value]))).toEqual({ 'retention.ms': '86400000', 'cleanup.policy': 'delete' });
  });

  it('refuses what kafka-topics.sh refuses, in its words', () => {
    expect(read('kafka-topics.sh --create --topic t --bootstrap-server k:9092 --partition 3').problems[0]).toMatchObject({ line: 1, column: 62, message: 'partition is not a recognized option', hint: 'did you mean --partitions?' });
    expect(read('kafka-topics.sh --create --bootstrap-server k:9092').problems[0]!.message).toBe('Missing required argument "[topic]"');
    expect(read('kafka-topics.sh --create --topic t --bootstrap-server k:9092 --config retention=1').problems[0]!.message).toBe('Unknown topic config name: retention');
    expect(read('kafka-topics.sh --create --topic t --bootstrap-server k:9092 --partitions 0').problems[0]!.message).toBe('The partitions must be greater than 0');
    expect(read('kafka-topics.sh --create --topic t --bootstrap-server k:9092 --partitions').problems[0]!.message).toBe('Option --partitions requires an argument');
  });

  it('other commands and configs are valid but not simulated', () => {
    const { commands, problems } = read('kafka-topics.sh --describe --topic t --bootstrap-server k:9092\nkafka-topics.sh --create --topic u --bootstrap-server k:9092 --config segment.jitter.ms=1000\necho done');
    expect(commands.map((c) => c.topic)).toEqual(['u']);
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'warning', 'warning']);
  });
});

describe('client .properties: ConfigDef\'s validators and the producer\'s idempotence rules (Kafka 4.0)', () => {
  const errors = (check: typeof checkConsumerProperties, text: string) => {
    const p = new Problems('client.properties');
    check(`bootstrap.servers=kafka:9092\n${text}`, p);
    return p.list.filter((i) => i.severity === 'error').map((i) => ({ line: i.line, message: i.message }));
  };

  it('numbers below atLeast(n) are refused at their value; choices compare exactly unless Kafka ignores case', () => {
    expect(errors(checkConsumerProperties, 'max.poll.records=0')).toEqual([{ line: 2, message: 'Invalid value 0 for configuration max.poll.records: Value must be at least 1' }]);
    expect(errors(checkConsumerProperties, 'isolation.level=READ_COMMITTED')).toEqual([{ line: 2, message: 'Invalid value READ_COMMITTED for configuration isolation.level: String must be one of: read_uncommitted, read_committed' }]);
    const p = new Problems('c');
    const settings = checkConsumerProperties('bootstrap.servers=k:9092\nauto.offset.reset=EARLIEST\nsecurity.protocol=plaintext\n', p);
    expect(p.list.filter((i) => i.severity === 'error')).toEqual([]);
    expect(settings.values.get('auto.offset.reset')?.value).toBe('earliest');
    expect(errors(checkProducerProperties, 'acks=ALL')).toEqual([{ line: 2, message: 'Invalid value ALL for configuration acks: String must be one of: all, -1, 0, 1' }]);
  });

  it('a heartbeat no shorter than the session is refused', () => {
    expect(errors(checkConsumerProperties, 'session.timeout.ms=10000\nheartbeat.interval.ms=10000')).toEqual([{ line: 3, message: 'Heartbeat must be set lower than the session timeout' }]);
    expect(errors(checkConsumerProperties, 'session.timeout.ms=10000')).toEqual([]);
  });

  it('acks or retries that conflict with idempotence turn it off quietly, unless enable.idempotence=true is written', () => {
    expect(errors(checkProducerProperties, 'acks=1')).toEqual([]);
    expect(errors(checkProducerProperties, 'retries=0')).toEqual([]);
    expect(errors(checkProducerProperties, 'enable.idempotence=true\nacks=1')).toEqual([{ line: 3, message: 'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.' }]);
    expect(errors(checkProducerProperties, 'enable.idempotence=true\nretries=0')).toEqual([{ line: 3, message: 'Must set retries to non-zero when using the idempotent producer.' }]);
  });

  it('more than 5 requests in flight are refused while idempotence is on, written or by default', () => {
    const tooMany = 'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.';
    expect(errors(checkProducerProperties, 'max.in.flight.requests.per.connection=6')).toEqual([{ line: 2, message: tooMany }]);
    expect(errors(checkProducerProperties, 'acks=1\nmax.in.flight.requests.per.connection=6')).toEqual([{ line: 3, message: tooMany }]);
    expect(errors(checkProducerProperties, 'enable.idempotence=false\nmax.in.flight.requests.per.connection=6')).toEqual([]);
  });

  it('a transactional.id needs idempotence still on; delivery.timeout.ms written below linger.ms + request.timeout.ms is refused', () => {
    const tx = 'Cannot set a transactional.id without also enabling idempotence.';
    expect(errors(checkProducerProperties, 'transactional.id=relay\nacks=1')).toEqual([{ line: 2, message: tx }]);
    expect(errors(checkProducerProperties, 'transactional.id=relay\nenable.idempotence=false')).toEqual([{ line: 3, message: tx }]);
    expect(errors(checkProducerProperties, 'transactional.id=relay')).toEqual([]);
    expect(errors(checkProducerProperties, 'delivery.timeout.ms=30000')).toEqual([{ line: 2, message: 'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms' }]);
    expect(errors(checkProducerProperties, 'request.timeout.ms=200000')).toEqual([]);
  });
});

describe('a workspace refuses what the brokers refuse', () => {
  const example = () => readWorkspaceFolder(join(import.meta.dirname, '../../../examples/workspaces/kafka-flink-exactly-once'));
  const errorsAfter = (path: string, from: string, to: string) => {
    const files = example();
    files.set(path, files.get(path)!.replace(from, to));
    const outcome = compileWorkspace(files);
    return outcome.ok ? [] : outcome.errors.map((e) => ({ file: e.file, message: e.message }));
  };

  it('a consumer\'s session.timeout.ms outside group.min/max.session.timeout.ms', () => {
    expect(errorsAfter('copier/consumer.properties', 'group.id=copier', 'group.id=copier\nsession.timeout.ms=5000\nheartbeat.interval.ms=1000')).toEqual([
      { file: 'copier/consumer.properties', message: 'The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).' },
    ]);
    expect(errorsAfter('kafka/server.properties', 'node.id=1', 'node.id=1\ngroup.min.session.timeout.ms=1000')).toEqual([]);
  });

  it('topic and broker settings below their least value', () => {
    expect(errorsAfter('kafka/topics.sh', '--topic out --partitions 1 --replication-factor 1', '--topic out --partitions 1 --replication-factor 1 --config retention.ms=-2')).toEqual([
      { file: 'kafka/topics.sh', message: 'Invalid value -2 for configuration retention.ms: Value must be at least -1' },
    ]);
    expect(errorsAfter('kafka/topics.sh', '--topic out --partitions 1 --replication-factor 1', '--topic out --partitions 1 --replication-factor 1 --config min.insync.replicas=0')).toEqual([
      { file: 'kafka/topics.sh', message: 'Invalid value 0 for configuration min.insync.replicas: Value must be at least 1' },
    ]);
    expect(errorsAfter('kafka/server.properties', 'node.id=1', 'node.id=1\nmin.insync.replicas=0')).toEqual([
      { file: 'kafka/server.properties', message: 'Invalid value 0 for configuration min.insync.replicas: Value must be at least 1' },
    ]);
  });
});

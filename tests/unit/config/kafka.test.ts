/** Kafka's real files: server.properties (Kafka 4.0 broker configs) and kafka-topics.sh lines. */
import { describe, expect, it } from 'vitest';
import { readServerProperties, retentionMs } from '../../../simulator/config/kafka/broker.js';
import { readTopicsScript } from '../../../simulator/config/kafka/topics.js';
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
    const { commands, problems } = read('kafka-topics.sh --describe --topic t --bootstrap-server k:9092\nkafka-topics.sh --create --topic u --bootstrap-server k:9092 --config segment.bytes=1048576\necho done');
    expect(commands.map((c) => c.topic)).toEqual(['u']);
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'warning', 'warning']);
  });
});

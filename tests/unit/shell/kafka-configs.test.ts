/**
 * `kafka-configs --describe / --alter` for topics and brokers: the real tool's header and
 * `name=value sensitive=false synonyms={…}` lines, sources in Kafka's order (the spec's topic settings
 * are dynamic topic configs, its cluster settings static broker configs), and --alter changing the
 * terminal session's view that --describe shows afterwards.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { RunHandle } from '../../../simulator/run/run.js';
import { runSpec, terminal as over } from './fixtures.js';

const PIPELINE = `
duration: 2s
workload: { generator: access-log, rate: 10/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs }
  kafka: { type: kafka, brokers: 3, min.insync.replicas: 2, topics: { logs: { partitions: 2, replication.factor: 3, retention.ms: 1h } } }
`;

let handle: RunHandle;
beforeAll(() => {
  handle = runSpec(PIPELINE);
});

const terminal = () => over(handle);

describe('kafka-configs --describe', () => {
  it("lists a topic's dynamic configs: what the spec set on the topic", () => {
    expect(terminal()('kafka-configs --bootstrap-server localhost:9092 --entity-type topics --entity-name logs --describe')).toEqual({
      text: 'Dynamic configs for topic logs are:\n  retention.ms=3600000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=3600000, DEFAULT_CONFIG:log.retention.hours=168}',
      status: 0,
    });
  });

  it('--all adds inherited values with their synonyms: static broker configs before defaults', () => {
    const lines = terminal()('kafka-configs --entity-type topics --entity-name logs --describe --all').text.split('\n');
    expect(lines[0]).toBe('All configs for topic logs are:');
    expect(lines).toContain('  min.insync.replicas=2 sensitive=false synonyms={STATIC_BROKER_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}');
    expect(lines).toContain('  cleanup.policy=delete sensitive=false synonyms={DEFAULT_CONFIG:log.cleanup.policy=delete}');
  });

  it('brokers: one block per broker and the cluster default, none dynamic in a fresh run', () => {
    expect(terminal()('kafka-configs --entity-type brokers --describe').text).toBe(
      ['Dynamic configs for broker 1 are:', 'Dynamic configs for broker 2 are:', 'Dynamic configs for broker 3 are:', 'Default configs for brokers in the cluster are:'].join('\n'),
    );
    expect(terminal()('kafka-configs --entity-type brokers --entity-name 9 --describe').status).toBe(1);
    expect(terminal()('kafka-configs --entity-type topics --entity-name nope --describe').text).toContain("UnknownTopicOrPartitionException: The topic 'nope' does not exist.");
  });
});

describe('kafka-configs --alter', () => {
  it('adds and deletes topic configs in the session; --describe shows them afterwards', () => {
    const sh = terminal();
    expect(sh('kafka-configs --entity-type topics --entity-name logs --alter --add-config max.message.bytes=128000,cleanup.policy=[compact,delete] --delete-config retention.ms')).toMatchObject({
      text: 'Completed updating config for topic logs.',
      status: 0,
    });
    expect(sh('kafka-configs --topic logs --describe').text).toBe(
      [
        'Dynamic configs for topic logs are:',
        '  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete}',
        '  max.message.bytes=128000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:max.message.bytes=128000}',
      ].join('\n'),
    );
    // The deleted retention.ms falls back to the broker's 168 hours.
    expect(sh('kafka-configs --topic logs --describe --all').text).toContain('  retention.ms=604800000 sensitive=false synonyms={DEFAULT_CONFIG:log.retention.hours=168}');
  });

  it('a cluster-wide broker default comes before the static value in every synonym list', () => {
    const sh = terminal();
    expect(sh('kafka-configs --entity-type brokers --entity-default --alter --add-config min.insync.replicas=3').text).toBe('Completed updating default config for brokers in the cluster.');
    expect(sh('kafka-configs --entity-type topics --entity-name logs --describe --all').text).toContain(
      '  min.insync.replicas=3 sensitive=false synonyms={DYNAMIC_DEFAULT_BROKER_CONFIG:min.insync.replicas=3, STATIC_BROKER_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}',
    );
  });

  it('refuses what the broker refuses: unknown topic configs, read-only broker configs, deleting what is not set', () => {
    const sh = terminal();
    expect(sh('kafka-configs --entity-type topics --entity-name logs --alter --add-config foo=1').text).toContain('InvalidConfigurationException: Unknown topic config name: foo');
    expect(sh('kafka-configs --broker 1 --alter --add-config replica.lag.time.max.ms=5').text).toContain('Cannot update these configs dynamically: Set(replica.lag.time.max.ms)');
    expect(sh('kafka-configs --entity-type topics --entity-name logs --alter --delete-config segment.ms').text).toContain('Invalid config(s): segment.ms');
    expect(sh('kafka-configs --entity-type topics --entity-name logs --describe').text).toBe('Dynamic configs for topic logs are:\n  retention.ms=3600000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=3600000, DEFAULT_CONFIG:log.retention.hours=168}');
  });

  it('says in its help that --alter does not re-run the pipeline; help lists the command', () => {
    expect(terminal()('help kafka-configs').text).toMatch(/not the run: the pipeline\s+is not run again/);
    expect(terminal()('help').text).toContain('kafka-configs');
  });
});

describe('kafka-topics --describe and kafka-configs agree', () => {
  it("Configs: lists what is not a Kafka default, including this terminal's --alter", () => {
    const sh = terminal();
    const configsOf = () => /\tConfigs: (.*)$/m.exec(sh('kafka-topics --describe --topic logs').text)?.[1];
    // retention.ms set on the topic, min.insync.replicas inherited from the brokers' static config.
    expect(configsOf()).toBe('min.insync.replicas=2,retention.ms=3600000');
    sh('kafka-configs --entity-type topics --entity-name logs --alter --add-config cleanup.policy=compact');
    expect(configsOf()).toBe('cleanup.policy=compact,min.insync.replicas=2,retention.ms=3600000');
  });
});

/**
 * The terminal shell over small real runs: each command prints what the real tool would, read
 * from the run's components (Kafka cluster, Elasticsearch store), the log and the ledger.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { RunHandle } from '../../../simulator/run/run.js';
import { runLine, complete } from '../../../simulator/shell/index.js';
import { kafkaPipeline, runSpec } from './fixtures.js';

const KAFKA_PIPELINE = kafkaPipeline({ drain: '30s', faults: '[{ crash: indexer, at: 2s, restart-after: 1s }]' });
const run = runSpec;

let handle: RunHandle;
beforeAll(() => {
  handle = run(KAFKA_PIPELINE, 'all');
});

const sh = (line: string) => runLine({ handle }, line);

describe('shell basics', () => {
  it('lists every command in help and rejects unknown ones with status 127', () => {
    const help = sh('help').text;
    for (const c of ['kafka-topics', 'kafka-console-consumer', 'kafka-consumer-groups', 'kafka-configs', 'curl', 'tail', 'trace', 'faults', 'ledger', 'sim run']) expect(help).toContain(c);
    expect(sh('ls')).toMatchObject({ status: 127 });
    expect(sh(`curl 'localhost`)).toMatchObject({ status: 2 });
  });
  it('says there is no run yet instead of failing', () => {
    expect(runLine({ handle: undefined }, 'ledger').text).toMatch(/no run yet/);
  });
  it('asks the host to run for `sim run`', () => {
    expect(sh('sim run').action).toEqual({ kind: 'run' });
  });
});

describe('Kafka tools', () => {
  it('kafka-topics --describe prints partitions with leader, replicas and ISR', () => {
    const out = sh('kafka-topics --describe --topic logs').text;
    expect(out).toMatch(/^Topic: logs\tTopicId: \S+\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: /);
    expect(out.split('\n').filter((l) => /^\tTopic: logs\tPartition: \d\tLeader: \d\tReplicas: [\d,]+\tIsr: [\d,]+/.test(l))).toHaveLength(3);
    expect(sh('kafka-topics --describe --topic nope').text).toContain("Topic 'nope' does not exist");
  });
  it('kafka-console-consumer prints at most --max-messages records and the total', () => {
    const out = sh('kafka-console-consumer --topic logs --from-beginning --max-messages 3 --property print.offset=true').text.split('\n');
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(/^Offset:0\t\{"message":/);
    expect(out[3]).toBe('Processed a total of 3 messages');
    expect(sh('kafka-console-consumer --topic logs').text).toMatch(/^Processed a total of 0 messages/);
  });
  it('kafka-consumer-groups shows committed offsets, log end and lag per partition', () => {
    const out = sh('kafka-consumer-groups --describe --group indexer').text;
    expect(out).toMatch(/GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG/);
    const rows = out.split('\n').filter((l) => l.startsWith('indexer '));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [, , , current, end, lag] = row.split(/\s+/);
      if (current !== '-') expect(Number(end) - Number(current)).toBe(Number(lag));
    }
    expect(sh('kafka-consumer-groups --describe --group ghost').text).toContain("Consumer group 'ghost' does not exist");
  });
});

describe('curl against Elasticsearch', () => {
  it('_count equals the documents the ledger reports for the index', () => {
    const body = JSON.parse(sh('curl localhost:9200/logs/_count').text) as { count: number };
    expect(body.count).toBe(handle.result.outputs['es']!.documents);
  });
  it('_search?q= filters by field and returns ES-shaped hits', () => {
    const body = JSON.parse(sh(`curl -s 'localhost:9200/logs/_search?q=status:200&size=2'`).text) as { hits: { total: { value: number }; hits: { _source: { status: string } }[] } };
    expect(body.hits.hits.length).toBeLessThanOrEqual(2);
    for (const hit of body.hits.hits) expect(hit._source.status).toBe('200');
    expect(body.hits.total.value).toBeGreaterThan(0);
    expect(JSON.parse(sh('curl localhost:9200/missing/_count').text)).toMatchObject({ status: 404 });
  });
});

describe('logs, faults, ledger, trace', () => {
  it('tail shows the last lines of an app log and a node log', () => {
    const lines = sh('tail -n 2 /var/log/app/access-0.log').text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(handle.workload.line(handle.workload.ridOf(0, handle.workload.linesWrittenBy(0, handle.result.simulatedMs) - 1)).text);
    expect(sh('tail /var/log/indexer.log').text).toMatch(/\[T\+2\.000s\]\[ERROR\]\[indexer\] process crashed/);
    expect(sh('tail /etc/passwd').text).toContain('No such file or directory');
  });
  it('tail on an empty log says it is empty instead of printing nothing', () => {
    // Nothing in this run logs as es: silence would read as a broken command.
    expect(sh('tail /var/log/es.log')).toEqual({ text: '(/var/log/es.log is empty: nothing was written to it in this run)', status: 0 });
    expect(sh('tail -n 0 /var/log/indexer.log').text).toBe('');
  });
  it('faults lists the schedule and what happened', () => {
    const out = sh('faults').text;
    expect(out).toMatch(/crash\s+indexer\s+at 2s, restarts after 1s/);
    expect(out).toMatch(/T\+3\.000s\s+indexer\s+process restarted/);
  });
  it('ledger adds up per output', () => {
    const lines = sh('ledger').text.split('\n');
    const column = lines[0]!.split(/\s+/).indexOf('es');
    const value = (fate: string) => Number(lines.find((l) => l.startsWith(`${fate} `))!.split(/\s+/)[column]);
    const parts = ['EXACTLY-ONCE', 'DUPLICATED', 'LOST', 'FILTERED', 'LATE', 'LATE-SIDE-OUTPUT', 'DEAD-LETTERED', 'IN-FLIGHT'].map(value);
    expect(column).toBeGreaterThan(0);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(value('GENERATED'));
  });
  it('trace prints a traced record hop by hop with its fate', () => {
    const out = sh('trace access-0.log:3').text;
    expect(out).toMatch(/^record access-0\.log:3 \(rid 4\)/);
    expect(out).toContain('filebeat');
    expect(out).toMatch(/fate:\n {2}es: /);
    expect(sh('trace access-9.log:1').status).toBe(1);
  });
  it('trace of an untraced record asks for a replay of the same run', () => {
    const untraced = run(KAFKA_PIPELINE);
    expect(runLine({ handle: untraced }, 'trace access-0.log:3').action).toEqual({ kind: 'retrace', rid: 4 });
  });
});

describe('completion', () => {
  it('completes commands, topics, groups and files', () => {
    expect(complete({ handle }, 'kafka-con').candidates).toEqual(['kafka-configs', 'kafka-console-consumer', 'kafka-consumer-groups']);
    expect(complete({ handle }, 'kafka-topics --describe --topic ').candidates).toEqual(['logs']);
    expect(complete({ handle }, 'kafka-consumer-groups --describe --group ').candidates).toEqual(['indexer']);
    expect(complete({ handle }, 'tail /var/log/app/').candidates).toEqual(['/var/log/app/access-0.log', '/var/log/app/access-1.log']);
  });
});

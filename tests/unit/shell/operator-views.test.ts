/**
 * The operator's places to look in the terminal (issue #30): each answers in the real tool's shape
 * for the state at the instant set with `at`, from the run's metrics.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from '../../scenarios/flink-helpers.js';
import { runLine, type ShellSession } from '../../../simulator/shell/index.js';

const h = runYaml(`
duration: 30s
drain: 10s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    output:
      kafka: { node: kafka, topic_id: logs, acks: all, codec: json }
  kafka:
    type: kafka
    brokers: 3
    min.insync.replicas: 2
    replica.lag.time.max.ms: 2s
    topics:
      logs: { partitions: 3, replication.factor: 3 }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 5s
    restart-strategy: { type: fixed-delay, delay: 1s }
    sink:
      elasticsearch: { node: es, index: counts }
  es: { type: elasticsearch, rejections: { 429: 0.01 } }
faults:
  - { crash: kafka/broker-3, at: 10s, restart-after: 15s }
  - { crash: flink, at: 12s, restart-after: 2s }
`);

/** Runs lines in one terminal session, keeping what `at` sets. */
function terminal() {
  let session: ShellSession | undefined;
  return (line: string) => {
    const out = runLine({ handle: h, session }, line);
    if (out.session) session = out.session;
    return out;
  };
}

describe('at <time> and the views that follow it', () => {
  it('kafka-topics --under-replicated-partitions lists partition lines only, as of the instant', () => {
    const sh = terminal();
    expect(sh('kafka-topics --describe --under-replicated-partitions').text).toBe(''); // at the end: all caught up
    expect(sh('at 20s').text).toBe('at T+20.000s');
    const lines = sh('kafka-topics --describe --under-replicated-partitions').text.split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^\tTopic: logs\tPartition: \d\tLeader: [12]\tReplicas: [123],[123],[123]\tIsr: [12],[12]\t/);
    expect(sh('kafka-topics --describe --under-min-isr-partitions').text).toBe('');
    expect(sh('at 14s').status).toBe(0);
    // Before broker 3 is fenced (18 s) its own partition still names it leader: not under-replicated by its ISR,
    // but unavailable, since its leader is down.
    expect(sh('kafka-topics --describe --under-replicated-partitions').text.split('\n')).toHaveLength(2);
    expect(sh('kafka-topics --describe --unavailable-partitions').text).toMatch(/Leader: 3\t/);
  });

  it('at refuses a time past the end and a non-duration', () => {
    const sh = terminal();
    expect(sh('at 10m').status).toBe(1);
    expect(sh('at soon').status).toBe(2);
  });
});

describe('curl on the monitoring APIs', () => {
  it('Logstash _node/stats/pipelines: events in/filtered/out and a persisted queue’s events_count', () => {
    const sh = terminal();
    sh('at 20s');
    const body = JSON.parse(sh('curl -s localhost:9600/_node/stats/pipelines').text);
    const main = body.pipelines.main;
    expect(Object.keys(main.events)).toEqual(['in', 'filtered', 'out']);
    expect(main.events.in).toBeGreaterThanOrEqual(main.events.filtered);
    expect(main.events.filtered).toBeGreaterThanOrEqual(main.events.out);
    expect(main.queue.type).toBe('persisted');
    expect(typeof main.queue.events_count).toBe('number');
    expect(body.pipeline).toEqual({ workers: 2, batch_size: 125, batch_delay: 50 });
  });

  it('Flink /jobs, /checkpoints and job metrics; RESTARTING while the TaskManager is down', () => {
    const sh = terminal();
    const id = JSON.parse(sh('curl localhost:8081/jobs').text).jobs[0].id as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    sh('at 13s');
    expect(JSON.parse(sh('curl localhost:8081/jobs').text).jobs[0].status).toBe('RESTARTING');
    sh('at 10s');
    // At 10 s checkpoint 2 has just been triggered and is not finished: only 1 (from 5 s) is listed.
    expect(JSON.parse(sh(`curl localhost:8081/jobs/${id}/checkpoints`).text).counts.completed).toBe(1);
    sh('at 12s');
    const cp = JSON.parse(sh(`curl localhost:8081/jobs/${id}/checkpoints`).text);
    // Checkpoints triggered at 5 s and 10 s, each done about a second later (the sink flushes on the barrier): ids 1 and 2, newest first.
    expect(cp.counts).toMatchObject({ completed: 2, failed: 0 });
    expect(cp.history.map((e: { id: number }) => e.id)).toEqual([2, 1]);
    expect(cp.latest.completed.status).toBe('COMPLETED');
    sh('at 20s');
    expect(JSON.parse(sh(`curl 'localhost:8081/jobs/${id}/metrics?get=numRestarts'`).text)).toEqual([{ id: 'numRestarts', value: '1' }]);
    expect(sh('curl localhost:8081/jobs/0000/checkpoints').text).toContain('not found');
  });

  it('Elasticsearch _cat/thread_pool/write counts rejections up to the instant; _cluster/health is green', () => {
    const sh = terminal();
    const end = sh('curl localhost:9200/_cat/thread_pool/write?v').text.split('\n');
    expect(end[0]).toMatch(/^node_name\s+name\s+active\s+queue\s+rejected$/);
    const rejectedAtEnd = Number(end[1]!.trim().split(/\s+/)[4]);
    expect(rejectedAtEnd).toBe(h.result.metrics!.nodes['es']!['thread_pool.write.rejected']!.at(-1));
    sh('at 0s');
    expect(Number(sh('curl localhost:9200/_cat/thread_pool/write?v').text.split('\n')[1]!.trim().split(/\s+/)[4])).toBe(0);
    expect(JSON.parse(sh('curl localhost:9200/_cluster/health').text)).toMatchObject({ status: 'green', number_of_nodes: 1, unassigned_shards: 0 });
  });

  it('a process that is down at the instant refuses the connection', () => {
    const sh = terminal();
    sh('at 13s');
    // Flink's REST API is the JobManager's and stays up; a broker has no HTTP API. Filebeat is up throughout.
    expect(sh('curl localhost:5066/stats').status).toBe(0);
    expect(sh('curl localhost:9999/').status).toBe(7);
  });
});

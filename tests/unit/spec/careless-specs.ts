/**
 * Specs a careless user writes (issue #18): each once ran Node out of memory or kept it busy for
 * minutes, and crashed the browser tab. Each must now be refused before it runs, with the setting
 * responsible located and the limit named (simulator/spec/limits.ts). Shared by the parser, CLI and
 * worker tests.
 */
const pipeline = (o: { duration?: string; drain?: string; rate?: string; extra?: string; brokers?: number; partitions?: number; topics?: number; faults?: string }) => `name: careless
duration: ${o.duration ?? '60s'}
drain: ${o.drain ?? '60s'}
${o.extra ?? '# no extra setting'}
workload:
  rate: ${o.rate ?? '200/s'}
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs, acks: all }
  kafka:
    type: kafka
    brokers: ${o.brokers ?? 3}
    topics:
      logs:
        partitions: ${o.partitions ?? 3}
        replication.factor: 3
${Array.from({ length: o.topics ?? 0 }, (_, i) => `      team${i + 1}: {}\n`).join('')}  flink:
    type: flink
    source: { node: kafka, topic: logs }
    sink: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
${o.faults ?? '  []'}
`;

export interface CarelessCase {
  name: string;
  text: string;
  /** Where the error points: the setting responsible. */
  line: number;
  column: number;
  path: string;
  message: RegExp;
  hint: RegExp;
}

export const CARELESS: CarelessCase[] = [
  {
    name: 'rate: 1e12, even with max-events: 10',
    text: pipeline({ rate: '1e12', extra: 'max-events: 10' }),
    line: 6, column: 9, path: 'workload.rate',
    message: /60,000,000,000,000 records .*the limit is 10,000,000 records per run/,
    hint: /lower `workload\.rate` or `duration`/,
  },
  {
    name: 'duration: 1d at 10,000/s',
    text: pipeline({ duration: '1d', rate: '10000/s' }),
    line: 2, column: 11, path: 'duration',
    message: /864,000,000 records \(10,000\/s for 1d\); the limit is 10,000,000/,
    hint: /rate × duration stays under 10,000,000/,
  },
  {
    name: '2 h at 2,000/s (crashed the browser tab when records were objects)',
    text: pipeline({ duration: '2h', rate: '2000/s' }),
    line: 2, column: 11, path: 'duration',
    message: /14,400,000 records \(2,000\/s for 2h\)/,
    hint: /e\.g\. 1,388\/s for 2h/,
  },
  {
    // Within the records limit, but kept by six stores (five topics and the sink): refused by the memory estimate.
    name: '9,999,960 records and four more topics',
    text: pipeline({ rate: '166666/s', topics: 4 }),
    line: 6, column: 9, path: 'workload.rate',
    message: /this run would keep about 9,000 MB alive \(9,999,960 records in 6 stores that keep every record, and [\d,]+ stage samples\); the limit is 5,500 MB/,
    hint: /lower `workload\.rate` or `duration`, or keep fewer copies/,
  },
  {
    name: '100,000 partitions',
    text: pipeline({ partitions: 100_000 }),
    line: 18, column: 21, path: 'nodes.kafka.topics.logs.partitions',
    message: /300,000 partition replicas .*the limit is 3,000/,
    hint: /lower `partitions` or `replication\.factor`/,
  },
  {
    name: '100,000 brokers',
    text: pipeline({ brokers: 100_000 }),
    line: 15, column: 14, path: 'nodes.kafka.brokers',
    message: /100,000 brokers; the limit is 1,000 brokers/,
    hint: /lower `brokers`/,
  },
  {
    // A 10-day drain is allowed now (coarser sampling; the event budget stops the retry loop in
    // seconds: tests/unit/run/sampling.test.ts). Beyond the limit of 400 days it is refused.
    name: 'a network partition that never heals, with a 500-day drain',
    text: pipeline({ drain: '500d', faults: '  - { partition: [logstash], from: 10s }' }),
    line: 3, column: 8, path: 'drain',
    message: /duration 1m \+ drain 500d is more simulated time than the limit of 400d per run/,
    hint: /lower `drain`/,
  },
];

/** The same pipeline at a size the limits allow, to show they refuse only what is too big. */
export const ALLOWED = pipeline({});
/** A pipeline that stops on its event budget: a partition that never heals, and max-events 2,000. */
export const BUDGETED = pipeline({ extra: 'max-events: 2000', faults: '  - { partition: [logstash], from: 10s }' });

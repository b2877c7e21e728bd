/**
 * How big a run may be, and the estimate that checks a spec against it before anything runs.
 *
 * The simulator keeps every record a store holds (as an integer id and typed-array columns), so a
 * careless spec (`rate: 1e12`, `duration: 1d` at 10,000/s, 100,000 brokers, a 10-day drain) would
 * run the tab out of memory or keep it busy for minutes. These limits refuse such a spec at
 * validation time, with the setting responsible marked in the editor; what cannot be estimated (a
 * retry loop, a storm of resends) is bounded while the run goes by the count-based budget in
 * `runBudget` (run/run.ts ends it as `ended: budget`). Every number is a count, never a heap size
 * or a wall time, so Node and the browser refuse and stop the same specs at the same point.
 *
 * How each was chosen is written next to it. The measurements (4–5 December 2026; the records and
 * memory limits 7 December 2026: Node 20 with `--expose-gc`, `process.memoryUsage()` heapUsed plus
 * arrayBuffers after a full GC with the run still referenced; Chromium 156 running `runSync` in a
 * dedicated worker) are repeatable with the specs named there.
 */
import type { PipelineSpec } from './schema/pipeline.js';
import type { z } from 'zod';
import type { windowSchema } from './schema/job.js';
import type { SourceMap } from './parse.js';
import { pathToString, type SpecIssue } from './issues.js';
import { formatDuration } from './units.js';
import { referencesOf } from './references.js';
import { sampleIntervalMs } from '../run/sampling.js';

type WindowSpec = z.output<typeof windowSchema>;

export const LIMITS = {
  /**
   * Records one run generates (`duration` × `rate`): the issue's aim. At the limit, each in a fresh
   * Chromium worker (`npx tsx tests/bench/limits-bench.ts`, 7 December 2026; examples scaled by
   * their rate, with a 1 h drain so they deliver all they can), the issue's heaviest shape
   * (seed-beats-logstash-es, every record an Elasticsearch document) finished in 92 s, the heaviest one-store shape
   * (beats-add-id-effectively-once) in 34 s, the heaviest two-store shape (exactly-once-end-to-end, a
   * topic and Elasticsearch) in 78 s, all 10,000,000 records delivered, the tab's renderer at most
   * 2.8 GB; the issue-5 full pipeline in 13 s (it ends at its deadline with records still upstream).
   * The heaviest shape at 20,000,000 still finished (206 s, 3.1 GB), so no shape at the limit comes
   * near a crash. One record per second more is refused.
   */
  records: 10_000_000,
  /**
   * Estimated bytes a run keeps alive (see BYTES_PER_STORED_RECORD, BYTES_PER_EXTRA_STORE and
   * BYTES_PER_STAGE_SAMPLE), in Node's uncompressed pointers: the records limit in two stores
   * (10,000,000 × 500 B = 5.0 GB) plus room for the per-second samples. The heaviest two-store
   * shape there (estimated 5.0 GB) finished in Chromium in 78 s; the largest estimate that finished,
   * the heaviest shape at 20,000,000 records, is 8.0 GB. A third store puts the records limit over
   * it: flink-kafka-exactly-once is allowed 9,144,940 records (finished in 21 s) and refused at 10,000,000.
   */
  retainedBytes: 5_500_000_000,
  /**
   * Partition replicas over all topics (partitions × min(replication.factor, brokers)). Measured
   * in Node at 200 records/s for 60 s, read by a Flink job: 3,000 partitions × 1 replica ran in
   * 2.1 s, 3,000 × 3 in 3.3 s, 10,000 × 3 in 16.6 s (every partition is polled, fetched and
   * sampled). Real Kafka advises at most about 4,000 replicas per broker as well.
   */
  partitionReplicas: 3_000,
  /** Brokers over all Kafka clusters. 1,000 brokers ran in 0.8 s, 10,000 in 1.7 s (but every broker is a stage in every sample). */
  brokers: 1_000,
  /**
   * Members of one consumer group (`instances`). Every join rebalances the group: 250 members on
   * a 30-partition topic ran in 2.3 s in Node (200 records/s for 60 s).
   */
  instances: 250,
  /**
   * Members × partitions of the topic they read, per consumer group: each member polls and the
   * group rebalances over all of them. On a 1,000-partition topic 50 members ran in 4.1 s, 100 in
   * 6.4 s and 250 in 13.5 s.
   */
  memberPartitions: 50_000,
  /**
   * Logstash `pipeline.workers`. Measured at 200 records/s for 60 s: 1,000 workers ran in about
   * the time 2 do; 10,000 did not finish in 60 s. 256 keeps a wide margin and is far above the
   * core count of any machine Logstash runs on (its default is the number of cores).
   */
  logstashWorkers: 256,
  /**
   * Window assignments: records × windows per record (size / slide of a sliding window), summed
   * over every sliding window a job, batch job or query uses. Flink, too, puts each record in
   * size/slide windows. A 1 h window sliding by 1 s over 12,000 records (43 million) added 1.5 s
   * in Node; sliding by 1 ms (43 billion) did not finish in 60 s.
   */
  windowAssignments: 100_000_000,
  /**
   * Batch runs one batch node may start (span / `every` or the DAG's `schedule`). Scheduling grows
   * faster than linearly with the runs alive: batch-or-stream's DAG every 20 ms (5,000 runs over
   * 100 s) ran in 0.8 s in Node, every 5 ms (20,000) in 9.8 s, every 2 ms (50,000) in 74 s.
   */
  batchRuns: 10_000,
  /** Log files (`workload.files`, one harvester each). 1,000 files ran in 0.4 s. */
  files: 1_000,
  /**
   * The highest `max-events` a spec may set. The longest lesson run (a retry loop in
   * 04-delivery-guarantees/giving-up-is-losing) takes 1.9 million events. A network partition
   * that never heals, retried for 6 h, took 1.75 million events in 3 s in Node (sampling included),
   * so the default of 10 million stops a runaway within about 15 s and 20 million within about 30 s.
   */
  maxEvents: 20_000_000,
  /**
   * Simulated time (`duration` + `drain`). A run samples every stage once per simulated second up
   * to six hours and more coarsely beyond (run/sampling.ts keeps at most 21,600 samples): a 10-day
   * drain sampled every second once kept 750 MB of samples. Longer runs are for outages and
   * retentions measured in days (Kafka's `log.retention.hours` defaults to 7 days; Kinesis keeps
   * records up to 8,760 hours), so the limit covers a year and a month; the event budget stops a
   * long run that keeps the simulator busy.
   */
  simulatedMs: 400 * 86_400_000,
  /**
   * Samples × stages (processes and links). One stage in one sample measured about 200 B in Node
   * (the 10-day run above: 175,000 samples × ~21 stages in 750 MB); 2,000,000 is about 400 MB.
   */
  stageSamples: 2_000_000,
  /**
   * Records over all the runs of one Lab sweep (values × seeds × records per run). The runs are
   * sequential, so this bounds time, not memory: issue 5's sweep (20 values × 5 seeds × 100,000
   * records) is 10,000,000 and takes 17–22 s in Chromium. It is the records limit as well, so one
   * run at that limit makes a sweep of its own.
   */
  sweepRecords: 10_000_000,
  /** Runs in one Lab sweep (values × seeds); each run parses and builds its pipeline anew. Issue 5's sweep is 100. */
  sweepRuns: 1_000,
  /**
   * Record copies the links may carry during a run, per record generated (at least 100,000
   * records' worth). Every copy a node keeps (a document, a log entry, a resend) crossed a link,
   * so this bounds what a storm of resends can pile up. The lessons and examples carry at most
   * 8.1 copies per record (acks-all-is-not-enough: replication plus resends); 32 is four times that.
   */
  recordCopiesPerRecord: 32,
} as const;

/**
 * Estimated bytes a record costs in the first store that keeps it. `npx tsx tests/bench/retained-bench.ts`
 * (7 December 2026: every example scaled to 300,000 records, Node heap plus typed-array buffers, less
 * the per-second samples) measured at most 312 B for one store, in beats-add-id-effectively-once
 * (add_id, a persisted queue, resends; 1.0 s), then logstash-grok-dlq 299 B, lab-beats-logstash-es
 * 274 B and seed-beats-logstash-es 268 B (3.5 s); the other one-store shapes 78–195 B. At 2,000,000
 * records the same shapes kept less (273 B and 251 B): the columns grow by doubling, so a count just
 * past a doubling keeps up to twice its buffers. 312 B rounded up with that room is 400 B.
 */
export const BYTES_PER_STORED_RECORD = 400;
/**
 * Estimated bytes per record for each further store. The heaviest two-store shape (exactly-once-end-to-end,
 * a topic and Elasticsearch; 2.5 s) kept 400 B per record at 300,000 records (360 B at 2,000,000), 88 B
 * more than the heaviest one-store shape, and kafka-exactly-once-effect 393 B; the three-store
 * flink-kafka-exactly-once kept 236 B. 88 B rounded up is 100 B.
 */
export const BYTES_PER_EXTRA_STORE = 100;
/** Estimated bytes of one stage in one per-second sample (measured about 200 B). */
export const BYTES_PER_STAGE_SAMPLE = 200;

/** What a spec asks of the simulator, estimated from the spec alone. */
export interface RunEstimate {
  records: number;
  /** Stores keeping a copy of every record: Kafka topics, and Elasticsearch or S3 nodes fed records rather than window results. */
  stores: number;
  brokers: number;
  partitionReplicas: number;
  /** Processes the simulator runs: every broker, every consumer instance, one for each other node. */
  processes: number;
  samples: number;
  /** Samples × stages; stages are the processes plus about two links each. */
  stageSamples: number;
  retainedBytes: number;
}

export function estimateRun(spec: PipelineSpec): RunEstimate {
  // The same count the workload makes (workload/workload.ts), float slack included.
  const records = Math.max(0, Math.ceil((spec.duration * spec.workload.rate) / 1000 - 1e-9));
  let brokers = 0;
  let partitionReplicas = 0;
  let processes = 0;
  let stores = 0;
  for (const node of Object.values(spec.nodes)) {
    if (node.type === 'kafka') {
      brokers += node.brokers;
      processes += node.brokers;
      for (const topic of Object.values(node.topics)) {
        partitionReplicas += topic.partitions * Math.min(topic['replication.factor'], node.brokers);
        stores++;
      }
    } else if (node.type === 'consumer') {
      processes += node.instances;
    } else {
      processes++;
    }
  }
  for (const [id, node] of Object.entries(spec.nodes)) {
    if ((node.type === 'elasticsearch' || node.type === 's3') && !onlyWindowResultsReach(spec, id)) stores++;
  }
  const spanMs = spec.duration + spec.drain;
  const samples = Math.floor(spanMs / sampleIntervalMs(spanMs)) + 1;
  const stageSamples = samples * processes * 3;
  const retainedBytes = records * (BYTES_PER_STORED_RECORD + Math.max(0, stores - 1) * BYTES_PER_EXTRA_STORE) + stageSamples * BYTES_PER_STAGE_SAMPLE;
  return { records, stores, brokers, partitionReplicas, processes, samples, stageSamples, retainedBytes };
}

/** True when every writer into `sinkId` is a Flink job with a windowed aggregate: it stores window results, not records. */
function onlyWindowResultsReach(spec: PipelineSpec, sinkId: string): boolean {
  const writers = referencesOf(spec).filter((ref) => ref.target === sinkId).map((ref) => spec.nodes[String(ref.path[1])]);
  return writers.length > 0 && writers.every((node) => node?.type === 'flink' && node.job?.window !== undefined);
}

/** The spec's setting that decides the record count most: a long duration, or else the rate. */
function recordsSetting(spec: PipelineSpec): (string | number)[] {
  return spec.duration > 3_600_000 ? ['duration'] : ['workload', 'rate'];
}

const n = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : String(x));
/** A rate as written, with up to two decimals (33,333.33/s). */
const rateText = (perSecond: number) => perSecond.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The limits a spec goes beyond, as located errors (the editor marks them; the CLI exits 1).
 * Each names the limit, what the spec asks, and what to change.
 */
export function checkLimits(spec: PipelineSpec, map: SourceMap): SpecIssue[] {
  const out: SpecIssue[] = [];
  const refuse = (path: (string | number)[], message: string, hint: string) => {
    // One error per setting: the first one found already says what to change there.
    if (out.some((issue) => issue.path === pathToString(path))) return;
    out.push({ severity: 'error', file: map.file, ...map.locate(path), path: pathToString(path), message, hint });
  };
  const est = estimateRun(spec);
  const L = LIMITS;

  if (est.records > L.records) {
    refuse(
      recordsSetting(spec),
      `this run would generate ${n(est.records)} records (${rateText(spec.workload.rate)}/s for ${formatDuration(spec.duration)}); the limit is ${n(L.records)} records per run`,
      `lower \`workload.rate\` or \`duration\` so that rate × duration stays under ${n(L.records)}, e.g. ${n(Math.floor(L.records / Math.max(1, spec.duration / 1000)))}/s for ${formatDuration(spec.duration)}`,
    );
  }
  if (spec.workload.files > L.files) {
    refuse(['workload', 'files'], `${n(spec.workload.files)} log files; the limit is ${n(L.files)}`, `lower \`files\` to ${n(L.files)} or fewer`);
  }
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type === 'kafka' && node.brokers > L.brokers) {
      refuse(['nodes', id, 'brokers'], `${n(node.brokers)} brokers; the limit is ${n(L.brokers)} brokers over all Kafka clusters`, 'lower `brokers`: three already show replication and leader election');
    }
    if (node.type === 'logstash' && node['pipeline.workers'] > L.logstashWorkers) {
      refuse(['nodes', id, 'pipeline.workers'], `${n(node['pipeline.workers'])} pipeline workers; the limit is ${n(L.logstashWorkers)}`, 'Logstash runs one worker per CPU core by default: a handful shows the same behaviour');
    }
    if (node.type === 'consumer' && node.instances > L.instances) {
      refuse(['nodes', id, 'instances'], `${n(node.instances)} consumer instances; the limit is ${n(L.instances)} members per group`, `lower \`instances\` to ${n(L.instances)} or fewer: a group never uses more members than its topic has partitions`);
    }
    if (node.type === 'consumer') {
      const cluster = spec.nodes[node.source.node];
      const partitions = cluster?.type === 'kafka' ? (cluster.topics[node.source.topic]?.partitions ?? 1) : 1;
      if (node.instances * partitions > L.memberPartitions) {
        refuse(
          ['nodes', id, 'instances'],
          `${n(node.instances)} consumer instances reading ${n(partitions)} partitions make ${n(node.instances * partitions)} member-partitions; the limit is ${n(L.memberPartitions)} per group`,
          `lower \`instances\` to ${n(Math.floor(L.memberPartitions / partitions))} or fewer, or the topic's \`partitions\``,
        );
      }
    }
  }
  if (est.brokers > L.brokers && out.every((i) => !i.path.endsWith('.brokers'))) {
    const first = Object.entries(spec.nodes).find(([, node]) => node.type === 'kafka')!;
    refuse(['nodes', first[0], 'brokers'], `${n(est.brokers)} brokers over all Kafka clusters; the limit is ${n(L.brokers)}`, 'use fewer brokers or fewer clusters');
  }
  if (est.partitionReplicas > L.partitionReplicas) {
    const worst = biggestTopic(spec);
    refuse(
      worst ? ['nodes', worst.node, 'topics', worst.topic, 'partitions'] : ['nodes'],
      `the topics have ${n(est.partitionReplicas)} partition replicas in all (partitions × replication factor); the limit is ${n(L.partitionReplicas)}`,
      'lower `partitions` or `replication.factor`: a handful of partitions already shows ordering per partition and consumer parallelism',
    );
  }
  for (const w of slidingWindows(spec)) {
    const perRecord = Math.ceil(w.size / w.slide);
    if (est.records * perRecord > L.windowAssignments) {
      refuse(
        [...w.path, 'slide'],
        `a ${formatDuration(w.size)} window sliding by ${formatDuration(w.slide)} puts each record in ${n(perRecord)} windows: ${n(est.records * perRecord)} window assignments for ${n(est.records)} records; the limit is ${n(L.windowAssignments)}`,
        `raise \`slide\` to at least ${formatDuration(Math.ceil((w.size * est.records) / L.windowAssignments))}, or shorten \`size\``,
      );
    }
  }
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type !== 'batch') continue;
    const interval = node.schedule?.interval ?? node.every;
    const runs = interval && interval > 0 ? Math.floor((spec.duration + spec.drain) / interval) : 0;
    if (runs > L.batchRuns) {
      refuse(
        node.schedule ? ['nodes', id, 'schedule', 'interval'] : ['nodes', id, 'every'],
        `a batch run every ${formatDuration(interval!)} starts about ${n(runs)} runs in ${formatDuration(spec.duration + spec.drain)}; the limit is ${n(L.batchRuns)} runs per batch node`,
        `schedule it at most every ${formatDuration(Math.ceil((spec.duration + spec.drain) / L.batchRuns))}: a batch layer recomputes from the whole master dataset, minutes or hours apart`,
      );
    }
  }
  if (spec['max-events'] > L.maxEvents) {
    refuse(['max-events'], `max-events ${n(spec['max-events'])} is above the limit of ${n(L.maxEvents)} events per run`, `set \`max-events\` to ${n(L.maxEvents)} or less; a run that needs more is usually stuck in a retry loop`);
  }
  const spanMs = spec.duration + spec.drain;
  if (spanMs > L.simulatedMs) {
    refuse(
      spec.drain >= spec.duration ? ['drain'] : ['duration'],
      `duration ${formatDuration(spec.duration)} + drain ${formatDuration(spec.drain)} is more simulated time than the limit of ${formatDuration(L.simulatedMs)} per run`,
      spec.drain >= spec.duration
        ? 'lower `drain`: a run ends by itself once nothing is left in flight, so a long drain only helps a pipeline that is stuck'
        : 'lower `duration`; raise `rate` instead if you want more records',
    );
  } else if (out.length === 0 && est.stageSamples > L.stageSamples) {
    refuse(
      spec.drain >= spec.duration ? ['drain'] : ['duration'],
      `${n(est.processes)} processes sampled for ${formatDuration(spanMs)} make about ${n(est.stageSamples)} stage samples; the limit is ${n(L.stageSamples)}`,
      'lower `duration` and `drain`, or run fewer brokers and instances',
    );
  }
  if (out.length === 0 && est.retainedBytes > L.retainedBytes) {
    refuse(
      recordsSetting(spec),
      `this run would keep about ${n(est.retainedBytes / 1e6)} MB alive (${n(est.records)} records in ${est.stores} stores that keep every record, and ${n(est.stageSamples)} stage samples); the limit is ${n(L.retainedBytes / 1e6)} MB`,
      'lower `workload.rate` or `duration`, or keep fewer copies (fewer topics, or sinks fed by windowed jobs)',
    );
  }
  return out;
}

/** Every sliding window a Flink job (or one of its versions), a batch job or the query uses, with where it is written. */
function slidingWindows(spec: PipelineSpec): { path: (string | number)[]; size: number; slide: number }[] {
  const out: { path: (string | number)[]; size: number; slide: number }[] = [];
  const add = (path: (string | number)[], window: WindowSpec | undefined) => {
    if (window?.type === 'sliding' && window.slide > 0) out.push({ path, size: window.size, slide: window.slide });
  };
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type !== 'flink' && node.type !== 'batch') continue;
    add(['nodes', id, 'job', 'window'], node.job?.window);
    for (const [version, job] of Object.entries(node.versions ?? {})) add(['nodes', id, 'versions', version, 'window'], job.window);
  }
  add(['query', 'window'], spec.query?.window);
  return out;
}

function biggestTopic(spec: PipelineSpec): { node: string; topic: string } | undefined {
  let best: { node: string; topic: string; replicas: number } | undefined;
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type !== 'kafka') continue;
    for (const [topic, t] of Object.entries(node.topics)) {
      const replicas = t.partitions * Math.min(t['replication.factor'], node.brokers);
      if (!best || replicas > best.replicas) best = { node: id, topic, replicas };
    }
  }
  return best;
}

/** What a run may spend while it goes: the spec's own `max-events` and the record copies its links may carry. */
export interface RunBudget {
  events: number;
  recordCopies: number;
}

export function runBudget(spec: PipelineSpec, records: number): RunBudget {
  return {
    events: Math.min(spec['max-events'], LIMITS.maxEvents),
    recordCopies: Math.max(records, 100_000) * LIMITS.recordCopiesPerRecord,
  };
}

/**
 * Refuses a Lab sweep whose runs together go beyond the sweep limits, before any of them runs.
 * `recordsPerRun` are the records each point's spec generates.
 */
export function checkSweep(runs: number, recordsPerRun: readonly number[]): string | undefined {
  if (runs > LIMITS.sweepRuns) {
    return `this sweep would make ${n(runs)} runs (values × seeds); the limit is ${n(LIMITS.sweepRuns)} runs per sweep. Sweep fewer values or seeds.`;
  }
  const total = recordsPerRun.reduce((a, b) => a + b, 0);
  if (total > LIMITS.sweepRecords) {
    return `this sweep's ${n(runs)} runs would generate ${n(total)} records together; the limit is ${n(LIMITS.sweepRecords)} records per sweep. Sweep fewer values or seeds, or lower the rate or duration of the spec.`;
  }
  return undefined;
}

/**
 * Refuses a counterexample search whose budget could make more runs, or records over its runs, than
 * a sweep may: searching and shrinking spend up to `budget` runs each, plus one run to confirm.
 */
export function checkSearch(budget: number, recordsPerRun: number): string | undefined {
  const runs = 2 * budget + 1;
  const records = runs * recordsPerRun;
  if (runs <= LIMITS.sweepRuns && records <= LIMITS.sweepRecords) return undefined;
  const most = Math.floor((Math.min(LIMITS.sweepRuns, LIMITS.sweepRecords / Math.max(1, recordsPerRun)) - 1) / 2);
  const head = `a budget of ${n(budget)} runs may make ${n(runs)} runs of ${n(recordsPerRun)} records each (searching, shrinking and a confirming run); the limit is ${n(LIMITS.sweepRuns)} runs and ${n(LIMITS.sweepRecords)} records per experiment.`;
  if (most >= 1) return `${head} Lower the budget to ${n(most)} or less, or the spec's rate or duration.`;
  // Even the smallest budget searches once, shrinks once and confirms: three runs of this spec are too many records.
  return `${head} Even a budget of 1 makes 3 runs: lower the spec's rate or duration to at most ${n(Math.floor(LIMITS.sweepRecords / 3))} records per run.`;
}

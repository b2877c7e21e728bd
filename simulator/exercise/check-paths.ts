/**
 * What a check may read: a description of the RunResult (run/result.ts) as a tree of
 * named values. One description serves three purposes, so they cannot disagree:
 * - resolving a path against a real RunResult (the check's value);
 * - rejecting unknown paths when an exercise is loaded (an authoring error, never a false pass);
 * - the list of check paths in AUTHORING.md (`listCheckPaths`).
 */
import type { RunResult } from '../run/result.js';

export type Unit = 'count' | 'ms' | 'ratio' | 'number' | 'bytes';

export type PathSchema =
  | { kind: 'number'; doc: string; unit: Unit; get?: (parent: unknown) => unknown }
  | { kind: 'string'; doc: string; values: readonly string[] }
  | {
      kind: 'group';
      doc: string;
      fields: Record<string, PathSchema>;
      /** Where the group's data lives relative to its parent value (default: under its own name). */
      from?: readonly string[];
      /** Names beyond `fields` may exist in a run (sink statistics); they are checked against the solution's run. */
      open?: string;
    }
  | {
      kind: 'map';
      doc: string;
      /** What the keys are, e.g. `output` (shown as `<output>`). */
      keyName: string;
      value: PathSchema;
      /** Keys absent from the run read as 0 (`lostAt["x"]` when nothing was lost at x). */
      missingIsZero?: boolean;
      /** Fixed names computed over all entries (`query.error.max` = the worst answer's max). */
      extras?: Record<string, { doc: string; unit: Unit; compute: (map: Record<string, unknown>) => number }>;
    };

const n = (doc: string, unit: Unit = 'count'): PathSchema => ({ kind: 'number', doc, unit });

const perPlace = (doc: string): PathSchema => ({ kind: 'map', doc, keyName: 'node-or-link', value: n('records'), missingIsZero: true });

export const outputLedgerPaths: PathSchema = {
  kind: 'group',
  doc: "One terminal output's ledger: generated = exactlyOnce + duplicated + lost + filtered + late + lateSideOutput + deadLettered + inFlight.",
  open: 'statistics a sink reports beyond those listed',
  fields: {
    generated: n('Records the workload generated.'),
    exactlyOnce: n('Records that count exactly once in this output.'),
    duplicated: n('Records that count two or more times.'),
    extraCopies: n('Copies beyond the first, summed over duplicated records.'),
    lost: n('Records that never arrived and are not held anywhere (lost at the last place a loss was noted).'),
    filtered: n('Records dropped on purpose by a filter (e.g. a Logstash `drop`).'),
    late: n('Records dropped because their window had closed.'),
    lateSideOutput: n('Records past their window\'s lateness routed to the job\'s late-data side output (`late-data: side-output`): kept there, not dropped.'),
    deadLettered: n('Records Elasticsearch refused (400/404) that Logstash wrote to its dead letter queue (`dead_letter_queue.enable`): kept there for a resend, not lost.'),
    inFlight: n('Records still held somewhere (queues, unread log, open windows) when the run ended.'),
    reordered: n('Records that arrived after a later record of the same key.'),
    lostAt: perPlace('Node or link id → records lost there. Link ids go in brackets: `lostAt["filebeat->logstash"]`; absent ids read 0.'),
    duplicatedAt: perPlace('Node or link id → duplicated records whose first extra copy was made there; absent ids read 0.'),
    documents: n('Documents in the index (Elasticsearch outputs only).'),
    versionsAbove1: n('Documents overwritten at least once, `_version` > 1 (Elasticsearch outputs only).'),
    objects: n('Objects visible in the bucket (S3 outputs only).'),
    openUploads: n('Multipart uploads started but neither completed nor aborted (S3 outputs only).'),
    partitions: n('Partitions of the topic (Kafka topic outputs only).'),
    logEndOffset: n('Sum of the log-end offsets of the topic\'s partitions (Kafka topic outputs only).'),
    highWatermark: n('Sum of the high watermarks (offsets consumers may read up to) of the topic\'s partitions (Kafka topic outputs only).'),
  },
};

const stat = (doc: string, unit: Unit) => n(doc, unit);

/** The largest of one field over a map's entries (the slowest output's p99). */
function largest(field: 'p50' | 'p99' | 'max') {
  return (map: Record<string, unknown>) => Math.max(0, ...Object.values(map).map((e) => Number((e as Record<string, number>)[field] ?? 0)));
}

const latencyPaths: PathSchema = {
  kind: 'group',
  doc: 'End-to-end latency of one output: created (the line written) → first visible to its reader.',
  fields: {
    p50: n('Median latency.', 'ms'),
    p99: n('99th percentile latency.', 'ms'),
    max: n('Largest latency.', 'ms'),
    records: n('Records its reader saw (first copies).'),
  },
};

/** `cost.*`: the price of a guarantee (simulator/cost/run-cost.ts). */
const costPaths: PathSchema = {
  kind: 'group',
  doc: 'What the run cost, computed from the modelled mechanisms.',
  fields: {
    latency: {
      kind: 'map',
      doc: 'Per output with a reader (e.g. `cost.latency["es"].p99`): an Elasticsearch search sees a document after the next refresh (`index.refresh_interval`, 1s); a `read_committed` reader of a topic sees a transaction\'s records at its commit marker; S3 objects as soon as stored.',
      keyName: 'output',
      value: latencyPaths,
      extras: {
        p50: { doc: 'The slowest output\'s median latency.', unit: 'ms', compute: largest('p50') },
        p99: { doc: 'The slowest output\'s 99th percentile latency.', unit: 'ms', compute: largest('p99') },
        max: { doc: 'The slowest output\'s largest latency.', unit: 'ms', compute: largest('max') },
      },
    },
    extraWrites: {
      kind: 'group',
      doc: 'Writes beyond one per record.',
      fields: {
        total: n('All extra writes below, summed.'),
        retries: n('Records a Kafka producer sent again after a failed or timed-out request.'),
        markers: n('Transaction markers (COMMIT/ABORT) written to topic partitions.'),
        aborted: n('Records written in aborted transactions (stored, skipped by `read_committed` readers).'),
        overwrites: n('Elasticsearch writes that replaced a document with the same `_id` (a copy absorbed by an upsert).'),
        deduplicated: n('Copies refused or dropped as already seen (Elasticsearch `create` conflicts, a Flink dedupe step).'),
      },
    },
    bytes: {
      kind: 'group',
      doc: 'Bytes on the links: every message\'s records in its protocol\'s encoding, resends (retries, redeliveries, replays) included, before compression.',
      fields: {
        kafkaIn: n('Bytes producers wrote to the brokers (`BytesInPerSec` total).', 'bytes'),
        kafkaOut: n('Bytes consumers fetched from the brokers (`BytesOutPerSec` total).', 'bytes'),
        links: {
          kind: 'map',
          doc: 'Link id → bytes sent over it, e.g. `cost.bytes.links["filebeat->logstash"]`; absent links read 0. Beats: each event\'s JSON plus Lumberjack v2 frames; Kafka: record values; Elasticsearch: Bulk API action and document lines; S3: the object\'s lines; Kinesis: data blob plus partition key.',
          keyName: 'link',
          value: n('Payload bytes sent over the link.', 'bytes'),
          missingIsZero: true,
        },
        total: n('Bytes over all links together.', 'bytes'),
      },
    },
    state: {
      kind: 'group',
      doc: 'State held by Flink jobs at its peak (read every sample, 1s by default).',
      fields: {
        dedupKeys: n('Most ids a dedupe step held.'),
        windowCells: n('Most open window cells (key × window).'),
        peak: n('Most of both together.'),
      },
    },
    freshness: {
      kind: 'group',
      doc: 'Age of the newest record in the served answer (Lambda/Kappa runs; 0 without them): the stalest architecture.',
      fields: {
        p50: n('The largest median freshness over the architectures.', 'ms'),
        p95: n('The largest 95th percentile freshness over the architectures.', 'ms'),
      },
    },
    recompute: {
      kind: 'group',
      doc: 'Batch recompute work.',
      fields: { records: n('Records processed again by batch runs and replays, over every architecture.') },
    },
  },
};

function worst(field: 'max' | 'mean' | 'total') {
  return (map: Record<string, unknown>) => Math.max(0, ...Object.values(map).map((e) => Number((e as Record<string, number>)[field] ?? 0)));
}

export const checkPaths: PathSchema = {
  kind: 'group',
  doc: 'The RunResult of one run.',
  fields: {
    seed: n('The seed of the run.', 'number'),
    simulatedMs: n('Simulated time when the run ended.', 'ms'),
    events: n('Simulation events processed.'),
    ended: { kind: 'string', doc: 'How the run ended.', values: ['drained', 'deadline', 'budget', 'cancelled'] },
    warnings: { kind: 'number', doc: 'Number of spec warnings (settings that combine badly).', unit: 'count', get: (r) => (r as RunResult).warnings.length },
    log: {
      kind: 'group',
      doc: 'The run log.',
      from: [],
      fields: {
        errors: { kind: 'number', doc: 'Log lines at level error.', unit: 'count', get: (r) => (r as RunResult).log.filter((l) => l.level === 'error').length },
        warnings: { kind: 'number', doc: 'Log lines at level warn.', unit: 'count', get: (r) => (r as RunResult).log.filter((l) => l.level === 'warn').length },
      },
    },
    alerts: {
      kind: 'group',
      doc: "The incident's alert (`incident.alert` in exercise.yaml) over the run's metrics; 0 in an exercise without one.",
      // Read from the result itself: evaluateChecks adds `alerts` only when the exercise has an alert.
      from: [],
      fields: {
        firings: { kind: 'number', doc: 'Times the alert fired (pending for its `for` duration, then firing), over every node it watches.', unit: 'count', get: (r) => (r as { alerts?: { firings: number } }).alerts?.firings ?? 0 },
        firingMs: { kind: 'number', doc: 'Simulated time the alert spent firing, summed over its firings (until the end of the run if it never resolved).', unit: 'ms', get: (r) => (r as { alerts?: { firingMs: number } }).alerts?.firingMs ?? 0 },
      },
    },
    cost: costPaths,
    outputs: { kind: 'map', doc: 'Per terminal output (a sink node id; `es/<index>` per index when an Elasticsearch node has several).', keyName: 'output', value: outputLedgerPaths },
    groups: {
      kind: 'map',
      doc: 'Per Kafka consumer group (its `group.id`, e.g. `groups.indexer.lag`), when the run ended.',
      keyName: 'group',
      value: {
        kind: 'group',
        doc: 'One consumer group, summed over its topic\'s partitions.',
        fields: {
          lag: n('Records between its committed offsets and the log ends, as `kafka-consumer-groups --describe` shows (a partition it never committed lags by its whole log).'),
          committed: n('Sum of its committed offsets.'),
          members: n('Members still in the group.'),
        },
      },
    },
    query: {
      kind: 'group',
      doc: 'The query (when the pipeline aggregates): true answer vs each answering output.',
      fields: {
        windows: { kind: 'number', doc: 'Number of (key, window) cells compared.', unit: 'count', get: (q) => (q as { windows: unknown[] }).windows.length },
        error: {
          kind: 'map',
          doc: 'Per answering output (e.g. `query.error["es/counts"]`): relative error over closed windows.',
          keyName: 'answer',
          value: {
            kind: 'group',
            doc: 'Relative error of one answer.',
            fields: {
              max: stat('Largest relative error of any window.', 'ratio'),
              mean: stat('Mean relative error per window.', 'ratio'),
              total: stat('Relative error of the sum over all windows.', 'ratio'),
            },
          },
          extras: {
            max: { doc: 'The worst answer\'s `max`.', unit: 'ratio', compute: worst('max') },
            mean: { doc: 'The worst answer\'s `mean`.', unit: 'ratio', compute: worst('mean') },
            total: { doc: 'The worst answer\'s `total`.', unit: 'ratio', compute: worst('total') },
          },
        },
      },
    },
    jobs: {
      kind: 'map',
      doc: 'Per Flink node (its id, e.g. `jobs.stream.parallelism`): its serving job when the run ended.',
      keyName: 'flink',
      value: {
        kind: 'group',
        doc: 'One Flink job at the end of the run.',
        fields: {
          parallelism: n('Subtasks per operator: `parallelism.default`, or the `-p` of the last `flink run`.', 'number'),
          running: n('1 when the job is RUNNING at the end, 0 when it is stopped, cancelled, failed or restarting.', 'number'),
          restarts: n('Restarts after failures.'),
        },
      },
    },
    architectures: {
      kind: 'map',
      doc: 'Per architecture (Lambda/Kappa runs; the serving node id, e.g. `lambda`, `kappa`).',
      keyName: 'architecture',
      value: {
        kind: 'group',
        doc: 'Summary of one architecture over the run.',
        fields: {
          error: { kind: 'group', doc: 'Error of the served answer vs the truth, over time.', from: ['summary', 'error'], fields: { max: stat('Largest error at any sample.', 'ratio'), final: stat('Error at the end of the run.', 'ratio'), mean: stat('Mean error over samples.', 'ratio') } },
          freshness: { kind: 'group', doc: 'Age of the newest record counted in the answer.', from: ['summary', 'freshness'], fields: { p50: stat('Median freshness.', 'ms'), p95: stat('95th percentile freshness.', 'ms'), max: stat('Worst freshness.', 'ms') } },
          cost: { kind: 'group', doc: 'Compute cost.', from: ['summary', 'cost'], fields: { processed: stat('Records processed, all layers, including re-processing.', 'count'), reprocessed: stat('Records processed again (batch recomputation, replays).', 'count') } },
          storage: { kind: 'group', doc: 'Storage held.', from: ['summary', 'storage'], fields: { max: stat('Most records held at once.', 'count') } },
          outputs: { kind: 'map', doc: "This architecture's outputs.", keyName: 'output', value: outputLedgerPaths },
        },
      },
    },
    warehouse: warehousePaths(),
    athena: {
      kind: 'group',
      doc: 'Athena over the Glue tables of aws/template.yaml, queried when the run ended.',
      fields: {
        tables: {
          kind: 'map',
          doc: 'Per Glue table (its TableInput.Name, e.g. `athena.tables.logs.rows`).',
          keyName: 'table',
          value: {
            kind: 'group',
            doc: 'One table: what a query sees against what the lake holds.',
            fields: {
              rows: n('Rows `SELECT count(*) FROM <table>` returns: lines in the partitions the query reads (registered in the catalog, or projected).'),
              lakeRows: n("Lines in every Hive-style partition folder under the table's location: what the query would return with every partition registered."),
              partitions: n('Partitions holding data that the query reads.'),
              lakePartitions: n("Partition folders under the table's location."),
            },
          },
        },
      },
    },
  },
};

/** The orders warehouse (runs with a PostgreSQL host and a warehouse DAG), compared with the database at the end. */
function warehousePaths(): PathSchema {
  const mart: PathSchema = {
    kind: 'group',
    doc: 'One data mart, rebuilt from fact_orders.',
    fields: {
      rows: n('Rows in the mart.'),
      missingKeys: n('Keys (days of mart_daily_revenue, customers of mart_customer_revenue) the database has orders for and the mart lacks.'),
      wrongKeys: n("Keys whose orders or revenue differ from the database's."),
    },
  };
  return {
    kind: 'group',
    doc: 'The orders warehouse.',
    fields: {
      runs: { kind: 'group', doc: "The warehouse DAG's runs.", fields: { success: n('DAG runs that succeeded.'), failed: n('DAG runs that failed.') } },
      rowsRead: n('Rows the extracts read from the orders database, over every run (what they cost the OLTP database).'),
      fact: {
        kind: 'group',
        doc: 'fact_orders against the orders table at the end of the run.',
        fields: {
          rows: n('Rows in fact_orders.'),
          missingOrders: n('Orders that count as revenue in the database and have no fact row.'),
          staleOrders: n('Fact rows that disagree with the database: an older version of the order, or one cancelled since.'),
        },
      },
      marts: { kind: 'group', doc: 'The data marts.', fields: { mart_daily_revenue: mart, mart_customer_revenue: mart } },
    },
  };
}

/** One line of the check-path reference. */
export interface CheckPathDoc {
  path: string;
  unit: Unit | 'string';
  doc: string;
}

/** Every check path, with placeholders for ids (`outputs.<output>.lost`), for AUTHORING.md. */
export function listCheckPaths(): CheckPathDoc[] {
  const out: CheckPathDoc[] = [];
  const walk = (schema: PathSchema, prefix: string) => {
    switch (schema.kind) {
      case 'number':
        out.push({ path: prefix, unit: schema.unit, doc: schema.doc });
        return;
      case 'string':
        out.push({ path: prefix, unit: 'string', doc: `${schema.doc} One of ${schema.values.map((v) => `"${v}"`).join(', ')}.` });
        return;
      case 'group':
        for (const [name, child] of Object.entries(schema.fields)) walk(child, prefix ? `${prefix}.${name}` : name);
        if (schema.open) out.push({ path: `${prefix}.<stat>`, unit: 'count', doc: `Other ${schema.open}, when the output reports them.` });
        return;
      case 'map':
        for (const [name, extra] of Object.entries(schema.extras ?? {})) out.push({ path: `${prefix}.${name}`, unit: extra.unit, doc: extra.doc });
        if (schema.value.kind === 'number') out.push({ path: `${prefix}.<${schema.keyName}>`, unit: schema.value.unit, doc: schema.doc });
        else walk(schema.value, `${prefix}.<${schema.keyName}>`);
        return;
    }
  };
  walk(checkPaths, '');
  return out;
}

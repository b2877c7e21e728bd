/** Flink as real files: job.sql (Flink SQL) and config.yaml, checked and compiled as Flink would plan them. */
import { describe, expect, it } from 'vitest';
import { checkFlinkSql, checkFlinkConfigYaml, compileFlinkConfig, readFlinkConfigYaml, windowLatenessMs } from '../../../simulator/config/flink/index.js';
import { Problems } from '../../../simulator/config/shared/issues.js';
import { parseFlinkDuration } from '../../../simulator/config/flink/connectors.js';

const errors = (sql: string) => checkFlinkSql(sql, 'job.sql').problems.list.filter((p) => p.severity === 'error');
const warnings = (sql: string) => checkFlinkSql(sql, 'job.sql').problems.list.filter((p) => p.severity === 'warning');

const SOURCE = `CREATE TABLE logs (
  status STRING,
  \`bytes\` BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'counter',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);
`;
const ES_SINK = `CREATE TABLE counts (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  status STRING,
  requests BIGINT,
  PRIMARY KEY (status, window_start) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://elasticsearch:9200',
  'index' = 'counts'
);
`;
const TUMBLE = `INSERT INTO counts
SELECT window_start, window_end, status, COUNT(*)
FROM TABLE(TUMBLE(TABLE logs, DESCRIPTOR(ts), INTERVAL '10' SECOND))
WHERE status <> '404'
GROUP BY window_start, window_end, status;
`;

describe('examples from the Flink docs parse', () => {
  it('the Kafka SQL connector page (metadata column, csv, earliest-offset)', () => {
    const sql = `CREATE TABLE KafkaTable (
  \`user_id\` BIGINT,
  \`item_id\` BIGINT,
  \`behavior\` STRING,
  \`ts\` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'testGroup',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'csv'
);`;
    expect(errors(sql)).toEqual([]);
    const r = checkFlinkSql(sql, 'job.sql');
    expect(r.script?.tables.get('KafkaTable')?.columns.map((c) => [c.name, c.kind])).toEqual([['user_id', 'physical'], ['item_id', 'physical'], ['behavior', 'physical'], ['ts', 'metadata']]);
  });

  it('the Elasticsearch SQL connector page (primary key, elasticsearch-7)', () => {
    const sql = `CREATE TABLE myUserTable (
  user_id STRING,
  user_name STRING,
  uv BIGINT,
  pv BIGINT,
  PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://localhost:9200',
  'index' = 'users'
);`;
    expect(errors(sql)).toEqual([]);
    expect(checkFlinkSql(sql, 'job.sql').script?.tables.get('myUserTable')?.primaryKey?.columns).toEqual(['user_id']);
  });

  it('the windowing TVF page: TUMBLE, HOP and CUMULATE are valid; an aggregation without a key is not simulated', () => {
    const bid = `CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = 'bid', 'properties.bootstrap.servers' = 'kafka:9092', 'properties.group.id' = 'g', 'format' = 'json');
CREATE TABLE totals (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total_price DECIMAL(10, 2)) WITH ('connector' = 'print');
`;
    for (const tvf of ["TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)", "HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)", "CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES)"]) {
      const sql = `${bid}INSERT INTO totals SELECT window_start, window_end, SUM(price) AS total_price FROM TABLE(${tvf}) GROUP BY window_start, window_end;`;
      expect(errors(sql)).toEqual([]);
      expect(warnings(sql).length).toBeGreaterThan(0);
    }
  });
});

describe('job.sql compiles into the Flink node', () => {
  it('a tumbling count with a watermark, WHERE and an Elasticsearch sink keyed by the primary key', () => {
    const r = checkFlinkSql(SOURCE + ES_SINK + TUMBLE, 'job.sql');
    expect(r.problems.list).toEqual([]);
    expect(r.compiled?.job).toEqual({ window: { type: 'tumbling', size: 10_000 }, 'key-by': 'status', watermark: { 'max-out-of-orderness': 5000 }, aggregate: 'count', where: '[status] != "404"' });
    // Connector defaults: sink.bulk-flush.interval 1 s, document-id.key-delimiter '_'.
    expect(r.compiled?.sink).toMatchObject({ kind: 'elasticsearch', spec: { index: 'counts', 'document-id': '{key}_{window.start}', 'bulk.flush.interval': 1000 } });
    expect(r.compiled?.source.spec).toEqual({ 'group.id': 'counter', 'starting-offsets': 'earliest' });
  });

  it('HOP (slide first, then size), SESSION group windows, SUM and AVG', () => {
    const hop = TUMBLE.replace("TUMBLE(TABLE logs, DESCRIPTOR(ts), INTERVAL '10' SECOND)", "HOP(TABLE logs, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '1' MINUTE)").replace('COUNT(*)', 'SUM(`bytes`)');
    expect(checkFlinkSql(SOURCE + ES_SINK + hop, 'job.sql').compiled?.job).toMatchObject({ window: { type: 'sliding', size: 60_000, slide: 5000 }, aggregate: 'sum:bytes' });
    const session = "INSERT INTO counts SELECT SESSION_START(ts, INTERVAL '30' SECOND), SESSION_END(ts, INTERVAL '30' SECOND), status, AVG(`bytes`) FROM logs GROUP BY SESSION(ts, INTERVAL '30' SECOND), status;";
    expect(checkFlinkSql(SOURCE + ES_SINK + session, 'job.sql').compiled?.job).toMatchObject({ window: { type: 'session', gap: 30_000 }, 'key-by': 'status', aggregate: 'avg:bytes' });
    const badHop = TUMBLE.replace("TUMBLE(TABLE logs, DESCRIPTOR(ts), INTERVAL '10' SECOND)", "HOP(TABLE logs, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '10' SECOND)");
    expect(errors(SOURCE + ES_SINK + badHop)[0]?.message).toMatch(/size must be an integral multiple of slide/);
  });

  it('COUNT(DISTINCT col) counts each value once (the keyed dedupe step); SUM(DISTINCT …) and an unknown column are not', () => {
    const withId = SOURCE.replace('status STRING,', 'status STRING,\n  event_id STRING,');
    const distinct = TUMBLE.replace('COUNT(*)', 'COUNT(DISTINCT event_id)');
    const r = checkFlinkSql(withId + ES_SINK + distinct, 'job.sql');
    expect(r.problems.list).toEqual([]);
    expect(r.compiled?.job).toMatchObject({ aggregate: 'count', dedupe: { field: 'event_id' } });
    expect(warnings(withId + ES_SINK + TUMBLE.replace('COUNT(*)', 'SUM(DISTINCT `bytes`)'))[0]?.message).toMatch(/SUM\(DISTINCT `bytes`\) \(COUNT\(DISTINCT col\) is simulated\)/);
    expect(errors(SOURCE + ES_SINK + distinct)[0]?.message).toMatch(/Column 'event_id' not found in any table/);
  });

  it('the legacy group window GROUP BY TUMBLE(…) takes table.exec.emit.allow-lateness; a window table function does not', () => {
    const legacy = "SET 'table.exec.emit.allow-lateness' = '30 s';\nINSERT INTO counts SELECT TUMBLE_START(ts, INTERVAL '10' SECOND), TUMBLE_END(ts, INTERVAL '10' SECOND), status, COUNT(*) FROM logs GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), status;";
    const config = new Map();
    const r = checkFlinkSql(SOURCE + ES_SINK + legacy, 'job.sql', config);
    expect(r.problems.list).toEqual([]);
    expect(r.compiled).toMatchObject({ groupWindow: true, job: { window: { type: 'tumbling', size: 10_000 }, 'key-by': 'status' } });
    expect(windowLatenessMs(config, { window: r.compiled!.job!.window, groupWindow: true, upsertSink: true })).toBe(30_000);
    // An append-only sink cannot take the re-fired windows; a window TVF ignores the option (warned).
    const appendOnly = new Problems('job.sql');
    const at = { line: 1, column: 1, endLine: 1, endColumn: 2 };
    const set = new Map([['table.exec.emit.allow-lateness', { value: '30 s', loc: at, file: appendOnly }]]);
    expect(windowLatenessMs(set, { window: { type: 'tumbling' }, groupWindow: true, upsertSink: false })).toBeUndefined();
    expect(appendOnly.list[0]?.message).toMatch(/doesn't support consuming update changes/);
    expect(windowLatenessMs(set, { window: { type: 'tumbling' }, upsertSink: true })).toBeUndefined();
    expect(appendOnly.list[1]?.message).toMatch(/a window table function fires each window once and drops late rows/);
  });

  it('Kafka sink defaults: at-least-once, the KafkaSink transaction timeout unless properties.transaction.timeout.ms', () => {
    const sink = "CREATE TABLE `out` (status STRING) WITH ('connector' = 'kafka', 'topic' = 'out', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');\nINSERT INTO `out` SELECT status FROM logs WHERE status IN ('500', '503');";
    const r = checkFlinkSql(SOURCE + sink, 'job.sql');
    expect(r.compiled?.sink).toMatchObject({ kind: 'kafka', topic: 'out', spec: { 'delivery-guarantee': 'at-least-once' } });
    expect(r.compiled?.sink.spec).not.toHaveProperty('transaction.timeout.ms');
    expect(r.compiled?.job).toEqual({ where: '[status] in ["500", "503"]' });
  });

  it('a filesystem sink writes to the object store under the path after the bucket; idle timeouts become the source idleness', () => {
    const sink = "CREATE TABLE lake (status STRING) WITH ('connector' = 'filesystem', 'path' = 's3://lake/raw/status/', 'format' = 'json');\nINSERT INTO lake SELECT status FROM logs;";
    const r = checkFlinkSql(SOURCE.replace("'format' = 'json'", "'format' = 'json',\n  'scan.watermark.idle-timeout' = '30 s'") + sink, 'job.sql');
    expect(r.problems.list).toEqual([]);
    expect(r.compiled?.sink).toEqual({ kind: 'filesystem', spec: { path: 'raw/status/' } });
    expect(r.compiled?.source.spec).toMatchObject({ idleness: 30_000 });
    expect(errors("CREATE TABLE lake (status STRING) WITH ('connector' = 'filesystem', 'format' = 'json');")[0]?.message).toMatch(/Missing required options are: path/);
  });

  it('scan.startup.mode defaults to group-offsets; without auto.offset.reset a new group fails in Flink (warned)', () => {
    const r = checkFlinkSql(SOURCE.replace("  'scan.startup.mode' = 'earliest-offset',\n", '') + ES_SINK + TUMBLE, 'job.sql');
    expect(r.compiled?.source.spec).toMatchObject({ 'starting-offsets': 'committed', 'auto.offset.reset': 'latest' });
    expect(r.problems.list[0]?.message).toMatch(/NoOffsetForPartitionException/);
  });
});

describe('refused as Flink refuses them, at file:line:col with a hint', () => {
  it('a syntax error: one located message, reserved words get a hint', () => {
    const e = errors(SOURCE.replace('`bytes`', 'bytes'));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: 'job.sql', line: 3, column: 3, hint: expect.stringMatching(/reserved word/) });
  });

  it('an option the connector does not have, a misspelt one, a bad value', () => {
    let e = errors(SOURCE.replace("'format' = 'json'", "'format' = 'json',\n  'enable.idempotence' = 'true'"));
    expect(e[0]).toMatchObject({ line: 13, column: 3, message: "Unsupported options found for 'kafka': 'enable.idempotence'" });
    e = errors(SOURCE.replace("'scan.startup.mode'", "'scan.startup-mode'"));
    expect(e[0]).toMatchObject({ line: 11, message: "Unsupported options found for 'kafka': 'scan.startup-mode'", hint: "did you mean 'scan.startup.mode'?" });
    e = errors(SOURCE.replace("'earliest-offset'", "'earliest'"));
    expect(e[0]).toMatchObject({ line: 11, column: 25, message: expect.stringMatching(/Invalid value for option 'scan.startup.mode'.*earliest-offset/) });
    e = errors(SOURCE.replace("'format' = 'json'", "'format' = 'json',\n  'json.fail-on-missing-fields' = 'true'"));
    expect(e[0]).toMatchObject({ hint: "did you mean 'json.fail-on-missing-field'?" });
  });

  it('no connector, an unknown connector, a missing required option', () => {
    expect(errors("CREATE TABLE t (a INT) WITH ('topic' = 'x');")[0]?.message).toMatch(/do not contain an option key 'connector'/);
    expect(errors("CREATE TABLE t (a INT) WITH ('connector' = 'kafak');")[0]).toMatchObject({ line: 1, column: 44, message: expect.stringMatching(/Could not find any factory for identifier 'kafak'/), hint: "did you mean 'kafka'?" });
    expect(errors("CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'topic' = 'x', 'format' = 'json');")[0]?.message).toMatch(/Missing required options are: properties.bootstrap.servers/);
    expect(warnings("CREATE TABLE t (a INT) WITH ('connector' = 'datagen');")[0]?.message).toMatch(/'datagen' is valid but not simulated: the simulation runs kafka, kinesis, elasticsearch-7 and filesystem/);
  });

  it('exactly-once without a transactional-id prefix; Elasticsearch hosts without a scheme; EXACTLY_ONCE into Elasticsearch', () => {
    const sink = "CREATE TABLE o (status STRING) WITH ('connector' = 'kafka', 'topic' = 'out', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once');";
    expect(errors(sink)[0]?.message).toBe('sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE.');
    expect(errors(ES_SINK.replace('http://elasticsearch:9200', 'elasticsearch:9200'))[0]?.message).toMatch(/It should follow the format 'http:\/\/host_name:port'/);
    expect(errors(ES_SINK.replace("'index' = 'counts'", "'index' = 'counts', 'sink.delivery-guarantee' = 'exactly-once'"))[0]?.message).toMatch(/does not support EXACTLY_ONCE/);
  });

  it('a window over a column that is not the watermarked one; a table nobody created', () => {
    const e = errors(SOURCE + ES_SINK + TUMBLE.replace('DESCRIPTOR(ts)', 'DESCRIPTOR(status)'));
    expect(e[0]).toMatchObject({ line: 27, column: 12, message: expect.stringMatching(/requires the timecol is a time attribute type/), hint: expect.stringMatching(/WATERMARK FOR status/) });
    expect(errors(SOURCE + TUMBLE)[0]).toMatchObject({ line: 14, column: 13, message: "Object 'counts' not found within 'default_catalog.default_database'" });
  });

  it('valid SQL the simulator does not model is a warning that names what it runs', () => {
    const w = warnings(SOURCE + ES_SINK + TUMBLE.replace("status <> '404'", "UPPER(status) = 'X'"));
    expect(w[0]?.message).toMatch(/the condition UPPER\(status\) = 'X' is valid Flink SQL but not simulated: WHERE supports comparisons/);
    const cumulate = TUMBLE.replace("TUMBLE(TABLE logs, DESCRIPTOR(ts), INTERVAL '10' SECOND)", "CUMULATE(TABLE logs, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)");
    expect(warnings(SOURCE + ES_SINK + cumulate)[0]?.message).toMatch(/CUMULATE windows \(TUMBLE, HOP and SESSION are simulated\)/);
    expect(errors(SOURCE + ES_SINK + cumulate)).toEqual([]);
  });
});

describe("Flink's config.yaml", () => {
  const compile = (text: string) => {
    const p = new Problems('config.yaml');
    const config = readFlinkConfigYaml(text, p);
    return { spec: compileFlinkConfig(config), problems: p.list };
  };

  it('defaults: no checkpoints → restart-strategy none; checkpoints → exponential-delay (first restart after 1 s)', () => {
    expect(compile('').spec).toEqual({ 'execution.checkpointing.mode': 'EXACTLY_ONCE', 'execution.checkpointing.timeout': 600_000, 'restart-strategy': { type: 'none' } });
    expect(compile('execution.checkpointing.interval: 10 s').spec).toMatchObject({ 'execution.checkpointing.interval': 10_000, 'restart-strategy': { type: 'fixed-delay', delay: 1000 } });
  });

  it('nested and dotted keys are the same option; fixed-delay defaults to one attempt', () => {
    const { spec } = compile('execution:\n  checkpointing:\n    interval: 30s\n    mode: AT_LEAST_ONCE\nrestart-strategy.type: fixed-delay\nrestart-strategy.fixed-delay.delay: 5 s');
    expect(spec).toMatchObject({ 'execution.checkpointing.interval': 30_000, 'execution.checkpointing.mode': 'AT_LEAST_ONCE', 'restart-strategy': { type: 'fixed-delay', delay: 5000, attempts: 1 } });
  });

  it('a bad value is an error at the value; an unknown key a warning with a guess; SET lines in job.sql override', () => {
    const p = checkFlinkConfigYaml('execution.checkpointing.interval: often\nexecution.checkpointing.intervall: 5 s', 'config.yaml').list;
    expect(p[0]).toMatchObject({ severity: 'error', line: 1, column: 35, message: expect.stringMatching(/Could not parse value 'often' for key 'execution.checkpointing.interval'/) });
    expect(p[1]).toMatchObject({ severity: 'warning', line: 2, hint: "did you mean 'execution.checkpointing.interval'?" });
    const config = new Map();
    checkFlinkSql("SET 'execution.checkpointing.interval' = '2 s';", 'job.sql', config);
    expect(compileFlinkConfig(config)).toMatchObject({ 'execution.checkpointing.interval': 2000 });
  });

  it("Flink's duration syntax", () => {
    expect(['10 s', '10s', '10000', '10 sec', '1 min', '500 ms'].map(parseFlinkDuration)).toEqual([10_000, 10_000, 10_000, 10_000, 60_000, 500]);
    expect(parseFlinkDuration('10 fortnights')).toBeUndefined();
  });
});

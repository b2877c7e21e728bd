/**
 * The Flink SQL `kinesis` source of flink-connector-aws 5.x, checked as its table factory checks it.
 * Sources (apache/flink-connector-aws v5.1.0): KinesisDynamicTableFactory (required stream.arn, format,
 * aws.region; `source.` and `aws.` keys passed on unchecked), KinesisSourceConfigOptions (defaults
 * LATEST, 10 s discovery), KinesisStreamsSourceConfigUtil (AT_TIMESTAMP needs a timestamp), and
 * docs/content/docs/connectors/table/kinesis.md ("Migrating from v4.x to v5.x", the legacy options).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlinkSql } from '../../../simulator/config/flink/index.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';

const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs';
const table = (options: string) => `CREATE TABLE lines (
  message STRING
) WITH (
  'connector' = 'kinesis',
${options}
);

CREATE TABLE archive (
  message STRING
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO archive SELECT message FROM lines;
`;
const V5 = `  'stream.arn' = '${ARN}',
  'aws.region' = 'us-east-1',
  'format' = 'json'`;
const check = (sql: string) => checkFlinkSql(sql, 'flink/job.sql');
const errors = (sql: string) => check(sql).problems.list.filter((p) => p.severity === 'error');
const warnings = (sql: string) => check(sql).problems.list.filter((p) => p.severity === 'warning');

describe("'connector' = 'kinesis' (flink-connector-aws 5.x)", () => {
  it('compiles to a Kinesis source with the documented defaults: LATEST, discovery every 10 s', () => {
    const r = check(table(V5));
    expect(r.problems.list).toEqual([]);
    expect(r.compiled?.source).toMatchObject({ kind: 'kinesis', streamName: 'logs', region: 'us-east-1', account: '123456789012', spec: { connector: 'kinesis', 'source.init.position': 'LATEST' } });
  });

  it('reads the 5.x source options it models', () => {
    const r = check(table(`${V5},
  'source.init.position' = 'TRIM_HORIZON',
  'source.shard.discovery.interval' = '30 s',
  'source.shard.get-records.max-record-count' = '500',
  'source.reader.empty-records-fetch-interval' = '1 s'`));
    expect(r.problems.list).toEqual([]);
    expect(r.compiled?.source.spec).toEqual({ connector: 'kinesis', 'source.init.position': 'TRIM_HORIZON', 'source.shard.discovery.interval': 30_000, 'source.shard.get-records.max-record-count': 500, 'source.reader.empty-records-fetch-interval': 1000 });
  });

  it('AT_TIMESTAMP reads the default pattern or seconds since the epoch, as virtual time of the run', () => {
    const at = (ts: string) => check(table(`${V5},\n  'source.init.position' = 'AT_TIMESTAMP',\n  'source.init.timestamp' = '${ts}'`)).compiled?.source.spec['source.init.timestamp'];
    // The run starts at 2026-01-01T00:00:00Z (simulator/workload/clock.ts).
    expect(at('2026-01-01T00:00:05.000Z')).toBe(5000);
    expect(at('2026-01-01T01:00:05.250+01:00')).toBe(5250);
    expect(at('1767225607.5')).toBe(7500);
  });

  it('AT_TIMESTAMP without a timestamp, or with one it cannot parse, stops the job', () => {
    expect(errors(table(`${V5},\n  'source.init.position' = 'AT_TIMESTAMP'`)).map((p) => p.message)).toEqual(["Please set value for initial timestamp ('source.init.timestamp') when using AT_TIMESTAMP initial position."]);
    expect(errors(table(`${V5},\n  'source.init.position' = 'AT_TIMESTAMP',\n  'source.init.timestamp' = 'yesterday'`))[0]?.message).toMatch(/^Invalid value given for initial timestamp for AT_TIMESTAMP/);
  });

  it('refuses a position the enum lacks', () => {
    expect(errors(table(`${V5},\n  'source.init.position' = 'EARLIEST'`)).map((p) => p.message)).toEqual(["Invalid value for option 'source.init.position'. Could not parse value 'EARLIEST'. Expected one of: [LATEST, TRIM_HORIZON, AT_TIMESTAMP]"]);
  });

  it('a missing required option is named, and the 4.x name of the stream points to stream.arn', () => {
    const [missing] = errors(table(`  'aws.region' = 'us-east-1',\n  'format' = 'json'`));
    expect(missing?.message).toBe("One or more required options are missing. Missing required options are: stream.arn (table 'lines')");
    expect(errors(table(`  'stream.arn' = '${ARN}',\n  'format' = 'json'`))[0]?.message).toBe("One or more required options are missing. Missing required options are: aws.region (table 'lines')");
  });

  it('a 4.x table is refused option by option, each error at the option and naming its 5.x replacement', () => {
    const sql = table(`  'stream' = 'logs',
  'aws.region' = 'us-east-1',
  'scan.stream.initpos' = 'TRIM_HORIZON',
  'scan.shard.getrecords.maxrecordcount' = '1000',
  'scan.shard.getrecords.backoff.base' = '300',
  'format' = 'json'`);
    const errs = errors(sql).map((p) => ({ line: p.line, column: p.column, message: p.message, hint: p.hint }));
    expect(errs).toEqual([
      { line: 5, column: 3, message: "Unsupported options found for 'kinesis': 'stream'", hint: "'stream' is the flink-connector-aws 4.x name: 5.x reads 'stream.arn' (the stream's ARN, e.g. 'arn:aws:kinesis:us-east-1:123456789012:stream/logs')" },
      { line: 7, column: 3, message: "Unsupported options found for 'kinesis': 'scan.stream.initpos'", hint: "'scan.stream.initpos' is the flink-connector-aws 4.x name: 5.x reads 'source.init.position'" },
      { line: 8, column: 3, message: "Unsupported options found for 'kinesis': 'scan.shard.getrecords.maxrecordcount'", hint: "'scan.shard.getrecords.maxrecordcount' is the flink-connector-aws 4.x name: 5.x reads 'source.shard.get-records.max-record-count'" },
      { line: 9, column: 3, message: "Unsupported options found for 'kinesis': 'scan.shard.getrecords.backoff.base'", hint: "'scan.shard.getrecords.backoff.base' is a flink-connector-aws 4.x option with no 5.x counterpart: remove it (only 'connector' = 'kinesis-legacy' still reads the 4.x names)" },
      { line: 1, column: 14, message: "One or more required options are missing. Missing required options are: stream.arn (table 'lines')", hint: "flink-connector-aws 5.x names the stream by its ARN: 'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs'" },
    ]);
    expect(check(sql).compiled).toBeUndefined();
  });

  it("an unknown 'source.' or 'aws.' key only warns: the factory passes those prefixes on unchecked", () => {
    const w = warnings(table(`${V5},\n  'source.init.postion' = 'TRIM_HORIZON'`));
    expect(w.map((p) => [p.message, p.hint])).toEqual([["'source.init.postion' is not an option of the Kinesis source: Flink passes 'source.*' keys on unchecked, so the job starts and ignores it", "did you mean 'source.init.position'?"]]);
  });

  it('an unknown key elsewhere stops the job, as for any table', () => {
    expect(errors(table(`${V5},\n  'stream.name' = 'logs'`)).map((p) => p.message)).toEqual(["Unsupported options found for 'kinesis': 'stream.name'"]);
  });

  it('valid options the simulation does not model warn', () => {
    const w = warnings(table(`${V5},\n  'source.reader.type' = 'EFO',\n  'aws.credentials.provider' = 'ASSUME_ROLE'`));
    expect(w.map((p) => p.message)).toEqual(["'source.reader.type' is valid but not simulated", "'aws.credentials.provider' is valid but not simulated"]);
    expect(check(table(`${V5},\n  'source.reader.type' = 'EFO'`)).compiled).toBeDefined();
  });

  it('stream.arn must be a Kinesis stream ARN, in the region of aws.region', () => {
    expect(errors(table(`  'stream.arn' = 'logs',\n  'aws.region' = 'us-east-1',\n  'format' = 'json'`)).map((p) => p.message)).toEqual(["Malformed ARN - doesn't start with 'arn:'"]);
    expect(errors(table(`  'stream.arn' = '${ARN}',\n  'aws.region' = 'eu-west-1',\n  'format' = 'json'`)).map((p) => p.message)).toEqual([`ResourceNotFoundException: the client in eu-west-1 cannot find ${ARN}: the stream is in us-east-1`]);
  });

  it("'kinesis-legacy' (the 4.x source in 5.x) is valid but not simulated", () => {
    expect(warnings(table(`  'stream' = 'logs',\n  'aws.region' = 'us-east-1',\n  'format' = 'json'`).replace("'kinesis'", "'kinesis-legacy'")).map((p) => p.message)).toContain("connector 'kinesis-legacy' is valid but not simulated: the simulation runs kafka, kinesis, elasticsearch-7 and filesystem tables");
  });
});

describe('a workspace whose Flink job reads a stream of aws/template.yaml', () => {
  const DIR = join(import.meta.dirname, '../../../lessons/09-aws/exercises/flink-restart-from-latest/starter');
  const files = () => readWorkspaceFolder(DIR);

  it('compiles the job into a flink node reading the stream node', () => {
    const o = compileWorkspace(files());
    if (!o.ok) throw new Error(JSON.stringify(o.errors));
    expect(o.warnings).toEqual([]);
    expect(o.spec.nodes.flink).toMatchObject({ type: 'flink', source: { connector: 'kinesis', node: 'logs', 'source.init.position': 'LATEST', 'source.shard.discovery.interval': 10_000 } });
    // Read by the job, the stream is no terminal output: the index is.
    expect(readFileSync(join(DIR, 'flink/job.sql'), 'utf8')).toContain(ARN);
  });

  it('a stream the template does not declare is an error at the ARN', () => {
    const f = files();
    f.set('flink/job.sql', f.get('flink/job.sql')!.replace('stream/logs', 'stream/log'));
    const o = compileWorkspace(f);
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.errors[0]).toMatchObject({ line: 6, message: 'no AWS::Kinesis::Stream named log in aws/template.yaml', hint: 'did you mean "logs"?' });
  });

  it('another account is not found', () => {
    const f = files();
    f.set('flink/job.sql', f.get('flink/job.sql')!.replace('123456789012', '210987654321'));
    const o = compileWorkspace(f);
    expect(!o.ok && o.errors[0]?.message).toBe('ResourceNotFoundException: Stream logs under account 210987654321 not found');
  });
});

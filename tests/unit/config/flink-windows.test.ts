/**
 * The window queries of Flink's "Windowing TVF" and "Window Aggregation" pages (the Bid table), as
 * the simulator reads them: TUMBLE and HOP (positional and named parameters) and the SESSION and
 * TUMBLE group windows compile into the Flink node; CUMULATE, a window offset and the SESSION table
 * function are refused at file:line:col with what is simulated. Late rows: a window table function
 * fires each window once and drops what comes after, so the job has no lateness; only a legacy group
 * window takes the experimental table.exec.emit.allow-lateness.
 */
import { describe, expect, it } from 'vitest';
import { checkFlinkSql, readFlinkConfigYaml } from '../../../simulator/config/flink/index.js';
import { Problems } from '../../../simulator/config/shared/issues.js';

// The docs' Bid table, read from Kafka, and a sink for per-supplier totals.
const BID = `CREATE TABLE Bid (
  bidtime TIMESTAMP(3),
  price DECIMAL(10, 2),
  item STRING,
  supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'bid', 'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'bids', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
CREATE TABLE totals (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  supplier_id STRING,
  total_price DECIMAL(10, 2)
) WITH ('connector' = 'elasticsearch-7', 'hosts' = 'http://es:9200', 'index' = 'totals');
`;
/** The line of BID + query(…) holding the table function: BID is 14 lines, INSERT INTO is line 15. */
const QUERY_LINE = 16;
const query = (tvf: string) => `INSERT INTO totals
SELECT window_start, window_end, supplier_id, SUM(price) AS total_price FROM TABLE(${tvf})
GROUP BY window_start, window_end, supplier_id;
`;
const check = (sql: string) => checkFlinkSql(sql, 'job.sql');
const bySeverity = (sql: string, severity: 'error' | 'warning') => check(sql).problems.list.filter((p) => p.severity === severity);

describe('window table functions the simulator runs', () => {
  it('TUMBLE, positional and with named parameters', () => {
    for (const tvf of ["TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)", "TUMBLE(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), SIZE => INTERVAL '10' MINUTES)"]) {
      const r = check(BID + query(tvf));
      expect(r.problems.list).toEqual([]);
      expect(r.compiled?.job).toEqual({ window: { type: 'tumbling', size: 600_000 }, 'key-by': 'supplier_id', watermark: { 'max-out-of-orderness': 1000 }, aggregate: 'sum:price' });
    }
  });

  it('HOP: slide first, then size; named SLIDE and SIZE in any order', () => {
    for (const tvf of ["HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)", "HOP(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), SLIDE => INTERVAL '5' MINUTES, SIZE => INTERVAL '10' MINUTES)", "HOP(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), SIZE => INTERVAL '10' MINUTES, SLIDE => INTERVAL '5' MINUTES)"]) {
      expect(check(BID + query(tvf)).compiled?.job?.window).toEqual({ type: 'sliding', size: 600_000, slide: 300_000 });
    }
  });

  it('SESSION as a group window, with SESSION_START and SESSION_END', () => {
    const sql = `${BID}INSERT INTO totals
SELECT SESSION_START(bidtime, INTERVAL '5' MINUTE), SESSION_END(bidtime, INTERVAL '5' MINUTE), supplier_id, SUM(price)
FROM Bid GROUP BY SESSION(bidtime, INTERVAL '5' MINUTE), supplier_id;`;
    const r = check(sql);
    expect(r.problems.list).toEqual([]);
    expect(r.compiled?.job).toMatchObject({ window: { type: 'session', gap: 300_000 }, 'key-by': 'supplier_id' });
  });

  it('late rows are dropped: the compiled job keeps no window open after the watermark passes it', () => {
    const job = check(BID + query("TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)")).compiled?.job;
    expect(job).not.toHaveProperty('allowed-lateness');
    expect(job).not.toHaveProperty('late-data');
  });
});

describe('window SQL the simulator refuses, located', () => {
  it('CUMULATE parses and is refused at the table function, naming what is simulated', () => {
    const w = bySeverity(BID + query("CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES)"), 'warning');
    expect(w[0]).toMatchObject({ file: 'job.sql', line: QUERY_LINE, column: 84 });
    expect(w[0]?.message).toMatch(/CUMULATE windows \(TUMBLE, HOP and SESSION are simulated\)/);
    expect(check(BID + query("CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES)")).compiled).toBeUndefined();
  });

  it("CUMULATE's size must be a multiple of its step, as the planner requires", () => {
    const e = bySeverity(BID + query("CUMULATE(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), STEP => INTERVAL '3' MINUTES, SIZE => INTERVAL '10' MINUTES)"), 'error');
    expect(e[0]).toMatchObject({ line: QUERY_LINE, message: 'CUMULATE table function based aggregate requires maxSize must be an integral multiple of step, but got maxSize 600000 ms and step 180000 ms.' });
  });

  it('a window offset is refused', () => {
    const w = bySeverity(BID + query("TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES)"), 'warning');
    expect(w[0]?.message).toMatch(/TUMBLE with an offset/);
  });

  it('the SESSION table function of Flink 1.19+ is a syntax error at SESSION, with the group-window form as the hint', () => {
    const e = bySeverity(BID + query("SESSION(TABLE Bid PARTITION BY supplier_id, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES)"), 'error');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ line: QUERY_LINE, column: 84 });
    expect(e[0]?.hint).toMatch(/GROUP BY SESSION\(ts, INTERVAL '30' SECOND\), key/);
  });

  it('the legacy GROUP BY TUMBLE(…) compiles as a group window (deprecated, but the one the emit options apply to)', () => {
    const sql = `${BID}INSERT INTO totals
SELECT TUMBLE_START(bidtime, INTERVAL '10' MINUTE), TUMBLE_END(bidtime, INTERVAL '10' MINUTE), supplier_id, SUM(price)
FROM Bid GROUP BY TUMBLE(bidtime, INTERVAL '10' MINUTE), supplier_id;`;
    const r = checkFlinkSql(sql, 'job.sql');
    expect(r.problems.list).toEqual([]);
    expect(r.compiled).toMatchObject({ groupWindow: true, job: { window: { type: 'tumbling', size: 600_000 }, 'key-by': 'supplier_id', aggregate: 'sum:price' } });
  });

  it('a window on a column without a WATERMARK is an error at the table function', () => {
    const e = bySeverity(BID.replace("  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND\n", '').replace('supplier_id STRING,', 'supplier_id STRING') + query("TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)"), 'error');
    expect(e[0]?.message).toMatch(/requires the timecol is a time attribute type/);
  });

  it("allowed lateness is not Flink SQL's for window table functions: only allow-lateness of the experimental emit options is simulated (legacy group windows)", () => {
    const p = new Problems('config.yaml');
    readFlinkConfigYaml('table.exec.emit.allow-lateness: 1 min\ntable.exec.emit.late-fire.enabled: true\n', p);
    expect(p.list.map((i) => [i.severity, i.line, i.message])).toEqual([['warning', 2, "'table.exec.emit.late-fire.enabled' is valid but not simulated"]]);
    expect(p.list[0]?.hint).toMatch(/legacy group windows only/);
  });
});

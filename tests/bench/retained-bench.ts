/**
 * The heap a finished run keeps per record, for every example scaled to about 300,000 records: the
 * measurement behind BYTES_PER_STORED_RECORD and BYTES_PER_EXTRA_STORE (simulator/spec/limits.ts).
 * Rerun it when the model's memory per record changes, and move those estimates with it.
 *
 * Each example keeps its timeline (duration, drain, faults at their times) and has its workload
 * rate raised so that rate × duration is the record count. Each runs in a Node process of its own
 * with `--expose-gc`: the retained bytes are heapUsed after a full GC with the run handle still
 * referenced, minus heapUsed before the run. Typed-array columns keep their contents outside the
 * V8 heap (Node counts them as `arrayBuffers`), so that is printed and counted as well. The
 * per-record figure leaves out the per-second samples at BYTES_PER_STAGE_SAMPLE each, which the
 * estimate counts apart. A scaled example that ends at its deadline (a pipeline bound by its
 * throughput leaves most records upstream, and its stores keep less than they would) runs again
 * with a 1 h drain, and that run is the one counted.
 *
 * Usage: `npx tsx tests/bench/retained-bench.ts [records] [example-name …]` (a few minutes; not part of `npm test`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpec, formatIssue } from '../../simulator/spec/index.js';
import { estimateRun, BYTES_PER_STAGE_SAMPLE } from '../../simulator/spec/limits.js';
import { runSync } from '../../simulator/run/run.js';
import { withRecords } from './bench-specs.js';

interface Measured {
  example: string;
  records: number;
  stores: number;
  ended: string;
  events: number;
  ms: number;
  /** V8 heap kept by the finished run. */
  heapBytes: number;
  /** ArrayBuffer contents (typed-array columns) kept by the finished run. */
  bufferBytes: number;
  /** Stage samples the run actually took (stages × per-second samples); the estimate counts them apart from the records. */
  stageSamples: number;
  /** Share of the records that reached the output that got most of them (a run that ends at its deadline may store few). */
  delivered: number;
  /** The drain the run had: the example's own, or a longer one when the scaled run did not drain in it. */
  drainMs: number;
  peakRssBytes: number;
}

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));

function memory(): { heap: number; buffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the measuring child with --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

/** One example in this process: parse, scale, run, measure, print one JSON line. */
function measureOne(file: string, records: number, drainMs: number | undefined): void {
  const parsed = parseSpec(readFileSync(`${examplesDir}${file}`, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map(formatIssue).join('; ')}`);
  const scaled = withRecords(parsed.spec, records);
  const spec = drainMs === undefined ? scaled : { ...scaled, drain: drainMs };
  const estimate = estimateRun(spec);
  const before = memory();
  const started = performance.now();
  const handle = runSync(spec);
  const ms = performance.now() - started;
  const after = memory();
  const out: Measured = {
    example: basename(file, '.yaml'),
    records: handle.workload.total,
    stores: estimate.stores,
    ended: handle.result.ended,
    events: handle.result.events,
    ms: Math.round(ms),
    heapBytes: after.heap - before.heap,
    bufferBytes: after.buffers - before.buffers,
    stageSamples: handle.result.samples.reduce((sum, sample) => sum + Object.keys(sample.stages).length, 0),
    delivered: Math.max(0, ...Object.values(handle.result.outputs).map((o) => (o.exactlyOnce + o.duplicated) / Math.max(1, o.generated))),
    drainMs: spec.drain,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  // The handle stays referenced until after the measurement above.
  if (handle.result === undefined) throw new Error('unreachable');
  console.log(JSON.stringify(out));
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    measureOne(args[1]!, Number(args[2]), args[3] === undefined ? undefined : Number(args[3]));
    return;
  }
  const records = Number(args.find((a) => /^\d+$/.test(a)) ?? 300_000);
  const only = args.filter((a) => !/^\d+$/.test(a));
  const files = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.yaml'))
    .filter((f) => only.length === 0 || only.includes(basename(f, '.yaml')))
    .sort();
  const self = fileURLToPath(import.meta.url);
  const rows: Measured[] = [];
  for (const file of files) {
    // A process per example: one run's garbage and fragmentation do not reach the next measurement.
    const row = measureInChild(self, file, records);
    if (!row) continue;
    print(row);
    // Scaled up, a throughput-bound pipeline ends at its deadline with most records still upstream,
    // and its stores keep less than they would: run it again with room to drain, and count that one.
    if (row.ended === 'deadline') {
      const drained = measureInChild(self, file, records, LONG_DRAIN_MS);
      if (drained) print(drained);
      rows.push(drained ?? row);
    } else {
      rows.push(row);
    }
  }
  console.log('\nheaviest per stores kept (heap + buffers per record, less samples; drained runs where the first ended at its deadline):');
  const byStores = new Map<number, Measured>();
  for (const row of rows) {
    const best = byStores.get(row.stores);
    if (!best || perRecord(row) > perRecord(best)) byStores.set(row.stores, row);
  }
  for (const [stores, row] of [...byStores].sort((a, b) => a[0] - b[0])) console.log(`  ${stores} store(s): ${row.example} ${perRecord(row).toFixed(0)} B/record`);
}

/** The drain a run that ended at its deadline gets on its second try (it still ends once nothing is in flight). */
const LONG_DRAIN_MS = 3_600_000;

function measureInChild(self: string, file: string, records: number, drainMs?: number): Measured | undefined {
  const args = ['--expose-gc', '--import', 'tsx', self, '--one', file, String(records), ...(drainMs === undefined ? [] : [String(drainMs)])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    console.log(`${file}: failed (exit ${child.status}) ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return undefined;
  }
  return JSON.parse(line) as Measured;
}

/** Heap and buffers kept per record, less what the per-second samples take (the estimate counts those apart). */
const perRecord = (row: Measured) => (row.heapBytes + row.bufferBytes - row.stageSamples * BYTES_PER_STAGE_SAMPLE) / Math.max(1, row.records);

function print(row: Measured): void {
  const per = (bytes: number) => (bytes / Math.max(1, row.records)).toFixed(0).padStart(5);
  console.log(
    `${row.example.padEnd(32)} ${row.records.toLocaleString('en-US').padStart(9)} rec  ${row.stores} stores  ${(row.ms / 1000).toFixed(1).padStart(5)} s  ` +
      `heap ${per(row.heapBytes)} B/rec  buffers ${per(row.bufferBytes)} B/rec  total ${per(row.heapBytes + row.bufferBytes)} B/rec  ` +
      `less samples ${perRecord(row).toFixed(0).padStart(5)} B/rec  (${row.stageSamples.toLocaleString('en-US')} stage samples)  ` +
      `delivered ${(row.delivered * 100).toFixed(0)}%  drain ${row.drainMs / 1000} s  peak RSS ${(row.peakRssBytes / 1e6).toFixed(0)} MB  ${row.events.toLocaleString('en-US')} events  ended ${row.ended}`,
  );
}

main();

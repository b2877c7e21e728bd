/**
 * The largest runs the limits allow (simulator/spec/limits.ts), each in a fresh Chromium worker:
 * they must be accepted and finish without crashing the tab. One record over the records limit, and
 * the heaviest shape where the memory estimate stops it, must be refused. This is the measurement
 * behind LIMITS.records and LIMITS.retainedBytes; rerun it when the model's memory per record
 * changes (tests/bench/retained-bench.ts measures that), and move the limits with it.
 *
 * The shapes are the heaviest retained-bench.ts measured, each an example scaled by its workload
 * rate on its own timeline, at the most records both limits accept; and issue 5's full pipeline.
 * `--records N` runs every shape at N records instead, without asking the limits (to find where
 * the tab gives out); `--only TEXT` keeps the cases whose label contains TEXT.
 *
 * Usage: `npx tsx tests/bench/limits-bench.ts [--records N] [--only TEXT]` (ten minutes or more; not part of `npm test`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchBrowser } from '../browser/support.js';
import { estimateRun, LIMITS } from '../../simulator/spec/limits.js';
import { FULL_PIPELINE, parseBenchSpec, withRecords } from './bench-specs.js';

type Reply = { records: number; delivered: number; events: number; ended: string; ms: number } | { refused: string } | { crashed: true };

/** The heaviest shapes retained-bench.ts measured (7 December 2026, Node heap + typed-array buffers per record). */
const HEAVIEST = [
  // The heaviest shape: grok + date + mutate, every record an Elasticsearch document (268 B).
  'seed-beats-logstash-es',
  // The heaviest one-store shape: add_id, a persisted queue, resends and duplicates (312 B).
  'beats-add-id-effectively-once',
  // The heaviest shape over all: a Kafka topic and Elasticsearch both keep every record (400 B).
  'exactly-once-end-to-end',
  // Three stores (236 B measured, 600 B estimated): the memory estimate stops it below the records limit.
  'flink-kafka-exactly-once',
];

/**
 * An example with a 1 h drain: scaled up, a pipeline bound by its throughput would end at its own
 * deadline with most records still upstream and its stores nearly empty; a run ends by itself once
 * nothing is left in flight, so the longer drain only lets it deliver what it can.
 */
const example = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../examples/${name}.yaml`, import.meta.url)), 'utf8').replace(/^drain: .*$/m, 'drain: 1h');
/** `text` with its workload rate set so that its own duration holds `records` records. */
function scaled(text: string, records: number): string {
  const seconds = parseBenchSpec(text, 'pipeline.yaml').duration / 1000;
  const out = text.replace(/rate: [\d.]+\/s/, `rate: ${records / seconds}/s`);
  if (out === text) throw new Error('no workload rate to scale');
  return out;
}

/** The most records `text`'s shape may generate, and whether the memory estimate (rather than the records limit) decides it. */
function largestAllowed(text: string): { records: number; byMemory: boolean } {
  const spec = parseBenchSpec(text, 'pipeline.yaml');
  // The estimate is linear in the records (per-record bytes plus samples that do not depend on them).
  const fixed = estimateRun(withRecords(spec, 0)).retainedBytes;
  const perRecord = (estimateRun(withRecords(spec, 1_000_000)).retainedBytes - fixed) / 1_000_000;
  const byMemory = Math.floor((LIMITS.retainedBytes - fixed) / perRecord);
  return byMemory < LIMITS.records ? { records: byMemory, byMemory: true } : { records: LIMITS.records, byMemory: false };
}

const fmt = (records: number) => records.toLocaleString('en-US');
const args = process.argv.slice(2);
const forced = args.includes('--records') ? Number(args[args.indexOf('--records') + 1]) : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]! : '';

/** `records`, when set, makes the worker scale the parsed spec itself, past the limits (`--records`). */
const cases: { label: string; text: string; records?: number }[] = [];
for (const name of HEAVIEST) {
  const text = example(name);
  if (forced !== undefined) {
    cases.push({ label: `${name}, ${fmt(forced)} records (forced)`, text, records: forced });
    continue;
  }
  const allowed = largestAllowed(text);
  const why = allowed.byMemory ? 'the most the memory estimate allows' : 'the records limit';
  cases.push({ label: `${name}, ${fmt(allowed.records)} records (${why})`, text: scaled(text, allowed.records) });
  if (allowed.byMemory) {
    cases.push({ label: `${name}, ${fmt(LIMITS.records)} records (over the memory estimate: must be refused)`, text: scaled(text, LIMITS.records) });
  }
}
if (forced !== undefined) {
  cases.push({ label: `full pipeline, ${fmt(forced)} records (forced)`, text: FULL_PIPELINE(100_000), records: forced });
} else {
  cases.push({ label: `full pipeline, ${fmt(LIMITS.records)} records (the records limit)`, text: FULL_PIPELINE(LIMITS.records) });
  cases.push({ label: 'seed-beats-logstash-es, one record per second over the records limit (must be refused)', text: scaled(example(HEAVIEST[0]!), LIMITS.records + 60) });
}

console.log(`records limit ${fmt(LIMITS.records)}, memory estimate limit ${fmt(LIMITS.retainedBytes / 1e6)} MB\n`);
const bundle = await build({ entryPoints: [fileURLToPath(new URL('./limits-worker.ts', import.meta.url))], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
const code = bundle.outputFiles[0]!.text;
for (const c of cases.filter((c) => c.label.includes(only))) {
  // A browser of its own per run: nothing left over from the run before, and a crash takes only that run.
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const crashed = new Promise<Reply>((resolve) => page.on('crash', () => resolve({ crashed: true })));
    await page.setContent('<!doctype html><title>limits</title>');
    const started = Date.now();
    const ran = page.evaluate(
      ([code, text, label, records]) =>
        new Promise<Reply>((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          worker.onmessage = (e: MessageEvent<Reply>) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ text, label, records });
        }),
      [code, c.text, 'pipeline.yaml', c.records] as const,
    );
    const reply = await Promise.race([ran, crashed]).catch((error: unknown) => ({ refused: `worker error: ${String(error)}` }) as Reply);
    const wall = ((Date.now() - started) / 1000).toFixed(1);
    if ('crashed' in reply) console.log(`${c.label}: CRASHED the tab after ${wall} s`);
    else if ('refused' in reply) console.log(`${c.label}: refused — ${reply.refused}`);
    else console.log(`${c.label}: finished, ${fmt(reply.records)} records (${fmt(reply.delivered)} delivered), ended ${reply.ended}, ${fmt(reply.events)} events, ${(reply.ms / 1000).toFixed(1)} s simulating (${wall} s wall)`);
  } finally {
    await browser.close();
  }
}

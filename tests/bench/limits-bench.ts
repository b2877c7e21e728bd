/**
 * The largest runs the limits allow (simulator/spec/limits.ts), each in a fresh Chromium worker:
 * they must be accepted and finish without crashing the tab. One record over the limit must be
 * refused. This is the measurement behind LIMITS.records; rerun it when the model's memory per
 * record changes, and move the limit with it.
 *
 * Usage: `npx tsx tests/bench/limits-bench.ts` (a few minutes; not part of `npm test`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchBrowser } from '../browser/support.js';
import { LIMITS } from '../../simulator/spec/limits.js';
import { FULL_PIPELINE } from './bench-specs.js';

type Reply = { records: number; events: number; ended: string; ms: number } | { refused: string } | { crashed: true };

/** The heaviest shape measured: every record kept as an Elasticsearch document, 60 s of traffic. */
function heaviest(records: number): string {
  const text = readFileSync(fileURLToPath(new URL('../../examples/seed-beats-logstash-es.yaml', import.meta.url)), 'utf8');
  return text.replace(/rate: \d+\/s/, `rate: ${records / 60}/s`);
}

const cases: { label: string; text: string }[] = [
  { label: `heaviest shape (Elasticsearch keeps every record), ${LIMITS.records.toLocaleString('en-US')} records`, text: heaviest(LIMITS.records) },
  { label: `full pipeline, ${LIMITS.records.toLocaleString('en-US')} records`, text: FULL_PIPELINE(LIMITS.records) },
  { label: 'heaviest shape, one record per second over the limit (must be refused)', text: heaviest(LIMITS.records + 60) },
];

const bundle = await build({ entryPoints: [fileURLToPath(new URL('./limits-worker.ts', import.meta.url))], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
const code = bundle.outputFiles[0]!.text;
for (const c of cases) {
  // A browser of its own per run: nothing left over from the run before, and a crash takes only that run.
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const crashed = new Promise<Reply>((resolve) => page.on('crash', () => resolve({ crashed: true })));
    await page.setContent('<!doctype html><title>limits</title>');
    const started = Date.now();
    const ran = page.evaluate(
      ([code, text, label]) =>
        new Promise<Reply>((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          worker.onmessage = (e: MessageEvent<Reply>) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ text, label });
        }),
      [code, c.text, 'pipeline.yaml'] as const,
    );
    const reply = await Promise.race([ran, crashed]).catch((error: unknown) => ({ refused: `worker error: ${String(error)}` }) as Reply);
    const wall = ((Date.now() - started) / 1000).toFixed(1);
    if ('crashed' in reply) console.log(`${c.label}: CRASHED the tab after ${wall} s`);
    else if ('refused' in reply) console.log(`${c.label}: refused — ${reply.refused}`);
    else console.log(`${c.label}: finished, ended ${reply.ended}, ${reply.events.toLocaleString('en-US')} events, ${(reply.ms / 1000).toFixed(1)} s simulating (${wall} s wall)`);
  } finally {
    await browser.close();
  }
}

/**
 * `npx tsx tests/bench/scrub-bench.ts`: how long one scrubber step takes on a 1,000,000-record run.
 *
 * The run happens in Node (as the worker would). The diagram is laid out with ELK and rendered
 * to SVG markup, then put into a page in real Chromium together with a bundle of the page's own
 * code (simulator/diagram/state.ts + site/scripts/diagram/live.ts). Each step = build the state
 * at t by binary search over the per-second samples + apply it to the SVG + let Chromium lay
 * out and paint (a forced layout, then the next animation frame). Target: < 50 ms per step.
 * Also prints the model step alone in Node. Not a test: timings depend on the machine.
 */
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { build } from 'esbuild';
import { parseSpec } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';
import { diagramOf } from '../../simulator/diagram/model.js';
import { buildTimeline, stateAt } from '../../simulator/diagram/state.js';
import { layoutDiagram } from '../../site/scripts/diagram/layout.js';
import { svgMarkup } from '../../site/scripts/diagram/render.js';
import { launchBrowser } from '../browser/support.js';
import { FULL_PIPELINE } from './bench-specs.js';

const RECORDS = 1_000_000;
const STEPS = 200;
const root = fileURLToPath(new URL('../../', import.meta.url));

const text = `${FULL_PIPELINE(RECORDS)}
faults:
  - { link: logstash->kafka, loss: 0.02, from: 20s, to: 40s }
  - { crash: flink, at: 50s, restart-after: 5s }
  - { crash: kafka/broker-2, at: 60s, restart-after: 10s }
`;
const parsed = parseSpec(text, 'scrub-bench');
if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));

let t0 = performance.now();
const handle = runSync(parsed.spec);
console.log(`run: ${handle.workload.total.toLocaleString('en')} records, ${handle.result.samples.length} samples in ${Math.round(performance.now() - t0)} ms`);
const model = diagramOf(parsed.spec);
const run = { samples: handle.result.samples, log: handle.result.log, simulatedMs: handle.result.simulatedMs };
const end = run.simulatedMs;
const times = Array.from({ length: STEPS }, (_, i) => Math.round(((i * 7919) % STEPS) * (end / STEPS)));

// The model step alone, in Node.
const tl = buildTimeline(model, run);
t0 = performance.now();
for (const t of times) stateAt(tl, t);
console.log(`model step in Node: ${((performance.now() - t0) / STEPS).toFixed(3)} ms per step (state at t over ${run.samples.length} samples)`);

const layout = await layoutDiagram(model, new ELK());
const markup = svgMarkup(model, layout, 'bench', { interactive: true });
const bundle = await build({
  stdin: {
    contents: `import { buildTimeline, stateAt } from './simulator/diagram/state.ts';
import { bindSvg, applyState } from './site/scripts/diagram/live.ts';
globalThis.benchScrub = async ({ model, run, times }) => {
  const tl = buildTimeline(model, run);
  const bound = bindSvg(document.querySelector('svg'));
  const durations = [];
  for (const t of times) {
    const start = performance.now();
    applyState(bound, model, stateAt(tl, t));
    document.body.getBoundingClientRect();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { mean: durations.reduce((a, b) => a + b, 0) / durations.length, p95: durations[Math.floor(durations.length * 0.95)], max: durations[durations.length - 1] };
};`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'silent',
});

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent(`<!doctype html><html><body><div id="host">${markup}</div></body></html>`);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  // The timing loop is page code (plain JS in the bundle), so nothing of tsx's transform leaks into the page.
  const perStep = (await page.evaluate((args) => (globalThis as unknown as { benchScrub: (a: unknown) => Promise<unknown> }).benchScrub(args), { model, run, times })) as { mean: number; p95: number; max: number };
  console.log(
    `Chromium scrub step (state at t + SVG update + layout + next frame): mean ${perStep.mean.toFixed(2)} ms, p95 ${perStep.p95.toFixed(2)} ms, max ${perStep.max.toFixed(2)} ms over ${STEPS} steps → ${perStep.p95 < 50 ? 'meets' : 'misses'} the 50 ms target`,
  );
} finally {
  await browser.close();
}

/** A Chromium worker that times pipeline-floor.ts on one spec: the browser benches' baseline (bench-page.ts bundles it). */
import { parseBenchSpec } from './bench-specs.js';
import { pipelineFloor } from './pipeline-floor.js';

const scope = self as unknown as { onmessage: (e: MessageEvent<{ text: string; label: string }>) => void; postMessage(message: unknown): void };
scope.onmessage = (e) => scope.postMessage(pipelineFloor(parseBenchSpec(e.data.text, e.data.label)));

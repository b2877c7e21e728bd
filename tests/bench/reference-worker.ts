/** A Chromium worker that times the id reference (id-reference.ts) on one spec: the browser benches' reference (bench-page.ts bundles it). */
import { parseBenchSpec } from './bench-specs.js';
import { idReference } from './id-reference.js';

const scope = self as unknown as { onmessage: (e: MessageEvent<{ text: string; label: string }>) => void; postMessage(message: unknown): void };
scope.onmessage = (e) => scope.postMessage(idReference(parseBenchSpec(e.data.text, e.data.label)));

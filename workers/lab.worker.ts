/**
 * The Lab page's worker: sweeps, counterfactuals and counterexample searches (workers/lab-session.ts),
 * exposed with comlink. Yielding uses a MessageChannel round trip — a macrotask without
 * setTimeout's 4 ms clamp — so a sweep of a hundred runs loses almost nothing to yielding, yet
 * a `cancel()` from the page is handled between two slices.
 */
import { expose } from 'comlink';
import { createLabSession } from './lab-session.js';

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

expose(createLabSession({ yieldToHost, wallClock: () => performance.now() }));

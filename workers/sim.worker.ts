/**
 * The only place the browser runs the simulator (DESIGN §1). Exposes the session over comlink.
 *
 * Yielding uses a MessageChannel round trip: a macrotask without setTimeout's 4 ms clamp, so a
 * million-record run loses almost nothing to yielding, yet the worker's event loop turns between
 * slices and a `cancel()` from the page is handled before the next slice starts.
 */
import { expose } from 'comlink';
import { createSession } from './session.js';
import { HEARTBEAT_MS } from './heartbeat.js';

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

expose(createSession({ yieldToHost, wallClock: () => performance.now() }));

// A heartbeat, so the page notices within 2 s when this worker is gone without an error event
// (closed, or killed by the browser). comlink ignores messages that carry no call id.
setInterval(() => postMessage({ heartbeat: true }), HEARTBEAT_MS);

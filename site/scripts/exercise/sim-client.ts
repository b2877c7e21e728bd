/// <reference types="vite/client" />
/**
 * The page's side of the simulator worker: creates it (Vite `?worker` import; needs
 * `vite.worker.format: 'es'` in astro.config.mjs, which is set), wraps it with comlink, and
 * watches it. A worker that throws, dies (out of memory kills it silently) or stops answering
 * is reported as a WorkerFailure; the island then offers to restart it. Nothing here touches
 * the learner's draft, which lives in the editor and localStorage.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import SimWorker from '../../../workers/sim.worker.ts?worker';
import type { SimApi, RunProgress } from '../../../workers/api.js';
import { BUSY_HEARTBEAT_LIMIT_MS, HEARTBEAT_LIMIT_MS, isHeartbeat } from '../../../workers/heartbeat.js';

export type FailureKind = 'crashed' | 'unresponsive' | 'threw';

export class WorkerFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/**
 * How long a call may go without any sign of life (a reply or a progress report). Generous: a
 * worker cannot answer while it builds a large run (computing the workload's true answer over
 * millions of records takes seconds), and a busy worker looks exactly like a hung one.
 */
const IDLE_LIMIT_MS = 60_000;

export class SimClient {
  private worker: Worker | undefined;
  private api: Remote<SimApi> | undefined;
  private crashed: ((f: WorkerFailure) => void)[] = [];
  private inFlight = 0;
  private lastBeat = 0;
  private pulse: ReturnType<typeof setInterval> | undefined;

  /**
   * Told when the worker dies while no call waits on it (a call gets the failure as its rejection):
   * the heartbeat stopped, or an error event came between calls.
   */
  onDeath: ((f: WorkerFailure) => void) | undefined;

  /** Starts the worker (again). */
  start(): void {
    this.stop();
    const worker = new SimWorker();
    // Armed by the first beat (loading the worker's modules may take longer than the limit).
    // While a call runs the worker beats between slices, but may be busy for a while at the end
    // of a big run: the limit is then BUSY_HEARTBEAT_LIMIT_MS.
    this.lastBeat = 0;
    worker.addEventListener('message', (event) => {
      if (isHeartbeat(event.data)) this.lastBeat = performance.now();
    });
    this.pulse = setInterval(() => {
      const limit = this.inFlight === 0 ? HEARTBEAT_LIMIT_MS : BUSY_HEARTBEAT_LIMIT_MS;
      if (this.lastBeat > 0 && performance.now() - this.lastBeat > limit) {
        this.fail(new WorkerFailure('crashed', `no heartbeat for ${limit / 1000} s`));
      }
    }, 250);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail(new WorkerFailure('crashed', event.message || 'the worker stopped'));
    });
    worker.addEventListener('messageerror', () => this.fail(new WorkerFailure('crashed', 'a message could not be read')));
    this.worker = worker;
    this.api = wrap<SimApi>(worker);
  }

  stop(): void {
    clearInterval(this.pulse);
    this.pulse = undefined;
    this.inFlight = 0;
    if (this.api) this.api[releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
  }

  private fail(f: WorkerFailure): void {
    const waiters = this.crashed;
    this.crashed = [];
    this.stop();
    for (const w of waiters) w(f);
    if (waiters.length === 0) this.onDeath?.(f);
  }

  /**
   * Calls the worker and waits for the answer, failing with a WorkerFailure if the worker dies
   * or stays silent longer than IDLE_LIMIT_MS. `onProgress` (when given) counts as a sign of life.
   */
  call<T>(fn: (api: Remote<SimApi>, progress: ((p: RunProgress) => void) & object) => Promise<T>, onProgress?: (p: RunProgress) => void): Promise<T> {
    if (!this.api) this.start();
    const api = this.api!;
    return new Promise<T>((resolve, reject) => {
      let lastSign = performance.now();
      let settled = false;
      this.inFlight++;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        this.inFlight = Math.max(0, this.inFlight - 1);
        // Silence during the call was allowed; the heartbeat limit counts again from now.
        if (this.lastBeat > 0) this.lastBeat = performance.now();
        clearInterval(watchdog);
        this.crashed = this.crashed.filter((w) => w !== onCrash);
        f();
      };
      const onCrash = (f: WorkerFailure) => finish(() => reject(f));
      this.crashed.push(onCrash);
      const watchdog = setInterval(() => {
        if (performance.now() - lastSign > IDLE_LIMIT_MS) this.fail(new WorkerFailure('unresponsive', `no answer for ${IDLE_LIMIT_MS / 1000} s`));
      }, 1000);
      const progress = proxy((p: RunProgress) => {
        lastSign = performance.now();
        onProgress?.(p);
      });
      fn(api, progress).then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(error instanceof WorkerFailure ? error : new WorkerFailure('threw', error instanceof Error ? error.message : String(error)))),
      );
    });
  }

  /** Cancel goes straight through: the worker handles it between two slices of its run loop. */
  cancel(): void {
    void this.api?.cancel();
  }
}

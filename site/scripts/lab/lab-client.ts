/// <reference types="vite/client" />
/**
 * The page's side of the lab worker (workers/lab.worker.ts, comlink). Two ways to stop work:
 * `cancel()` asks a sweep or trace to stop at its next slice boundary (the worker keeps its
 * state), `terminate()` ends the worker outright — the only way to stop a counterexample
 * search or counterfactual, which run synchronously inside it — and the next call starts a
 * fresh one. A worker that dies (out of memory) rejects the pending call with a LabFailure.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import LabWorker from '../../../workers/lab.worker.ts?worker';
import type { LabApi, SweepProgress } from '../../../workers/lab-api.js';

export class LabFailure extends Error {
  constructor(
    readonly kind: 'crashed' | 'terminated',
    detail: string,
  ) {
    super(detail);
  }
}

export class LabClient {
  private worker: Worker | undefined;
  private api: Remote<LabApi> | undefined;
  private pending = new Set<(f: LabFailure) => void>();

  private start(): Remote<LabApi> {
    const worker = new LabWorker();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop(new LabFailure('crashed', event.message || 'the worker stopped'));
    });
    this.worker = worker;
    this.api = wrap<LabApi>(worker);
    return this.api;
  }

  private stop(failure: LabFailure): void {
    if (this.api) this.api[releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
    const waiters = [...this.pending];
    this.pending.clear();
    for (const w of waiters) w(failure);
  }

  /**
   * Starts the worker ahead of the first call: loading and compiling the simulator in it takes a
   * moment that should pass while the learner edits, not after they press Run.
   */
  warm(): void {
    if (!this.api) this.start();
  }

  /** Calls the worker; a progress callback (if any) is proxied across. */
  call<T>(fn: (api: Remote<LabApi>, progress: ((p: SweepProgress) => void) & object) => Promise<T>, onProgress?: (p: SweepProgress) => void): Promise<T> {
    const api = this.api ?? this.start();
    return new Promise<T>((resolve, reject) => {
      const onFail = (f: LabFailure) => reject(f);
      this.pending.add(onFail);
      const progress = proxy((p: SweepProgress) => onProgress?.(p));
      fn(api, progress).then(
        (v) => {
          this.pending.delete(onFail);
          resolve(v);
        },
        (e: unknown) => {
          this.pending.delete(onFail);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** Stops a sweep or trace between two slices. */
  cancel(): void {
    void this.api?.cancel();
  }

  /** Ends the worker (and whatever it was doing); the next call starts a new one. */
  terminate(): void {
    this.stop(new LabFailure('terminated', 'cancelled'));
  }
}

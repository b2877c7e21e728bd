/// <reference types="vite/client" />
/**
 * The page's side of the grading worker. One worker per request: a new run (or a reset)
 * terminates the grading still going on, so a verdict never belongs to older files.
 */
import GradeWorker from './grade.worker.ts?worker';
import type { GradeReport } from '../../../simulator/exercise/grade.js';
import type { Outcome } from '../../../simulator/exercise/predict.js';
import type { GradeMessage, GradeRequest } from './grade-protocol.js';

export type GradeTarget = Omit<GradeRequest, 'id' | 'kind'>;

export class GradeClient {
  private worker: Worker | undefined;
  private next = 1;

  private ask<T>(kind: GradeRequest['kind'], target: GradeTarget, pick: (m: GradeMessage) => T | undefined, onProgress?: (done: number, total: number) => void): Promise<T> {
    this.stop();
    const worker = new GradeWorker();
    this.worker = worker;
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<GradeMessage>) => {
        const m = event.data;
        if (m.id !== id) return;
        if ('progress' in m) return onProgress?.(m.progress.done, m.progress.total);
        if ('error' in m) reject(new Error(m.error));
        else {
          const value = pick(m);
          if (value === undefined) reject(new Error('unexpected reply from the grading worker'));
          else resolve(value);
        }
        if (this.worker === worker) this.stop();
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new Error(event.message || 'the grading worker stopped'));
      });
      worker.postMessage({ id, kind, ...target } satisfies GradeRequest);
    });
  }

  grade(target: GradeTarget, onProgress: (done: number, total: number) => void): Promise<GradeReport> {
    return this.ask('grade', target, (m) => ('report' in m ? m.report : undefined), onProgress);
  }

  /** What the run on the exercise's seed did for each prediction question (a fate needs the traces). */
  outcomes(target: GradeTarget): Promise<Outcome[]> {
    return this.ask('outcomes', target, (m) => ('outcomes' in m ? m.outcomes : undefined));
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}

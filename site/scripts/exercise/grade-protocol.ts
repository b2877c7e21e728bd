/** Messages between the page and the grading worker (grade.worker.ts). Plain data only. */
import type { GradeReport } from '../../../simulator/exercise/grade.js';
import type { Outcome } from '../../../simulator/exercise/predict.js';

export interface GradeRequest {
  id: number;
  kind: 'grade' | 'outcomes';
  slug: string;
  lessonDir: string;
  /** The exercise folder's files (exercise.yaml, starter/…, solution/…), as the island has them. */
  exerciseFiles: Record<string, string>;
  /** The learner's editable files. */
  files: Record<string, string>;
}

export type GradeMessage =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; report: GradeReport }
  | { id: number; outcomes: Outcome[] }
  | { id: number; error: string };

/**
 * The exercise format (DESIGN §5): load an exercise from its files, pick the pipeline to
 * run, evaluate the checks, and run it synchronously (Node). Pages should import `core.js`,
 * which is the same minus `runExercise` (that one pulls in the whole simulator).
 */
export * from './core.js';
export { runExercise, type ExerciseRun, type ExerciseRunOptions, type RunFunction } from './run-exercise.js';

/**
 * Everything about exercises that does not run the simulator: loading, validation, checks,
 * the pipeline text to run. The page imports this (index.ts adds `runExercise`, which pulls
 * in the whole simulator; the page runs exercises in the Worker instead).
 */
export { PIPELINE_FILE, WORLD_FILE, type Exercise, type ExerciseFiles, type CheckSpec, type SourceAt } from './types.js';
export { loadExercise, exerciseDir, EXERCISE_FILE, type LoadOutcome } from './load.js';
export { pipelineTextOf, runTextOf, faultsFileOf, lockedFaultsChanged, lockedFaultsWarning, fileOf } from './pipeline-text.js';
export { exerciseSpec, workspaceFilesOf, type SpecOutcome, type SpecNaming } from './exercise-spec.js';
export { evaluateChecks } from './evaluate.js';
export { lockedSettingErrors, lockedSettingPlaces, type LockedPlace } from './locks.js';
export { groupExerciseFiles, groupExerciseFilesChecked, splitExercisePath, type ExerciseBundle } from './bundle.js';
export { exerciseSchema, exerciseJsonSchema, type ExerciseYaml } from './schema.js';
export { parseCheck } from './check-parse.js';
export { listCheckPaths, type CheckPathDoc } from './check-paths.js';
export { resolvePath } from './check-resolve.js';
export { formatValue } from './check-eval.js';
export { lessonFrontmatterSchema, parseLessonFrontmatter, type LessonFrontmatter } from './lesson-frontmatter.js';
export type { CheckResult, RunResult } from '../run/result.js';
export type { SpecIssue } from '../spec/issues.js';
export { validateWorkspaceFile, type FileValidation } from './workspace-validate.js';

/**
 * Exercise folders, collected at build time (site protocol): every text file under
 * `lessons/<lesson>/exercises/<slug>/`, grouped by exercise slug with the same function
 * `npm run lessons:check` uses. Read by the exercise island, the Diagram (an exercise's starter
 * pipeline) and the lesson list (which exercises a lesson has).
 */
import { exerciseSpec, groupExerciseFiles, loadExercise, pipelineTextOf, PIPELINE_FILE, type SpecOutcome } from '../../simulator/exercise/core.js';
import { parseSpec } from '../../simulator/spec/index.js';
// Build time (Node) only: the Diagram compiles starters with a job.sql synchronously. The browser worker loads the parser lazily.
import '../../simulator/config/flink/sql-runtime-node.js';

export interface ExerciseFolder {
  slug: string;
  /** The lesson folder name, e.g. `03-delivery-guarantees`. */
  lessonDir: string;
  /** Paths relative to the exercise folder (`exercise.yaml`, `starter/pipeline.yaml`, …) → text. */
  files: Record<string, string>;
}

/** Groups `import.meta.glob` results (root-relative paths → text) by exercise slug. */
export function groupExerciseFolders(glob: Record<string, string>): Map<string, ExerciseFolder> {
  const folders = new Map<string, ExerciseFolder>();
  for (const [slug, bundle] of groupExerciseFiles(glob)) folders.set(slug, { slug, lessonDir: bundle.lessonDir, files: bundle.files });
  return folders;
}

const raw = import.meta.glob<string>('/lessons/*/exercises/*/**/*.{yaml,yml,md,conf,json,properties,sh,sql,py}', { query: '?raw', import: 'default', eager: true });

/** Every exercise of the course, by slug (slugs are unique across the course). */
export const exerciseFolders: ReadonlyMap<string, ExerciseFolder> = groupExerciseFolders(raw);

/** The exercise slugs of one lesson folder, in name order. */
export function exercisesOfLesson(lessonDir: string): string[] {
  return [...exerciseFolders.values()].filter((f) => f.lessonDir === lessonDir).map((f) => f.slug);
}

/**
 * The pipeline the learner starts from, as the simulator would run it. Falls back to the raw
 * starter file when exercise.yaml does not load (the island reports that problem itself).
 */
export function starterPipelineOf(slug: string): string | undefined {
  const folder = exerciseFolders.get(slug);
  if (!folder) return undefined;
  const loaded = loadExercise(slug, folder.lessonDir, folder.files);
  if (loaded.ok) return pipelineTextOf(loaded.exercise, loaded.exercise.starter);
  return folder.files[`starter/${PIPELINE_FILE}`];
}

/**
 * The spec the learner starts from: starter/pipeline.yaml parsed, or a workspace's real files
 * compiled (what a Diagram draws). undefined when the exercise has no starter at all.
 */
export function starterSpecOf(slug: string): SpecOutcome | undefined {
  const folder = exerciseFolders.get(slug);
  if (!folder) return undefined;
  const loaded = loadExercise(slug, folder.lessonDir, folder.files);
  if (loaded.ok) return exerciseSpec(loaded.exercise, loaded.exercise.starter, { file: `${slug}/starter/pipeline.yaml`, root: `${slug}/starter` });
  const text = folder.files[`starter/${PIPELINE_FILE}`];
  if (text === undefined) return undefined;
  const parsed = parseSpec(text, `${slug}/starter/pipeline.yaml`);
  return parsed.ok ? { ok: true, spec: parsed.spec, warnings: parsed.warnings } : { ok: false, errors: parsed.errors, warnings: parsed.warnings };
}

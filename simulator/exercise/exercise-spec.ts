/**
 * The spec an exercise runs, from the learner's files, in either form:
 *   - the old form: `pipeline.yaml` is the internal spec (DESIGN §3), parsed as is;
 *   - a workspace: real files (`web1/filebeat.yml`, `logstash/pipeline/main.conf`, …) plus
 *     `world.yaml`, compiled by simulator/config/workspace into that same spec.
 * Read-only files and files the learner did not send come from the starter; with `faults: locked`
 * the starter's `faults:` replace the learner's (in pipeline.yaml, or in world.yaml).
 */
import { parseSpec } from '../spec/parse.js';
import type { SpecIssue } from '../spec/issues.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { compileWorkspace } from '../config/workspace/index.js';
import { runTextOf } from './pipeline-text.js';
import { PIPELINE_FILE, type Exercise } from './types.js';

export type SpecOutcome = { ok: true; spec: PipelineSpec; warnings: SpecIssue[] } | { ok: false; errors: SpecIssue[]; warnings: SpecIssue[] };

/** How files are named in messages: `file` for pipeline.yaml, `root/` before every workspace path. */
export interface SpecNaming {
  file?: string;
  root?: string;
}

/** Every file of a workspace exercise as it runs: the starter's, with the learner's editable ones over them. */
export function workspaceFilesOf(exercise: Exercise, files: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(exercise.starter).sort()) out.set(name, runTextOf(exercise, files, name));
  for (const name of exercise.editable) if (!out.has(name)) out.set(name, runTextOf(exercise, files, name));
  return out;
}

/** Compiles (workspace) or parses (pipeline.yaml) the learner's files into the spec to run. */
export function exerciseSpec(exercise: Exercise, files: Record<string, string>, naming: SpecNaming = {}): SpecOutcome {
  if (exercise.workspace) return compileWorkspace(workspaceFilesOf(exercise, files), naming.root ?? '');
  const parsed = parseSpec(runTextOf(exercise, files, PIPELINE_FILE), naming.file ?? PIPELINE_FILE);
  return parsed.ok ? { ok: true, spec: parsed.spec, warnings: parsed.warnings } : { ok: false, errors: parsed.errors, warnings: parsed.warnings };
}

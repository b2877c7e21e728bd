/**
 * Files of one exercise folder → a validated Exercise, or every problem found, each
 * located (file:line:col) with a hint. Pure: the site, the worker and lessons:check share it.
 */
import { readYaml, zodIssueToSpecIssues, type SourceMap } from '../spec/parse.js';
import type { SpecIssue } from '../spec/issues.js';
import { exerciseSchema, checkEntrySchema, type ExerciseYaml } from './schema.js';
import { parseCheck } from './check-parse.js';
import { analyseCheck } from './check-static.js';
import { tautology } from './check-tautology.js';
import { readAt } from '../lab/spec-edit.js';
import { PIPELINE_FILE, WORLD_FILE, type CheckSpec, type Exercise, type ExerciseFiles, type Incident } from './types.js';
import { parseAlertRule } from '../metrics/alerts.js';
import { unknownWorkspaceLocks } from './workspace-locks.js';
import { buildPrediction, type Prediction } from './predict.js';
import { gradingOf } from './grading.js';

export type LoadOutcome = { ok: true; exercise: Exercise } | { ok: false; errors: SpecIssue[] };

export const EXERCISE_FILE = 'exercise.yaml';

/**
 * Where the exercise lives, for messages: a bare lesson folder name (`03-delivery`) means
 * `lessons/03-delivery`; a path with a slash (`tests/fixtures/exercises/broken`) is used as is.
 */
export function exerciseDir(slug: string, lessonDir: string): { lesson: string; base: string } {
  const dir = lessonDir.replace(/^\/+/, '').replace(/\/+$/, '');
  const full = dir.includes('/') ? dir : `lessons/${dir}`;
  return { lesson: full.slice(full.lastIndexOf('/') + 1), base: `${full}/exercises/${slug}` };
}

function issue(file: string, at: { line: number; column: number }, message: string, hint?: string, path = ''): SpecIssue {
  return { severity: 'error', file, line: at.line, column: at.column, path, message, ...(hint ? { hint } : {}) };
}

function folder(files: ExerciseFiles, name: 'starter' | 'solution'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) if (path.startsWith(`${name}/`)) out[path.slice(name.length + 1)] = text;
  return out;
}

/** Zod's "invalid input" for a check entry becomes the object variant's precise issues (unknown key, missing `check`). */
function schemaIssues(data: unknown, map: SourceMap): SpecIssue[] {
  const result = exerciseSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((zi) => {
    if (zi.code === 'invalid_union' && zi.path[0] === 'checks' && zi.path.length === 2) {
      const entry = (data as { checks: unknown[] }).checks[zi.path[1] as number];
      if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
        const objectVariant = checkEntrySchema.def.options[1];
        const inner = objectVariant.safeParse(entry);
        if (!inner.success) {
          return inner.error.issues.flatMap((ii) => zodIssueToSpecIssues({ ...ii, path: [...zi.path, ...ii.path] }, data, map, exerciseSchema));
        }
      }
      const at = map.locate(zi.path);
      return [issue(map.file, at, `\`checks.${String(zi.path[1])}\`: a check is a string or { check, name, explain, hint }`, 'e.g. `- outputs.es.lost == 0`', `checks.${String(zi.path[1])}`)];
    }
    return zodIssueToSpecIssues(zi, data, map, exerciseSchema);
  });
}

/** Column of `source` inside its YAML scalar, when the scalar sits on one line (plain or quoted). */
function checkPosition(text: string, at: { line: number; column: number }, source: string): { column: number; exact: boolean } {
  const line = text.split(/\r?\n/)[at.line - 1] ?? '';
  const from = at.column - 1;
  if (line.startsWith(source, from)) return { column: at.column, exact: true };
  const quote = line[from];
  if ((quote === '"' || quote === "'") && line.startsWith(source, from + 1)) return { column: at.column + 1, exact: true };
  return { column: at.column, exact: false };
}

/** One assertion written at `yamlPath` in exercise.yaml, parsed and vetted; undefined (and errors) when it is not a usable check. */
function buildCheck(source: string, yamlPath: (string | number)[], text: string, map: SourceMap, errors: SpecIssue[]): Pick<CheckSpec, 'source' | 'expr' | 'at' | 'exactColumns'> | undefined {
  const loc = map.locate(yamlPath);
  const pos = checkPosition(text, loc, source);
  const at = (offset: number) => ({ line: loc.line, column: pos.exact ? pos.column + offset : pos.column });
  const parsed = parseCheck(source);
  if (!parsed.ok) {
    errors.push(issue(map.file, at(parsed.error.offset), `check \`${source}\`: ${parsed.error.message}`, parsed.error.hint, yamlPath.join('.')));
    return undefined;
  }
  const typeProblems = analyseCheck(parsed.expr);
  for (const p of typeProblems) errors.push(issue(map.file, at(p.offset), `check \`${source}\`: ${p.message}`, p.hint, yamlPath.join('.')));
  const fixed = typeProblems.length === 0 ? tautology(parsed.expr) : undefined;
  if (fixed) {
    errors.push(
      issue(map.file, at(0), `check \`${source}\` ${fixed.verdict === 'always' ? 'passes' : 'fails'} whatever the pipeline does: ${fixed.why}`,
        fixed.verdict === 'always' ? 'a check that cannot fail tests nothing: compare with a limit a wrong pipeline crosses, e.g. `outputs.es.lost == 0`' : 'no learner could ever solve it: compare with a limit the solution meets',
        yamlPath.join('.')),
    );
  }
  return { source, expr: parsed.expr, at: { file: map.file, line: loc.line, column: pos.column }, exactColumns: pos.exact };
}

function buildChecks(y: ExerciseYaml, text: string, map: SourceMap, errors: SpecIssue[]): CheckSpec[] {
  const checks: CheckSpec[] = [];
  y.checks.forEach((entry, i) => {
    const obj = typeof entry === 'string' ? undefined : entry;
    const source = (obj ? obj.check : (entry as string)).trim();
    const built = buildCheck(source, obj ? ['checks', i, 'check'] : ['checks', i], text, map, errors);
    if (!built) return;
    checks.push({
      ...built,
      name: obj?.name ?? source,
      ...(obj?.explain ? { explain: obj.explain } : {}),
      ...(obj?.hint ? { hint: obj.hint } : {}),
      ...(obj?.guard ? { guard: true } : {}),
    });
  });
  return checks;
}

/** The `incident:` block (issue #30): its alert parsed, exactly one cause marked correct, each cause's evidence a check. */
function buildIncident(y: ExerciseYaml, text: string, map: SourceMap, errors: SpecIssue[]): Incident | undefined {
  const inc = y.incident;
  if (!inc) return undefined;
  if (inc.alert !== undefined) {
    const rule = parseAlertRule(inc.alert);
    if (!rule.ok) errors.push(issue(map.file, map.locate(['incident', 'alert']), `incident alert \`${inc.alert}\`: ${rule.message}`, 'write it as operators do: `records-lag-max > 10000 for 30s`, optionally `node: ` first', 'incident.alert'));
  }
  const correct = inc.causes.filter((c) => c.correct === true).length;
  if (correct !== 1) {
    errors.push(issue(map.file, map.locate(['incident', 'causes']), `incident: ${correct} causes are marked \`correct: true\`; exactly one must be`, 'mark the cause the run really shows with `correct: true`', 'incident.causes'));
  }
  const causes = inc.causes.map((c, i) => {
    const evidence = c.evidence === undefined ? undefined : buildCheck(c.evidence.trim(), ['incident', 'causes', i, 'evidence'], text, map, errors);
    return {
      text: c.text,
      why: c.why,
      correct: c.correct === true,
      ...(evidence ? { evidence: { ...evidence, name: evidence.source } } : {}),
    };
  });
  const at = (path: (string | number)[]) => ({ file: map.file, ...map.locate(path) });
  return { symptom: inc.symptom.trim(), ...(inc.alert !== undefined ? { alert: inc.alert.trim(), alertAt: at(['incident', 'alert']) } : {}), question: inc.question, causes, at: at(['incident']) };
}

export function loadExercise(slug: string, lessonDir: string, files: ExerciseFiles): LoadOutcome {
  const { lesson, base } = exerciseDir(slug, lessonDir);
  const yamlFile = `${base}/${EXERCISE_FILE}`;
  const text = files[EXERCISE_FILE];
  if (text === undefined) {
    return { ok: false, errors: [issue(yamlFile, { line: 1, column: 1 }, `missing file ${EXERCISE_FILE}`, `every exercise folder needs one; scaffold with \`npm run new:exercise -- ${lesson}/${slug}\``)] };
  }
  const read = readYaml(text, yamlFile);
  if (!read.ok) return { ok: false, errors: read.errors };
  const { data, map } = read;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [issue(yamlFile, { line: 1, column: 1 }, `${EXERCISE_FILE} must be a mapping of keys (title, goal, checks, hints, …)`, 'start with `title:`')] };
  }
  const errors = schemaIssues(data, map);
  if (errors.length > 0) return { ok: false, errors };
  const y = exerciseSchema.parse(data);

  const starter = folder(files, 'starter');
  const solutionOwn = folder(files, 'solution');
  const listed = (key: 'editable' | 'readonly', i: number) => map.locate([key, i]);
  const missing = (which: string, name: string, at: { line: number; column: number }, why: string) =>
    errors.push(issue(yamlFile, at, `missing file ${base}/${which}/${name}`, why));
  const filesAt = map.locate(['editable']);
  // starter/world.yaml makes the exercise a workspace of real files; its runs compile them (exercise-spec.ts).
  const workspace = starter[WORLD_FILE] !== undefined;
  const runs = workspace ? WORLD_FILE : PIPELINE_FILE;
  if (!y.editable.includes(runs) && !y.readonly.includes(runs)) {
    errors.push(
      workspace
        ? issue(yamlFile, filesAt, `\`${WORLD_FILE}\` must be listed in \`editable\` or \`readonly\``, 'a workspace exercise shows its simulated world too, usually read-only: `readonly: [world.yaml]`', 'editable')
        : issue(yamlFile, filesAt, `\`${PIPELINE_FILE}\` must be listed in \`editable\` or \`readonly\``, 'the simulator runs pipeline.yaml; learners usually edit it: `editable: [pipeline.yaml]`', 'editable'),
    );
  }
  if (workspace && starter[PIPELINE_FILE] !== undefined) errors.push(issue(`${base}/starter/${PIPELINE_FILE}`, { line: 1, column: 1 }, `a workspace exercise (starter/${WORLD_FILE}) has no ${PIPELINE_FILE}: the real files are compiled into the spec`, `delete starter/${PIPELINE_FILE}, or ${WORLD_FILE} for the old form`));
  if (!workspace && starter[PIPELINE_FILE] === undefined && !y.editable.includes(PIPELINE_FILE) && !y.readonly.includes(PIPELINE_FILE)) missing('starter', PIPELINE_FILE, filesAt, 'every exercise runs starter/pipeline.yaml');
  // Said when the author did not write `editable:`, so a missing pipeline.yaml is not a mystery.
  const defaulted = 'editable' in data ? '' : ' (`editable` defaults to [pipeline.yaml])';
  y.editable.forEach((name, i) => {
    if (starter[name] === undefined) missing('starter', name, listed('editable', i), `every editable file needs a starter version the learner begins from${defaulted}`);
    if (solutionOwn[name] === undefined) missing('solution', name, listed('editable', i), `every editable file needs a solution version${defaulted}`);
  });
  y.readonly.forEach((name, i) => {
    if (starter[name] === undefined) missing('starter', name, listed('readonly', i), 'read-only files are shown from starter/');
    if (y.editable.includes(name)) errors.push(issue(yamlFile, listed('readonly', i), `\`${name}\` is both editable and read-only`, 'list it in one of the two'));
  });
  const known = new Set([...y.editable, ...y.readonly]);
  for (const [which, own] of [['starter', starter], ['solution', solutionOwn]] as const) {
    for (const name of Object.keys(own)) {
      if (!known.has(name)) {
        errors.push(issue(`${base}/${which}/${name}`, { line: 1, column: 1 }, `file ${which}/${name} is neither editable nor readonly, so learners never see it`, `list it in \`editable\` or \`readonly\` in ${EXERCISE_FILE}, or delete it`));
      }
    }
  }
  // Learners see starter files from line 1: an editor modeline there is noise to them and shifts every line number.
  for (const name of [...y.editable, ...y.readonly]) {
    if (/^#\s*yaml-language-server:/.test(starter[name] ?? '')) {
      errors.push(issue(`${base}/starter/${name}`, { line: 1, column: 1 }, 'the `# yaml-language-server` line would be shown to learners as line 1 of their file', 'delete it: editors get the schema from .vscode/settings.json (`yaml.schemas`)'));
    }
  }
  // A lock on a setting the starter does not have would lock nothing (a typo in the pointer).
  if (!workspace) {
    y.locked.forEach((pointer, i) => {
      if (starter[PIPELINE_FILE] !== undefined && readAt(starter[PIPELINE_FILE], pointer) === undefined) {
        errors.push(issue(yamlFile, map.locate(['locked', i]), `\`locked\`: starter/${PIPELINE_FILE} has no setting at \`${pointer}\``, 'lock a setting the starter writes, e.g. /nodes/consumer/processing-time', `locked.${i}`));
      }
    });
  }
  const checks = buildChecks(y, text, map, errors);
  const incident = buildIncident(y, text, map, errors);
  const predictions: Prediction[] = [];
  (y.predict ?? []).forEach((q, i) => {
    const built = buildPrediction(q);
    if (built.ok) predictions.push({ ...built.prediction, at: map.locate(['predict', i]) });
    else errors.push(issue(yamlFile, map.locate(['predict', i, ...built.key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))]), `\`predict.${i}\`: ${built.message}`, built.hint, `predict.${i}.${built.key}`));
  });
  if (errors.length > 0) return { ok: false, errors };
  const solution: Record<string, string> = {};
  for (const name of [...y.editable, ...y.readonly]) {
    const t = solutionOwn[name] ?? starter[name];
    if (t !== undefined) solution[name] = t;
  }
  const exercise: Exercise = {
    slug,
    lesson,
    dir: base,
    title: y.title,
    goal: y.goal.trim(),
    seed: y.seed,
    ...(workspace ? { workspace: true } : {}),
    editable: y.editable,
    readonly: y.readonly,
    starter,
    solution,
    checks,
    hints: y.hints,
    faultsLocked: y.faults === 'locked',
    ...(y.locked.length > 0 ? { locked: y.locked } : {}),
    ...(y.compare ? { compare: true } : {}),
    ...(incident ? { incident } : {}),
    ...(predictions.length > 0 ? { predictions } : {}),
    grading: gradingOf(y.grading, y.seed),
  };
  // A workspace lock names a setting of the compiled spec: the starter's spec must have it.
  const unknown = workspace ? unknownWorkspaceLocks(exercise) : [];
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: unknown.map((i) => issue(yamlFile, map.locate(['locked', i]), `\`locked\`: the spec starter/ compiles to has no setting at \`${y.locked[i]}\``, 'lock a setting of the compiled spec, e.g. /nodes/logstash/pipeline.workers', `locked.${i}`)),
    };
  }
  return { ok: true, exercise };
}

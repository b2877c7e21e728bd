/**
 * An exercise's learner-facing text in another language (issue #23): `exercise.ko.yaml` beside
 * `exercise.yaml` mirrors its text fields only — `title`, `goal`, `hints` (same count) and, per
 * check in the same order, the `name` / `explain` / `hint` / `failure` that check has. Everything
 * that decides an outcome (checks, seed, files, faults, locks) lives in exercise.yaml alone, so
 * the two languages can never run different exercises.
 *
 * Pure: the site (lesson pages), the worker (verdicts) and lessons:check share it.
 */
import { z } from 'zod';
import { readYaml, zodIssueToSpecIssues } from '../spec/parse.js';
import type { SpecIssue } from '../spec/issues.js';
import type { Exercise, ExerciseFiles } from './types.js';
import { EXERCISE_FILE, exerciseDir } from './load.js';

/** Languages besides English whose text every lesson and exercise must carry. */
export const TRANSLATED_LANGS = ['ko'] as const;

/** Text keys a check may carry, in the order authors write them. */
export const CHECK_TEXT_KEYS = ['name', 'explain', 'hint', 'failure'] as const;
type CheckTextKey = (typeof CHECK_TEXT_KEYS)[number];

/** `exercise.ko.yaml` for `ko`. */
export function localizedExerciseFile(lang: string): string {
  return `exercise.${lang}.yaml`;
}

const text = z.string().min(1);

const checkTextSchema = z
  .strictObject({
    name: text.optional().describe('The check\'s title, translated (only if exercise.yaml\'s check has `name`).'),
    explain: text.optional().describe('Its `explain`, translated.'),
    hint: text.optional().describe('Its `hint`, translated.'),
    failure: text.optional().describe('Its `failure`, translated.'),
  })
  .nullable()
  .describe('The text of one check, in the same place as in exercise.yaml; `{}` for a check written as a bare assertion.');

export const exerciseTextSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored.'),
    title: text.describe('The exercise title, translated.'),
    goal: text.describe('The goal, translated (Markdown allowed, as in exercise.yaml).'),
    checks: z.array(checkTextSchema).describe('One entry per check of exercise.yaml, same order and count, with the same text keys.'),
    hints: z.array(text).describe('The hints, translated: same count and order as in exercise.yaml.'),
    incident: z
      .strictObject({
        symptom: text.describe('The symptom, translated (Markdown allowed).'),
        question: text.describe('The question, translated.'),
        causes: z.array(z.strictObject({ text: text.describe('The cause, translated.'), why: text.describe('Its `why`, translated.') })).describe('One entry per cause of exercise.yaml, same order and count.'),
      })
      .optional()
      .describe('The text of an incident exercise (only if exercise.yaml has `incident:`). The alert rule, `correct` and `evidence` stay in exercise.yaml.'),
    predict: z
      .array(z.strictObject({ ask: text.describe('The question, translated.'), why: text.describe('Its reason, translated.'), unit: text.optional().describe('Its unit word, translated (only if the question has `unit`).'), choices: z.array(text).optional().describe('The choice labels, translated, same order.') }))
      .optional()
      .describe('One entry per prediction question of exercise.yaml, same order: `ask`, `why`, `unit` if it has one, and its `choices` labels.'),
  })
  .describe('The learner-facing text of an exercise in another language (`exercise.ko.yaml`).');

export type ExerciseText = z.output<typeof exerciseTextSchema>;

/** JSON Schema for editors (yaml-language-server), like exerciseJsonSchema. */
export function exerciseTextJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(exerciseTextSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
}

/** The text keys an exercise.yaml check entry has (none for a bare-string check). */
function textKeysOf(entry: unknown): CheckTextKey[] {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return [];
  return CHECK_TEXT_KEYS.filter((k) => k in entry);
}

export type TextOutcome = { ok: true; text: ExerciseText } | { ok: false; missing: boolean; errors: SpecIssue[] };

/**
 * Reads and validates `exercise.<lang>.yaml` against `exercise.yaml` (which must itself be
 * readable; lessons:check reports exercise.yaml's own problems separately). Every problem is
 * located in the translated file.
 */
export function readExerciseText(slug: string, lessonDir: string, files: ExerciseFiles, lang: string): TextOutcome {
  const { base } = exerciseDir(slug, lessonDir);
  const name = localizedExerciseFile(lang);
  const file = `${base}/${name}`;
  const source = files[name];
  if (source === undefined) return { ok: false, missing: true, errors: [] };
  const issue = (at: { line: number; column: number }, message: string, hint?: string, path = ''): SpecIssue => ({ severity: 'error', file, line: at.line, column: at.column, path, message, ...(hint ? { hint } : {}) });

  const read = readYaml(source, file);
  if (!read.ok) return { ok: false, missing: false, errors: read.errors };
  const { data, map } = read;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, missing: false, errors: [issue({ line: 1, column: 1 }, `${name} must be a mapping of title, goal, checks and hints`, 'copy the text fields of exercise.yaml and translate their values')] };
  }
  const parsed = exerciseTextSchema.safeParse(data);
  if (!parsed.success) {
    const hint = 'only title, goal, checks (name, explain, hint, failure), hints and the incident\'s symptom, question and causes (text, why) are translated; everything else stays in exercise.yaml';
    const errors = parsed.error.issues.flatMap((zi) => zodIssueToSpecIssues(zi, data, map, exerciseTextSchema)).map((e) => (e.message.startsWith('unknown key') && !e.hint ? { ...e, hint } : e));
    return { ok: false, missing: false, errors };
  }

  // The English side: only its shape matters here (how many checks and hints, which text keys).
  const english = readYaml(files[EXERCISE_FILE] ?? '', `${base}/${EXERCISE_FILE}`);
  const en = english.ok && english.data !== null && typeof english.data === 'object' ? (english.data as { checks?: unknown; hints?: unknown }) : {};
  const enChecks = Array.isArray(en.checks) ? en.checks : [];
  const enHints = Array.isArray(en.hints) ? en.hints : [];
  const enIncident = (en as { incident?: { causes?: unknown } }).incident;
  const errors: SpecIssue[] = [];
  const t = parsed.data;
  if (t.checks.length !== enChecks.length) {
    errors.push(issue(map.locate(['checks']), `\`checks\` has ${t.checks.length} entr${t.checks.length === 1 ? 'y' : 'ies'}; exercise.yaml has ${enChecks.length} check${enChecks.length === 1 ? '' : 's'}`, 'one entry per check of exercise.yaml, in the same order', 'checks'));
  }
  if (t.hints.length !== enHints.length) {
    errors.push(issue(map.locate(['hints']), `\`hints\` has ${t.hints.length}; exercise.yaml has ${enHints.length}`, 'translate every hint, in the same order', 'hints'));
  }
  if ((enIncident !== undefined) !== (t.incident !== undefined)) {
    errors.push(issue(t.incident ? map.locate(['incident']) : { line: 1, column: 1 }, enIncident ? 'exercise.yaml has `incident:`; translate its symptom, question and causes here' : '`incident` has no English text: exercise.yaml has no `incident:`', 'mirror exercise.yaml\'s text fields', 'incident'));
  } else if (t.incident && enIncident) {
    const enCauses = Array.isArray(enIncident.causes) ? enIncident.causes.length : 0;
    if (t.incident.causes.length !== enCauses) errors.push(issue(map.locate(['incident', 'causes']), `\`incident.causes\` has ${t.incident.causes.length}; exercise.yaml has ${enCauses}`, 'translate every cause, in the same order', 'incident.causes'));
  }
  const enPredict = Array.isArray((en as { predict?: unknown }).predict) ? ((en as { predict: unknown[] }).predict as Record<string, unknown>[]) : [];
  const koPredict = t.predict ?? [];
  if (koPredict.length !== enPredict.length) {
    errors.push(issue(t.predict ? map.locate(['predict']) : { line: 1, column: 1 }, `\`predict\` has ${koPredict.length} question${koPredict.length === 1 ? '' : 's'}; exercise.yaml has ${enPredict.length}`, 'translate every prediction question (`ask`, `why`, `unit`, choice labels), in the same order', 'predict'));
  }
  koPredict.forEach((q, i) => {
    const enQ = enPredict[i];
    if (!enQ) return;
    const enChoices = Array.isArray(enQ['choices']) ? enQ['choices'].length : 0;
    if ((q.choices?.length ?? 0) !== enChoices) errors.push(issue(map.locate(['predict', i]), `question ${i + 1}: ${q.choices?.length ?? 0} choice labels; exercise.yaml has ${enChoices}`, 'one label per choice, same order', `predict.${i}.choices`));
    if ((q.unit !== undefined) !== (enQ['unit'] !== undefined)) errors.push(issue(map.locate(['predict', i]), `question ${i + 1}: \`unit\` must be translated exactly when exercise.yaml's question has one`, undefined, `predict.${i}.unit`));
  });
  t.checks.forEach((entry, i) => {
    if (i >= enChecks.length) return;
    const want = textKeysOf(enChecks[i]);
    const have = CHECK_TEXT_KEYS.filter((k) => entry?.[k] !== undefined);
    const at = map.locate(['checks', i]);
    const missing = want.filter((k) => !have.includes(k));
    const extra = have.filter((k) => !want.includes(k));
    if (missing.length > 0) {
      errors.push(issue(at, `check ${i + 1}: missing ${missing.map((k) => `\`${k}\``).join(', ')}, which exercise.yaml's check ${i + 1} has`, 'translate every text of the check', `checks.${i}`));
    }
    for (const k of extra) {
      errors.push(issue(map.locateKey(['checks', i], k), `check ${i + 1}: \`${k}\` has no English text in exercise.yaml's check ${i + 1}`, want.length === 0 ? 'that check is a bare assertion: write `{}` here' : `that check has ${want.map((w) => `\`${w}\``).join(', ')}`, `checks.${i}.${k}`));
    }
  });
  return errors.length > 0 ? { ok: false, missing: false, errors } : { ok: true, text: t };
}

/**
 * The exercise with its text in `lang`, when `exercise.<lang>.yaml` exists and matches; else the
 * English exercise unchanged (`translated: false`, and the page says so). English needs nothing.
 */
export function localizeExercise(exercise: Exercise, files: ExerciseFiles, lang: string): { exercise: Exercise; translated: boolean } {
  if (lang === 'en') return { exercise, translated: true };
  const read = readExerciseText(exercise.slug, exercise.dir.slice(0, exercise.dir.lastIndexOf('/exercises/')), files, lang);
  if (!read.ok) return { exercise, translated: false };
  const { text } = read;
  const checks = exercise.checks.map((check, i) => {
    const own = text.checks[i];
    if (!own) return check;
    const merged = { ...check };
    for (const k of CHECK_TEXT_KEYS) if (own[k] !== undefined) (merged as Record<string, unknown>)[k] = own[k];
    return merged;
  });
  const incident = exercise.incident && text.incident
    ? { ...exercise.incident, symptom: text.incident.symptom.trim(), question: text.incident.question, causes: exercise.incident.causes.map((c, i) => ({ ...c, ...(text.incident!.causes[i] ?? {}) })) }
    : exercise.incident;
  const predictions = exercise.predictions?.map((p, i) => {
    const own = text.predict?.[i];
    if (!own) return p;
    const merged = { ...p, ask: own.ask.trim(), why: own.why.trim() };
    if (merged.kind === 'number' && own.unit) merged.unit = own.unit;
    if (merged.kind === 'choice' && own.choices) merged.choices = merged.choices.map((c, j) => ({ ...c, label: own.choices?.[j] ?? c.label }));
    return merged;
  });
  return { exercise: { ...exercise, title: text.title, goal: text.goal.trim(), hints: text.hints, checks, ...(incident ? { incident } : {}), ...(predictions ? { predictions } : {}) }, translated: true };
}

/**
 * `exercise.yaml`: the Zod schema is the definition. It validates the file, exports the
 * editor's JSON Schema and, through `.describe()`, writes the key reference in AUTHORING.md.
 */
import { z } from 'zod';
import { gradingSchema } from './grading.js';
import { predictionSchema } from './predict.js';

const fileName = z
  .string()
  .regex(/^(?!.*(^|\/)\.\.?(\/|$))[\w.-]+(\/[\w.-]+)*$/, 'a path inside starter/ such as pipeline.yaml or web1/filebeat.yml (no leading /, no ..)')
  .describe('A path inside `starter/` (and `solution/`): `pipeline.yaml`, or in a workspace exercise a real file such as `web1/filebeat.yml` or `logstash/pipeline/main.conf`.');

export const checkEntrySchema = z
  .union([
    z.string().min(1).describe('An assertion over the run result, e.g. `outputs.es.lost == 0`.'),
    z
      .strictObject({
        check: z.string().min(1).describe('The assertion, e.g. `outputs.es.duplicated == 0` (see "Check paths").'),
        name: z.string().min(1).optional().describe('A short title shown to the learner (default: the assertion itself).'),
        explain: z.string().min(1).optional().describe('Why this matters, written for the learner; shown when the check fails.'),
        hint: z.string().min(1).optional().describe('What to try when this check fails.'),
        guard: z
          .boolean()
          .optional()
          .describe('`true`: this check is a guard, expected to pass on the starter too (it catches a learner who breaks something else on the way). Without it, `lessons:check` reports a check that passes on the starter and on every run it tries, since it tests nothing the learner changes.'),
      })
      .describe('An assertion with a name and explanations for the learner.'),
  ])
  .describe('One check: a string assertion, or `{ check, name, explain, hint, guard }`.');

export const exerciseSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored.'),
    title: z.string().min(1).describe('The exercise title, shown above the editor.'),
    goal: z.string().min(1).describe('What the learner must achieve, in words (one or two sentences; Markdown allowed).'),
    seed: z.number().int().min(0).max(4294967295).default(1).describe('Seed of every run of this exercise; overrides `seed:` in the pipeline (default 1).'),
    editable: z.array(fileName).min(1).default(['pipeline.yaml']).describe('Files the learner may edit (default `[pipeline.yaml]`). Each must exist in `starter/` and `solution/`. In a workspace exercise (`starter/world.yaml` exists) these are real paths: `[web1/filebeat.yml, logstash/pipeline/main.conf]`.'),
    readonly: z.array(fileName).default([]).describe('Files shown to the learner but not editable (e.g. `world.yaml` in a workspace exercise). Each must exist in `starter/`.'),
    faults: z
      .enum(['locked', 'editable'])
      .default('locked')
      .describe('`locked` (default): the starter\'s `faults:` always run, whatever the learner writes; `editable`: the learner may change them.'),
    locked: z
      .array(z.string().regex(/^\//, 'a JSON Pointer such as /nodes/consumer/processing-time'))
      .default([])
      .describe('Settings the learner may not change, as JSON Pointers: into `pipeline.yaml` (e.g. `/nodes/consumer/processing-time`), or in a workspace exercise into the spec its files compile to (e.g. `/nodes/logstash/pipeline.workers`, `/nodes/filebeat/bulk_max_size`), whichever way a file writes it. A run that changes one is refused with a message at the line that writes it (in a workspace, the real file it comes from); the starter must have each, and the solution must keep the starter\'s values.'),
    checks: z.array(checkEntrySchema).min(1).describe('Assertions over the run result; the exercise is solved when all pass. The solution must pass them all, the starter must fail at least one.'),
    hints: z
      .array(z.string().min(1).describe('One hint.'))
      .min(2)
      .max(3)
      .describe('Two or three graded hints, gentlest first; the last may all but give the answer.'),
    incident: z
      .strictObject({
        symptom: z.string().min(1).describe('What the on-call engineer sees first, in Markdown: the alert that paged, a dashboard, a complaint ("yesterday\'s count is short by 3 %").'),
        alert: z.string().min(1).optional().describe('The alert rule that pages, as in the metrics panel: `indexer: records-lag-max > 5000 for 30s`. It is drawn on the timeline, and checks may read whether it fired (`alerts.firings`). `lessons:check` proves it fires on the starter\'s run.'),
        question: z.string().min(1).describe('The question the learner answers before the ledger opens, e.g. "What made the lag grow?"'),
        causes: z
          .array(
            z.strictObject({
              text: z.string().min(1).describe('One possible cause, as the learner would say it.'),
              why: z.string().min(1).describe('Why this is, or is not, the cause: shown once the learner has answered.'),
              correct: z.literal(true).optional().describe('`true` on exactly one cause: the one the run shows.'),
              evidence: z.string().min(1).optional().describe('A check over the run that holds when this is the cause, e.g. `groups.indexer.lag > 0`. On the starter\'s run `lessons:check` proves the correct cause\'s evidence holds and every other cause\'s fails.'),
            }),
          )
          .min(2)
          .max(6)
          .describe('Two to six possible causes, one marked `correct: true`.'),
      })
      .optional()
      .describe('Makes this an incident exercise: the learner sees the symptom, investigates with metrics, terminal and logs while the ledger stays closed, names a cause, then fixes the files; the checks grade the fix.'),
    compare: z.literal('lambda-kappa').optional().describe('Show the run as a Lambda vs Kappa comparison (the pipeline needs `type: serving` nodes for both).'),
    predict: z.array(predictionSchema).min(1).max(3).optional().describe('One to three questions the learner may answer before the first run; the verdict puts each beside what the run did. lessons:check proves each `answer` from the `from` run.'),
    grading: gradingSchema.optional().describe('The grading seeds and fault family (default: 5 seeds, no family).'),
  })
  .describe('A Pipeline Lab exercise.');

export type ExerciseYaml = z.output<typeof exerciseSchema>;

/** JSON Schema for editors (yaml-language-server, Monaco). */
export function exerciseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(exerciseSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
}

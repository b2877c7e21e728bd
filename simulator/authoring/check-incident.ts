/**
 * What makes an incident exercise honest (issue #30): the symptom the learner is shown really
 * happens, and the cause marked correct is the one the run shows. On the starter's run — the
 * incident itself — the alert must fire, the correct cause's evidence must hold and every other
 * cause's evidence must fail. An answer key that the run contradicts is refused here rather than
 * taught.
 */
import type { RunResult } from '../run/result.js';
import type { Exercise } from '../exercise/types.js';
import { evaluateAgainst, incidentAlertFirings } from '../exercise/evaluate.js';

export interface IncidentProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

export function incidentProblems(exercise: Exercise, starter: RunResult): IncidentProblem[] {
  const inc = exercise.incident;
  if (!inc) return [];
  const out: IncidentProblem[] = [];
  const top = inc.at;
  if (inc.alert !== undefined && incidentAlertFirings(exercise, starter).length === 0) {
    out.push({ ...(inc.alertAt ?? top), message: `the incident's alert \`${inc.alert}\` never fires on the starter's run, so the learner has no symptom to start from`, hint: 'lower its threshold or its `for`, or make the starter show the incident (read the metric in the metrics panel or `npm run sim -- … --json`)' });
  }
  // Every cause's evidence in one evaluation: the alert over the run is computed once, not once per cause.
  const withEvidence = inc.causes.filter((c) => c.evidence);
  const results = evaluateAgainst(exercise, withEvidence.map((c) => c.evidence!), starter);
  withEvidence.forEach((cause, i) => {
    const result = results[i];
    if (!cause.evidence || !result) return;
    const where = { line: cause.evidence.at.line, column: cause.evidence.at.column };
    if (cause.correct && !result.pass) {
      out.push({ ...where, message: `the correct cause's evidence \`${cause.evidence.source}\` does not hold on the starter's run: ${result.explanation}`, hint: 'the run does not show this cause: fix the starter, or mark the cause the run shows as correct' });
    } else if (!cause.correct && result.pass) {
      out.push({ ...where, message: `the evidence \`${cause.evidence.source}\` of a wrong cause holds on the starter's run`, hint: 'the run supports this cause too, so a learner who picks it is not wrong: sharpen the evidence, or change the starter' });
    }
  });
  if (!inc.causes.some((c) => c.correct && c.evidence)) {
    out.push({ ...top, message: 'the correct cause has no `evidence:`, so nothing proves the run shows it', hint: 'add a check that holds when this is the cause, e.g. `groups.indexer.lag > 0`' });
  }
  return out;
}

/** `evaluateChecks(exercise, result)`: the pinned entry point (no simulator import, so the page can use it). */
import type { CheckResult, RunResult } from '../run/result.js';
import { evaluateAlert, parseAlertRule, type AlertFiring } from '../metrics/alerts.js';
import { evaluateChecks as evaluateAll } from './check-eval.js';
import type { CheckSpec, Exercise } from './types.js';

export function evaluateChecks(exercise: Exercise, result: RunResult): CheckResult[] {
  return evaluateAll(exercise.checks, withIncidentAlert(exercise, result));
}

/** Checks written against the run beside the exercise's checks (an incident cause's evidence). */
export function evaluateAgainst(exercise: Exercise, checks: readonly Pick<CheckSpec, 'source' | 'name' | 'expr' | 'at' | 'exactColumns'>[], result: RunResult): CheckResult[] {
  return evaluateAll(checks as readonly CheckSpec[], withIncidentAlert(exercise, result));
}

/** Every firing of the incident's alert over the run's metrics (none without an alert or metrics). */
export function incidentAlertFirings(exercise: Exercise, result: Pick<RunResult, 'metrics'>): AlertFiring[] {
  const text = exercise.incident?.alert;
  if (text === undefined || !result.metrics) return [];
  const parsed = parseAlertRule(text);
  return parsed.ok ? evaluateAlert(parsed.rule, result.metrics) : [];
}

/**
 * The result with `alerts` filled in for the check paths `alerts.firings` and `alerts.firingMs`:
 * how often the incident's alert fired and for how long in all (until the run's end when it
 * never resolved).
 */
function withIncidentAlert(exercise: Exercise, result: RunResult): RunResult {
  if (exercise.incident?.alert === undefined) return result;
  const firings = incidentAlertFirings(exercise, result);
  const firingMs = firings.reduce((sum, f) => sum + ((f.resolvedAtMs ?? result.simulatedMs) - f.firedAtMs), 0);
  return { ...result, alerts: { firings: firings.length, firingMs } } as RunResult;
}

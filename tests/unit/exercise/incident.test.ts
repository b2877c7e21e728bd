/**
 * Incident exercises (issue #30): the `incident:` block loads with located errors, the alert's
 * firings become check paths, lessons:check's proof that the answer key matches the starter's run,
 * and the Korean text of the incident.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../simulator/spec/issues.js';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { evaluateChecks } from '../../../simulator/exercise/evaluate.js';
import { localizeExercise, readExerciseText } from '../../../simulator/exercise/localize.js';
import { incidentProblems } from '../../../simulator/authoring/check-incident.js';
import type { Exercise } from '../../../simulator/exercise/types.js';
import { fakeResult, ledger } from './support.js';

const PIPE = 'name: p\nnodes:\n  filebeat: { type: beats, output: es }\n  es: { type: elasticsearch }\n';

const exerciseYaml = (incident: string) => `title: An incident
goal: Find the cause, then fix it.
${incident}
checks:
  - check: alerts.firings == 0
    name: The alert stays quiet
hints: [Look at the lag., Look harder.]
`;

const GOOD = `incident:
  symptom: >
    Paged at 02:13: the lag is high.
  alert: "indexer: records-lag-max > 100 for 2s"
  question: Why?
  causes:
    - text: The consumer is thrown out of its group.
      correct: true
      evidence: outputs.es.duplicated > 0
      why: Its commits fail.
    - text: Elasticsearch is slow.
      evidence: outputs.es.lost > 0
      why: It is not.`;

function load(incident: string, extra: Record<string, string> = {}) {
  return loadExercise('x', '10-ops', { 'exercise.yaml': exerciseYaml(incident), 'starter/pipeline.yaml': PIPE, 'solution/pipeline.yaml': PIPE, ...extra });
}

function loaded(incident = GOOD, extra: Record<string, string> = {}): Exercise {
  const r = load(incident, extra);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return r.exercise;
}

/** A lag series: 0, then `high` from 3 s to 6 s, then 0 (one sample a second). */
function lagSeries(high: number) {
  const timesMs = [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000];
  return { everyMs: 1000, timesMs, nodes: { indexer: { 'records-lag-max': timesMs.map((t) => (t >= 3000 && t <= 6000 ? high : 0)) } } };
}

describe('the incident block of exercise.yaml', () => {
  it('loads the symptom, the alert, the causes and their evidence as checks', () => {
    const e = loaded();
    expect(e.incident).toMatchObject({ symptom: 'Paged at 02:13: the lag is high.', alert: 'indexer: records-lag-max > 100 for 2s', question: 'Why?' });
    expect(e.incident!.causes.map((c) => [c.correct, c.evidence?.source])).toEqual([[true, 'outputs.es.duplicated > 0'], [false, 'outputs.es.lost > 0']]);
  });

  it('refuses no correct cause, or two, at the causes', () => {
    const r = load(GOOD.replace('      correct: true\n', ''));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatIssue)).toContainEqual(expect.stringMatching(/exercise\.yaml:9:5: incident: 0 causes are marked `correct: true`; exactly one must be/));
  });

  it('refuses an alert on a metric that does not exist, at the alert, with the nearest name', () => {
    const r = load(GOOD.replace('records-lag-max', 'records-lag'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatIssue).join('\n')).toMatch(/exercise\.yaml:6:\d+: incident alert `indexer: records-lag > 100 for 2s`: unknown metric `records-lag` — did you mean `records-lag-max`\?/);
  });

  it('refuses evidence that is not a check, at its column', () => {
    const r = load(GOOD.replace('outputs.es.lost > 0', 'outputs.es.lots > 0'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatIssue).join('\n')).toMatch(/unknown check path `outputs\.es\.lots` \(did you mean `lost`\?\)/);
  });
});

describe('alerts.* check paths', () => {
  it('count the firings of the incident alert over the run, and the time spent firing', () => {
    const e = loaded(GOOD.replace('checks:', 'checks:'), {});
    const quiet = evaluateChecks(e, fakeResult({ metrics: lagSeries(50) }));
    expect(quiet[0]).toMatchObject({ pass: true });
    // Above 100 from 3 s, firing once it has held 2 s (at 5 s), resolved at 7 s: one firing of 2 s.
    const loud = evaluateChecks(e, fakeResult({ metrics: lagSeries(500) }));
    expect(loud[0]).toMatchObject({ pass: false });
    const withTime = loaded(GOOD, { 'exercise.yaml': exerciseYaml(GOOD).replace('alerts.firings == 0', 'alerts.firingMs == 2000') });
    expect(evaluateChecks(withTime, fakeResult({ metrics: lagSeries(500) }))[0]).toMatchObject({ pass: true });
  });

  it('read 0 in a run without metrics', () => {
    expect(evaluateChecks(loaded(), fakeResult())[0]).toMatchObject({ pass: true });
  });
});

describe('lessons:check holds the answer key to the starter run', () => {
  it('accepts a run where the alert fires, the correct evidence holds and the wrong one fails', () => {
    const run = fakeResult({ metrics: lagSeries(500), outputs: { es: ledger({ duplicated: 10, exactlyOnce: 990 }) } });
    expect(incidentProblems(loaded(), run)).toEqual([]);
  });

  it('says so when the alert never fires, the correct evidence fails, or a wrong cause is supported', () => {
    const run = fakeResult({ metrics: lagSeries(50), outputs: { es: ledger({ lost: 5, exactlyOnce: 995 }) } });
    const messages = incidentProblems(loaded(), run).map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      "6: the incident's alert `indexer: records-lag-max > 100 for 2s` never fires on the starter's run, so the learner has no symptom to start from",
      expect.stringMatching(/^11: the correct cause's evidence `outputs\.es\.duplicated > 0` does not hold on the starter's run/),
      "14: the evidence `outputs.es.lost > 0` of a wrong cause holds on the starter's run",
    ]);
  });
});

describe('the incident in Korean (exercise.ko.yaml)', () => {
  const KO = `title: 장애
goal: 원인을 찾고 고치세요.
checks:
  - name: 알림이 울리지 않는다
hints: [랙을 보세요., 더 보세요.]
incident:
  symptom: 새벽 2시 13분 호출.
  question: 왜일까요?
  causes:
    - { text: 컨슈머가 그룹에서 쫓겨난다., why: 커밋이 실패합니다. }
    - { text: Elasticsearch가 느리다., why: 아닙니다. }
`;

  it('replaces the symptom, question and each cause\'s text and why; the answer key stays', () => {
    const e = loaded(GOOD, { 'exercise.ko.yaml': KO });
    const { exercise, translated } = localizeExercise(e, { 'exercise.yaml': exerciseYaml(GOOD), 'exercise.ko.yaml': KO }, 'ko');
    expect(translated).toBe(true);
    expect(exercise.incident).toMatchObject({ symptom: '새벽 2시 13분 호출.', question: '왜일까요?', alert: 'indexer: records-lag-max > 100 for 2s' });
    expect(exercise.incident!.causes.map((c) => [c.text, c.correct])).toEqual([['컨슈머가 그룹에서 쫓겨난다.', true], ['Elasticsearch가 느리다.', false]]);
  });

  it('refuses a different number of causes', () => {
    const r = readExerciseText('x', '10-ops', { 'exercise.yaml': exerciseYaml(GOOD), 'exercise.ko.yaml': KO.replace(/    - \{ text: Elasticsearch.*\n/, '') }, 'ko');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatIssue).join('\n')).toMatch(/`incident.causes` has 1; exercise.yaml has 2/);
  });
});

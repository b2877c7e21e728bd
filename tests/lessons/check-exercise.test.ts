import { describe, it, expect } from 'vitest';
import { formatIssue } from '../../simulator/spec/issues.js';
import { checkExercise } from '../../simulator/authoring/check-exercise.js';
import type { RunFunction } from '../../simulator/exercise/run-exercise.js';
import type { Exercise } from '../../simulator/exercise/types.js';
import { fakeResult, ledger, loadFixture } from '../unit/exercise/support.js';

const F = 'tests/fixtures/exercises';

function exercise(name: string): Exercise {
  const r = loadFixture(name);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return r.exercise;
}

/** A stand-in simulator: pipelines named `good` lose nothing, `bad` lose 5 records at logstash. */
const byName: RunFunction = (spec, seed) =>
  fakeResult({ seed, outputs: { es: spec.name === 'good' ? ledger() : ledger({ exactlyOnce: 995, lost: 5, lostAt: { logstash: 5 } }) } });

const messages = (name: string, run: RunFunction = byName) => checkExercise(exercise(name), { run }).problems.map(formatIssue);

describe('lessons:check on one exercise (injected runs, so each rule is isolated)', () => {
  it('accepts a good exercise and reports its status', () => {
    const s = checkExercise(exercise('good'), { run: byName });
    expect(s.problems).toEqual([]);
    expect(s).toMatchObject({ slug: 'fine', solutionPassed: 2, checks: 2, seedsPassed: 4, seedsTried: 4, starterFailed: 1, deterministic: true });
  });

  it('a solution that fails: the check, located, with the learner-facing explanation', () => {
    expect(messages('solution-fails')).toEqual([
      `${F}/solution-fails/exercises/wrong-answer/exercise.yaml:5:12: the solution fails check \`outputs.es.lost == 0\`: expected outputs.es.lost == 0, got 5: Every line must reach Elasticsearch. — see lostAt: logstash 5 (fix solution/pipeline.yaml, or loosen the check)`,
    ]);
  });

  it('a starter that passes: nothing for the learner to do', () => {
    expect(messages('starter-passes')).toEqual([
      `${F}/starter-passes/exercises/too-easy/exercise.yaml:5:1: the starter passes every check, so the learner has nothing to do (make starter/pipeline.yaml fail at least one check (starter and solution must differ in outcome), or add a check the starter fails)`,
    ]);
  });

  it('a non-deterministic outcome: the same seed twice gives different JSON', () => {
    let calls = 0;
    const flaky: RunFunction = (spec, seed) => {
      calls++;
      const r = byName(spec, seed);
      r.events = 100 + calls;
      return r;
    };
    expect(messages('nondeterministic', flaky)).toEqual([
      `${F}/nondeterministic/exercises/flaky/solution/pipeline.yaml:1:1: the solution gives different results when run twice with seed 5 (first difference at \`events\`) (the simulator must be deterministic: report this with the spec to the simulator maintainers)`,
      `${F}/nondeterministic/exercises/flaky/starter/pipeline.yaml:1:1: the starter gives different results when run twice with seed 5 (first difference at \`events\`) (the simulator must be deterministic: report this with the spec to the simulator maintainers)`,
    ]);
  });

  it('a solution that passes by luck: fails on one of the extra seeds', () => {
    const lucky: RunFunction = (spec, seed) => (seed === 7 ? fakeResult({ seed, outputs: { es: ledger({ duplicated: 2, exactlyOnce: 998, duplicatedAt: { 'filebeat->logstash': 2 } }) } }) : byName(spec, seed));
    const s = checkExercise(exercise('lucky'), { run: lucky });
    expect(s.seedsPassed).toBe(3);
    expect(s.problems.map(formatIssue)).toEqual([
      `${F}/lucky/exercises/by-luck/exercise.yaml:8:5: the solution fails check \`outputs.es.duplicated == 0\` with seed 7: expected outputs.es.duplicated == 0, got 2: see duplicatedAt: filebeat->logstash 2 (a solution that passes by luck makes a bad exercise: make the solution robust, or the check less tight)`,
    ]);
  });

  it('a check on an output the solution does not have: an authoring error at the id', () => {
    const noEs: RunFunction = (_spec, seed) => fakeResult({ seed, outputs: { elastic: ledger() } });
    expect(messages('good', noEs)[0]).toBe(
      `${F}/good/exercises/fine/exercise.yaml:5:20: check \`outputs.es.lost == 0\`: this run has no output \`es\` in \`outputs\` (in the solution's run) (outputs in this run: \`elastic\`)`,
    );
  });

  it('a solution that changes locked faults', () => {
    const e = exercise('good');
    e.solution['pipeline.yaml'] += 'faults:\n  - { crash: es, at: 1s }\n';
    expect(checkExercise(e, { run: byName }).problems.map(formatIssue)[0]).toBe(
      `${F}/good/exercises/fine/solution/pipeline.yaml:1:1: the solution changes \`faults:\`, but faults are locked, so its changes would not run (copy the starter's \`faults:\` into the solution, or set \`faults: editable\` in exercise.yaml)`,
    );
  });

  it('an invalid pipeline: the spec error at its own file and line', () => {
    const e = exercise('good');
    e.starter['pipeline.yaml'] = 'nodes:\n  es: { type: elasticsearch, replicas: 2 }\n';
    const [first, ...rest] = checkExercise(e, { run: byName }).problems.map(formatIssue);
    expect(rest).toEqual([]);
    expect(first).toMatch(new RegExp(`^${F}/good/exercises/fine/starter/pipeline.yaml:2:30: unknown key \`replicas\``));
  });
});

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { statusWord } from '../../simulator/authoring/report-table.js';
import { formatIssue } from '../../simulator/spec/issues.js';
import { checkExercise } from '../../simulator/authoring/check-exercise.js';
import { loadExercise } from '../../simulator/exercise/load.js';
import { runExercise, type RunFunction } from '../../simulator/exercise/run-exercise.js';
import { fakeResult, ledger } from '../unit/exercise/support.js';

/** Issue 20's authoring-kit mistakes, each in a small exercise written inline and run by a stand-in simulator. */
const DIR = 'lessons/02-x/exercises/inline';
const FILE = `${DIR}/exercise.yaml`;

const pipeline = (name: string) => `name: ${name}\nduration: 5s\nworkload: { rate: 20/s }\nnodes:\n  filebeat: { type: beats, output: logstash }\n  logstash: { type: logstash, output: { elasticsearch: { node: es, index: logs } } }\n  es: { type: elasticsearch }\n`;

function inline(checksYaml: string) {
  const files = {
    'exercise.yaml': `title: Inline\ngoal: Lose nothing.\nchecks:\n${checksYaml}hints:\n  - one\n  - two\n`,
    'starter/pipeline.yaml': pipeline('bad'),
    'solution/pipeline.yaml': pipeline('good'),
  };
  const r = loadExercise('inline', '02-x', files);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return r.exercise;
}

/** `good` loses nothing; `bad` loses 5 records at logstash. */
const byName: RunFunction = (spec, seed) =>
  fakeResult({ seed, outputs: { es: spec.name === 'good' ? ledger() : ledger({ exactlyOnce: 995, lost: 5, lostAt: { logstash: 5 } }) } });

const problems = (checksYaml: string, run: RunFunction = byName) => checkExercise(inline(checksYaml), { run }).problems.map(formatIssue);

describe('lostAt / duplicatedAt ids are places of the pipeline', () => {
  it('a misspelt node id is an error at the id, with a suggestion', () => {
    expect(problems('  - outputs.es.lost == 0\n  - outputs.es.lostAt.logstahs == 0\n').filter((p) => !p.includes('tests nothing'))).toEqual([
      `${FILE}:5:23: check \`outputs.es.lostAt.logstahs == 0\`: \`logstahs\` is no node or link of this pipeline, so \`lostAt\` would always read 0 there (did you mean \`lostAt.logstash\`?)`,
    ]);
  });

  it('a misspelt link id too, suggested in brackets', () => {
    expect(problems('  - outputs.es.lost == 0\n  - outputs.es.duplicatedAt["filebeat->logstahs"] == 0\n')[0]).toContain('(did you mean `duplicatedAt["filebeat->logstash"]`?)');
  });

  it('node ids and links in both directions are accepted', () => {
    expect(problems('  - outputs.es.lostAt.logstash == 0\n  - check: outputs.es.duplicatedAt["logstash->filebeat"] == 0\n    guard: true\n')).toEqual([]);
  });
});

describe('a check that can never fail is reported', () => {
  const loadErrors = (check: string) => {
    const r = loadExercise('inline', '02-x', {
      'exercise.yaml': `title: Inline\ngoal: Lose nothing.\nchecks:\n  - ${check}\nhints:\n  - one\n  - two\n`,
      'starter/pipeline.yaml': pipeline('bad'),
      'solution/pipeline.yaml': pipeline('good'),
    });
    return r.ok ? [] : r.errors.map(formatIssue);
  };

  it.each([
    ['outputs.es.lost == outputs.es.lost', 'both sides are the same value'],
    ['outputs.es.documents >= 0', '`outputs.es.documents` is a count, never below 0'],
    ['0 <= outputs.es.lost', '`outputs.es.lost` is a count, never below 0'],
    ['outputs.es.exactlyOnce <= outputs.es.generated', '`outputs.es.exactlyOnce` is one part of `outputs.es.generated`, so never more than it'],
  ])('statically: `%s`', (check, why) => {
    expect(loadErrors(check)).toEqual([`${FILE}:4:5: check \`${check}\` passes whatever the pipeline does: ${why} (a check that cannot fail tests nothing: compare with a limit a wrong pipeline crosses, e.g. \`outputs.es.lost == 0\`)`]);
  });

  it('statically, one that can never pass too', () => {
    expect(loadErrors('outputs.es.lost < 0')[0]).toContain('fails whatever the pipeline does');
  });

  it('real limits are not tautologies', () => {
    expect(loadErrors('outputs.es.lost <= 0')).toEqual([]);
    expect(loadErrors('outputs.es.exactlyOnce >= outputs.es.generated')).toEqual([]);
    expect(loadErrors('outputs.es.lost / outputs.es.generated <= 1%')).toEqual([]);
  });

  it('a check that holds on the starter and every solution run, unless marked as a guard', () => {
    expect(problems('  - outputs.es.lost == 0\n  - outputs.es.duplicated == 0\n')).toEqual([
      `${FILE}:5:5: check \`outputs.es.duplicated == 0\` passes on the starter and on every run of the solution, so it tests nothing the learner changes (make the starter fail it, or mark it \`guard: true\` if it is there to catch a learner who breaks something else)`,
    ]);
    expect(problems('  - outputs.es.lost == 0\n  - check: outputs.es.duplicated == 0\n    guard: true\n')).toEqual([]);
  });
});

describe('a solution that ends with records in flight', () => {
  it('gets a warning (not an error) naming the output', () => {
    const held: RunFunction = (spec, seed) => (spec.name === 'good' ? fakeResult({ seed, ended: 'deadline', outputs: { es: ledger({ exactlyOnce: 990, inFlight: 10 }) } }) : byName(spec, seed));
    const s = checkExercise(inline('  - outputs.es.lost == 0\n'), { run: held });
    expect(s.problems.map(formatIssue)).toEqual([
      `${DIR}/solution/pipeline.yaml:1:1: warning: the solution's run ends (deadline) with records still in flight in the outputs your checks read: \`es\` 10 (a record in flight is neither lost nor delivered yet: give the pipeline time to settle (a longer \`drain:\`, or a shorter \`duration:\`), or check \`inFlight\` on purpose)`,
    ]);
    expect(statusWord(s)).toBe('ok');
  });
});

describe('lessons:check --only <slug>', () => {
  it('reports only that exercise\'s problems, not other exercises\' or lessons\'', () => {
    const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['simulator/authoring/lessons-check-cli.ts', '--root', 'tests/fixtures/exercises/course', '--no-run', '--only', 'lose-nothing'], { encoding: 'utf8' });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining('lessons/01-first/exercises/lose-nothing/exercise.yaml:1:1: exercise `lose-nothing` is not used by any lesson')]);
    expect(r.stdout).toContain(': 1 problem (');
  });
});

describe('locked settings inside an editable file', () => {
  const withWorkers = (name: string, workers: number) => pipeline(name).replace('logstash: { type: logstash,', `logstash: { type: logstash, pipeline.workers: ${workers},`);
  const locked = (solutionWorkers: number, lock = '/nodes/logstash/pipeline.workers') => {
    const r = loadExercise('inline', '02-x', {
      'exercise.yaml': `title: Inline\ngoal: Lose nothing.\nlocked: [${lock}]\nchecks:\n  - outputs.es.lost == 0\nhints:\n  - one\n  - two\n`,
      'starter/pipeline.yaml': withWorkers('bad', 1),
      'solution/pipeline.yaml': withWorkers('good', solutionWorkers),
    });
    return r;
  };

  it('a lock on a setting the starter lacks is refused where it is written', () => {
    const r = locked(1, '/nodes/logstash/pipeline.wokers');
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([`${FILE}:3:10: \`locked\`: starter/pipeline.yaml has no setting at \`/nodes/logstash/pipeline.wokers\` (lock a setting the starter writes, e.g. /nodes/consumer/processing-time)`]);
  });

  it('lessons:check refuses a solution that changes a locked setting, at its line', () => {
    const r = locked(4);
    if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
    expect(checkExercise(r.exercise, { run: byName }).problems.map(formatIssue)).toEqual([
      `${DIR}/solution/pipeline.yaml:6:49: the solution changes a locked setting: \`nodes.logstash.pipeline.workers\` is locked in this exercise: it must stay 1 (you have 4) (keep the starter's value in the solution, or remove the pointer from \`locked:\` in exercise.yaml)`,
    ]);
  });

  it('at grading time a learner\'s change is refused with a clear message, and other edits run', () => {
    const r = locked(1);
    if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
    const refused = runExercise(r.exercise, { 'pipeline.yaml': withWorkers('good', 8) }, { run: byName });
    expect('errors' in refused && refused.errors.map(formatIssue)).toEqual([
      "pipeline.yaml:6:49: `nodes.logstash.pipeline.workers` is locked in this exercise: it must stay 1 (you have 8) (the exercise is about something else: put it back (Reset restores the starter) and change another setting)",
    ]);
    const deleted = runExercise(r.exercise, { 'pipeline.yaml': pipeline('good') }, { run: byName });
    expect('errors' in deleted && deleted.errors[0]!.message).toContain('it must stay 1 (you have absent)');
    expect('result' in runExercise(r.exercise, { 'pipeline.yaml': withWorkers('good', 1) }, { run: byName })).toBe(true);
  });
});

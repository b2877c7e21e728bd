import { describe, it, expect } from 'vitest';
import { formatIssue } from '../../simulator/spec/issues.js';
import { checkExercise } from '../../simulator/authoring/check-exercise.js';
import { loadExercise } from '../../simulator/exercise/load.js';
import type { RunFunction } from '../../simulator/exercise/run-exercise.js';
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
    expect(problems('  - outputs.es.lost == 0\n  - outputs.es.lostAt.logstahs == 0\n')).toEqual([
      `${FILE}:5:23: check \`outputs.es.lostAt.logstahs == 0\`: \`logstahs\` is no node or link of this pipeline, so \`lostAt\` would always read 0 there (did you mean \`lostAt.logstash\`?)`,
    ]);
  });

  it('a misspelt link id too, suggested in brackets', () => {
    expect(problems('  - outputs.es.lost == 0\n  - outputs.es.duplicatedAt["filebeat->logstahs"] == 0\n')[0]).toContain('(did you mean `duplicatedAt["filebeat->logstash"]`?)');
  });

  it('node ids and links in both directions are accepted', () => {
    expect(problems('  - outputs.es.lostAt.logstash == 0\n  - outputs.es.duplicatedAt["logstash->filebeat"] == 0\n')).toEqual([]);
  });
});

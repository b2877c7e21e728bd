import { describe, it, expect } from 'vitest';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { parseCheck } from '../../../simulator/exercise/check-parse.js';
import { evaluateCheck } from '../../../simulator/exercise/check-eval.js';
import { analyseCheck } from '../../../simulator/exercise/check-static.js';
import { runSync } from '../../../simulator/run/run.js';
import type { CheckSpec } from '../../../simulator/exercise/types.js';
import { fakeResult } from './support.js';

function check(source: string): CheckSpec {
  const parsed = parseCheck(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { source, name: source, expr: parsed.expr, at: { file: 'exercise.yaml', line: 1, column: 1 }, exactColumns: true };
}

describe('checks read consumer-group lag: groups.<group>.lag', () => {
  it('is a known path, and a misspelt field is refused with a suggestion', () => {
    expect(analyseCheck(check('groups.indexer.lag <= 100').expr)).toEqual([]);
    expect(analyseCheck(check('groups.indexer.lagg == 0').expr)).toEqual([{ offset: 15, message: 'unknown check path `groups.indexer.lagg`', hint: 'did you mean `lag`?' }]);
  });

  it('reads the lag of a group, and names the groups a run has when one is absent', () => {
    const r = fakeResult({ groups: { indexer: { topic: 'logs', lag: 120, committed: 880, members: 1 } } });
    expect(evaluateCheck(check('groups.indexer.lag == 0'), r)).toMatchObject({ pass: false, actual: '120' });
    expect(evaluateCheck(check('groups.indexr.lag == 0'), r).explanation).toContain('did you mean `indexer`?');
  });

  it('a real run reports its groups: the consumer of lesson 3 has read and committed everything', () => {
    // The exercise's real files: the starter's, with the solution's over them (as a learner's run gets them).
    const dir = 'lessons/03-kafka/exercises/acks-all-is-not-enough';
    const files = readWorkspaceFolder(`${dir}/starter`);
    for (const [path, text] of readWorkspaceFolder(`${dir}/solution`)) files.set(path, text);
    const parsed = compileWorkspace(files);
    if (!parsed.ok) throw new Error('spec');
    const { result } = runSync(parsed.spec, { seed: 1 });
    expect(result.groups?.indexer).toMatchObject({ topic: 'logs', lag: 0, members: 1 });
    expect(result.groups!.indexer!.committed).toBeGreaterThan(0);
    expect(evaluateCheck(check('groups.indexer.lag == 0'), result).pass).toBe(true);
  });
});

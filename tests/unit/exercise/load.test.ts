import { describe, it, expect } from 'vitest';
import { formatIssue } from '../../../simulator/spec/issues.js';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { loadFixture } from './support.js';

function errorsOf(name: string): string[] {
  const r = loadFixture(name);
  if (r.ok) throw new Error(`${name} loaded, but it is broken on purpose`);
  return r.errors.map(formatIssue);
}

const F = 'tests/fixtures/exercises';

describe('loading exercise.yaml: broken fixtures give precise messages', () => {
  it('unknown key: file, line, column and the nearest valid key', () => {
    expect(errorsOf('unknown-key')).toEqual([`${F}/unknown-key/exercises/typo/exercise.yaml:3:1: unknown key \`hint\` (did you mean \`hints\`?)`]);
  });

  it('bad YAML: the bracket that is never closed, not the line where the parser stopped', () => {
    expect(errorsOf('bad-yaml')).toEqual([`${F}/bad-yaml/exercises/broken/exercise.yaml:3:9: this \`[\` is never closed (add the closing \`]\` where the value ends)`]);
  });

  it('a check on a path that does not exist: the column of the wrong segment and a suggestion', () => {
    expect(errorsOf('unknown-path')).toEqual([
      `${F}/unknown-path/exercises/no-such-path/exercise.yaml:5:16: check \`outputs.es.duplicates == 0\`: unknown check path \`outputs.es.duplicates\` (did you mean \`duplicated\`?)`,
      `${F}/unknown-path/exercises/no-such-path/exercise.yaml:6:32: check \`architectures.kappa.freshnes.p95 < 5s\`: unknown check path \`architectures.kappa.freshnes\` (did you mean \`freshness\`?)`,
    ]);
  });

  it('a missing file: which one, and why it is needed', () => {
    expect(errorsOf('missing-file')).toEqual([
      `${F}/missing-file/exercises/no-solution/exercise.yaml:1:1: missing file ${F}/missing-file/exercises/no-solution/solution/pipeline.yaml (every editable file needs a solution version (\`editable\` defaults to [pipeline.yaml]))`,
    ]);
  });

  it('loads a good fixture into the pinned Exercise shape', () => {
    const r = loadFixture('good');
    if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
    const e = r.exercise;
    expect(e).toMatchObject({ slug: 'fine', lesson: 'good', dir: `${F}/good/exercises/fine`, title: 'A fixture exercise', seed: 5, editable: ['pipeline.yaml'], readonly: [], faultsLocked: true, hints: ['Look at the ledger.', 'Look harder.'] });
    expect(e.compare).toBeUndefined();
    expect(Object.keys(e.starter)).toEqual(['pipeline.yaml']);
    expect(e.checks.map((c) => [c.name, c.source, c.explain, c.at.line, c.at.column, c.guard])).toEqual([
      ['Nothing is lost', 'outputs.es.lost == 0', 'Every line must reach Elasticsearch.', 5, 12, undefined],
      ['outputs.es.duplicated == 0', 'outputs.es.duplicated == 0', undefined, 8, 12, true],
    ]);
    // Plain data: the page can hand it to the worker.
    expect(structuredClone(e)).toEqual(e);
  });
});

describe('loading exercise.yaml: every rule', () => {
  const pipe = 'nodes:\n  es: { type: elasticsearch }\n';
  const load = (yaml: string, extra: Record<string, string> = {}) =>
    loadExercise('x', '01-a', { 'exercise.yaml': yaml, 'starter/pipeline.yaml': pipe, 'solution/pipeline.yaml': pipe, ...extra });
  const messages = (yaml: string, extra: Record<string, string> = {}) => {
    const r = load(yaml, extra);
    return r.ok ? [] : r.errors.map(formatIssue);
  };
  const base = 'title: T\ngoal: G\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\n';

  it('accepts the minimal exercise and the lambda-kappa comparison', () => {
    expect(messages(base)).toEqual([]);
    const r = load(`${base}compare: lambda-kappa\nfaults: editable\nseed: 9\n`);
    expect(r.ok && [r.exercise.compare, r.exercise.faultsLocked, r.exercise.seed]).toEqual([true, false, 9]);
  });

  it('needs a missing exercise.yaml', () => {
    const r = loadExercise('x', '01-a', { 'starter/pipeline.yaml': pipe });
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual(['lessons/01-a/exercises/x/exercise.yaml:1:1: missing file exercise.yaml (every exercise folder needs one; scaffold with `npm run new:exercise -- 01-a/x`)']);
  });

  it('asks for two or three hints and at least one check', () => {
    expect(messages('title: T\ngoal: G\nchecks: []\nhints: [a]\n')).toEqual([
      'lessons/01-a/exercises/x/exercise.yaml:3:9: `checks`: needs at least 1 item',
      'lessons/01-a/exercises/x/exercise.yaml:4:8: `hints`: needs at least 2 items',
    ]);
  });

  it('reports an unknown key inside a check object, located at the key', () => {
    expect(messages('title: T\ngoal: G\nchecks:\n  - check: outputs.es.lost == 0\n    explian: why\nhints: [a, b]\n')).toEqual([
      'lessons/01-a/exercises/x/exercise.yaml:5:5: unknown key `explian` (did you mean `explain`?)',
    ]);
  });

  it('points at the column of a syntax error inside a quoted check', () => {
    expect(messages("title: T\ngoal: G\nchecks:\n  - 'outputs.es.lost = 0'\nhints: [a, b]\n")).toEqual([
      'lessons/01-a/exercises/x/exercise.yaml:4:22: check `outputs.es.lost = 0`: unexpected "=" (compare with ==)',
    ]);
  });

  it('rejects comparing a count with a bare percentage, and text with numbers', () => {
    expect(messages('title: T\ngoal: G\nchecks:\n  - outputs.es.exactlyOnce >= 99%\n  - ended == 0\nhints: [a, b]\n')).toEqual([
      'lessons/01-a/exercises/x/exercise.yaml:4:31: check `outputs.es.exactlyOnce >= 99%`: compares a count with a ratio (a percentage of a count is written as a product, e.g. `outputs.es.exactlyOnce >= 99% * outputs.es.generated`)',
      'lessons/01-a/exercises/x/exercise.yaml:5:14: check `ended == 0`: compares text with a number (text values such as `ended` compare with a quoted string: ended == "drained")',
    ]);
  });

  it('rejects a group where a value is needed, with the values to pick from', () => {
    expect(messages('title: T\ngoal: G\nchecks: [outputs.es == 0]\nhints: [a, b]\n')[0]).toContain('`outputs.es` is a group of values, not a value (pick one: outputs.es.generated, outputs.es.exactlyOnce');
  });

  it('checks editable and read-only files exist and are all declared', () => {
    expect(messages(`${base}readonly: [notes.md]\n`, { 'solution/extra.yaml': 'a: 1' })).toEqual([
      'lessons/01-a/exercises/x/exercise.yaml:5:12: missing file lessons/01-a/exercises/x/starter/notes.md (read-only files are shown from starter/)',
      'lessons/01-a/exercises/x/solution/extra.yaml:1:1: file solution/extra.yaml is neither editable nor readonly, so learners never see it (list it in `editable` or `readonly` in exercise.yaml, or delete it)',
    ]);
    expect(messages(`${base}editable: [other.yaml]\n`, { 'starter/other.yaml': 'a: 1', 'solution/other.yaml': 'a: 1' })[0]).toBe(
      'lessons/01-a/exercises/x/exercise.yaml:5:11: `pipeline.yaml` must be listed in `editable` or `readonly` (the simulator runs pipeline.yaml; learners usually edit it: `editable: [pipeline.yaml]`)',
    );
  });

  it('fills read-only files of the solution from the starter', () => {
    const r = load(`${base}readonly: [notes.md]\n`, { 'starter/notes.md': '# notes' });
    expect(r.ok && r.exercise.solution).toEqual({ 'pipeline.yaml': pipe, 'notes.md': '# notes' });
  });
});

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '../../simulator/spec/issues.js';
import { checkLessonsStatic, findExerciseTags } from '../../simulator/authoring/check-lessons.js';
import { readTree } from '../../simulator/authoring/fs-tree.js';
import { parseLessonFrontmatter } from '../../simulator/exercise/lesson-frontmatter.js';
import { scaffoldExercise } from '../../simulator/authoring/scaffold.js';
import { loadExercise } from '../../simulator/exercise/load.js';
import { newExercise } from '../../simulator/authoring/fs-new-exercise.js';
import { generatedSection, schemaFiles, withGeneratedSection } from '../../simulator/authoring/docs.js';

const COURSE = 'tests/fixtures/exercises/course';
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

describe('lessons:check across the course (fixture course with mistakes)', () => {
  const report = checkLessonsStatic(readTree(join(process.cwd(), COURSE), 'lessons'));
  const messages = report.problems.map(formatIssue);

  it('reports frontmatter, references and unused exercises with file:line:col', () => {
    expect(messages).toEqual([
      'lessons/01-first/index.mdx:5:3: `objectives`: needs at least 2 items',
      'lessons/01-first/index.mdx:6:10: `minutes`: expected number, got string "ten" (write a plain number without quotes)',
      'lessons/01-first/index.mdx:1:1: the lesson has 1 exercise; every lesson has at least 2 (scaffold another with `npm run new:exercise -- <lesson>/<slug>` and place its <Exercise slug="…" /> in the text)',
      'lessons/01-first/index.mdx:11:1: <Exercise slug="lose-nothng"> names no exercise (did you mean "lose-nothing"?)',
      'lessons/01-first/index.mdx:18:1: <Exercise> without a `slug` attribute (write <Exercise slug="…" />)',
      'lessons/01-first/exercises/lose-nothing/exercise.yaml:1:1: exercise `lose-nothing` is not used by any lesson (paste <Exercise slug="lose-nothing" /> into lessons/01-first/index.mdx, or delete the folder)',
      'lessons/01-first/exercises/orphan/exercise.yaml:1:1: exercise `orphan` is not used by any lesson (paste <Exercise slug="orphan" /> into lessons/01-first/index.mdx, or delete the folder)',
    ]);
  });

  it('ignores tags inside fenced code blocks', () => {
    expect(findExerciseTags('```\n<Exercise slug="a" />\n```\n<Exercise slug=\'b\'/>').map((t) => [t.slug, t.line])).toEqual([['b', 4]]);
  });

  it('the CLI exits 1 and prints the same messages', () => {
    const r = spawnSync(TSX, ['simulator/authoring/lessons-check-cli.ts', '--root', COURSE, '--no-run'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    for (const m of messages) expect(r.stderr).toContain(m);
    expect(r.stdout).toContain('1 lessons, 2 exercises (not run: --no-run): 7 problems (');
  });
});

describe('lesson frontmatter', () => {
  it('accepts the pinned shape and reports where the body starts', () => {
    const r = parseLessonFrontmatter('---\ntitle: T\nsummary: S.\nobjectives: [a, b]\nminutes: 20\n---\n\nBody', 'x.mdx');
    expect(r.ok && [r.frontmatter, r.bodyLine]).toEqual([{ title: 'T', summary: 'S.', objectives: ['a', 'b'], minutes: 20 }, 7]);
  });

  it('reports a missing block and unknown keys', () => {
    const missing = parseLessonFrontmatter('# Title', 'x.mdx');
    expect(missing.ok ? [] : missing.errors.map(formatIssue)).toEqual(['x.mdx:1:1: missing frontmatter (start the file with ---, then title, summary, objectives and minutes, then ---)']);
    const typo = parseLessonFrontmatter('---\ntitle: T\nsumary: S.\nobjectives: [a, b]\nminutes: 20\n---\n', 'x.mdx');
    expect(typo.ok ? [] : typo.errors.map(formatIssue)).toContain('x.mdx:3:1: unknown key `sumary` (did you mean `summary`?)');
  });
});

describe('new:exercise', () => {
  it('scaffolds an exercise that loads, with schema comments that resolve from the file', () => {
    const files = scaffoldExercise('02-beats', 'keep-it');
    const dir = 'lessons/02-beats/exercises/keep-it';
    const local: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) local[path.slice(dir.length + 1)] = text;
    const r = loadExercise('keep-it', '02-beats', local);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([]);
    expect(local['exercise.yaml']!.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../simulator/authoring/schemas/exercise.schema.json');
    // Learners see the pipeline from line 1: no modeline there; editors map it to its schema in .vscode/settings.json.
    expect(local['starter/pipeline.yaml']!).not.toContain('yaml-language-server');
    const settings = JSON.parse(readFileSync('.vscode/settings.json', 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']['./simulator/authoring/schemas/pipeline.schema.json']).toContain('lessons/*/exercises/*/starter/pipeline.yaml');
    expect(local['starter/pipeline.yaml']).toBe(local['solution/pipeline.yaml']);
  });

  it('refuses a modeline in a starter file, which the learner would see as line 1', () => {
    const files = scaffoldExercise('02-beats', 'keep-it');
    const local: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) local[path.slice('lessons/02-beats/exercises/keep-it/'.length)] = text;
    local['starter/pipeline.yaml'] = `# yaml-language-server: $schema=../x.json\n${local['starter/pipeline.yaml']!}`;
    const r = loadExercise('keep-it', '02-beats', local);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([
      'lessons/02-beats/exercises/keep-it/starter/pipeline.yaml:1:1: the `# yaml-language-server` line would be shown to learners as line 1 of their file (delete it: editors get the schema from .vscode/settings.json (`yaml.schemas`))',
    ]);
  });

  it('writes the files, prints the tag, and refuses a duplicate slug or an unknown lesson', () => {
    const root = mkdtempSync(join(tmpdir(), 'new-exercise-'));
    try {
      cpSync(join(COURSE, 'lessons'), join(root, 'lessons'), { recursive: true });
      const r = newExercise(root, '01-first/brand-new');
      expect(r.code === 0 && r.lines.join('\n')).toContain('<Exercise slug="brand-new" />');
      expect(readFileSync(join(root, 'lessons/01-first/exercises/brand-new/exercise.yaml'), 'utf8')).toContain('title: Brand new');
      expect(newExercise(root, '01-first/orphan')).toEqual({ code: 2, error: 'an exercise "orphan" already exists in lessons/01-first (slugs are unique across the course)' });
      expect(newExercise(root, '01-frist/x')).toEqual({ code: 2, error: 'no lesson folder lessons/01-frist with an index.mdx — did you mean 01-first?' });
      expect(newExercise(root, '01-first/Bad Slug')).toMatchObject({ code: 2 });
      expect(newExercise(root, 'just-a-slug')).toMatchObject({ code: 2 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('AUTHORING.md and the editor schemas are generated, and up to date', () => {
  it('the committed generated section matches the schemas', () => {
    const committed = readFileSync('AUTHORING.md', 'utf8');
    expect(withGeneratedSection(committed)).toBe(committed);
    expect(committed).toContain(generatedSection());
  });

  it('the committed JSON Schemas match', () => {
    for (const [path, text] of Object.entries(schemaFiles())) expect(readFileSync(path, 'utf8'), `${path} is stale: npm run docs:authoring`).toBe(text);
  });

  it('lists every exercise.yaml key and the check paths', () => {
    const section = generatedSection();
    for (const key of ['title', 'goal', 'seed', 'editable', 'readonly', 'faults', 'checks', 'checks[].explain', 'hints', 'compare']) expect(section).toContain(`| \`${key}\` |`);
    for (const path of ['outputs.<output>.lost', 'outputs.<output>.duplicatedAt.<node-or-link>', 'query.error.<answer>.max', 'architectures.<architecture>.freshness.p95']) expect(section).toContain(`| \`${path}\` |`);
  });
});

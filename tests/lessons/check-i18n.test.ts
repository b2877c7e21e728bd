/**
 * The Korean side of lessons:check (issue #23): a lesson or exercise without its Korean text is
 * reported (an error, or a warning with LESSONS_I18N=warn), and a Korean file that does not mirror
 * its English twin is an error located in the Korean file. The merge the pages and the worker use
 * (localizeExercise) puts the Korean text on the same checks.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../simulator/spec/issues.js';
import { checkTranslations, missingSeverity } from '../../simulator/authoring/check-i18n.js';
import { scaffoldExercise } from '../../simulator/authoring/scaffold.js';
import { loadExercise } from '../../simulator/exercise/load.js';
import { localizeExercise, readExerciseText } from '../../simulator/exercise/localize.js';

const DIR = 'lessons/09-new/exercises/keep-it';
const LESSON = `---\ntitle: T\nsummary: S.\nobjectives: [a, b]\nminutes: 10\n---\n\nProse.\n\n<Exercise slug="keep-it" />\n\n<Callout kind="real-world" title="In production">…</Callout>\n`;
const LESSON_KO = `---\ntitle: 제목\nsummary: 요약.\nobjectives: [가, 나]\nminutes: 10\n---\n\n본문.\n\n<Exercise slug="keep-it" />\n\n<Callout kind="real-world" title="실무에서는">…</Callout>\n`;

function course(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string> = { 'lessons/09-new/index.mdx': LESSON, 'lessons/09-new/index.ko.mdx': LESSON_KO, ...scaffoldExercise('09-new', 'keep-it') };
  for (const [path, text] of Object.entries(overrides)) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  return files;
}

const messages = (files: Record<string, string>, severity: 'error' | 'warning' = 'error') => checkTranslations(files, severity).map(formatIssue);

/** The exercise folder's files, relative to it (what loadExercise and localizeExercise take). */
function local(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) if (path.startsWith(`${DIR}/`)) out[path.slice(DIR.length + 1)] = text;
  return out;
}

describe('lessons:check, Korean text', () => {
  it('accepts a scaffolded exercise and a lesson that mirrors its English twin', () => {
    expect(messages(course())).toEqual([]);
  });

  it('reports a missing lesson and exercise translation as errors, or warnings with LESSONS_I18N=warn', () => {
    const files = course({ 'lessons/09-new/index.ko.mdx': undefined, [`${DIR}/exercise.ko.yaml`]: undefined });
    expect(messages(files)).toEqual([
      'lessons/09-new/index.ko.mdx:1:1: lesson `09-new` has no Korean text: missing file lessons/09-new/index.ko.mdx (copy index.mdx to index.ko.mdx and translate its text (frontmatter values, prose, text props); keep imports, components and their other props)',
      `${DIR}/exercise.ko.yaml:1:1: exercise \`keep-it\` has no Korean text: missing file ${DIR}/exercise.ko.yaml (copy title, goal, checks (name, explain, hint) and hints of exercise.yaml into exercise.ko.yaml and translate them)`,
    ]);
    expect(checkTranslations(files, missingSeverity('warn')).map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(missingSeverity(undefined)).toBe('error');
  });

  it('locates a check too few, a hint too many, a key the English check lacks and one it has', () => {
    const ko = [
      'title: 제목',
      'goal: 목표.',
      'checks:',
      '  - name: 유실 없음',
      '    explain: 설명',
      '    failure: 없는 키',
      'hints: [하나, 둘, 셋, 넷]',
      '',
    ].join('\n');
    expect(messages(course({ [`${DIR}/exercise.ko.yaml`]: ko }))).toEqual([
      `${DIR}/exercise.ko.yaml:4:3: \`checks\` has 1 entry; exercise.yaml has 2 checks (one entry per check of exercise.yaml, in the same order)`,
      `${DIR}/exercise.ko.yaml:7:8: \`hints\` has 4; exercise.yaml has 3 (translate every hint, in the same order)`,
      `${DIR}/exercise.ko.yaml:4:5: check 1: missing \`hint\`, which exercise.yaml's check 1 has (translate every text of the check)`,
      `${DIR}/exercise.ko.yaml:6:5: check 1: \`failure\` has no English text in exercise.yaml's check 1 (that check has \`name\`, \`explain\`, \`hint\`)`,
    ]);
  });

  it('refuses keys that are not text (they live in exercise.yaml only)', () => {
    const ko = course()[`${DIR}/exercise.ko.yaml`]!.replace('checks:', 'seed: 7\nchecks:');
    expect(messages(course({ [`${DIR}/exercise.ko.yaml`]: ko }))).toEqual([expect.stringMatching(/exercise\.ko\.yaml:\d+:1: unknown key `seed`/)]);
  });

  it('compares the lesson\'s components, their non-text props and its numbers, not its text', () => {
    const moved = LESSON_KO.replace('<Exercise slug="keep-it" />', '<Exercise slug="keep-it-2" />').replace('minutes: 10', 'minutes: 12');
    expect(messages(course({ 'lessons/09-new/index.ko.mdx': moved }))).toEqual([
      'lessons/09-new/index.ko.mdx:1:1: `minutes: 12` differs from index.mdx (10) (numbers are not translated: copy them from index.mdx)',
      'lessons/09-new/index.ko.mdx:10:1: <Exercise slug=keep-it-2> where index.mdx has <Exercise slug=keep-it> (line 10) (keep every component of index.mdx, in the same order, with the same non-text props (slug, exercise, kind))',
    ]);
  });
});

describe('localizeExercise', () => {
  const files = local(course());
  const loaded = loadExercise('keep-it', '09-new', files);
  if (!loaded.ok) throw new Error('scaffold does not load');

  it('puts the Korean title, goal, hints and check texts on the same checks', () => {
    const { exercise, translated } = localizeExercise(loaded.exercise, files, 'ko');
    expect(translated).toBe(true);
    expect(exercise.title).toBe(loaded.exercise.title);
    expect(exercise.goal).toMatch(/^Logstash가 실행 도중에 크래시하고/);
    expect(exercise.checks.map((c) => [c.source, c.name])).toEqual([
      ['outputs.es.lost == 0', '유실 없음'],
      ['outputs.es.duplicated == 0', '두 번 색인되지 않음'],
    ]);
    expect(exercise.checks[1]!.guard).toBe(true);
    expect(exercise.hints).toHaveLength(3);
    expect(exercise.seed).toBe(loaded.exercise.seed);
    expect(exercise.starter).toEqual(loaded.exercise.starter);
  });

  it('keeps English when the Korean file is missing or does not match, and for English', () => {
    expect(localizeExercise(loaded.exercise, { ...files, 'exercise.ko.yaml': 'title: x\n' }, 'ko')).toEqual({ exercise: loaded.exercise, translated: false });
    const { 'exercise.ko.yaml': _dropped, ...english } = files;
    expect(localizeExercise(loaded.exercise, english, 'ko').translated).toBe(false);
    expect(localizeExercise(loaded.exercise, files, 'en').exercise).toBe(loaded.exercise);
    expect(readExerciseText('keep-it', '09-new', english, 'ko')).toEqual({ ok: false, missing: true, errors: [] });
  });
});

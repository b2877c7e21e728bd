/**
 * Starter and solution comments in Korean (simulator/i18n/file-comments.ts): only comment text changes,
 * so every file of lessons 1–2 compiles to the same spec in both languages, and every comment of
 * those files has its Korean twin (the check lessons:check runs).
 */
import { describe, expect, it } from 'vitest';
import { commentsOf, localizeComments, localizeExerciseFiles, readCommentTable } from '../../../simulator/i18n/file-comments.js';
import { commentProblems } from '../../../simulator/authoring/check-i18n.js';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { groupExerciseFiles } from '../../../simulator/exercise/bundle.js';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { exerciseSpec } from '../../../simulator/exercise/exercise-spec.js';

const table = new Map([
  ['Filebeat on the web server:\n  tail the log.', '웹 서버의 Filebeat:\n  로그를 따라 읽는다.'],
  ['no ACK within 5 s', '5초 안에 ACK가 없으면'],
]);

describe('localizeComments', () => {
  const yml = ['# Filebeat on the web server:', '#   tail the log.', 'output.logstash:', '  hosts: ["logstash:5044"]', '  timeout: 5s   # no ACK within 5 s', '  # not in the table', ''].join('\n');

  it('swaps whole-line blocks and comments after a value, keeping indentation and code', () => {
    expect(localizeComments('web1/filebeat.yml', yml, table)).toBe(['# 웹 서버의 Filebeat:', '#   로그를 따라 읽는다.', 'output.logstash:', '  hosts: ["logstash:5044"]', '  timeout: 5s   # 5초 안에 ACK가 없으면', '  # not in the table', ''].join('\n'));
  });

  it('never takes a # inside quotes for a comment', () => {
    const conf = 'filter {\n  mutate { add_field => { "tag" => "a # b" } }\n}\n';
    expect(commentsOf('logstash/pipeline/main.conf', conf)).toEqual([]);
  });

  it('never takes a shebang for a comment, so a translated script still runs', () => {
    const sh = '#!/bin/sh\n# One partition.\nkafka-topics.sh --create\n';
    expect(commentsOf('kafka/topics.sh', sh).map((c) => c.text)).toEqual(['One partition.']);
    expect(localizeComments('kafka/topics.sh', sh, new Map([['One partition.', '파티션 하나.']]))).toBe('#!/bin/sh\n# 파티션 하나.\nkafka-topics.sh --create\n');
  });

  it('reads SQL comments after --, never one inside a string', () => {
    const sql = "-- Copy every record.\nCREATE TABLE t (a STRING) WITH (\n  'topic' = 'a -- b',   -- the topic\n  'format' = 'json'\n);\n";
    expect(commentsOf('relay/job.sql', sql).map((c) => c.text)).toEqual(['Copy every record.', 'the topic']);
    const ko = localizeComments('relay/job.sql', sql, new Map([['Copy every record.', '모든 레코드를 복사한다.'], ['the topic', '토픽']]));
    expect(ko).toBe("-- 모든 레코드를 복사한다.\nCREATE TABLE t (a STRING) WITH (\n  'topic' = 'a -- b',   -- 토픽\n  'format' = 'json'\n);\n");
  });

  it('leaves files without # comments (JSON) alone', () => {
    expect(localizeComments('es/logs.json', '{"a": "# no"}', table)).toBe('{"a": "# no"}');
  });

  it('reads a comments file and refuses a malformed one', () => {
    expect(readCommentTable('- en: |\n    a\n  ko: |\n    가\n', 'ko')).toEqual({ ok: true, table: new Map([['a', '가']]) });
    expect(readCommentTable('- en: a\n', 'ko').ok).toBe(false);
    expect(readCommentTable('en: a', 'ko').ok).toBe(false);
  });
});

const bundles = [...groupExerciseFiles(readTree(process.cwd(), 'lessons'))];
// Lessons 1–2: every exercise; lessons 3–10: every exercise folder that has its comments.ko.yaml.
const groups = [
  ['lessons 1–2', bundles.filter(([, b]) => /^0[12]-/.test(b.lessonDir)), 7],
  ['lessons 3–10', bundles.filter(([, b]) => !/^0[12]-/.test(b.lessonDir) && b.files['comments.ko.yaml'] !== undefined), 20],
] as const;

describe.each(groups)('%s in Korean', (_, group, atLeast) => {
  it('has exercises to check', () => expect(group.length).toBeGreaterThanOrEqual(atLeast));

  it.each(group.map(([slug, b]) => [slug, b] as const))('%s: every comment has its Korean twin, and the files run the same', (slug, bundle) => {
    expect(bundle.files['comments.ko.yaml'], 'comments.ko.yaml').toBeDefined();
    expect(commentProblems(slug, bundle.lessonDir, bundle.files, 'ko')).toEqual([]);
    const korean = localizeExerciseFiles(bundle.files, 'ko');
    const en = loadExercise(slug, bundle.lessonDir, bundle.files);
    const ko = loadExercise(slug, bundle.lessonDir, korean);
    if (!en.ok || !ko.ok) throw new Error('exercise does not load');
    for (const side of ['starter', 'solution'] as const) {
      const a = exerciseSpec(en.exercise, en.exercise[side], {});
      const b = exerciseSpec(ko.exercise, ko.exercise[side], {});
      expect(b.ok).toBe(a.ok);
      if (a.ok && b.ok) expect(JSON.stringify(b.spec)).toBe(JSON.stringify(a.spec));
      // Every comment the learner reads is Korean; every other line is byte for byte the English file's.
      for (const [path, text] of Object.entries(ko.exercise[side])) {
        for (const c of commentsOf(path, text)) expect(c.text, `${side}/${path}`).toMatch(/[\uac00-\ud7a3]/);
        const marker = path.endsWith('.sql') ? '--' : '#';
        const code = (t: string) => t.split('\n').filter((l) => !l.trimStart().startsWith(marker) || l.startsWith('#!')).map((l) => l.split(` ${marker}`)[0]!.trimEnd());
        expect(code(text)).toEqual(code(en.exercise[side][path]!));
      }
    }
  });
});

/**
 * The translation part of lessons:check (issue #23): every lesson has `index.ko.mdx` and every
 * exercise `exercise.ko.yaml`, and each mirrors its English twin — the same frontmatter keys and
 * numbers, the same imports and components with the same non-text props, the same checks and
 * hints. Pure (takes the files as text), like checkLessonsStatic.
 *
 * A missing translation is an error by default; `LESSONS_I18N=warn` makes it a warning (while
 * the translations are being written). A translation that exists but does not match is always
 * an error: it would show the learner a different lesson or verdict.
 */
import type { SpecIssue } from '../spec/issues.js';
import { groupExerciseFilesChecked } from '../exercise/bundle.js';
import { EXERCISE_FILE } from '../exercise/load.js';
import { parseLessonFrontmatter } from '../exercise/lesson-frontmatter.js';
import { localizedExerciseFile, readExerciseText, TRANSLATED_LANGS } from '../exercise/localize.js';
import { simTemplateAreas, type SimTemplate } from '../i18n/messages/index.js';
import { placeholdersOf } from '../i18n/messages/template.js';
import { commentsFile, commentsOf, isExerciseSource, readCommentTable } from '../i18n/file-comments.js';

export type MissingSeverity = 'error' | 'warning';

/** `LESSONS_I18N=warn` → warnings for missing translations; anything else (or unset) → errors. */
export function missingSeverity(env: string | undefined): MissingSeverity {
  return env === 'warn' || env === 'warning' ? 'warning' : 'error';
}

const LANG_NAMES: Record<string, string> = { ko: 'Korean' };

/** Props whose values are not text: they must be the same in every language. */
const NON_TEXT_PROPS = new Set(['slug', 'exercise', 'kind', 'id', 'compare']);

interface Component {
  text: string;
  line: number;
  column: number;
}

/** `import …` lines and `<Component …>` tags (capitalised, outside fenced code) with their non-text props. */
function structureOf(mdx: string): { imports: string[]; components: Component[] } {
  const imports: string[] = [];
  const components: Component[] = [];
  let fenced = false;
  let inFrontmatter = false;
  mdx.split(/\r?\n/).forEach((line, i) => {
    if (i === 0 && /^---\s*$/.test(line)) {
      inFrontmatter = true;
      return;
    }
    if (inFrontmatter) {
      if (/^---\s*$/.test(line)) inFrontmatter = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    if (/^import\s/.test(line)) imports.push(line.trim());
    for (const m of line.matchAll(/<([A-Z][\w.]*)\b([^>]*?)\/?>/g)) {
      const props = [...(m[2] ?? '').matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\})/g)]
        .filter((p) => NON_TEXT_PROPS.has(p[1]!))
        .map((p) => `${p[1]}=${p[2]!.replace(/^['"{]\s*['"`]?|['"`]?\s*['"}]$/g, '')}`)
        .sort();
      components.push({ text: [m[1], ...props].join(' '), line: i + 1, column: (m.index ?? 0) + 1 });
    }
  });
  return { imports, components };
}

function lessonProblems(dir: string, en: string, translated: string, lang: string): SpecIssue[] {
  const file = `lessons/${dir}/index.${lang}.mdx`;
  const problems: SpecIssue[] = [];
  const problem = (line: number, column: number, message: string, hint: string) => problems.push({ severity: 'error', file, line, column, path: '', message, hint });
  const fmEn = parseLessonFrontmatter(en, `lessons/${dir}/index.mdx`);
  const fm = parseLessonFrontmatter(translated, file);
  if (!fm.ok) problems.push(...fm.errors);
  if (fm.ok && fmEn.ok) {
    const a = fmEn.frontmatter;
    const b = fm.frontmatter;
    const keysA = Object.keys(a).sort().join(', ');
    const keysB = Object.keys(b).sort().join(', ');
    if (keysA !== keysB) problem(1, 1, `frontmatter keys are ${keysB}; index.mdx has ${keysA}`, 'use the same keys as index.mdx, with translated text values');
    if (a.minutes !== b.minutes) problem(1, 1, `\`minutes: ${b.minutes}\` differs from index.mdx (${a.minutes})`, 'numbers are not translated: copy them from index.mdx');
    if (a.order !== b.order) problem(1, 1, `\`order\` differs from index.mdx`, 'numbers are not translated: copy them from index.mdx');
    if (a.objectives.length !== b.objectives.length) problem(1, 1, `${b.objectives.length} objectives; index.mdx has ${a.objectives.length}`, 'translate each objective, in the same order');
  }
  const sa = structureOf(en);
  const sb = structureOf(translated);
  if (sa.imports.join('\n') !== sb.imports.join('\n')) problem(1, 1, 'the imports differ from index.mdx', 'keep the same import lines as index.mdx');
  const count = Math.max(sa.components.length, sb.components.length);
  for (let i = 0; i < count; i++) {
    const want = sa.components[i];
    const have = sb.components[i];
    if (want?.text === have?.text) continue;
    if (!have) problem(translated.split(/\r?\n/).length, 1, `missing <${want!.text}> (index.mdx line ${want!.line})`, 'keep every component of index.mdx, in the same order, with the same non-text props');
    else if (!want) problem(have.line, have.column, `<${have.text}> is not in index.mdx`, 'a translation has the same components as index.mdx');
    else problem(have.line, have.column, `<${have.text}> where index.mdx has <${want.text}> (line ${want.line})`, 'keep every component of index.mdx, in the same order, with the same non-text props (slug, exercise, kind)');
    break; // After the first difference the rest are out of step: one located problem says where to look.
  }
  return problems;
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The simulator's message catalogue (simulator/i18n/messages): every English template has a Korean twin
 * that is written (Hangul, unless the template is only parameters and punctuation), uses the same
 * placeholders, and appears once. The file named is the area's catalogue file.
 */
export function checkSimMessages(areas: Readonly<Record<string, readonly SimTemplate[]>> = simTemplateAreas): SpecIssue[] {
  const problems: SpecIssue[] = [];
  const seen = new Map<string, string>();
  for (const [area, templates] of Object.entries(areas)) {
    const file = `simulator/i18n/messages/${area}.ts`;
    const problem = (message: string, hint: string) => problems.push({ severity: 'error', file, line: 1, column: 1, path: '', message, hint });
    for (const { en, ko } of templates) {
      const words = /[a-z]/i.test(en.replace(/\{\w+\*?\}/g, ''));
      if (ko.trim() === '' || (words && !HANGUL.test(ko))) problem(`the message "${en}" has no Korean text`, 'write the Korean twin of the message (KOREAN-TERMS.md: 합니다체, product and setting names as they are)');
      const want = placeholdersOf(en).join(', ');
      const have = placeholdersOf(ko).join(', ');
      if (want !== have) problem(`the Korean text of "${en}" has placeholders {${have}}; the English has {${want}}`, 'use every placeholder of the English template once, with the same names');
      const other = seen.get(en);
      if (other !== undefined) problem(`the message "${en}" is in the catalogue twice (also in ${other})`, 'keep one template per message: the first one wins');
      seen.set(en, file);
    }
  }
  return problems;
}

/**
 * An exercise's `comments.<lang>.yaml` (simulator/i18n/file-comments.ts), when it has one: it reads, it
 * translates every comment of the starter/ and solution/ files, and it lists no comment those
 * files no longer have (a stale entry means an English comment changed without its translation).
 */
export function commentProblems(slug: string, lessonDir: string, files: Readonly<Record<string, string>>, lang: string): SpecIssue[] {
  const source = files[commentsFile(lang)];
  if (source === undefined) return [];
  const file = `lessons/${lessonDir}/exercises/${slug}/${commentsFile(lang)}`;
  const problem = (message: string, hint: string): SpecIssue => ({ severity: 'error', file, line: 1, column: 1, path: '', message, hint });
  const read = readCommentTable(source, lang);
  if (!read.ok) return [problem(read.message, `a list of { en: <comment>, ${lang}: <translation> } pairs`)];
  const problems: SpecIssue[] = [];
  const used = new Set<string>();
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (!isExerciseSource(path)) continue;
    for (const c of commentsOf(path, text)) {
      used.add(c.text);
      if (!read.table.has(c.text)) problems.push({ ...problem(`the comment at ${path}:${c.line + 1} has no ${LANG_NAMES[lang] ?? lang} text: ${JSON.stringify(c.text.split('\n')[0])}…`, `add { en: <the comment, every line>, ${lang}: <its translation> } to ${commentsFile(lang)}`) });
    }
  }
  for (const en of read.table.keys()) if (!used.has(en)) problems.push(problem(`${commentsFile(lang)} translates a comment no starter or solution file has: ${JSON.stringify(en.split('\n')[0])}…`, 'update the entry to the comment as it now reads, or remove it'));
  return problems;
}

export function checkTranslations(files: Record<string, string>, missing: MissingSeverity = 'error'): SpecIssue[] {
  const problems: SpecIssue[] = [...checkSimMessages()];
  const lessonDirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const m = /^lessons\/([^/]+)\/index\.mdx$/.exec(path);
    if (m) lessonDirs.add(m[1]!);
  }
  for (const lang of TRANSLATED_LANGS) {
    const name = LANG_NAMES[lang] ?? lang;
    for (const dir of [...lessonDirs].sort()) {
      const file = `lessons/${dir}/index.${lang}.mdx`;
      const translated = files[file];
      if (translated === undefined) {
        problems.push({ severity: missing, file, line: 1, column: 1, path: '', message: `lesson \`${dir}\` has no ${name} text: missing file ${file}`, hint: `copy index.mdx to index.${lang}.mdx and translate its text (frontmatter values, prose, text props); keep imports, components and their other props` });
        continue;
      }
      problems.push(...lessonProblems(dir, files[`lessons/${dir}/index.mdx`]!, translated, lang));
    }
    const exerciseFiles: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) if (/^lessons\/[^/]+\/exercises\//.test(path)) exerciseFiles[path] = text;
    const { exercises } = groupExerciseFilesChecked(exerciseFiles);
    for (const [slug, bundle] of [...exercises].sort(([a], [b]) => a.localeCompare(b))) {
      if (bundle.files[EXERCISE_FILE] === undefined) continue; // lessons:check reports the missing exercise.yaml itself.
      problems.push(...commentProblems(slug, bundle.lessonDir, bundle.files, lang));
      const read = readExerciseText(slug, bundle.lessonDir, bundle.files, lang);
      if (read.ok) continue;
      if (read.missing) {
        const file = `lessons/${bundle.lessonDir}/exercises/${slug}/${localizedExerciseFile(lang)}`;
        problems.push({ severity: missing, file, line: 1, column: 1, path: '', message: `exercise \`${slug}\` has no ${name} text: missing file ${file}`, hint: `copy title, goal, checks (name, explain, hint) and hints of exercise.yaml into ${localizedExerciseFile(lang)} and translate them` });
      } else {
        problems.push(...read.errors);
      }
    }
  }
  return problems;
}

/**
 * Starter and solution comments in the learner's language (issue #23). An exercise's real files
 * (filebeat.yml, logstash.yml, a .conf pipeline, world.yaml) are the same in every language; their
 * comments are not. `comments.<lang>.yaml` beside exercise.yaml lists each English comment of the
 * exercise's starter/ and solution/ files with its translation; a page in that language shows the
 * files with those comments swapped in. Only the text after a `#` changes, never a setting, so a
 * file runs exactly the same in both languages (and a draft or share link from one opens in the other).
 *
 *   - en: |
 *       Filebeat on the web server: tail the Apache access log, ship to Logstash.
 *     ko: |
 *       웹 서버의 Filebeat: Apache 접근 로그를 따라 읽어 Logstash로 보낸다.
 *
 * A comment is either a block (consecutive whole-line comments at one indentation, matched as
 * their lines joined with newlines, continuation spaces kept) or the comment after a value on its
 * line (`timeout: 5s   # no ACK within 5 s → send the batch again`). YAML, Logstash .conf, .properties,
 * shell and Python files mark comments with `#`, SQL with `--`; JSON files have no comments.
 */
import { parse } from 'yaml';

/** English comment → translation. */
export type CommentTable = ReadonlyMap<string, string>;

/** The file holding an exercise's comments in `lang` (relative to the exercise folder). */
export const commentsFile = (lang: string) => `comments.${lang}.yaml`;

/** What starts a comment in a file, by its extension; undefined for a file without comments (JSON). */
function commentMarker(path: string): '#' | '--' | undefined {
  if (/\.(ya?ml|conf|properties|sh|py)$/.test(path)) return '#';
  if (/\.sql$/.test(path)) return '--';
  return undefined;
}

export type TableOutcome = { ok: true; table: Map<string, string> } | { ok: false; message: string };

/** Reads `comments.<lang>.yaml`: a list of `{ en, ko }` (or the page language's key) pairs. */
export function readCommentTable(text: string, lang: string): TableOutcome {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { ok: false, message: `not YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (data === null || data === undefined) return { ok: true, table: new Map() };
  if (!Array.isArray(data)) return { ok: false, message: `expected a list of { en, ${lang} } pairs` };
  const table = new Map<string, string>();
  for (const [i, entry] of data.entries()) {
    const pair = entry as Record<string, unknown> | null;
    const en = pair?.['en'];
    const translated = pair?.[lang];
    if (typeof en !== 'string' || typeof translated !== 'string') return { ok: false, message: `item ${i + 1}: expected { en: …, ${lang}: … } with two texts` };
    table.set(en.replace(/\n$/, ''), translated.replace(/\n$/, ''));
  }
  return { ok: true, table };
}

/** One comment of a file: where it is and its text (lines joined with newlines for a block). */
export interface FileComment {
  /** 0-based first line. */
  line: number;
  /** Number of lines (a block) — 1 for a comment after a value. */
  lines: number;
  /** Indentation before `#` of a block; the code before the comment for a trailing one. */
  prefix: string;
  trailing: boolean;
  text: string;
}

/** Where `marker` starts a comment after code on a line: outside quotes, after whitespace. */
function trailingCommentAt(line: string, marker: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (line.startsWith(marker, i) && i > 0 && /\s/.test(line[i - 1]!)) return i;
  }
  return -1;
}

/** A line that is only a comment: its indentation and its text. */
const wholeLine = (marker: string) => new RegExp(`^(\\s*)${marker} ?(.*)$`);

/** Every comment of a file that has comments, in order. */
export function commentsOf(path: string, text: string): FileComment[] {
  const marker = commentMarker(path);
  if (marker === undefined) return [];
  const WHOLE_LINE = wholeLine(marker);
  const lines = text.split('\n');
  const found: FileComment[] = [];
  // A shebang (`#!/bin/sh`) is read by the kernel, not by a person: it is never a comment to translate.
  for (let i = lines[0]?.startsWith('#!') ? 1 : 0; i < lines.length; i++) {
    const whole = WHOLE_LINE.exec(lines[i]!);
    if (whole) {
      const indent = whole[1]!;
      const block = [whole[2]!];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const next = WHOLE_LINE.exec(lines[j]!);
        if (!next || next[1] !== indent) break;
        block.push(next[2]!);
      }
      found.push({ line: i, lines: j - i, prefix: indent, trailing: false, text: block.join('\n') });
      i = j - 1;
      continue;
    }
    const at = trailingCommentAt(lines[i]!, marker);
    if (at >= 0) found.push({ line: i, lines: 1, prefix: lines[i]!.slice(0, at), trailing: true, text: lines[i]!.slice(at + marker.length).replace(/^ /, '') });
  }
  return found;
}

/** `text` with each comment the table knows in its translation; everything else byte for byte as it was. */
export function localizeComments(path: string, text: string, table: CommentTable): string {
  const comments = commentsOf(path, text);
  const marker = commentMarker(path);
  if (comments.length === 0 || table.size === 0 || marker === undefined) return text;
  const lines = text.split('\n');
  // From the end, so earlier line numbers stay right when a block changes its number of lines.
  for (const c of [...comments].reverse()) {
    const translated = table.get(c.text);
    if (translated === undefined) continue;
    const replacement = c.trailing ? [`${c.prefix}${marker} ${translated.split('\n').join(' ')}`] : translated.split('\n').map((l) => (l === '' ? `${c.prefix}${marker}` : `${c.prefix}${marker} ${l}`));
    lines.splice(c.line, c.lines, ...replacement);
  }
  return lines.join('\n');
}

/** Folder-relative paths whose comments are translated: the starter's and the solution's files. */
export const isExerciseSource = (path: string) => /^(starter|solution)\//.test(path);

/**
 * An exercise folder's files for a page in `lang`: starter/ and solution/ files with their comments
 * translated by `comments.<lang>.yaml`. English, or a folder without that file, is returned as it is.
 */
export function localizeExerciseFiles(files: Readonly<Record<string, string>>, lang: string): Record<string, string> {
  const source = files[commentsFile(lang)];
  if (lang === 'en' || source === undefined) return { ...files };
  const read = readCommentTable(source, lang);
  if (!read.ok) return { ...files };
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, isExerciseSource(path) ? localizeComments(path, text, read.table) : text]));
}

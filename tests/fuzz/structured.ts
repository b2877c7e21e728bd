/**
 * What "a structured message" means for the spec parser, shared by `npm run fuzz`, its unit-test
 * sample and the bad-input tests. A problem is structured when:
 * - it names a file, a 1-based integer line and column, and a severity;
 * - its message is a non-empty single line in the spec's terms: no JavaScript error class
 *   (`ReferenceError`, `RangeError`, …), no phrase that only the YAML library or Zod would say
 *   (the list below, each seen leaking before issue #20), and no value printed the way JavaScript
 *   prints it rather than the way the author wrote it (`undefined`, `NaN`, `[object Object]`).
 *   Text quoted from the spec (in backticks or double quotes) is the author's and is not judged.
 */
import type { SpecIssue } from '../../simulator/spec/index.js';

/** Phrases from a library or the JavaScript runtime that must never reach an author. */
const LEAKS: readonly RegExp[] = [
  /\b[A-Z][A-Za-z]*Error\b/, // ReferenceError, RangeError, TypeError, YAMLParseError …
  /Maximum call stack/i,
  /parseAllDocuments/,
  /resource exhaustion/i,
  /Invalid input/, // Zod's fallback for a union or a type
  /Invalid key in record/,
  /Invalid option/,
  /Invalid (string|element|union)/,
  /\bToo (big|small)\b/, // Zod's bounds wording
  /\bexpected \w+, received\b/, // Zod's type wording (ours says "got")
  /\bundefined\b/,
  /\bNaN\b/,
  /\b-?Infinity\b/,
  /\[object \w+\]/,
  /got number null/,
];

/** Why `issue` is unstructured, or undefined when it is fine. */
export function unstructuredReason(issue: SpecIssue): string | undefined {
  if (!issue.file) return 'no file';
  if (!Number.isInteger(issue.line) || issue.line < 1) return `line ${issue.line}`;
  if (!Number.isInteger(issue.column) || issue.column < 1) return `column ${issue.column}`;
  if (issue.severity !== 'error' && issue.severity !== 'warning') return `severity ${String(issue.severity)}`;
  if (typeof issue.message !== 'string' || issue.message.trim() === '') return 'empty message';
  if (issue.message.includes('\n')) return 'message spans several lines';
  for (const text of [issue.message, issue.hint ?? '']) {
    // What the author wrote is quoted (`…` or "…") and may say anything, `NaN` included; only our own words are judged.
    const ours = text.replace(/`[^`]*`|"(?:[^"\\]|\\.)*"/g, '“”');
    const leak = LEAKS.find((re) => re.test(ours));
    if (leak) return `leaks ${leak.source}`;
  }
  return undefined;
}

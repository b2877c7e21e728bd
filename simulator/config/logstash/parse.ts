/**
 * Logstash pipeline text → located tree, or the error Logstash itself prints for bad syntax:
 * "Expected one of [ \t\r\n], "#", "=>" at line 3, column 10 (byte 40) after …"
 * (logstash-core lib/logstash/compiler.rb raises ConfigurationError with the treetop parser's
 * failure_reason; we give the same list of expectations at file:line:col).
 */
import type { SpecIssue } from '../../spec/issues.js';
import type { PipelineConfig } from './ast.js';
import { parse as parseGrammar, SyntaxError as GrammarSyntaxError } from './grammar.js';

export type LogstashParse = { ok: true; config: PipelineConfig } | { ok: false; error: SpecIssue };

export function parseLogstashConfig(text: string, file: string): LogstashParse {
  try {
    return { ok: true, config: parseGrammar(text, { grammarSource: file }) as PipelineConfig };
  } catch (error) {
    if (!(error instanceof GrammarSyntaxError)) throw error;
    const { line, column, offset } = error.location.start;
    const expected = describeExpected(error.expected);
    const after = text.slice(Math.max(0, offset - 30), offset).replace(/\s+/g, ' ').trimStart();
    return {
      ok: false,
      error: {
        severity: 'error',
        file,
        line,
        column,
        path: '',
        message: `Expected one of ${expected} at line ${line}, column ${column} (byte ${offset + 1})${after ? ` after ${after}` : ''}`,
        hint: hintFor(text, offset),
      },
    };
  }
}

type Expectation = { type: string; text?: string; description?: string; ignoreCase?: boolean; parts?: unknown[]; inverted?: boolean };

function describeExpected(expected: readonly Expectation[] | null): string {
  const seen = new Set<string>();
  for (const e of expected ?? []) {
    if (e.type === 'literal') seen.add(JSON.stringify(e.text));
    else if (e.type === 'end') seen.add('end of input');
    else if (e.type === 'any') seen.add('any character');
    else if (e.type === 'class') seen.add(describeClass(e));
    else if (e.description) seen.add(e.description);
  }
  return [...seen].join(', ');
}

/** A character class as Logstash's treetop parser prints it, e.g. `[ \\t\\r\\n]`. */
function describeClass(e: Expectation): string {
  const show = (c: string) => c.replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  const parts = (e.parts ?? []).map((p) => (Array.isArray(p) ? `${show(String(p[0]))}-${show(String(p[1]))}` : show(String(p))));
  return `[${e.inverted ? '^' : ''}${parts.join('')}]`;
}

function hintFor(text: string, offset: number): string | undefined {
  const rest = text.slice(offset);
  if (/^[:=]\s/.test(rest) || rest.startsWith(':')) return 'settings are written `name => value`';
  if (rest.trim() === '') return 'a `{` is not closed';
  if (/^["']/.test(rest)) return 'check for an unclosed quote';
  return undefined;
}

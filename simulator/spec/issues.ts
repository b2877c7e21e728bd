/** Problems found in a spec, located in the source text so an editor can mark them. */

export interface SpecIssue {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Dotted path of the offending value, e.g. `nodes.filebeat.ack`. */
  path: string;
  message: string;
  /** What to do about it, e.g. "did you mean `acks`?" */
  hint?: string;
}

/** `file:line:col: message (hint)` — the form compilers use, so terminals and editors link it. */
export function formatIssue(issue: SpecIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const kind = issue.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${kind}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

export function pathToString(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

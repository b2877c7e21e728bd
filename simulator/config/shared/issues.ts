/** Problems of real configuration files, in the spec's SpecIssue form so the CLI and editor show them alike. */
import type { SpecIssue } from '../../spec/issues.js';
import type { Loc } from '../logstash/ast.js';

export type { SpecIssue };

/** Collects the errors and warnings of one file. */
export class Problems {
  readonly list: SpecIssue[] = [];
  constructor(readonly file: string) {}

  error(loc: Loc | undefined, message: string, hint?: string, path = ''): void {
    this.add('error', loc, message, hint, path);
  }

  warn(loc: Loc | undefined, message: string, hint?: string, path = ''): void {
    this.add('warning', loc, message, hint, path);
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  private add(severity: SpecIssue['severity'], loc: Loc | undefined, message: string, hint: string | undefined, path: string): void {
    const at = loc ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    this.list.push({ severity, file: this.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, path, message, ...(hint ? { hint } : {}) });
  }
}

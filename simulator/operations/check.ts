/** The runbook's problems as located spec issues: each at its column inside the `run:` string. */
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import type { SourceMap } from '../spec/parse.js';
import type { SpecIssue } from '../spec/issues.js';
import { planOperations } from './plan.js';

export function checkOperations(spec: PipelineSpec, map: SourceMap): SpecIssue[] {
  return planOperations(spec).problems.map((p) => {
    const path = ['operations', p.index, 'run'];
    const at = map.locate(path);
    const run = spec.operations[p.index]!.run;
    // On one line the problem's columns fall inside the value (one further when the string is quoted).
    const onOneLine = at.line === at.endLine;
    const quote = onOneLine && at.endColumn - at.column === run.length + 2 ? 1 : 0;
    const place = onOneLine ? { line: at.line, column: at.column + quote + p.column - 1, endLine: at.line, endColumn: at.column + quote + p.endColumn - 1 } : at;
    return { severity: 'error' as const, file: map.file, ...place, path: path.join('.'), message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
  });
}

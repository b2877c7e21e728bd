/**
 * Problems the spec checks find in `operations:` (a topic that does not exist, a partition count that
 * is not an increase, an unknown JobID, a savepoint never written) point at `operations.<i>.run`, a
 * path world.yaml does not have: they are moved to the runbook line the command came from, at their
 * column in it.
 */
import { pipelineSchema } from '../../spec/schema/pipeline.js';
import type { SpecIssue } from '../../spec/issues.js';
import { planOperations } from '../../operations/plan.js';
import type { RunbookLine } from './runbook.js';

export function relocateOperationIssues(errors: readonly SpecIssue[], data: Record<string, unknown>, runbook: readonly RunbookLine[]): SpecIssue[] {
  if (runbook.length === 0 || !errors.some((e) => e.path.startsWith('operations.'))) return [...errors];
  const parsed = pipelineSchema.safeParse(data);
  const problems = parsed.success ? planOperations(parsed.data).problems : [];
  const rest = errors.filter((e) => !e.path.startsWith('operations.'));
  const moved = problems.map((p): SpecIssue => {
    const line = runbook[p.index]!;
    return { severity: 'error', file: line.file, line: line.line, column: line.column + p.column - 1, endLine: line.line, endColumn: line.column + p.endColumn - 1, path: '', message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
  });
  return [...rest, ...moved];
}

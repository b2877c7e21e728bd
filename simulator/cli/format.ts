/** The CLI's human-readable report: a per-output ledger table, the query error, architectures, warnings. */
import type { RunResult, OutputLedger } from '../run/result.js';
import { formatDuration } from '../spec/units.js';
import { budgetSentence } from '../run/budget.js';

const COLUMNS: (keyof OutputLedger)[] = ['generated', 'exactlyOnce', 'duplicated', 'lost', 'filtered', 'late', 'lateSideOutput', 'deadLettered', 'inFlight', 'reordered'];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function places(map: Record<string, number>): string {
  return Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([where, n]) => `${where} ${n}`)
    .join(', ');
}

export function formatReport(result: RunResult, fileLabel: string): string {
  const out: string[] = [];
  out.push(`${result.name ?? fileLabel} · seed ${result.seed} · ${formatDuration(result.simulatedMs)} simulated · ${result.events} events · ended: ${result.ended}`);
  if (result.budget) out.push(budgetSentence(result.budget));
  out.push('');
  const ids = Object.keys(result.outputs);
  if (ids.length === 0) out.push('No terminal outputs (no sink and no topic without readers).');
  else {
    out.push(table(['output', ...COLUMNS.map(String)], ids.map((id) => [id, ...COLUMNS.map((c) => String(result.outputs[id]![c]))])));
    for (const id of ids) {
      const o = result.outputs[id]!;
      if (o.lost > 0) out.push(`  ${id}: lost at ${places(o.lostAt)}`);
      if (o.duplicated > 0) out.push(`  ${id}: duplicated at ${places(o.duplicatedAt)} (${o.extraCopies} extra copies)`);
    }
  }
  if (result.query) {
    out.push('');
    out.push(`Query: ${result.query.description}`);
    const rows = Object.entries(result.query.error).map(([id, e]) => [id, e.max.toFixed(4), e.mean.toFixed(4), e.total.toFixed(4)]);
    if (rows.length > 0) out.push(table(['answered by', 'max error', 'mean error', 'total error'], rows));
  }
  if (result.architectures) {
    out.push('');
    const arch = Object.entries(result.architectures);
    out.push(
      table(
        ['architecture', 'final error', 'max error', 'freshness p95', 'processed', 'reprocessed', 'storage max'],
        arch.map(([id, a]) => [
          id,
          a.summary.error.final.toFixed(4),
          a.summary.error.max.toFixed(4),
          formatDuration(a.summary.freshness.p95),
          String(a.summary.cost.processed),
          String(a.summary.cost.reprocessed),
          String(a.summary.storage.max),
        ]),
      ),
    );
  }
  if (result.warnings.length > 0) {
    out.push('');
    for (const w of result.warnings) out.push(`warning: ${w.line !== undefined ? `line ${w.line}: ` : ''}${w.message}`);
  }
  const errors = result.log.filter((l) => l.level !== 'info');
  if (errors.length > 0) {
    out.push('');
    out.push('Events:');
    for (const l of errors.slice(0, 12)) out.push(`  ${formatDuration(l.timeMs).padStart(7)}  ${l.source}: ${l.text}`);
    if (errors.length > 12) out.push(`  … ${errors.length - 12} more (see --json .log)`);
  }
  for (const t of Object.values(result.traces)) {
    out.push('');
    out.push(`trace ${t.id}`);
    for (const s of t.steps) out.push(`  ${formatDuration(s.timeMs).padStart(7)}  ${s.where}: ${s.what}`);
    for (const [output, fate] of Object.entries(t.fate)) out.push(`  → ${output}: ${fate}`);
  }
  return out.join('\n');
}

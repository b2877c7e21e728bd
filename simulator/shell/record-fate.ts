/**
 * One record's story for `trace`, `ledger` and the page's ledger view: where it was written,
 * every hop the ledger noted, and its fate in each output (read off the output's counts).
 */
import type { RunHandle } from '../run/run.js';
import type { TraceStep } from '../ledger/ledger.js';
import { clock } from './view.js';

export interface RecordStory {
  rid: number;
  id: string;
  writtenAtMs: number;
  file: string;
  /** Whether hop-by-hop steps were recorded in this run (else only fates are known). */
  traced: boolean;
  steps: TraceStep[];
  /** output id → fate in words */
  fate: Record<string, string>;
}

export function recordStory(handle: RunHandle, rid: number): RecordStory {
  const w = handle.workload;
  const id = w.displayId(rid);
  const ledger = handle.sim.ledger;
  const traced = ledger.isTraced(rid);
  const steps = [...(handle.result.traces[id]?.steps ?? ledger.traceOf(rid))];
  const held = handle.heldRecords();
  const fate: Record<string, string> = {};
  for (const out of handle.outputs.keys()) fate[out] = ledger.fateOf(rid, handle.countsOf(out)[rid] ?? 0, held, out);
  return { rid, id, writtenAtMs: w.writeTimeMs(rid), file: `/var/log/app/${w.fileName(w.fileOf(rid))}`, traced: traced || steps.length > 0, steps, fate };
}

export function formatStory(s: RecordStory): string {
  const lines = [`record ${s.id} (rid ${s.rid})`, `  ${clock(s.writtenAtMs).padEnd(12)} ${'app'.padEnd(22)} line written to ${s.file}`];
  const width = Math.max(22, ...s.steps.map((st) => st.where.length));
  for (const st of s.steps) lines.push(`  ${clock(st.timeMs).padEnd(12)} ${st.where.padEnd(width)} ${st.what}`);
  if (!s.traced) lines.push('  (hops not recorded in this run)');
  lines.push('fate:');
  for (const [out, fate] of Object.entries(s.fate)) lines.push(`  ${out}: ${fate}`);
  return lines.join('\n');
}

export type LedgerKind = 'lost' | 'duplicated' | 'inFlight' | 'filtered' | 'late' | 'lateSideOutput' | 'deadLettered';

export interface LedgerEntry {
  rid: number;
  id: string;
  fate: string;
}

/** Records of one fate in one output, in rid order, at most `limit` of them (plus how many in all). */
export function ledgerEntries(handle: RunHandle, output: string, kind: LedgerKind, limit: number): { total: number; entries: LedgerEntry[] } {
  const counts = handle.countsOf(output);
  const held = handle.heldRecords();
  const ledger = handle.sim.ledger;
  const entries: LedgerEntry[] = [];
  let total = 0;
  for (let rid = 0; rid < handle.workload.total; rid++) {
    const c = counts[rid] ?? 0;
    if (c === 1) continue;
    if (ledger.fateKind(rid, c, held, output).kind !== kind) continue;
    total++;
    if (entries.length < limit) entries.push({ rid, id: handle.workload.displayId(rid), fate: ledger.fateOf(rid, c, held, output) });
  }
  return { total, entries };
}

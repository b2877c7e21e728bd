/**
 * `ledger [output]`: the checker's accounting. Without an argument, one row per output
 * one column per output, one row per fate (generated = exactly once + duplicated + lost + filtered +
 * late + late to the side output + dead-lettered + in flight, DESIGN §3);
 * with one, the lost and duplicated records of that output and where it happened, ready for `trace`.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { columns } from '../view.js';
import { ledgerEntries, type LedgerKind } from '../record-fate.js';

const LIST_LIMIT = 20;

export const ledger: Command = {
  name: 'ledger',
  summary: 'what happened to every record, per output; `ledger <output>` lists lost and duplicated records',
  usage: 'ledger [output]',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const outputs = handle.result.outputs;
    const ids = Object.keys(outputs);
    if (ids.length === 0) return ok('no outputs: nothing in this pipeline keeps records at the end.');
    const which = args[0];
    if (which === undefined) {
      // One column per output and one row per fate: a pipeline has few outputs but the ledger
      // has ten fates, so this stays inside an 80-column terminal where one row per output wraps.
      const rows = [['OUTPUT', ...ids]];
      const fate = (label: string, value: (o: (typeof outputs)[string]) => number | string) => rows.push([label, ...ids.map((id) => String(value(outputs[id]!)))]);
      fate('GENERATED', (o) => o.generated);
      fate('EXACTLY-ONCE', (o) => o.exactlyOnce);
      fate('DUPLICATED', (o) => o.duplicated);
      fate('LOST', (o) => o.lost);
      fate('FILTERED', (o) => o.filtered);
      fate('LATE', (o) => o.late);
      fate('LATE-SIDE-OUTPUT', (o) => o.lateSideOutput);
      fate('DEAD-LETTERED', (o) => o.deadLettered);
      fate('IN-FLIGHT', (o) => o.inFlight);
      fate('WHERE-LOST', (o) => Object.entries(o.lostAt).map(([k, v]) => `${k}=${v}`).join(',') || '-');
      return ok(`${columns(rows)}\n\nrun ended: ${handle.result.ended} after ${handle.result.events} events`);
    }
    if (!(which in outputs)) return fail(`ledger: no output ${which}; outputs: ${ids.join(', ')}`);
    const blocks: string[] = [];
    for (const kind of ['lost', 'duplicated', 'inFlight'] as LedgerKind[]) {
      const { total, entries } = ledgerEntries(handle, which, kind, LIST_LIMIT);
      if (total === 0) continue;
      blocks.push(`${kind === 'inFlight' ? 'in flight' : kind} (${total}):`);
      for (const e of entries) blocks.push(`  ${e.id.padEnd(20)} ${e.fate}`);
      if (total > entries.length) blocks.push(`  … and ${total - entries.length} more`);
    }
    if (blocks.length === 0) return ok(`${which}: every record delivered exactly once, filtered or late — nothing lost or duplicated.`);
    blocks.push('', 'try: trace <record-id>');
    return ok(blocks.join('\n'));
  },
  complete(args, { handle }) {
    return handle && args.length === 0 ? Object.keys(handle.result.outputs) : [];
  },
};

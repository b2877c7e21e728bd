/**
 * An architecture's `outputs` ledger: every record's fate in the answer it serves, read off
 * the lineage of the window rows the answer is made of (DESIGN §3 accounting, per view).
 *
 * A record counts in the answer as often as it appears in the lineage of one window. With
 * sliding windows a record belongs to size/slide windows by design, so the count is the most
 * copies of it in any single window — being in several windows is not a duplicate.
 */
import type { Ledger } from '../ledger/ledger.js';
import type { OutputLedger } from '../run/result.js';
import type { AnswerRow } from './aggregate-docs.js';
import type { RidLookup } from '../core/rid-set.js';

/** Counts per rid (array of length `total`) for the rows given. */
export function countsOfRows(rows: Iterable<AnswerRow>, total: number): Uint32Array {
  const counts = new Uint32Array(total);
  // Copies of a rid within the current row, valid while `row[rid]` holds that row's number (1-based):
  // one pass per row, nothing to reset between rows.
  const inRow = new Uint32Array(total);
  const row = new Uint32Array(total);
  let r = 0;
  for (const { lineage } of rows) {
    r++;
    for (const chunk of lineage) {
      for (let i = 0; i < chunk.length; i++) {
        const rid = chunk[i]!;
        if (rid < 0 || rid >= total) continue;
        const n = row[rid] === r ? inRow[rid]! + 1 : 1;
        row[rid] = r;
        inRow[rid] = n;
        if (n > counts[rid]!) counts[rid] = n;
      }
    }
  }
  return counts;
}

/**
 * The ledger entry of one view. `held` is what the pipeline still holds (in flight) plus
 * whatever the architecture will still pass on (e.g. master-dataset records the next batch run
 * will read). `fedBy` names what the view is read from (an output id or a node, see run/feeds.ts),
 * so a loss is reported at a place on the way to it.
 */
export function accountRows(ledger: Ledger, rows: Iterable<AnswerRow>, total: number, held: RidLookup, fedBy?: string): OutputLedger {
  return ledger.account(countsOfRows(rows, total), held, undefined, fedBy);
}

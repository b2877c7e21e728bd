/**
 * Bytes a record's value takes on the wire, for the broker's BytesInPerSec / BytesOutPerSec.
 * The value is the line's `message` text (ASCII, so one byte a character) — the same size the
 * producer checks against max.request.size. Keys, headers and record-batch framing are not
 * counted, so the simulated rates read a little below a real broker's.
 */
import { messageLengthOf, type Rec } from '../../core/record.js';

export function recordValueBytes(record: Rec): number {
  return messageLengthOf(record);
}

/**
 * Bytes a record's value takes on the wire, for the broker's BytesInPerSec / BytesOutPerSec.
 * The value is the line's `message` text (ASCII, so one byte a character) — the same size the
 * producer checks against max.request.size. Keys, headers and record-batch framing are not
 * counted, so the simulated rates read a little below a real broker's.
 */
import type { Rec } from '../../core/record.js';

export function recordValueBytes(record: Rec): number {
  const message = record.fields['message'];
  return typeof message === 'string' ? message.length : 0;
}

/** The ids of Filebeat's `add_id` and `fingerprint` processors (SEMANTICS-2 §3 [FB8]). */
import { describe, it, expect } from 'vitest';
import { addId, fingerprintId, metadataId } from '../../../simulator/nodes/beats/event-id.js';

describe('event ids', () => {
  it('fingerprint depends only on the line: every read of it gets the same id', () => {
    expect(fingerprintId(7, 42)).toBe(fingerprintId(7, 42));
    expect(fingerprintId(7, 42)).not.toBe(fingerprintId(7, 43));
    expect(fingerprintId(7, 42)).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  it('add_id is fixed within one Filebeat process and new in each restarted one', () => {
    expect(addId(7, 42, 1)).toBe(addId(7, 42, 1));
    const ids = new Set([0, 1, 2, 3].map((inc) => addId(7, 42, inc)));
    expect(ids.size).toBe(4);
    expect(addId(7, 42, 2)).not.toBe(addId(7, 43, 2));
  });

  it('the last processor listed decides', () => {
    expect(metadataId(['add_id', 'fingerprint'], 7, 42, 3)).toBe(fingerprintId(7, 42));
    expect(metadataId(['fingerprint', 'add_id'], 7, 42, 3)).toBe(addId(7, 42, 3));
  });
});

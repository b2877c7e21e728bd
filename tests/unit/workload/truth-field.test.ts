import { describe, it, expect } from 'vitest';
import { Workload } from '../../../simulator/workload/workload.js';
import { apacheTimestamp } from '../../../simulator/workload/clock.js';
import { workloadSchema } from '../../../simulator/spec/schema/workload.js';

const FIELDS = ['clientip', 'verb', 'request', 'status', 'bytes', 'timestamp', 'message', 'user', 'constructor', 'nope'];

describe('workload ground truth', () => {
  it('gives the same value for a field alone as the whole generated line does', () => {
    for (const generator of ['access-log', 'clickstream', 'sensor'] as const) {
      const spec = workloadSchema.parse({ generator, rate: 100, files: 3, malformed: 0.1, late: { fraction: 0.3, max: 5000 } });
      const w = new Workload(spec, 11, 20_000);
      for (let rid = 0; rid < w.total; rid += 7) {
        const line = w.line(rid).fields;
        for (const f of FIELDS) expect(w.truthField(rid, f), `${generator} rid ${rid} ${f}`).toBe(line ? (line[f] ?? null) : null);
      }
    }
  });

  it('formats each timestamp from its whole second, in any order of calls', () => {
    expect(apacheTimestamp(5_999)).toBe('01/Jan/2026:00:00:05 +0000');
    expect(apacheTimestamp(-1)).toBe('31/Dec/2025:23:59:59 +0000');
    expect(apacheTimestamp(5_000)).toBe('01/Jan/2026:00:00:05 +0000');
    expect(apacheTimestamp(86_400_000)).toBe('02/Jan/2026:00:00:00 +0000');
  });
});

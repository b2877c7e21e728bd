import { describe, it, expect } from 'vitest';
import { Workload } from '../../../simulator/workload/workload.js';
import { apacheTimestamp } from '../../../simulator/workload/clock.js';
import { workloadSchema } from '../../../simulator/spec/schema/workload.js';
import { compileGrok } from '../../../simulator/nodes/logstash/grok.js';

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

  it('writes access-log lines that state exactly their ground-truth fields', () => {
    // The line is assembled from precomputed pieces; the per-field functions make the truth. Grok's
    // regular expression (not the direct parser, which is tested against it elsewhere) reads them back.
    const grok = compileGrok('%{COMBINEDAPACHELOG}');
    const spec = workloadSchema.parse({ generator: 'access-log', rate: 1000, files: 2 });
    const w = new Workload(spec, 5, 20_000);
    const seenStatuses = new Set<string>();
    for (let rid = 0; rid < w.total; rid += 3) {
      const line = w.line(rid);
      const m = grok.regex.exec(line.text)?.groups;
      expect(m, line.text).toBeDefined();
      const parsed = { clientip: m!['g0'], timestamp: m!['g3'], verb: m!['g4'], request: m!['g5'], status: m!['g8'], bytes: Number(m!['g9']) };
      const truth = line.fields!;
      expect(parsed, line.text).toEqual({ clientip: truth['clientip'], timestamp: truth['timestamp'], verb: truth['verb'], request: truth['request'], status: truth['status'], bytes: truth['bytes'] });
      expect(w.text(rid, w.eventTimeMs(rid))).toBe(line.text);
      seenStatuses.add(String(truth['status']));
    }
    expect([...seenStatuses].sort()).toEqual(['200', '301', '304', '404', '500', '503']);
  });

  it('formats each timestamp from its whole second, in any order of calls', () => {
    expect(apacheTimestamp(5_999)).toBe('01/Jan/2026:00:00:05 +0000');
    expect(apacheTimestamp(-1)).toBe('31/Dec/2025:23:59:59 +0000');
    expect(apacheTimestamp(5_000)).toBe('01/Jan/2026:00:00:05 +0000');
    expect(apacheTimestamp(86_400_000)).toBe('02/Jan/2026:00:00:00 +0000');
  });
});

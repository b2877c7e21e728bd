/** The direct COMBINEDAPACHELOG parser gives exactly what the regular expression gives. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileGrok } from '../../../simulator/nodes/logstash/grok.js';
import { parseCombinedApache } from '../../../simulator/nodes/logstash/grok-fast-apache.js';
import { compileFilters } from '../../../simulator/nodes/logstash/filters.js';
import type { Rec } from '../../../simulator/core/record.js';
import { Workload } from '../../../simulator/workload/workload.js';
import { workloadSchema } from '../../../simulator/spec/schema/workload.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/access-logs/${name}`, import.meta.url)), 'utf8').split('\n');
// An unused extra pattern switches the direct parser off: the regular expression alone.
const regexOnly = compileGrok('%{COMBINEDAPACHELOG}', { UNUSED_FOR_TEST: 'x' });
const combined = compileGrok('%{COMBINEDAPACHELOG}');

/** The direct parser either declines or agrees with the regex, keys in the same order. */
function agrees(line: string): boolean {
  const direct = parseCombinedApache(line);
  const viaRegex = regexOnly.match(line);
  if (direct !== null) expect(JSON.stringify(direct), line).toBe(JSON.stringify(viaRegex));
  expect(JSON.stringify(combined.match(line)), line).toBe(JSON.stringify(viaRegex));
  return direct !== null;
}

describe('direct COMBINEDAPACHELOG parser', () => {
  it('is used for the plain pattern only', () => {
    expect(combined.direct).toBe(true);
    expect(regexOnly.direct).toBe(false);
    expect(compileGrok('%{COMMONAPACHELOG}').direct).toBe(false);
  });

  it('agrees with the regex on every generated line, and takes almost all of them', () => {
    let taken = 0;
    let n = 0;
    for (const seed of [1, 7, 42]) {
      const w = new Workload(workloadSchema.parse({ rate: 500, files: 2, malformed: 0.05, late: { fraction: 0.2, max: 3000 } }), seed, 4000);
      for (let rid = 0; rid < w.total; rid++, n++) if (agrees(w.line(rid).text)) taken++;
    }
    expect(taken).toBeGreaterThan(n * 0.9);
  });

  it('agrees with the regex on the fixture lines, good and malformed', () => {
    for (const line of [...fixture('apache-access.txt'), ...fixture('malformed.txt')]) agrees(line);
  });

  it('agrees with the regex on mutated lines', () => {
    const base = '10.1.22.255 - frank [05/Mar/2026:23:59:07 +0000] "GET /search?q=kafka HTTP/1.1" 200 1234 "https://www.example.com/" "curl/8.5.0"';
    const pieces = ['0', '00', '1', '9', '256', '.', ':', ' ', '-', '"', '\\', '[', ']', '/', '@', 'a', 'Z', '_', '+', 'é', '\t', 'HTTP/', '60', '24', 'May', 'may'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(3), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 3 }), (edits) => {
        let line = base;
        for (const [at, del, ins] of edits) line = line.slice(0, at) + ins + line.slice(Math.min(line.length, at + del));
        agrees(line);
      }),
      { numRuns: 2000 },
    );
  });

  it('builds the same event, keys in the same order, as the filter copying the event and writing the captures in', () => {
    const settings = { tag_on_failure: ['_grokparsefailure'], break_on_match: true };
    const filter = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, ...settings } }]);
    // A second pattern (one that never matches) sends every line down the generic copy-and-write path.
    const generic = compileFilters([{ grok: { match: { message: ['%{COMBINEDAPACHELOG}', 'never^matches'] }, ...settings } }]);
    const w = new Workload(workloadSchema.parse({ rate: 500, files: 2, malformed: 0.05 }), 3, 2000);
    const shapes = (rid: number, message: string): Rec['fields'][] => [
      // As Filebeat ships it (the one-literal path) ...
      { message, log: { offset: rid }, '@timestamp': '2026-01-01T00:00:01.000Z', '@metadata': { beat: 'filebeat' } },
      // ... and any other shape, including a field the captures overwrite.
      { status: 'old', message, host: 'web-1' },
    ];
    for (let rid = 0; rid < w.total; rid++) {
      for (const fields of shapes(rid, w.line(rid).text)) {
        const rec: Rec = { rid, eventTimeMs: 0, fields };
        expect(JSON.stringify(filter(rec, 0))).toBe(JSON.stringify(generic(rec, 0)));
      }
    }
  });
});

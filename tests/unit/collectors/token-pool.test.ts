/**
 * The capture pool gives back exactly the substring asked for. (That repeated values share one
 * string is a memory property JavaScript cannot observe; `npm run bench` measures what it saves.)
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TokenPool } from '../../../simulator/nodes/logstash/token-pool.js';
import { parseCombinedApache } from '../../../simulator/nodes/logstash/grok-fast-apache.js';

describe('TokenPool', () => {
  it('always returns the text between start and end', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.nat(12), fc.nat(12)), { minLength: 1, maxLength: 60 }), (takes) => {
        const pool = new TokenPool(4);
        for (const [text, a, b] of takes) {
          const start = Math.min(a, b, text.length);
          const end = Math.min(Math.max(a, b), text.length);
          expect(pool.take(text, start, end)).toBe(text.slice(start, end));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a new value takes its slot over, so a field that moves on keeps its current value', () => {
    const pool = new TokenPool(1);
    expect(pool.take('[01/Jan/2026:00:00:01 +0000]', 1, 27)).toBe('01/Jan/2026:00:00:01 +0000');
    expect(pool.take('[01/Jan/2026:00:00:02 +0000]', 1, 27)).toBe('01/Jan/2026:00:00:02 +0000');
    expect(pool.take('[01/Jan/2026:00:00:01 +0000]', 1, 27)).toBe('01/Jan/2026:00:00:01 +0000');
  });

  it('leaves parsed access-log fields equal to their slices of the line', () => {
    const lines = ['10.0.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.5.0"', '10.0.0.2 - frank [01/Jan/2026:00:00:00 +0000] "POST /cart HTTP/1.0" 404 0 "-" "curl/8.5.0"'];
    for (let round = 0; round < 3; round++) {
      for (const line of lines) {
        const parsed = parseCombinedApache(line)!;
        expect(line.indexOf(`"${parsed['verb']} ${parsed['request']} HTTP/${parsed['httpversion']}"`)).toBeGreaterThan(0);
        expect(line).toContain(` ${parsed['status']} `);
        expect(line).toContain(`[${parsed['timestamp']}]`);
      }
    }
  });
});

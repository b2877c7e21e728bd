/** Logstash conditionals and date formats (SEMANTICS §2). */
import { describe, it, expect } from 'vitest';
import { compileCondition } from '../../../simulator/nodes/logstash/conditional.js';
import { compileDateFormat } from '../../../simulator/nodes/logstash/date-parse.js';

const event = { tags: ['_grokparsefailure', 'web'], status: '404', bytes: 512, verb: 'GET', '@metadata': { _id: 'abc' } };

describe('conditionals', () => {
  const cases: [string, boolean][] = [
    ['"_grokparsefailure" in [tags]', true],
    ['"_dateparsefailure" in [tags]', false],
    ['"_dateparsefailure" not in [tags]', true],
    ['[status] == "404"', true],
    ['[status] != "404"', false],
    ['[status] == 404', false],
    ['[bytes] > 100 and [verb] == "GET"', true],
    ['[bytes] < 100 or [verb] == "POST"', false],
    ['not [bytes] < 100', true],
    ['!("web" in [tags])', false],
    ['[status] =~ /^4\\d\\d$/', true],
    ['[status] !~ /^5/', true],
    ['[status] in ["200", "404"]', true],
    ['[@metadata][_id]', true],
    ['[missing]', false],
    ['([status] == "500" or [status] == "404") and [bytes] >= 512', true],
  ];
  for (const [src, expected] of cases) it(`${src} → ${expected}`, () => expect(compileCondition(src)(event)).toBe(expected));

  it('reports a condition it cannot parse', () => {
    expect(() => compileCondition('[status] ==')).toThrow();
    expect(() => compileCondition('[a] == "x" )')).toThrow(/unexpected/);
  });
});

describe('date formats', () => {
  const epoch = Date.UTC(2026, 0, 1);
  it('dd/MMM/yyyy:HH:mm:ss Z with offsets', () => {
    const p = compileDateFormat('dd/MMM/yyyy:HH:mm:ss Z');
    expect(p('01/Jan/2026:00:00:05 +0000')).toBe(epoch + 5000);
    expect(p('31/Dec/2025:19:00:05 -0500')).toBe(epoch + 5000);
    expect(p('01/Foo/2026:00:00:05 +0000')).toBeNull();
    expect(p('01/Jan/2026:25:00:05 +0000')).toBeNull();
  });
  it('ISO8601, UNIX and UNIX_MS', () => {
    expect(compileDateFormat('ISO8601')('2026-01-01T00:00:05.250Z')).toBe(epoch + 5250);
    expect(compileDateFormat('ISO8601')('2026-01-01T09:00:05+09:00')).toBe(epoch + 5000);
    expect(compileDateFormat('UNIX')(String(epoch / 1000 + 5))).toBe(epoch + 5000);
    expect(compileDateFormat('UNIX_MS')(String(epoch + 7))).toBe(epoch + 7);
    expect(compileDateFormat('UNIX')('soon')).toBeNull();
  });
  it('a custom pattern with a quoted literal', () => {
    expect(compileDateFormat("yyyy-MM-dd'T'HH:mm:ss")('2026-01-01T00:01:00')).toBe(epoch + 60_000);
  });
});

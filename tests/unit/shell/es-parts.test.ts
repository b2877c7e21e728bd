/**
 * The pieces under curl's Query DSL: date math and formats (rounding as the range query rounds),
 * the standard-analyzer-like tokenizer, and minimum_should_match arithmetic.
 */
import { describe, it, expect } from 'vitest';
import { parseDate, resolveDate, formatDate } from '../../../simulator/shell/es/dates.js';
import { analyze } from '../../../simulator/shell/es/mapping.js';
import { minimumShouldMatch } from '../../../simulator/shell/es/evaluate.js';
import { parseJson } from '../../../simulator/shell/es/json.js';
import { EsError } from '../../../simulator/shell/es/errors.js';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-01-01T10:17:42.500Z');

describe('date math', () => {
  it('adds, subtracts and rounds from now', () => {
    expect(resolveDate('now-1h', NOW, undefined, false)).toBe(at('2026-01-01T09:17:42.500Z'));
    expect(resolveDate('now/d', NOW, undefined, false)).toBe(at('2026-01-01T00:00:00.000Z'));
    // Rounding up (gt, lte) goes to the unit's last millisecond.
    expect(resolveDate('now/d', NOW, undefined, true)).toBe(at('2026-01-01T23:59:59.999Z'));
    expect(resolveDate('now-1M/M', NOW, undefined, false)).toBe(at('2025-12-01T00:00:00.000Z'));
    expect(resolveDate('2026-01-01||+1w', NOW, undefined, false)).toBe(at('2026-01-08T00:00:00.000Z'));
    expect(resolveDate('now-1x', NOW, undefined, false)).toBeUndefined();
  });
  it('parses the default formats and custom patterns', () => {
    expect(parseDate('2026-01-01')).toBe(at('2026-01-01T00:00:00Z'));
    expect(parseDate('2026-01-01T00:00:05.123Z')).toBe(at('2026-01-01T00:00:05.123Z'));
    expect(parseDate(1767225600000)).toBe(1767225600000);
    expect(parseDate('01/Jan/2026:00:00:05 +0000', 'dd/MMM/yyyy:HH:mm:ss Z')).toBe(at('2026-01-01T00:00:05Z'));
    expect(parseDate('2026-01-01 12:00', 'yyyy-MM-dd HH:mm')).toBe(at('2026-01-01T12:00:00Z'));
    expect(parseDate('yesterday')).toBeUndefined();
    expect(formatDate(at('2026-01-02T03:04:05Z'), 'yyyy-MM-dd HH:mm')).toBe('2026-01-02 03:04');
  });
});

describe('analysis and matching arithmetic', () => {
  it('splits text into lowercase words, keeping IPs, versions and host names whole', () => {
    expect(analyze('161.247.186.64 "GET /checkout HTTP/1.1" www.example.com Mozilla/5.0')).toEqual(['161.247.186.64', 'get', 'checkout', 'http', '1.1', 'www.example.com', 'mozilla', '5.0']);
  });
  it('minimum_should_match takes counts, negatives and percentages', () => {
    expect(minimumShouldMatch(2, 3, 1)).toBe(2);
    expect(minimumShouldMatch(-1, 3, 1)).toBe(2);
    expect(minimumShouldMatch('75%', 4, 1)).toBe(3);
    expect(minimumShouldMatch('-25%', 4, 1)).toBe(3);
    expect(minimumShouldMatch(undefined, 4, 1)).toBe(1);
  });
  it('the JSON reader locates errors by line and column', () => {
    let error: unknown;
    try {
      parseJson('{\n  "query": ]\n}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EsError);
    expect((error as EsError).message).toMatch(/^\[2:12\] Unexpected character \(']' \(code 93\)\)/);
  });
});

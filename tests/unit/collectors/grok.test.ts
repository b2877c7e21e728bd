/** Our grok pattern set against real-looking Apache access logs (SEMANTICS §2 grok, §8.5). */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileGrok } from '../../../simulator/nodes/logstash/grok.js';
import { compileFilters } from '../../../simulator/nodes/logstash/filters.js';
import type { Rec } from '../../../simulator/core/record.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/access-logs/${name}`, import.meta.url)), 'utf8').split('\n');
const good = fixture('apache-access.txt').filter((l) => l.length > 0);
const bad = fixture('malformed.txt');

const combined = compileGrok('%{COMBINEDAPACHELOG}');
const rec = (message: string, rid = 0): Rec => ({ rid, id: `t:${rid}`, eventTimeMs: 0, fields: { message } });

describe('COMBINEDAPACHELOG', () => {
  it('parses every fixture line (20+ varied lines)', () => {
    expect(good.length).toBeGreaterThanOrEqual(20);
    for (const line of good) expect(combined.match(line), line).not.toBeNull();
  });

  it('extracts the fields of a classic line', () => {
    expect(combined.match(good[0]!)).toEqual({
      clientip: '83.149.9.216',
      ident: '-',
      auth: '-',
      timestamp: '17/May/2015:10:05:03 +0000',
      verb: 'GET',
      request: '/presentations/logstash-monitorama-2013/images/kibana-search.png',
      httpversion: '1.1',
      status: '200',
      bytes: '203023',
      referrer: '"http://semicomplete.com/presentations/logstash-monitorama-2013/"',
      agent: '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36"',
    });
  });

  it('handles IPv6 clients, host names, users, "-" bytes and raw requests', () => {
    expect(combined.match(good[4]!)).toMatchObject({ clientip: '2001:db8::ff00:42:8329', status: '304' });
    expect(combined.match(good[4]!)!['bytes']).toBeUndefined();
    expect(combined.match(good[5]!)).toMatchObject({ clientip: 'www.example.org', verb: 'HEAD', httpversion: '1.0' });
    expect(combined.match(good[7]!)).toMatchObject({ auth: 'bob.smith', status: '400', request: '/api/v1/users/77' });
    expect(combined.match(good[19]!)).toMatchObject({ rawrequest: '-', status: '408' });
    expect(combined.match(good[2]!)).toMatchObject({ request: '/search?q=kafka&page=2', timestamp: '31/Dec/2025:23:59:59 -0500' });
  });

  it('matches none of the malformed lines', () => {
    for (const line of bad) expect(combined.match(line), line).toBeNull();
  });
});

describe('pattern building blocks', () => {
  const cases: [string, string, string | null][] = [
    ['%{IP:x}', '10.0.0.1', '10.0.0.1'],
    ['^%{IPV4:x}$', '256.1.1.1', null],
    ['%{NUMBER:x}', 'took 3.25 s', '3.25'],
    ['%{INT:x}', 'x=-42', '-42'],
    ['%{WORD:x}', '  hello world', 'hello'],
    ['%{NOTSPACE:x}', 'a/b?c d', 'a/b?c'],
    ['%{QS:x}', 'say "hi \\"there\\"" now', '"hi \\"there\\""'],
    ['%{HTTPDATE:x}', '[01/Jan/2026:00:00:05 +0000]', '01/Jan/2026:00:00:05 +0000'],
    ['%{TIMESTAMP_ISO8601:x}', 'at 2026-01-01T00:00:05.123Z ok', '2026-01-01T00:00:05.123Z'],
    ['%{URIPATHPARAM:x}', 'GET /a/b.html?x=1&y=2 HTTP', '/a/b.html?x=1&y=2'],
    ['%{USER:x}', 'minji.kim rest', 'minji.kim'],
    ['%{LOGLEVEL:x}: %{GREEDYDATA:y}', 'ERROR: disk full', 'ERROR'],
    ['%{DATA:x},', 'a,b,c', 'a'],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`${pattern} on ${JSON.stringify(text)}`, () => {
      const m = compileGrok(pattern).match(text);
      if (expected === null) expect(m).toBeNull();
      else expect(m?.['x']).toBe(expected);
    });
  }

  it('converts typed captures', () => {
    expect(compileGrok('%{NUMBER:n:int} %{NUMBER:f:float}').match('42 2.5')).toEqual({ n: 42, f: 2.5 });
  });

  it('rejects unknown patterns with a clear message', () => {
    expect(() => compileGrok('%{NOPE}')).toThrow(/unknown grok pattern %\{NOPE\}/);
  });
});

describe('grok filter', () => {
  const filter = compileFilters([{ grok: { match: { message: '%{COMBINEDAPACHELOG}' }, tag_on_failure: ['_grokparsefailure'], break_on_match: true } }]);

  it('tags malformed lines _grokparsefailure, keeps them, extracts nothing', () => {
    bad.forEach((line, i) => {
      const out = filter(rec(line, i), 0);
      expect(out).not.toBeNull();
      expect(out!.fields).toEqual({ message: line, tags: ['_grokparsefailure'] });
      expect(out!.rid).toBe(i);
    });
  });

  it('adds the parsed fields to good lines without tags', () => {
    for (const line of good) {
      const out = filter(rec(line), 0)!;
      expect(out.fields['tags']).toBeUndefined();
      expect(out.fields['status']).toMatch(/^\d{3}$/);
    }
  });
});

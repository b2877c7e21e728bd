import { describe, it, expect } from 'vitest';
import { parseCheck } from '../../../simulator/exercise/check-parse.js';

function ok(src: string) {
  const r = parseCheck(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

describe('checks language: parsing', () => {
  it('reads a path compared with a number', () => {
    const e = ok('outputs.es.lost == 0');
    expect(e.op).toBe('==');
    expect(e.left).toMatchObject({ kind: 'path', segments: ['outputs', 'es', 'lost'], text: 'outputs.es.lost', offset: 0 });
    expect(e.right).toMatchObject({ kind: 'number', value: 0 });
  });

  it('reads durations as ms and percentages as fractions', () => {
    expect(ok('a.b < 5s').right).toMatchObject({ value: 5000, unit: 'ms' });
    expect(ok('a.b < 250ms').right).toMatchObject({ value: 250, unit: 'ms' });
    expect(ok('a.b < 2m').right).toMatchObject({ value: 120_000, unit: 'ms' });
    expect(ok('a.b <= 1%').right).toMatchObject({ value: 0.01, unit: 'percent' });
  });

  it('reads ids with slashes and arrows in brackets, with the offset of each segment', () => {
    const e = ok('query.error["es/counts"].max <= 0.01');
    expect(e.left).toMatchObject({ segments: ['query', 'error', 'es/counts', 'max'], offsets: [0, 6, 13, 25], text: 'query.error["es/counts"].max' });
    expect(ok("outputs.es.lostAt['filebeat->logstash'] == 0").left).toMatchObject({ segments: ['outputs', 'es', 'lostAt', 'filebeat->logstash'] });
  });

  it('keeps hyphenated ids whole and needs spaces for subtraction', () => {
    expect(ok('outputs.es-logs.lost == 0').left).toMatchObject({ segments: ['outputs', 'es-logs', 'lost'] });
    expect(ok('outputs.es.generated - outputs.es.lost >= 10').left).toMatchObject({ kind: 'binary', op: '-' });
  });

  it('gives arithmetic the usual precedence', () => {
    const e = ok('outputs.es.exactlyOnce >= 0.99 * outputs.es.generated + 1');
    expect(e.right).toMatchObject({ kind: 'binary', op: '+', left: { kind: 'binary', op: '*' }, right: { kind: 'number', value: 1 } });
    expect(ok('-(a.b) < 0').left).toMatchObject({ kind: 'negate' });
  });

  it.each([
    ['outputs.es.lost', 15, 'missing comparison'],
    ['outputs.es.lost = 0', 16, 'unexpected "="'],
    ['outputs.es.lost == ', 19, 'missing a value at the end'],
    ['outputs.es.lost == 0 == 1', 21, 'unexpected "==" after the comparison'],
    ['query.error.es/counts.max <= 1', 12, 'an id containing "/" must be written in brackets'],
    ['outputs.es.lostAt[filebeat] == 0', 18, 'expected a quoted id inside [ ]'],
    ['a.b < 5x', 6, 'unexpected number "5x"'],
    ['a.b < "open', 6, 'unclosed string'],
    ['(a.b < 1', 5, 'expected ")"'],
  ])('rejects %j at offset %i', (src, offset, message) => {
    const r = parseCheck(src);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain(message);
      expect(r.error.offset).toBe(offset);
    }
  });
});

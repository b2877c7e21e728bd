/** `jsonLength` (simulator/core/json-length.ts) is `JSON.stringify(value).length`, for any value a record can hold and more. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLength, jsonNumberLength, jsonStringLength } from '../../../simulator/core/json-length.js';

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Mostly the characters JSON treats specially, so that every escape rule is met often. */
const trickyUnit = fc.constantFrom('"', '\\', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\ud800', '\udbff', '\udc00', '\udfff', 'a', ' ', '/', 'é', '한');
const text = fc.oneof(fc.string({ unit: anyUnit }), fc.string({ unit: trickyUnit }), fc.string({ unit: 'binary' }));
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e21, -1e21, 1e21 - 65536, 999_999_999_999_999_900_000, 1e-7, 5e-324, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity));

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('member'), { maxLength: 5 }),
    fc.dictionary(text, tie('member'), { maxKeys: 5 }),
    // What JSON.stringify sizes itself: a toJSON method, a Date, a class instance, a typed array.
    fc.constantFrom<unknown>(new Date(0), { toJSON: () => 'x"y' }, new Map([[1, 2]]), Uint8Array.of(1, 2), Object.create(null) as object),
  ),
  // Inside an array or object: also what JSON.stringify leaves out (or writes as null).
  member: fc.oneof({ depthSize: 'small' }, tie('value'), fc.constantFrom<unknown>(undefined, () => 1, Symbol('s'))),
}));

describe('jsonLength', () => {
  it('is JSON.stringify(value).length for strings with every kind of character', () => {
    fc.assert(fc.property(text, (s) => jsonStringLength(s) === JSON.stringify(s).length), { numRuns: 3000 });
    for (const s of ['', '"', '\\', '\u0000', '\t', '\ud83d\ude00', '\ude00\ud83d', '\ud83d', 'a\ud83d', '\ud83d\ud83d\ude00']) expect(jsonStringLength(s)).toBe(JSON.stringify(s).length);
  });

  it('is JSON.stringify(n).length for numbers, integers or not, finite or not', () => {
    fc.assert(fc.property(number, (n) => jsonNumberLength(n) === JSON.stringify(n).length), { numRuns: 3000 });
  });

  it('is JSON.stringify(value).length for nested arrays and objects, with members it leaves out', () => {
    fc.assert(fc.property(value, (v) => jsonLength(v) === JSON.stringify(v).length), { numRuns: 3000 });
    // An inherited enumerable property is not a member; an own property named like one is.
    const child = Object.create({ inherited: 1 }) as Record<string, unknown>;
    child['own'] = 2;
    expect(jsonLength({ child, __proto__x: 1, '0': [undefined], [Symbol('k')]: 3 })).toBe(JSON.stringify({ child, __proto__x: 1, '0': [undefined], [Symbol('k')]: 3 }).length);
  });
});

/**
 * A direct parser for the common shape of `%{COMBINEDAPACHELOG}` lines, giving exactly what the
 * regular expression gives, several times faster. It accepts only lines of one strict shape
 *
 *   a.b.c.d IDENT AUTH [dd/Mon/yyyy:HH:MM:SS ±zzzz] "VERB REQUEST HTTP/n.n" STATUS BYTES "REF" "AGENT"
 *
 * and returns null for anything else, which then goes to the regular expression as before.
 *
 * Why the answers are the same: a JavaScript regular expression returns the first successful
 * path in priority order (alternatives left to right, greedy quantifiers longest first). On a
 * line of this shape the path this parser follows succeeds at position 0, and every path of
 * higher priority fails at once: the IPv6 alternatives need a ':' within five characters (a
 * dotted quad has none), IPv4 octets without leading zeros match whole, EMAILADDRESS needs an
 * '@' (IDENT and AUTH have none), USERNAME / NOTSPACE / the quoted strings stop exactly where the
 * next literal starts, and each date and time piece matches its first alternative. A match at
 * position 0 is also the leftmost one. The `%{COMBINEDAPACHELOG}` capture order is kept, and
 * `rawrequest` (in the other branch) is left out, as the regex path leaves it out.
 */

import type { FieldMap, FieldValue } from '../../core/record.js';
import { TokenPool } from './token-pool.js';

/** The three letters of each month name as one number (char codes 7 bits apart), for a cheap lookup. */
const MONTH_CODES = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m) => (m.charCodeAt(0) << 14) | (m.charCodeAt(1) << 7) | m.charCodeAt(2)));

// Character classes by code: 1 digit, 2 \w (letters, digits, _), 4 USERNAME ([a-zA-Z0-9._-]), 8 printable non-space, non-quote ASCII.
const DIGIT = 1;
const WORD = 2;
const USER = 4;
const REQUEST = 8;
const CLASS = new Uint8Array(128);
for (let c = 33; c < 127; c++) CLASS[c] = c === 34 ? 0 : REQUEST;
for (let c = 48; c <= 57; c++) CLASS[c]! |= DIGIT | WORD | USER;
for (let c = 65; c <= 90; c++) CLASS[c]! |= WORD | USER;
for (let c = 97; c <= 122; c++) CLASS[c]! |= WORD | USER;
CLASS[95]! |= WORD | USER;
CLASS[46]! |= USER;
CLASS[45]! |= USER;

/** End of a run of characters of class `k` from `i` (at least one), or -1. */
function run(text: string, i: number, k: number): number {
  let j = i;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c >= 128 || (CLASS[c]! & k) === 0) break;
    j++;
  }
  return j > i ? j : -1;
}

/** Value of the two digits at `i`, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** End of an IPv4 octet (1–3 digits, no leading zero, at most 255) starting at `i`, or -1. */
function octet(text: string, i: number): number {
  const j = run(text, i, DIGIT);
  if (j < 0 || j - i > 3) return -1;
  if (j - i === 1) return j;
  if (text.charCodeAt(i) === 48) return -1;
  if (j - i === 2) return j;
  const v = (text.charCodeAt(i) - 48) * 100 + twoDigits(text, i + 1);
  return v <= 255 ? j : -1;
}

/** `dd/Mon/yyyy:HH:MM:SS ±zzzz` (26 characters) at `i`. */
function httpDate(text: string, i: number): boolean {
  if (i + 26 > text.length) return false;
  const day = twoDigits(text, i);
  const hour = twoDigits(text, i + 12);
  const minute = twoDigits(text, i + 15);
  const second = twoDigits(text, i + 18);
  const sign = text.charCodeAt(i + 21);
  return (
    day >= 1 &&
    day <= 31 &&
    text.charCodeAt(i + 2) === 47 &&
    MONTH_CODES.has((text.charCodeAt(i + 3) << 14) | (text.charCodeAt(i + 4) << 7) | text.charCodeAt(i + 5)) &&
    text.charCodeAt(i + 6) === 47 &&
    twoDigits(text, i + 7) >= 0 &&
    twoDigits(text, i + 9) >= 0 &&
    text.charCodeAt(i + 11) === 58 &&
    hour >= 0 &&
    hour <= 23 &&
    text.charCodeAt(i + 14) === 58 &&
    minute >= 0 &&
    minute <= 59 &&
    text.charCodeAt(i + 17) === 58 &&
    second >= 0 &&
    second <= 59 &&
    text.charCodeAt(i + 20) === 32 &&
    (sign === 43 || sign === 45) &&
    twoDigits(text, i + 22) >= 0 &&
    twoDigits(text, i + 24) >= 0
  );
}

/**
 * End of a double-quoted string starting at `i` (the quote), with no `\` or `"` inside, or -1.
 * `backslashes`: whether the line has a backslash at all (most have none: no need to look again).
 */
function quoted(text: string, i: number, backslashes: boolean): number {
  if (text.charCodeAt(i) !== 34) return -1;
  const close = text.indexOf('"', i + 1);
  if (close < 0) return -1;
  if (!backslashes) return close + 1;
  const backslash = text.indexOf('\\', i + 1);
  return backslash >= 0 && backslash < close ? -1 : close + 1;
}

export function parseCombinedApache(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  return parseCombinedApacheInto(text, out) ? out : null;
}

/** Parses `text` into CAPTURED; false (CAPTURED untouched) when the line does not have the strict shape. */
function parseCaptures(text: string): boolean {
  // clientip: a dotted quad followed by a space.
  let i = 0;
  for (let k = 0; k < 4; k++) {
    i = octet(text, i);
    if (i < 0 || text.charCodeAt(i) !== (k < 3 ? 46 : 32)) return false;
    i++;
  }
  const ipEnd = i - 1;
  const identEnd = run(text, i, USER);
  if (identEnd < 0 || text.charCodeAt(identEnd) !== 32) return false;
  const authEnd = run(text, identEnd + 1, USER);
  if (authEnd < 0 || text.charCodeAt(authEnd) !== 32 || text.charCodeAt(authEnd + 1) !== 91) return false;
  const dateStart = authEnd + 2;
  if (!httpDate(text, dateStart) || text.charCodeAt(dateStart + 26) !== 93 || text.charCodeAt(dateStart + 27) !== 32 || text.charCodeAt(dateStart + 28) !== 34) return false;
  const verbStart = dateStart + 29;
  const verbEnd = run(text, verbStart, WORD);
  if (verbEnd < 0 || text.charCodeAt(verbEnd) !== 32) return false;
  const requestEnd = run(text, verbEnd + 1, REQUEST);
  if (requestEnd < 0 || !text.startsWith(' HTTP/', requestEnd)) return false;
  const versionStart = requestEnd + 6;
  let versionEnd = run(text, versionStart, DIGIT);
  if (versionEnd < 0) return false;
  if (text.charCodeAt(versionEnd) === 46) {
    versionEnd = run(text, versionEnd + 1, DIGIT);
    if (versionEnd < 0) return false;
  }
  if (text.charCodeAt(versionEnd) !== 34 || text.charCodeAt(versionEnd + 1) !== 32) return false;
  const statusStart = versionEnd + 2;
  const statusEnd = run(text, statusStart, DIGIT);
  if (statusEnd < 0 || text.charCodeAt(statusEnd) !== 32) return false;
  const bytesEnd = run(text, statusEnd + 1, DIGIT);
  if (bytesEnd < 0 || text.charCodeAt(bytesEnd) !== 32) return false;
  const backslashes = text.indexOf('\\', bytesEnd) >= 0;
  const referrerEnd = quoted(text, bytesEnd + 1, backslashes);
  if (referrerEnd < 0 || text.charCodeAt(referrerEnd) !== 32) return false;
  const agentEnd = quoted(text, referrerEnd + 1, backslashes);
  if (agentEnd !== text.length) return false;
  const c = CAPTURED;
  c[0] = text.slice(0, ipEnd);
  c[1] = pools.ident.take(text, ipEnd + 1, identEnd);
  c[2] = pools.auth.take(text, identEnd + 1, authEnd);
  c[3] = pools.timestamp.take(text, dateStart, dateStart + 26);
  c[4] = pools.verb.take(text, verbStart, verbEnd);
  c[5] = pools.request.take(text, verbEnd + 1, requestEnd);
  c[6] = pools.httpversion.take(text, versionStart, versionEnd);
  c[7] = digits(text, statusStart, statusEnd);
  c[8] = digits(text, statusEnd + 1, bytesEnd);
  c[9] = pools.referrer.take(text, bytesEnd + 1, referrerEnd);
  c[10] = pools.agent.take(text, referrerEnd + 1, agentEnd);
  return true;
}

/** The captures of the last successful parse, in `%{COMBINEDAPACHELOG}` order (CAPTURE_NAMES). */
const CAPTURED: string[] = new Array<string>(11).fill('');
const CAPTURE_NAMES = ['clientip', 'ident', 'auth', 'timestamp', 'verb', 'request', 'httpversion', 'status', 'bytes', 'referrer', 'agent'] as const;

/**
 * Parses `text` and writes the captures into `into`, in `%{COMBINEDAPACHELOG}` order; false (and
 * nothing written) when the line does not have the strict shape. Writing into the caller's copy of
 * the event saves making a captures object only to copy it over.
 */
export function parseCombinedApacheInto(text: string, into: Record<string, unknown>): boolean {
  if (!parseCaptures(text)) return false;
  for (let i = 0; i < CAPTURE_NAMES.length; i++) into[CAPTURE_NAMES[i]!] = CAPTURED[i];
  return true;
}

/**
 * The event `fields` with the captures of `text` added, as a new object, or null when the line does
 * not have the strict shape. An event as Filebeat ships it (`message`, `log`, `@timestamp`,
 * `@metadata`, in that order: the pipeline this course is about) is built in one object literal with
 * the same keys in the same order as a copy with the captures written in: one object with every
 * field in place, where the copy would grow a separate property array three times. Parsed events
 * live as long as the Kafka log keeps them, so their size is what the garbage collector copies.
 */
export function combinedApacheEvent(text: string, fields: FieldMap): FieldMap | null {
  if (!parseCaptures(text)) return null;
  const c = CAPTURED;
  if (hasBeatShape(fields)) {
    return {
      message: fields['message'],
      log: fields['log'],
      '@timestamp': fields['@timestamp'],
      '@metadata': fields['@metadata'],
      clientip: c[0],
      ident: c[1],
      auth: c[2],
      timestamp: c[3],
      verb: c[4],
      request: c[5],
      httpversion: c[6],
      status: c[7],
      bytes: c[8],
      referrer: c[9],
      agent: c[10],
    };
  }
  const copy: Record<string, FieldValue | undefined> = Object.assign({}, fields);
  for (let i = 0; i < CAPTURE_NAMES.length; i++) copy[CAPTURE_NAMES[i]!] = c[i];
  return copy;
}

const BEAT_KEYS = ['message', 'log', '@timestamp', '@metadata'];

/** Whether `fields` has exactly Filebeat's four keys, in order (a for-in walk: no array made). */
function hasBeatShape(fields: FieldMap): boolean {
  let i = 0;
  for (const key in fields) {
    if (key !== BEAT_KEYS[i]) return false;
    i++;
  }
  return i === BEAT_KEYS.length;
}

/**
 * Pools for the text fields whose values repeat in access logs (client addresses rarely do).
 * Numbers go through `digits`. Referrers and user agents are long: confirming a hit costs a
 * short-lived substring and one byte comparison (see TokenPool), while not pooling them would keep a
 * substring object per event for as long as the event lives, which the garbage collector copies
 * twice and the process must map fresh memory for.
 */
const pools = {
  ident: new TokenPool(),
  auth: new TokenPool(),
  timestamp: new TokenPool(),
  verb: new TokenPool(),
  request: new TokenPool(),
  httpversion: new TokenPool(),
  referrer: new TokenPool(),
  agent: new TokenPool(),
};

/**
 * A run of 1–5 digits as a shared string: status codes and byte counts repeat, and their text is
 * fixed by their length and value, so a table lookup finds it (no comparison needed).
 */
function digits(text: string, start: number, end: number): string {
  const n = end - start;
  if (n > 5) return text.slice(start, end);
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  const table = (DIGIT_STRINGS[n] ??= new Array<string>(10 ** n).fill(''));
  const known = table[value]!;
  if (known !== '') return known;
  return (table[value] = text.slice(start, end));
}
const DIGIT_STRINGS: (string[] | undefined)[] = [];

/**
 * Line generators. Each line is a pure function of (seed, rid): the workload never has to
 * store what it wrote, and any record can be regenerated for the ledger's truth.
 */
import { hashUnit, hashUnitsInto } from '../core/prng.js';
import { apacheTimestamp, isoTimestamp } from './clock.js';
import { jsonStringLength } from '../core/json-length.js';

export interface GeneratedLine {
  text: string;
  /** Ground-truth fields as the line states them (absent for a malformed line). */
  fields: Record<string, string | number> | null;
}

/** Draw `u` in [0, 1) as an index into `n` equally likely items. */
function indexOf(u: number, n: number): number {
  return Math.min(n - 1, Math.floor(u * n));
}

/** Draw `u` as an index into items that each come with their probability. */
function weightedIndex(items: readonly (readonly [unknown, number])[], u: number): number {
  let acc = 0;
  for (let i = 0; i < items.length; i++) {
    acc += items[i]![1];
    if (u < acc) return i;
  }
  return items.length - 1;
}

function pick<T>(items: readonly T[], u: number): T {
  return items[indexOf(u, items.length)]!;
}

function weighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  return items[weightedIndex(items, u)]![0];
}

const STATUSES = [
  ['200', 0.72],
  ['304', 0.08],
  ['404', 0.1],
  ['301', 0.04],
  ['500', 0.04],
  ['503', 0.02],
] as const;
const METHODS = [['GET', 0.8], ['POST', 0.15], ['PUT', 0.03], ['DELETE', 0.02]] as const;
const PATHS = ['/', '/index.html', '/products/42', '/cart', '/api/v1/orders', '/search?q=kafka', '/static/app.js', '/img/logo.png', '/login', '/checkout'];
const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  'curl/8.5.0',
];
const REFERRERS = ['-', 'https://www.example.com/', 'https://search.example.org/?q=pipeline', 'https://news.example.net/'];
const USERS = ['-', '-', '-', 'frank', 'minji'];

/*
 * Each field is its own function of (seed, rid): the whole line uses them, and the ground truth
 * of a single field (the ledger's key, the query's truth) calls just the one it needs, without
 * building the text. Draw k is hashUnit(seed, rid, k), the same draw whichever path asks.
 */
const accessIp = (seed: number, rid: number) =>
  [10 + Math.floor(hashUnit(seed, rid, 1) * 180), Math.floor(hashUnit(seed, rid, 2) * 256), Math.floor(hashUnit(seed, rid, 3) * 256), 1 + Math.floor(hashUnit(seed, rid, 4) * 254)].join('.');
const accessMethod = (seed: number, rid: number) => weighted(METHODS, hashUnit(seed, rid, 5));
const accessPath = (seed: number, rid: number) => pick(PATHS, hashUnit(seed, rid, 6));
const accessStatus = (seed: number, rid: number) => weighted(STATUSES, hashUnit(seed, rid, 7));
const accessBytes = (seed: number, rid: number, status: string) => (status === '304' ? 0 : 200 + Math.floor(hashUnit(seed, rid, 8) * 50_000));

function accessLog(seed: number, rid: number, eventTimeMs: number): GeneratedLine {
  const status = accessStatus(seed, rid);
  return {
    text: accessLogText(seed, rid, eventTimeMs),
    fields: { clientip: accessIp(seed, rid), verb: accessMethod(seed, rid), request: accessPath(seed, rid), status, bytes: accessBytes(seed, rid, status), timestamp: apacheTimestamp(eventTimeMs) },
  };
}

/**
 * The line alone, built for speed (it runs for every line): the eleven draws in one pass into a
 * scratch array (no boxed number per draw), the pieces that only combine constants looked up
 * whole, and one join, which makes one flat string. A template literal would make a rope of ~12
 * nodes that lives as long as the event does (in a queue, a Kafka log, an index). The same
 * draws as the per-field functions above, so the same text as they describe: a unit test checks it.
 */
function accessLogText(seed: number, rid: number, eventTimeMs: number): string {
  const u = DRAWS;
  hashUnitsInto(seed, rid, 1, LINE_DRAWS, u);
  const status = weightedIndex(STATUSES, u[7]!);
  const p = LINE_PARTS;
  p[0] = OCTETS[10 + Math.floor(u[1]! * 180)]!;
  p[2] = OCTETS[Math.floor(u[2]! * 256)]!;
  p[4] = OCTETS[Math.floor(u[3]! * 256)]!;
  p[6] = OCTETS[1 + Math.floor(u[4]! * 254)]!;
  p[7] = USER_PIECES[indexOf(u[11]!, USERS.length)]!;
  p[8] = apacheTimestamp(eventTimeMs);
  p[9] = REQUEST_PIECES[(weightedIndex(METHODS, u[5]!) * PATHS.length + indexOf(u[6]!, PATHS.length)) * STATUSES.length + status]!;
  p[10] = STATUSES[status]![0] === '304' ? '0' : String(200 + Math.floor(u[8]! * 50_000));
  p[11] = CLIENT_PIECES[indexOf(u[9]!, REFERRERS.length) * AGENTS.length + indexOf(u[10]!, AGENTS.length)]!;
  return p.join('');
}

/** Draws 1–11 of the line being built. */
const LINE_DRAWS = 11;
const DRAWS = new Float64Array(LINE_DRAWS + 1);

/**
 * `ip - user [timestamp] "method path HTTP/1.1" status bytes "referrer" "agent"` as 12 pieces:
 * the four octets and their dots, ` - user [`, the timestamp, `] "method path HTTP/1.1" status `,
 * the byte count and ` "referrer" "agent"`.
 */
const LINE_PARTS: string[] = ['', '.', '', '.', '', '.', '', '', '', '', '', ''];
const OCTETS = Array.from({ length: 256 }, (_, i) => String(i));
const USER_PIECES = USERS.map((user) => ` - ${user} [`);
const REQUEST_PIECES = METHODS.flatMap(([method]) => PATHS.flatMap((path) => STATUSES.map(([status]) => `] "${method} ${path} HTTP/1.1" ${status} `)));
const CLIENT_PIECES = REFERRERS.flatMap((referrer) => AGENTS.map((agent) => ` "${referrer}" "${agent}"`));

/**
 * Length of `accessLogText(seed, rid, eventTimeMs)` without building it: the same pieces, summed.
 * The Kafka client and brokers count a record's value by this length (record-bytes.ts).
 */
export function accessLogTextLength(seed: number, rid: number, eventTimeMs: number): number {
  accessLogTextLengths(seed, rid, eventTimeMs, SCRATCH_MEASURE);
  return SCRATCH_MEASURE.chars;
}

/** A line's length as text and as a JSON string (quotes and escapes included). */
export interface TextMeasure {
  chars: number;
  jsonChars: number;
}

const SCRATCH_MEASURE: TextMeasure = { chars: 0, jsonChars: 0 };

/**
 * `accessLogText(seed, rid, eventTimeMs).length` and `JSON.stringify` of it `.length` into `out`, from one
 * pass over the draws, without building the text: what the line takes as `message` in a JSON event
 * (Beats' Lumberjack frames, Bulk API documents) and as a Kafka record value. JSON escapes character by
 * character, so the escaped line is the escaped pieces one after another, and their lengths add up;
 * the octets and the byte count are digits, which JSON writes as they are.
 */
export function accessLogTextLengths(seed: number, rid: number, eventTimeMs: number, out: TextMeasure): void {
  const u = DRAWS;
  hashUnitsInto(seed, rid, 1, LINE_DRAWS, u);
  const status = weightedIndex(STATUSES, u[7]!);
  // The octets, their dots and the byte count: characters JSON writes as they are.
  const plain =
    OCTET_LENGTHS[10 + Math.floor(u[1]! * 180)]! +
    OCTET_LENGTHS[Math.floor(u[2]! * 256)]! +
    OCTET_LENGTHS[Math.floor(u[3]! * 256)]! +
    OCTET_LENGTHS[1 + Math.floor(u[4]! * 254)]! +
    3 +
    (STATUSES[status]![0] === '304' ? 1 : digitCount(200 + Math.floor(u[8]! * 50_000)));
  const user = indexOf(u[11]!, USERS.length);
  const request = (weightedIndex(METHODS, u[5]!) * PATHS.length + indexOf(u[6]!, PATHS.length)) * STATUSES.length + status;
  const client = indexOf(u[9]!, REFERRERS.length) * AGENTS.length + indexOf(u[10]!, AGENTS.length);
  const timestamp = apacheTimestamp(eventTimeMs);
  out.chars = plain + USER_LENGTHS[user]! + timestamp.length + REQUEST_LENGTHS[request]! + CLIENT_LENGTHS[client]!;
  out.jsonChars = 2 + plain + USER_JSON_LENGTHS[user]! + escapedTimestampLength(timestamp) + REQUEST_JSON_LENGTHS[request]! + CLIENT_JSON_LENGTHS[client]!;
}

const USER_LENGTHS = Uint16Array.from(USER_PIECES, (p) => p.length);
const REQUEST_LENGTHS = Uint16Array.from(REQUEST_PIECES, (p) => p.length);
const CLIENT_LENGTHS = Uint16Array.from(CLIENT_PIECES, (p) => p.length);

/** `JSON.stringify(piece).length` less its two quotes. */
const escapedLength = (piece: string) => jsonStringLength(piece) - 2;

const USER_JSON_LENGTHS = Uint16Array.from(USER_PIECES, escapedLength);
const REQUEST_JSON_LENGTHS = Uint16Array.from(REQUEST_PIECES, escapedLength);
const CLIENT_JSON_LENGTHS = Uint16Array.from(CLIENT_PIECES, escapedLength);

/** Lines come in time order and share their second's timestamp string: escape each once. */
function escapedTimestampLength(timestamp: string): number {
  if (timestamp !== lastTimestamp) {
    lastTimestamp = timestamp;
    lastTimestampLength = escapedLength(timestamp);
  }
  return lastTimestampLength;
}
let lastTimestamp = '';
let lastTimestampLength = 0;

const OCTET_LENGTHS = Uint8Array.from({ length: 256 }, (_, i) => String(i).length);

/** Digits of a byte count (200 to 50,199). */
function digitCount(n: number): number {
  return n < 1000 ? 3 : n < 10_000 ? 4 : 5;
}

/**
 * The names `%{COMBINEDAPACHELOG}` captures from a line, in its capture order (rawrequest, in the
 * other branch of the pattern, takes no part in a match of a generated line).
 */
export const ACCESS_CAPTURE_NAMES = ['clientip', 'ident', 'auth', 'timestamp', 'verb', 'request', 'httpversion', 'status', 'bytes', 'referrer', 'agent'] as const;

/**
 * What `%{COMBINEDAPACHELOG}` captures from the well-formed line `accessLogText(seed, rid, eventTimeMs)`,
 * computed from the same draws instead of from the text: the values of `ACCESS_CAPTURE_NAMES`, in that
 * order. Every piece of a generated line comes from a fixed table or a number, so the capture of each
 * piece is the piece itself (the quoted strings keep their quotes, as QS captures them); a unit test
 * parses lines covering every entry of the tables and checks both paths give the same values.
 */
export function accessLogCapture(seed: number, rid: number, eventTimeMs: number, name: string): string | undefined {
  switch (name) {
    case 'clientip':
      return accessIp(seed, rid);
    case 'ident':
      return '-';
    case 'auth':
      return USERS[indexOf(hashUnit(seed, rid, 11), USERS.length)]!;
    case 'timestamp':
      return apacheTimestamp(eventTimeMs);
    case 'verb':
      return accessMethod(seed, rid);
    case 'request':
      return accessPath(seed, rid);
    case 'httpversion':
      return '1.1';
    case 'status':
      return accessStatus(seed, rid);
    case 'bytes':
      return String(accessBytes(seed, rid, accessStatus(seed, rid)));
    case 'referrer':
      return QUOTED_REFERRERS[indexOf(hashUnit(seed, rid, 9), REFERRERS.length)]!;
    case 'agent':
      return QUOTED_AGENTS[indexOf(hashUnit(seed, rid, 10), AGENTS.length)]!;
    default:
      return undefined;
  }
}

const QUOTED_REFERRERS = REFERRERS.map((r) => `"${r}"`);
const QUOTED_AGENTS = AGENTS.map((a) => `"${a}"`);


/** One ground-truth field of an access-log line; undefined for a name the line does not have. */
function accessLogField(seed: number, rid: number, eventTimeMs: number, field: string): string | number | undefined {
  switch (field) {
    case 'clientip':
      return accessIp(seed, rid);
    case 'verb':
      return accessMethod(seed, rid);
    case 'request':
      return accessPath(seed, rid);
    case 'status':
      return accessStatus(seed, rid);
    case 'bytes':
      return accessBytes(seed, rid, accessStatus(seed, rid));
    case 'timestamp':
      return apacheTimestamp(eventTimeMs);
    default:
      return undefined;
  }
}

const PAGES = ['home', 'search', 'product', 'cart', 'checkout', 'account'];
const ACTIONS = [['view', 0.7], ['click', 0.2], ['purchase', 0.1]] as const;

function clickstream(seed: number, rid: number, eventTimeMs: number): GeneratedLine {
  const fields = {
    user: `u${Math.floor(hashUnit(seed, rid, 1) * 500)}`,
    page: pick(PAGES, hashUnit(seed, rid, 2)),
    action: weighted(ACTIONS, hashUnit(seed, rid, 3)),
    amount: Math.floor(hashUnit(seed, rid, 4) * 10_000) / 100,
    timestamp: isoTimestamp(eventTimeMs),
  };
  return { text: JSON.stringify(fields), fields };
}

const SENSORS = ['s-01', 's-02', 's-03', 's-04', 's-05', 's-06', 's-07', 's-08'];

function sensor(seed: number, rid: number, eventTimeMs: number): GeneratedLine {
  const fields = {
    sensor: pick(SENSORS, hashUnit(seed, rid, 1)),
    temperature: Math.round((18 + hashUnit(seed, rid, 2) * 12) * 10) / 10,
    humidity: Math.round(30 + hashUnit(seed, rid, 3) * 50),
    timestamp: isoTimestamp(eventTimeMs),
  };
  return { text: JSON.stringify(fields), fields };
}

const GARBAGE = [
  'GET /index.html HTTP/1.1 ??? truncated',
  '\u0000\u0000\u0000 partial write after disk full',
  '- - - [bad timestamp] "-" - -',
  'java.lang.NullPointerException at com.example.Handler.handle(Handler.java:42)',
];

export type GeneratorName = 'access-log' | 'clickstream' | 'sensor';

/** Only the text of a line: what Filebeat reads, without the ground-truth fields. */
export function generateText(generator: GeneratorName, seed: number, rid: number, eventTimeMs: number, malformed: boolean): string {
  if (!malformed && generator === 'access-log') return accessLogText(seed, rid, eventTimeMs);
  return generateLine(generator, seed, rid, eventTimeMs, malformed).text;
}

export function generateLine(generator: GeneratorName, seed: number, rid: number, eventTimeMs: number, malformed: boolean): GeneratedLine {
  if (malformed) return { text: pick(GARBAGE, hashUnit(seed, rid, 20)), fields: null };
  switch (generator) {
    case 'access-log':
      return accessLog(seed, rid, eventTimeMs);
    case 'clickstream':
      return clickstream(seed, rid, eventTimeMs);
    case 'sensor':
      return sensor(seed, rid, eventTimeMs);
  }
}

/**
 * One ground-truth field of a well-formed line, computed alone (the same value `generateLine`
 * puts in `fields`), or undefined when the fast path does not know the name: callers then fall
 * back to the whole line.
 */
export function generateField(generator: GeneratorName, seed: number, rid: number, eventTimeMs: number, field: string): string | number | undefined {
  return generator === 'access-log' ? accessLogField(seed, rid, eventTimeMs, field) : undefined;
}

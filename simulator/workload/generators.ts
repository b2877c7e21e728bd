/**
 * Line generators. Each line is a pure function of (seed, rid): the workload never has to
 * store what it wrote, and any record can be regenerated for the ledger's truth.
 */
import { hashUnit } from '../core/prng.js';
import { apacheTimestamp, isoTimestamp } from './clock.js';

export interface GeneratedLine {
  text: string;
  /** Ground-truth fields as the line states them (absent for a malformed line). */
  fields: Record<string, string | number> | null;
}

type Draw = (k: number) => number;

function pick<T>(items: readonly T[], u: number): T {
  return items[Math.min(items.length - 1, Math.floor(u * items.length))]!;
}

function weighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  let acc = 0;
  for (const [item, w] of items) {
    acc += w;
    if (u < acc) return item;
  }
  return items[items.length - 1]![0];
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

function accessLog(draw: Draw, eventTimeMs: number): GeneratedLine {
  const ip = `${10 + Math.floor(draw(1) * 180)}.${Math.floor(draw(2) * 256)}.${Math.floor(draw(3) * 256)}.${1 + Math.floor(draw(4) * 254)}`;
  const method = weighted(METHODS, draw(5));
  const path = pick(PATHS, draw(6));
  const status = weighted(STATUSES, draw(7));
  const bytes = status === '304' ? 0 : 200 + Math.floor(draw(8) * 50_000);
  const referrer = pick(REFERRERS, draw(9));
  const agent = pick(AGENTS, draw(10));
  const user = pick(USERS, draw(11));
  const timestamp = apacheTimestamp(eventTimeMs);
  const text = `${ip} - ${user} [${timestamp}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "${referrer}" "${agent}"`;
  return { text, fields: { clientip: ip, verb: method, request: path, status, bytes, timestamp } };
}

const PAGES = ['home', 'search', 'product', 'cart', 'checkout', 'account'];
const ACTIONS = [['view', 0.7], ['click', 0.2], ['purchase', 0.1]] as const;

function clickstream(draw: Draw, eventTimeMs: number): GeneratedLine {
  const fields = {
    user: `u${Math.floor(draw(1) * 500)}`,
    page: pick(PAGES, draw(2)),
    action: weighted(ACTIONS, draw(3)),
    amount: Math.floor(draw(4) * 10_000) / 100,
    timestamp: isoTimestamp(eventTimeMs),
  };
  return { text: JSON.stringify(fields), fields };
}

const SENSORS = ['s-01', 's-02', 's-03', 's-04', 's-05', 's-06', 's-07', 's-08'];

function sensor(draw: Draw, eventTimeMs: number): GeneratedLine {
  const fields = {
    sensor: pick(SENSORS, draw(1)),
    temperature: Math.round((18 + draw(2) * 12) * 10) / 10,
    humidity: Math.round(30 + draw(3) * 50),
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

export function generateLine(generator: GeneratorName, seed: number, rid: number, eventTimeMs: number, malformed: boolean): GeneratedLine {
  const draw: Draw = (k) => hashUnit(seed, rid, k);
  if (malformed) return { text: pick(GARBAGE, draw(20)), fields: null };
  switch (generator) {
    case 'access-log':
      return accessLog(draw, eventTimeMs);
    case 'clickstream':
      return clickstream(draw, eventTimeMs);
    case 'sensor':
      return sensor(draw, eventTimeMs);
  }
}

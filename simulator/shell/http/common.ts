/** What the monitoring endpoints (Logstash :9600, Flink :8081, Filebeat :5066) answer with. */
import type { RunHandle } from '../../run/run.js';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface HttpRequest {
  handle: RunHandle;
  /** The node the host name picks (its spec id). */
  node: string;
  path: string[];
  params: URLSearchParams;
  /** The instant to answer for (simulated ms). */
  atMs: number;
}

/** A stable stand-in for a random id (a UUID, a Flink JobID): hex digits derived from a name. */
export function stableHex(name: string, digits: number): string {
  // FNV-1a over the whole name, then more digits by stirring in a counter.
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; out.length < digits; i++) {
    h = Math.imul(h ^ (i + 0x9e37), 16777619) >>> 0;
    out += (h >>> 0).toString(16).padStart(8, '0').slice(-4);
  }
  return out.slice(0, digits);
}

export function uuid(name: string): string {
  const h = stableHex(name, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const notFound = (what: string): HttpAnswer => ({ status: 404, body: { errors: [`Not found: ${what}`] } });

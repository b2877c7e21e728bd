/**
 * Edits to the pipeline text made by the seed field and the fault panel.
 *
 * They go through the `yaml` Document API, not string surgery, so the learner's comments,
 * key order and formatting elsewhere in the file survive: the panel and the editor show
 * one and the same spec.
 */
import { isMap, isSeq, parseDocument, YAMLMap, type Document } from 'yaml';

export interface LinkFaultInput {
  link: string;
  loss?: number;
  duplicate?: number;
  reorder?: number;
  from?: string;
  to?: string;
}

export interface CrashFaultInput {
  crash: string;
  at: string;
  'restart-after'?: string;
}

export type FaultInput = LinkFaultInput | CrashFaultInput;

/** A fault as the panel lists it: its index in `faults:` and a one-line summary. */
export interface FaultRow {
  index: number;
  summary: string;
}

type EditResult = { ok: true; text: string } | { ok: false };

function open(text: string): Document | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  return doc;
}

/** Sets `seed:` (adding it near the top if absent). */
export function setSeed(text: string, seed: number): EditResult {
  const doc = open(text);
  if (!doc) return { ok: false };
  const map = doc.contents as YAMLMap;
  if (map.has('seed')) map.set('seed', seed);
  else {
    // New keys go after `name:` when present, so the seed sits where people expect it.
    const pair = doc.createPair('seed', seed);
    const nameIndex = map.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === 'name');
    map.items.splice(nameIndex + 1, 0, pair);
  }
  return { ok: true, text: doc.toString() };
}

/** The seed written in the text, if it parses to a non-negative integer. */
export function readSeed(text: string): number | undefined {
  const doc = open(text);
  const v = doc?.get('seed');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function summarize(f: Record<string, unknown>): string {
  if (typeof f.link === 'string') {
    const parts = ['loss', 'duplicate', 'reorder', 'delay', 'jitter'].filter((k) => f[k] !== undefined).map((k) => `${k} ${String(f[k])}`);
    const when = f.from !== undefined || f.to !== undefined ? ` (${String(f.from ?? '0s')}–${String(f.to ?? '∞')})` : '';
    return `link ${f.link}: ${parts.join(', ') || 'delay only'}${when}`;
  }
  if (typeof f.crash === 'string') {
    const back = f['restart-after'] !== undefined ? `, restarts after ${String(f['restart-after'])}` : ', stays down';
    return `crash ${f.crash} at ${String(f.at)}${back}`;
  }
  if (Array.isArray(f.partition)) return `partition ${f.partition.join(', ')} from ${String(f.from)} to ${String(f.to ?? '∞')}`;
  return JSON.stringify(f);
}

export function listFaults(text: string): FaultRow[] | undefined {
  const doc = open(text);
  if (!doc) return undefined;
  const faults = doc.get('faults', true);
  if (faults === undefined) return [];
  if (!isSeq(faults)) return undefined;
  return faults.items.map((item, index) => {
    const value = isMap(item) ? (item.toJSON() as Record<string, unknown>) : {};
    return { index, summary: summarize(value) };
  });
}

/** Appends a fault to `faults:` as a flow map (one line, like the examples in DESIGN §3). */
export function addFault(text: string, fault: FaultInput): EditResult {
  const doc = open(text);
  if (!doc) return { ok: false };
  const clean = Object.fromEntries(Object.entries(fault).filter(([, v]) => v !== undefined && v !== ''));
  const node = doc.createNode(clean) as YAMLMap;
  node.flow = true;
  const faults = doc.get('faults', true);
  if (faults === undefined || faults === null) {
    doc.set('faults', doc.createNode([]));
  } else if (!isSeq(faults)) return { ok: false };
  const seq = doc.get('faults', true);
  if (!isSeq(seq)) return { ok: false };
  seq.flow = false;
  seq.items.push(node);
  return { ok: true, text: doc.toString() };
}

export function removeFault(text: string, index: number): EditResult {
  const doc = open(text);
  if (!doc) return { ok: false };
  const seq = doc.get('faults', true);
  if (!isSeq(seq) || index < 0 || index >= seq.items.length) return { ok: false };
  seq.items.splice(index, 1);
  return { ok: true, text: doc.toString() };
}

/** Node ids declared in the spec (for the panel's pickers), in file order. */
export function nodeIdsOf(text: string): string[] {
  const doc = open(text);
  const nodes = doc?.get('nodes', true);
  if (!isMap(nodes)) return [];
  return nodes.items.map((p) => String((p.key as { value?: unknown })?.value ?? p.key));
}

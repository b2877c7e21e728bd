/**
 * Follow a record: its trace steps (ledger `trace`, hop by hop: time, where, what) placed on
 * the diagram, each with the fault that was acting there at that moment when the step is a
 * loss, a copy, or a late drop — the answer to "what did this to my record?".
 */
import type { TraceStep } from '../ledger/ledger.js';
import { elementOf, type DiagramModel, type FaultWindow } from './model.js';

export type HopKind = 'hop' | 'lost' | 'copy' | 'filtered' | 'late';

export interface PathHop {
  timeMs: number;
  where: string;
  what: string;
  kind: HopKind;
  /** The diagram element the step happened on. */
  edge?: string;
  node?: string;
  part?: string;
  /** A fault window active there and then (set on lost/copy/late steps when one was). */
  fault?: FaultWindow;
}

export interface RecordPath {
  hops: PathHop[];
  /** Node and edge ids touched, in first-visit order (what to highlight). */
  elements: string[];
}

function kindOf(what: string): HopKind {
  if (what.startsWith('lost:')) return 'lost';
  if (what.startsWith('copy:')) return 'copy';
  if (what.startsWith('filtered:')) return 'filtered';
  if (what.startsWith('late:')) return 'late';
  return 'hop';
}

function faultFor(model: DiagramModel, hop: PathHop): FaultWindow | undefined {
  const on = (f: FaultWindow) => hop.timeMs >= f.fromMs && (f.toMs === null || hop.timeMs <= f.toMs);
  return model.faults.find(
    (f) =>
      on(f) &&
      ((hop.edge !== undefined && f.edges.includes(hop.edge)) ||
        (hop.node !== undefined && f.nodes.includes(hop.node) && (hop.part === undefined || f.addresses.length === 0 || f.addresses.includes(hop.part)))),
  );
}

export function recordPath(model: DiagramModel, steps: readonly TraceStep[]): RecordPath {
  const elements: string[] = [];
  const seen = (id: string | undefined) => {
    if (id !== undefined && !elements.includes(id)) elements.push(id);
  };
  const hops = steps.map((s): PathHop => {
    const el = elementOf(model, s.where);
    const hop: PathHop = { timeMs: s.timeMs, where: s.where, what: s.what, kind: kindOf(s.what), ...el };
    if (hop.edge) {
      // Crossing an edge means both its ends were on the way.
      const e = model.edges.find((x) => x.id === hop.edge)!;
      seen(e.from);
      seen(e.id);
      seen(e.to);
    } else seen(hop.node);
    if (hop.kind !== 'hop' && hop.kind !== 'filtered') {
      const fault = faultFor(model, hop);
      if (fault) hop.fault = fault;
    }
    return hop;
  });
  // Consecutive nodes with an edge between them: the record crossed it even if no step names the link.
  for (let i = 1; i < hops.length; i++) {
    const a = hops[i - 1]!.node;
    const b = hops[i]!.node;
    if (a && b && a !== b) seen(model.edges.find((e) => e.from === a && e.to === b)?.id);
  }
  return { hops, elements };
}

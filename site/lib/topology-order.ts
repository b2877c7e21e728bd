/**
 * Row order within the columns of a topology picture: as few crossing edges as we can manage.
 * Pure; used by topology.ts.
 */
export interface Edge {
  from: string;
  to: string;
}

/** Edge pairs between the same two columns whose ends are in opposite order (they cross). */
export function countCrossings(columns: readonly (readonly string[])[], edges: readonly Edge[]): number {
  const where = new Map<string, [number, number]>();
  columns.forEach((members, c) => members.forEach((id, r) => where.set(id, [c, r])));
  let crossings = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const at = (id: string) => where.get(id) ?? [-1, -1];
      const [a1, b1, a2, b2] = [at(edges[i]!.from), at(edges[i]!.to), at(edges[j]!.from), at(edges[j]!.to)] as const;
      if (a1[0] !== a2[0] || b1[0] !== b2[0]) continue;
      if ((a1[1] - a2[1]) * (b1[1] - b2[1]) < 0) crossings++;
    }
  }
  return crossings;
}

/**
 * Orders each column to keep edges from crossing (the barycentre heuristic of layered graph
 * drawing): sweep left to right placing each node at the mean row of its feeders, then right to
 * left by the mean row of what it feeds, a few times, and keep the order with fewest crossings.
 * Ties keep the previous order, which starts as spec order, so the result is deterministic.
 */
export function orderRows(initial: string[][], forward: readonly Edge[]): string[][] {
  let columns = initial.map((c) => [...c]);
  let best = columns.map((c) => [...c]);
  let bestCrossings = countCrossings(best, forward);
  const rowIn = (cols: string[][]) => new Map(cols.flatMap((members) => members.map((id, r) => [id, r] as const)));
  const reorder = (c: number, neighbours: (id: string) => string[]) => {
    const rows = rowIn(columns);
    const centre = (id: string) => {
      const ns = neighbours(id).map((n) => rows.get(n)!);
      return ns.length ? ns.reduce((sum, r) => sum + r, 0) / ns.length : rows.get(id)!;
    };
    const members = columns[c]!;
    const keyed = members.map((id, i) => ({ id, key: centre(id), i }));
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    columns[c] = keyed.map((k) => k.id);
  };
  const feeders = (id: string) => forward.filter((e) => e.to === id).map((e) => e.from);
  const fed = (id: string) => forward.filter((e) => e.from === id).map((e) => e.to);
  for (let sweep = 0; sweep < 4 && bestCrossings > 0; sweep++) {
    for (let c = 1; c < columns.length; c++) reorder(c, feeders);
    for (let c = columns.length - 2; c >= 0; c--) reorder(c, fed);
    const crossings = countCrossings(columns, forward);
    if (crossings < bestCrossings) {
      best = columns.map((col) => [...col]);
      bestCrossings = crossings;
    }
  }
  // The first sweep's left-to-right pass alone is what most pipelines need; make sure it is tried.
  columns = initial.map((c) => [...c]);
  for (let c = 1; c < columns.length; c++) reorder(c, feeders);
  if (countCrossings(columns, forward) < bestCrossings) {
    best = columns;
    bestCrossings = countCrossings(best, forward);
  }
  return bestCrossings > 0 ? exhaustive(best, forward, bestCrossings) : best;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Course diagrams are small, where barycentres can stall in a local optimum (two parallel
 * Lambda/Kappa lanes). Up to a few thousand arrangements, try them all; first best wins.
 */
function exhaustive(start: string[][], forward: readonly Edge[], startCrossings: number): string[][] {
  const MAX_ARRANGEMENTS = 5_000;
  let count = 1;
  for (const c of start) {
    for (let k = 2; k <= c.length; k++) count *= k;
    if (count > MAX_ARRANGEMENTS) return start;
  }
  const options = start.map((c) => permutations(c));
  let best = start;
  let bestCrossings = startCrossings;
  const pick: string[][] = start.map(() => []);
  const walk = (c: number): void => {
    if (bestCrossings === 0) return;
    if (c === options.length) {
      const crossings = countCrossings(pick, forward);
      if (crossings < bestCrossings) {
        best = pick.map((col) => [...col]);
        bestCrossings = crossings;
      }
      return;
    }
    for (const option of options[c]!) {
      pick[c] = option;
      walk(c + 1);
    }
  };
  walk(0);
  return best;
}

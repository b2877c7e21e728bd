/**
 * The small SQL the terminal's clients answer over the warehouse's tables and the orders table:
 *
 *   SELECT * | col, … | count(*) FROM t [WHERE col op literal [AND …]] [ORDER BY col [ASC|DESC]] [LIMIT n]
 *   SHOW TABLES
 *
 * Enough to compare a mart with the fact table and the fact table with the database; anything else is
 * refused with the subset named, never guessed at.
 */
export type Cell = string | number;
export type Row = Record<string, Cell>;

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
}

export type QueryAnswer = { ok: true; columns: string[]; rows: Cell[][] } | { ok: false; error: string };

export const SUBSET = "SELECT * | col, … | count(*) FROM <table> [WHERE col = 'v' [AND …]] [ORDER BY col [DESC]] [LIMIT n]; SHOW TABLES";

const OPS: Record<string, (a: Cell, b: Cell) => boolean> = {
  '=': (a, b) => a === b,
  '<>': (a, b) => a !== b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export function runQuery(sql: string, tables: ReadonlyMap<string, Table>): QueryAnswer {
  const text = sql.trim().replace(/;\s*$/, '');
  if (/^SHOW\s+TABLES$/i.test(text)) return { ok: true, columns: ['tableName'], rows: [...tables.keys()].sort().map((t) => [t]) };
  const m = /^SELECT\s+([\s\S]+?)\s+FROM\s+([\w.]+)(?:\s+WHERE\s+([\s\S]+?))?(?:\s+ORDER\s+BY\s+(\w+)(?:\s+(ASC|DESC))?)?(?:\s+LIMIT\s+(\d+))?$/i.exec(text);
  if (!m) return { ok: false, error: `not understood; the terminal answers ${SUBSET}` };
  const name = m[2]!.split('.').pop()!.toLowerCase();
  const table = tables.get(name);
  if (!table) return { ok: false, error: `table "${name}" does not exist (tables: ${[...tables.keys()].join(', ')})` };
  let rows = [...table.rows];
  if (m[3] !== undefined) {
    for (const part of m[3].split(/\s+AND\s+/i)) {
      const c = /^(\w+)\s*(=|<>|!=|<=|>=|<|>)\s*('([^']*)'|-?\d+(?:\.\d+)?)$/.exec(part.trim());
      if (!c) return { ok: false, error: `WHERE ${part.trim()}: compare a column with a literal, e.g. dt = '2026-01-02'` };
      const col = c[1]!.toLowerCase();
      if (!table.columns.includes(col)) return { ok: false, error: `column "${col}" does not exist` };
      const lit: Cell = c[4] !== undefined ? c[4] : Number(c[3]);
      rows = rows.filter((r) => OPS[c[2]!]!(r[col]!, lit));
    }
  }
  const order = m[4]?.toLowerCase();
  if (order !== undefined) {
    if (!table.columns.includes(order)) return { ok: false, error: `column "${order}" does not exist` };
    const sign = m[5]?.toUpperCase() === 'DESC' ? -1 : 1;
    rows.sort((a, b) => (a[order]! < b[order]! ? -sign : a[order]! > b[order]! ? sign : 0));
  }
  const select = m[1]!.trim();
  if (/^count\s*\(\s*\*\s*\)$/i.test(select)) return { ok: true, columns: ['count(1)'], rows: [[rows.length]] };
  if (m[6] !== undefined) rows = rows.slice(0, Number(m[6]));
  const columns = select === '*' ? [...table.columns] : select.split(',').map((s) => s.trim().toLowerCase());
  for (const c of columns) if (!table.columns.includes(c)) return { ok: false, error: `column "${c}" does not exist` };
  return { ok: true, columns, rows: rows.map((r) => columns.map((c) => r[c]!)) };
}

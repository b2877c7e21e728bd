/**
 * A Flink job's `where` (a Logstash-style condition) → the WHERE clause of job.sql. The workspace
 * compiler reads a WHERE back into one canonical condition text (simulator/config/flink/sql-expr.ts):
 * `[f] != "x"`, `[f] in ["a", "b"]`, `![f]` (IS NULL), `[f]` (IS NOT NULL), `!(c)`, `(a) and (b)`,
 * `(a) or (b)`. A condition in that form translates exactly; any other form is answered with the
 * canonical text of the same condition (when there is one), so the refusal says what to write.
 */

type Node =
  | { k: 'bin'; op: 'and' | 'or'; l: Node; r: Node }
  | { k: 'not'; e: Node }
  | { k: 'null'; field: string; isNull: boolean }
  | { k: 'cmp'; field: string; op: string; lit: Lit }
  | { k: 'in'; field: string; not: boolean; items: Lit[] };

/** A literal in SQL, in the canonical condition, and the SQL type of a column compared with it. */
type Lit = { sql: string; canon: string; type: string };

export type WhereSql = { ok: true; sql: string; fields: Map<string, string> } | { ok: false; canonical?: string };

const TOKEN = /\s*(?:(\[[^\]"'\d\-[][^\]]*\](?:\[[^\]]+\])*)|("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|(==|!=|<=|>=|=~|!~|<|>|\(|\)|,|!|\[|\])|([A-Za-z_]+))/y;
const SQL_OP: Record<string, string> = { '==': '=', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/** A record field as a column name: one plain segment (job.sql columns cannot be nested fields here). */
const COLUMN = /^\[([A-Za-z_@][\w@-]*)\]$/;

/** A column of job.sql: always in backquotes, so that reserved words (`count`, `user`) and `@timestamp` are names. */
export const col = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

function tokenize(src: string): string[] | undefined {
  const out: string[] = [];
  let pos = 0;
  while (pos < src.length && !/^\s*$/.test(src.slice(pos))) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) return undefined;
    out.push(m[0].trim());
    pos = TOKEN.lastIndex;
  }
  return out;
}

function parse(tokens: string[]): Node | undefined {
  let i = 0;
  const peek = () => tokens[i];
  const fail = (): never => {
    throw new Error('unsupported');
  };
  const take = (t?: string) => (t === undefined || tokens[i] === t ? tokens[i++] ?? fail() : fail());
  const field = (t: string) => COLUMN.exec(t)?.[1] ?? fail();
  const literal = (): Lit => {
    const t = take();
    if (t.startsWith('"')) {
      const v = JSON.parse(t) as string;
      return { sql: `'${v.replace(/'/g, "''")}'`, canon: JSON.stringify(v), type: 'STRING' };
    }
    if (/^-?\d/.test(t)) return { sql: t, canon: t, type: t.includes('.') ? 'DOUBLE' : 'BIGINT' };
    if (t === 'true' || t === 'false') return { sql: t.toUpperCase(), canon: t, type: 'BOOLEAN' };
    return fail();
  };
  const primary = (): Node => {
    const t = take();
    if (t === '(') {
      const e = or();
      take(')');
      return e;
    }
    if (t === '!') {
      if (peek() === '(') return { k: 'not', e: primary() };
      return { k: 'null', field: field(take()), isNull: true };
    }
    const f = field(t);
    const next = peek();
    if (next !== undefined && SQL_OP[next]) {
      take();
      return { k: 'cmp', field: f, op: next, lit: literal() };
    }
    const negated = next === 'not';
    if (negated) take();
    if (peek() === 'in') {
      take();
      take('[');
      const items: Lit[] = [literal()];
      while (peek() === ',') {
        take();
        items.push(literal());
      }
      take(']');
      return { k: 'in', field: f, not: negated, items };
    }
    if (negated) fail();
    return { k: 'null', field: f, isNull: false };
  };
  /** `a and b and c` (or `or`), left to right: the compiler's binary conditions. */
  const chain = (op: 'and' | 'or', operand: () => Node) => (): Node => {
    let l = operand();
    while (peek() === op) {
      take();
      l = { k: 'bin', op, l, r: operand() };
    }
    return l;
  };
  const and = chain('and', primary);
  const or = chain('or', and);
  try {
    const n = or();
    return i === tokens.length ? n : undefined;
  } catch {
    return undefined;
  }
}

function canonical(n: Node): string {
  switch (n.k) {
    case 'bin': return `(${canonical(n.l)}) ${n.op} (${canonical(n.r)})`;
    case 'not': return `!(${canonical(n.e)})`;
    case 'null': return n.isNull ? `![${n.field}]` : `[${n.field}]`;
    case 'cmp': return `[${n.field}] ${n.op} ${n.lit.canon}`;
    case 'in': return `[${n.field}] ${n.not ? 'not in' : 'in'} [${n.items.map((x) => x.canon).join(', ')}]`;
  }
}

/** The SQL of a condition; `fields` collects each column it names with its type. */
function sql(n: Node, fields: Map<string, string>): string {
  if (n.k === 'bin') return `(${sql(n.l, fields)}) ${n.op.toUpperCase()} (${sql(n.r, fields)})`;
  if (n.k === 'not') return `NOT (${sql(n.e, fields)})`;
  const typed = n.k === 'cmp' ? n.lit.type : n.k === 'in' ? n.items[0]!.type : undefined;
  if (typed !== undefined || !fields.has(n.field)) fields.set(n.field, typed ?? 'STRING');
  if (n.k === 'null') return `${col(n.field)} IS ${n.isNull ? '' : 'NOT '}NULL`;
  if (n.k === 'cmp') return `${col(n.field)} ${SQL_OP[n.op]} ${n.lit.sql}`;
  return `${col(n.field)} ${n.not ? 'NOT IN' : 'IN'} (${n.items.map((x) => x.sql).join(', ')})`;
}

export function whereToSql(condition: string): WhereSql {
  const tokens = tokenize(condition);
  const node = tokens && parse(tokens);
  if (!node) return { ok: false };
  const canon = canonical(node);
  if (canon !== condition) return { ok: false, canonical: canon };
  const fields = new Map<string, string>();
  const text = sql(node, fields);
  return { ok: true, sql: text, fields };
}

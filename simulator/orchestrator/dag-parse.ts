/**
 * Reads a DAG file written in real Airflow Python into the orchestrator's model.
 *
 * The file is parsed with @lezer/python (a maintained, dependency-light Python grammar that runs in a
 * Web Worker; pinned in package.json). Only a small, declarative subset is understood — Airflow DAG
 * files are code, but the ones a course needs are declarations:
 *
 *   from … import …                                   (ignored)
 *   with DAG(dag_id="…", schedule="@hourly", start_date=datetime(2026, 1, 1), catchup=True,
 *            max_active_runs=1) as dag:
 *       wait = S3KeySensor(task_id="wait", bucket_key="raw/dt={{ ds }}/", poke_interval=60,
 *                          timeout=600, mode="reschedule")
 *       agg = SparkSubmitOperator(task_id="agg", retries=2, retry_delay=timedelta(minutes=5),
 *                                 execution_timeout=timedelta(minutes=10), depends_on_past=True)
 *       wait >> agg
 *
 * Values: strings, numbers, True/False/None, `datetime(y, m, d[, h[, mi]])`, `timedelta(days=…,
 * hours=…, minutes=…, seconds=…)`. Anything else gets a located error (`file:line:col`) naming the
 * subset. Defaults are Airflow's (SEMANTICS-2 §4.3 [AF3]): `retries` 0, `retry_delay` 300 s,
 * `max_active_runs` 16, sensor `poke_interval` 60 s, `timeout` 7 days, `mode` "poke".
 */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { EPOCH_MS } from '../workload/clock.js';

export type DagValue = string | number | boolean | null | { kind: 'datetime'; virtualMs: number } | { kind: 'timedelta'; ms: number };

export interface DagTask {
  readonly taskId: string;
  /** The Python name the task was assigned to (for `>>`). */
  readonly variable: string;
  readonly operator: string;
  readonly args: Readonly<Record<string, DagValue>>;
  readonly line: number;
  readonly column: number;
}

export interface DagModel {
  readonly dagId: string;
  readonly args: Readonly<Record<string, DagValue>>;
  readonly tasks: readonly DagTask[];
  /** upstream task id → downstream task id, from `a >> b` (and `b << a`). */
  readonly edges: readonly (readonly [string, string])[];
}

export interface DagError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type DagParse = { ok: true; dag: DagModel } | { ok: false; errors: DagError[] };

const SUBSET =
  'supported: imports, `with DAG(...) as dag:` with keyword arguments, `name = Operator(task_id=..., ...)`, `a >> b` / `a << b` (chains and lists), and values that are strings, numbers, True/False/None, datetime(...), timedelta(...)';

class Located extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseDag(source: string, file = 'dag.py'): DagParse {
  const tree = parser.parse(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const locate = (pos: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: pos - lineStarts[lo]! + 1 };
  };
  const fail = (at: number, message: string): DagParse => ({ ok: false, errors: [{ file, ...locate(at), message }] });

  // A syntax error anywhere: lezer marks it with an error node (⚠).
  let syntaxAt = -1;
  tree.iterate({
    enter: (n) => {
      if (syntaxAt < 0 && n.type.isError) syntaxAt = n.from;
      return syntaxAt < 0;
    },
  });
  if (syntaxAt >= 0) return fail(syntaxAt, 'Python syntax error');

  const text = (n: SyntaxNode): string => source.slice(n.from, n.to);
  try {
    let dag: { dagId: string; args: Record<string, DagValue> } | null = null;
    const tasks: DagTask[] = [];
    const edges: [string, string][] = [];
    const byVariable = new Map<string, DagTask>();

    const kwargs = (argList: SyntaxNode): Record<string, DagValue> => {
      const out: Record<string, DagValue> = {};
      let name: string | null = null;
      for (let c = argList.firstChild; c; c = c.nextSibling) {
        if (c.name === '(' || c.name === ')' || c.name === ',' || c.name === 'Comment') continue;
        if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp') {
          name = text(c);
          c = c.nextSibling;
          continue;
        }
        if (name === null) throw new Located(c.from, `positional arguments are not read; write them as keywords (name=value). ${SUBSET}`);
        out[name] = value(c);
        name = null;
      }
      return out;
    };

    const value = (n: SyntaxNode): DagValue => {
      switch (n.name) {
        case 'String': {
          const raw = text(n);
          if (/^[rRbBfF]/.test(raw)) throw new Located(n.from, `string prefixes are not supported here. ${SUBSET}`);
          const q = raw.startsWith('"""') || raw.startsWith("'''") ? 3 : 1;
          return raw.slice(q, raw.length - q);
        }
        case 'Number':
          return Number(text(n).replace(/_/g, ''));
        case 'Boolean':
          return text(n) === 'True';
        case 'None':
          return null;
        case 'CallExpression': {
          const fn = text(n.firstChild!);
          const args = n.getChild('ArgList')!;
          if (fn === 'timedelta' || fn === 'datetime.timedelta') {
            const k = kwargs(args);
            const unit: Record<string, number> = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, milliseconds: 1 };
            let ms = 0;
            for (const [key, v] of Object.entries(k)) {
              if (!(key in unit) || typeof v !== 'number') throw new Located(args.from, `timedelta(${key}=…) is not supported; use weeks, days, hours, minutes, seconds or milliseconds with a number`);
              ms += v * unit[key]!;
            }
            return { kind: 'timedelta', ms };
          }
          if (fn === 'datetime' || fn === 'datetime.datetime' || fn === 'pendulum.datetime') {
            const parts: number[] = [];
            for (let c = args.firstChild; c; c = c.nextSibling) {
              if (c.name === 'Number') parts.push(Number(text(c)));
              else if (c.name === 'VariableName' && text(c) === 'tz') break; // pendulum's tz="UTC"
              else if (c.name !== '(' && c.name !== ')' && c.name !== ',') throw new Located(c.from, 'datetime(...) takes numbers: year, month, day[, hour[, minute]] (UTC)');
            }
            const [y = 2026, mo = 1, d = 1, h = 0, mi = 0] = parts;
            return { kind: 'datetime', virtualMs: Date.UTC(y, mo - 1, d, h, mi) - EPOCH_MS };
          }
          throw new Located(n.from, `\`${fn}(...)\` is not supported as a value. ${SUBSET}`);
        }
        default:
          throw new Located(n.from, `\`${text(n)}\` is not supported as a value. ${SUBSET}`);
      }
    };

    /** Task ids named by one side of `>>`: a variable or a list of variables. */
    const side = (n: SyntaxNode): string[] => {
      if (n.name === 'VariableName') {
        const t = byVariable.get(text(n));
        if (!t) throw new Located(n.from, `\`${text(n)}\` is not a task defined above`);
        return [t.taskId];
      }
      if (n.name === 'ArrayExpression') {
        const ids: string[] = [];
        for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== '[' && c.name !== ']' && c.name !== ',') ids.push(...side(c));
        return ids;
      }
      if (n.name === 'BinaryExpression') return dependency(n);
      throw new Located(n.from, `\`${text(n)}\` cannot take part in a dependency. ${SUBSET}`);
    };

    /** `a >> b >> c` parses left-assoc: ((a >> b) >> c); the value of `x >> y` is y, as in Airflow. */
    const dependency = (n: SyntaxNode): string[] => {
      const left = n.firstChild!;
      const op = left.nextSibling!;
      const right = op.nextSibling!;
      if (op.name !== 'BitOp' || (text(op) !== '>>' && text(op) !== '<<')) throw new Located(op.from, `only \`>>\` and \`<<\` set dependencies. ${SUBSET}`);
      const l = side(left);
      const r = side(right);
      const [up, down] = text(op) === '>>' ? [l, r] : [r, l];
      for (const u of up) for (const d of down) edges.push([u, d]);
      return r;
    };

    const statement = (s: SyntaxNode, inDag: boolean): void => {
      switch (s.name) {
        case 'ImportStatement':
        case 'Comment':
          return;
        case 'WithStatement': {
          const call = s.getChild('CallExpression');
          if (!call || text(call.firstChild!) !== 'DAG') throw new Located(s.from, `only \`with DAG(...) as dag:\` is supported. ${SUBSET}`);
          if (dag) throw new Located(s.from, 'one DAG per file');
          const args = kwargs(call.getChild('ArgList')!);
          const id = args['dag_id'];
          if (typeof id !== 'string') throw new Located(call.from, 'DAG(...) needs dag_id="…" (a string)');
          dag = { dagId: id, args };
          const body = s.getChild('Body')!;
          for (let c = body.firstChild; c; c = c.nextSibling) if (c.name !== ':') statement(c, true);
          return;
        }
        case 'AssignStatement': {
          if (!inDag) throw new Located(s.from, `tasks are declared inside \`with DAG(...) as dag:\`. ${SUBSET}`);
          const target = s.firstChild!;
          const call = target.nextSibling?.nextSibling;
          if (target.name !== 'VariableName' || !call || call.name !== 'CallExpression' || call.nextSibling) throw new Located(s.from, `an assignment must be \`name = Operator(task_id="…", ...)\`. ${SUBSET}`);
          const args = kwargs(call.getChild('ArgList')!);
          const taskId = args['task_id'];
          if (typeof taskId !== 'string') throw new Located(call.from, 'an operator needs task_id="…" (a string)');
          if (tasks.some((t) => t.taskId === taskId)) throw new Located(call.from, `task_id "${taskId}" is used twice`);
          const task: DagTask = { taskId, variable: text(target), operator: text(call.firstChild!), args, ...locate(call.from) };
          tasks.push(task);
          byVariable.set(task.variable, task);
          return;
        }
        case 'ExpressionStatement': {
          const e = s.firstChild!;
          if (inDag && e.name === 'BinaryExpression') {
            dependency(e);
            return;
          }
          throw new Located(s.from, `this statement is outside the supported subset. ${SUBSET}`);
        }
        default:
          throw new Located(s.from, `\`${s.name}\` is outside the supported subset. ${SUBSET}`);
      }
    };

    for (let s = tree.topNode.firstChild; s; s = s.nextSibling) statement(s, false);
    if (!dag) return fail(0, 'no `with DAG(...) as dag:` block in the file');
    const found: { dagId: string; args: Record<string, DagValue> } = dag;
    return { ok: true, dag: { dagId: found.dagId, args: found.args, tasks, edges } };
  } catch (error) {
    if (error instanceof Located) return fail(error.at, error.message);
    throw error;
  }
}

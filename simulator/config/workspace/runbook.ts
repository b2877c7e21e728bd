/**
 * `<host>/runbook.sh`: what the operators type during the run, as a shell script of the real
 * command lines, each ending in a comment that says when it is run:
 *
 *   #!/bin/sh
 *   # Give the indexers more partitions to share.
 *   kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6   # at 60s
 *
 * The time may be followed by words (`# at 60s, a minute in`); they are a comment like any other.
 * Lines ending in `\` continue (the `# at` comment then ends the last of them); blank lines, other
 * comments, `#!` and `set …` are skipped. Each command is read by simulator/operations (the same
 * flags as the real tool; the terminal's option parser for kafka-consumer-groups), and its
 * `--bootstrap-server` must name this workspace's Kafka hosts. → `operations:` of the internal spec.
 */
import type { Host } from './layout.js';
import type { Problems } from '../shared/issues.js';
import type { HostPort } from '../shared/hosts.js';
import { parseHostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { parseDuration } from '../../spec/units.js';
import { parseOperation } from '../../operations/parse.js';
import { scriptCommands } from '../shared/shell-script.js';

export interface RunbookLine {
  at: number;
  run: string;
  /** Where the command text starts: its file, line and column (for problems inside it). */
  file: string;
  line: number;
  column: number;
}

/** `# at 60s`, optionally followed by words about it (`# at 60s, a minute in`). */
const AT_COMMENT = /\s+#\s*at\s+(\d[\w.]*)(?:[\s,;:—-][^#]*)?$/;

type Resolve = (hp: HostPort, role: 'kafka', p: Problems, loc: Loc) => string | undefined;

/** Reads one runbook; problems go to `p` at their file:line:col. */
export function readRunbook(text: string, file: string, p: Problems, resolve: Resolve): RunbookLine[] {
  const out: RunbookLine[] = [];
  for (const script of scriptCommands(text)) {
    // A continued command is read as one line; problems in it are shown on its first line.
    const { text: command, line: startLine, indent } = script;
    const whole: Loc = { line: startLine, column: indent + 1, endLine: script.endLine, endColumn: script.lastLineLength + 1 };
    const when = AT_COMMENT.exec(command);
    if (!when) {
      p.error(whole, 'a runbook command says when it is run: end it with a comment such as `# at 60s`', 'the time is since the run started (world.yaml duration)');
      continue;
    }
    const at = parseDuration(when[1]);
    if (typeof at === 'string') {
      const col = command.lastIndexOf(when[1]!) + 1;
      p.error({ line: startLine, column: col, endLine: startLine, endColumn: col + when[1]!.length }, at);
      continue;
    }
    const run = command.slice(indent, when.index);
    const parsed = parseOperation(run);
    const span = (c: number, e: number): Loc => ({ line: startLine, column: indent + c, endLine: startLine, endColumn: indent + e });
    if (!parsed.ok) {
      p.error(span(parsed.problem.column, parsed.problem.endColumn), parsed.problem.message, parsed.problem.hint);
      continue;
    }
    if (parsed.op.kind === 'add-partitions' || parsed.op.kind === 'reset-offsets') {
      const servers = parsed.op.bootstrap;
      const col = run.indexOf(servers) + 1;
      const loc = span(col, col + servers.length);
      if (!servers.split(',').every((s) => resolve(parseHostPort(s, 9092), 'kafka', p, loc) !== undefined)) continue;
    }
    out.push({ at, run, file, line: startLine, column: indent + 1 });
  }
  return out;
}

/** Every runbook of the workspace, in host order; `name` gives the file name shown in messages. */
export function readRunbooks(hosts: readonly Host[], files: ReadonlyMap<string, string>, problemsOf: (path: string) => Problems, resolve: Resolve, collect: (p: Problems) => void): RunbookLine[] {
  const out: RunbookLine[] = [];
  for (const host of hosts) {
    for (const path of host.files) {
      if (!path.endsWith('/runbook.sh')) continue;
      const p = problemsOf(path);
      out.push(...readRunbook(files.get(path)!, p.file, p, resolve));
      collect(p);
    }
  }
  return out;
}

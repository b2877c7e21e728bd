/**
 * The terminal shell over a run (STYLE §6): `runLine(ctx, line)` → output text, `complete(ctx, line)`
 * → candidates. A pure function of the run handle and the line; the page's xterm only displays it.
 */
import type { Command, ShellContext, ShellOutput } from './types.js';
import { tokenize } from './tokenize.js';
import { helpCommand } from './commands/help.js';
import { kafkaTopics } from './commands/kafka-topics.js';
import { kafkaConsoleConsumer } from './commands/kafka-console-consumer.js';
import { kafkaConsumerGroups } from './commands/kafka-consumer-groups.js';
import { kafkaConfigs } from './commands/kafka-configs.js';
import { curl } from './commands/curl.js';
import { tail } from './commands/tail.js';
import { trace } from './commands/trace.js';
import { faults } from './commands/faults.js';
import { operations } from './commands/operations.js';
import { simRun } from './commands/sim-run.js';
import { ledger } from './commands/ledger.js';
import { at } from './commands/at.js';
import { airflow } from './commands/airflow.js';
import { psql, sparkSql, traceOrderCommand } from './commands/warehouse-sql.js';
import { aws } from './commands/aws/index.js';

export type { ShellContext, ShellOutput, ShellAction, ShellSession, Command } from './types.js';
export { recordStory, formatStory, ledgerEntries, type RecordStory, type LedgerEntry, type LedgerKind } from './record-fate.js';
export { ridOfId } from './view.js';

const COMMANDS: readonly Command[] = [helpCommand(() => COMMANDS), kafkaTopics, kafkaConsoleConsumer, kafkaConsumerGroups, kafkaConfigs, curl, tail, trace, faults, operations, ledger, at, airflow, sparkSql, psql, traceOrderCommand, aws, simRun];

/** `sim run` is a two-word command: match the first word, pass the rest. Tools may be typed with `.sh` or a bin/ path. */
function lookup(word: string): Command | undefined {
  const name = word.replace(/^.*\//, '').replace(/\.sh$/, '');
  return COMMANDS.find((c) => c.name.split(' ')[0] === name);
}

export function commandNames(): string[] {
  return COMMANDS.map((c) => c.name.split(' ')[0]!);
}

export function runLine(ctx: ShellContext, line: string): ShellOutput {
  const { words, unterminated } = tokenize(line);
  if (unterminated) return { text: 'sh: unexpected end of line: a quote is not closed', status: 2 };
  const [first, ...rest] = words;
  if (first === undefined) return { text: '', status: 0 };
  if (first === 'clear') return { text: '\u001b[2J\u001b[H', status: 0 };
  const command = lookup(first);
  if (!command) return { text: `sh: ${first}: command not found (type \`help\`)`, status: 127 };
  // A session left over from an earlier run says nothing about this one.
  const session = ctx.session && ctx.session.handle === ctx.handle ? ctx.session : undefined;
  try {
    return command.run(rest, { handle: ctx.handle, session });
  } catch (error) {
    // A command failing on unexpected state should read as a tool error, not break the terminal.
    return { text: `${first}: internal error: ${error instanceof Error ? error.message : String(error)}`, status: 1 };
  }
}

export interface Completion {
  /** The partial word being completed. */
  word: string;
  /** Full candidates for it, sorted. */
  candidates: string[];
}

export function complete(ctx: ShellContext, line: string): Completion {
  const { words, trailingSpace } = tokenize(line);
  const word = trailingSpace || words.length === 0 ? '' : words[words.length - 1]!;
  const before = trailingSpace ? words : words.slice(0, -1);
  let pool: string[];
  if (before.length === 0) pool = [...commandNames(), 'clear'];
  else {
    const command = lookup(before[0]!);
    try {
      pool = command?.complete?.(before.slice(1), ctx) ?? [];
    } catch {
      pool = [];
    }
  }
  return { word, candidates: [...new Set(pool.filter((c) => c.startsWith(word)))].sort() };
}

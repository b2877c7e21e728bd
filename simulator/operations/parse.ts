/**
 * One line of an operator's runbook → the operation it performs, or the problem the real tool would
 * report, with the column it is at. The flags are the real tools' (kafka-topics.sh's TopicCommand
 * options, kafka-consumer-groups.sh's ConsumerGroupCommandOptions, the Flink CLI's `stop`, `cancel` and `run`,
 * Airflow 3's `airflow backfill create` in parse-airflow.ts);
 * an unknown flag is refused as jopt-simple refuses it ("x is not a recognized option").
 * kafka-consumer-groups is read with the terminal's own option parser (simulator/shell), so a line
 * that works in the terminal works in a runbook.
 */
import { tokenize, parseOptions, type Options } from '../shell/tokenize.js';
import { RESET_FLAGS, RESET_SPECS } from '../shell/commands/reset-offsets.js';
import { KAFKA_TOPICS_FLAGS } from '../config/kafka/topics.js';
import { closest } from '../spec/suggest.js';
import { parseAirflow, type AirflowBackfillOp } from './parse-airflow.js';

export type Operation =
  | { kind: 'add-partitions'; bootstrap: string; topic: string; partitions: number }
  | { kind: 'reset-offsets'; bootstrap: string; group: string; topic: string; options: Options; execute: boolean }
  | { kind: 'flink-stop'; savepointDir: string; jobId: string }
  | { kind: 'flink-cancel'; jobId: string }
  /** Without `savepoint` a new job without state; `jobmanager` is `-m host:port` when given. */
  | { kind: 'flink-run'; savepoint: string | undefined; parallelism: number | undefined; jar: string; jobmanager: string | undefined }
  | AirflowBackfillOp;

export interface LineProblem {
  /** 1-based columns within the line. */
  column: number;
  endColumn: number;
  message: string;
  hint?: string;
}

export type Parsed = { ok: true; op: Operation } | { ok: false; problem: LineProblem };

/** ConsumerGroupCommandOptions (Kafka 4.0): which options take a value. */
const CONSUMER_GROUPS_FLAGS: Readonly<Record<string, boolean>> = {
  '--bootstrap-server': true, '--command-config': true, '--group': true, '--topic': true, '--all-topics': false, '--all-groups': false,
  '--list': false, '--describe': false, '--delete': false, '--delete-offsets': false, '--offsets': false, '--members': false, '--state': false,
  '--verbose': false, '--timeout': true, '--reset-offsets': false, '--dry-run': false, '--execute': false, '--export': false,
  '--to-offset': true, '--to-datetime': true, '--by-duration': true, '--from-file': true, '--to-earliest': false, '--to-latest': false,
  '--to-current': false, '--shift-by': true, '--help': false, '--version': false,
};

/** The Flink CLI's options of `flink stop`, `flink cancel` and `flink run` (short and long forms), and whether each takes a value. */
const FLINK_CANCEL_FLAGS: Readonly<Record<string, boolean>> = { '-s': false, '--withSavepoint': false, '-m': true, '--jobmanager': true };
const FLINK_STOP_FLAGS: Readonly<Record<string, boolean>> = { '-p': true, '--savepointPath': true, '-d': false, '--drain': false, '-type': true, '--type': true, '-m': true, '--jobmanager': true };
const FLINK_RUN_FLAGS: Readonly<Record<string, boolean>> = {
  '-s': true, '--fromSavepoint': true, '-p': true, '--parallelism': true, '-n': false, '--allowNonRestoredState': false, '-d': false, '--detached': false,
  '-c': true, '--class': true, '-m': true, '--jobmanager': true, '-rm': true, '--restoreMode': true,
};

/** Finds each word's columns in the line, left to right (quotes make a word longer than its text; good enough to mark it). */
function locator(line: string): (word: string) => { column: number; endColumn: number } {
  let from = 0;
  return (word) => {
    const idx = line.indexOf(word, from);
    if (idx < 0) return { column: 1, endColumn: line.length + 1 };
    from = idx + word.length;
    return { column: idx + 1, endColumn: idx + 1 + word.length };
  };
}

const toolName = (word: string): string => word.replace(/^.*\//, '').replace(/\.sh$/, '');

export const TOOLS = ['kafka-topics.sh', 'kafka-consumer-groups.sh', 'flink', 'airflow'] as const;

export function parseOperation(line: string): Parsed {
  const { words, unterminated } = tokenize(line);
  const at = locator(line);
  const whole = { column: 1, endColumn: line.length + 1 };
  const problem = (where: { column: number; endColumn: number }, message: string, hint?: string): Parsed => ({ ok: false, problem: { ...where, message, ...(hint ? { hint } : {}) } });
  if (unterminated) return problem(whole, 'a quote is not closed');
  const [first, ...args] = words;
  if (first === undefined) return problem(whole, 'an empty command');
  const toolAt = at(first);
  const tool = toolName(first);
  if (tool === 'kafka-topics') return topics(args, at, problem, toolAt);
  if (tool === 'kafka-consumer-groups') return groups(args, at, problem, toolAt);
  if (tool === 'flink') return flink(args, at, problem, toolAt);
  if (tool === 'airflow') return parseAirflow(args, at, toolAt);
  const guess = closest(first, [...TOOLS]);
  return problem(toolAt, `${first}: command not found in the runbook`, guess ? `did you mean ${guess}?` : `a runbook runs ${TOOLS.join(', ')}`);
}

type Problem = (where: { column: number; endColumn: number }, message: string, hint?: string) => Parsed;
type At = (word: string) => { column: number; endColumn: number };

/** Walks `--flag value` words against a flag table; an unknown flag is refused at its column. */
function readFlags(args: readonly string[], table: Readonly<Record<string, boolean>>, at: At, tool: string): { values: Map<string, { value: string; where: { column: number; endColumn: number } }>; flags: Set<string>; positional: { word: string; where: { column: number; endColumn: number } }[] } | LineProblem {
  const values = new Map<string, { value: string; where: { column: number; endColumn: number } }>();
  const flags = new Set<string>();
  const positional: { word: string; where: { column: number; endColumn: number } }[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const where = at(word);
    if (!word.startsWith('-')) {
      positional.push({ word, where });
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (!(name in table)) {
      const guess = closest(name, Object.keys(table));
      return { ...where, message: `${name.replace(/^--?/, '')} is not a recognized option`, hint: guess ? `did you mean ${guess}?` : `run ${tool} --help` };
    }
    if (!table[name]) {
      flags.add(name);
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : args[++i];
    if (value === undefined) return { ...where, message: `Option ${name} requires an argument` };
    values.set(name, { value, where: eq > 0 ? where : at(value) });
  }
  return { values, flags, positional };
}

function topics(args: readonly string[], at: At, problem: Problem, toolAt: { column: number; endColumn: number }): Parsed {
  const read = readFlags(args, KAFKA_TOPICS_FLAGS, at, 'kafka-topics.sh');
  if ('message' in read) return { ok: false, problem: read };
  const actions = ['--create', '--alter', '--delete', '--describe', '--list'].filter((a) => read.flags.has(a));
  if (actions.length !== 1) return problem(toolAt, 'Command must include exactly one action: --list, --describe, --create, --alter or --delete');
  if (actions[0] !== '--alter') return problem(toolAt, `kafka-topics.sh ${actions[0]} is not an operation a runbook runs during the run`, 'topics are created in topics.sh; a runbook changes them with --alter --partitions');
  const bootstrap = read.values.get('--bootstrap-server');
  if (!bootstrap) return problem(toolAt, 'Missing required argument "[bootstrap-server]"', '--bootstrap-server kafka:9092');
  const topic = read.values.get('--topic');
  if (!topic) return problem(toolAt, 'Missing required argument "[topic]"', '--topic <name>');
  for (const name of ['--config', '--delete-config', '--replica-assignment', '--replication-factor']) {
    const v = read.values.get(name);
    if (v) return problem(v.where, `${name} with --alter is not simulated as an operation`, name === '--replication-factor' ? 'kafka-topics.sh refuses it too: change replicas with kafka-reassign-partitions.sh' : 'a runbook adds partitions: --alter --partitions <n>');
  }
  const partitions = read.values.get('--partitions');
  if (!partitions) return problem(toolAt, 'an --alter in a runbook adds partitions: --partitions <n> is missing');
  const n = Number(partitions.value);
  if (!/^\d+$/.test(partitions.value) || n < 1) return problem(partitions.where, 'The partitions must be greater than 0');
  return { ok: true, op: { kind: 'add-partitions', bootstrap: bootstrap.value, topic: topic.value, partitions: n } };
}

function groups(args: readonly string[], at: At, problem: Problem, toolAt: { column: number; endColumn: number }): Parsed {
  const read = readFlags(args, CONSUMER_GROUPS_FLAGS, at, 'kafka-consumer-groups.sh');
  if ('message' in read) return { ok: false, problem: read };
  if (!read.flags.has('--reset-offsets')) return problem(toolAt, 'a runbook runs kafka-consumer-groups.sh --reset-offsets; the other actions only read', 'look at groups with kafka-consumer-groups --describe in the terminal');
  const bootstrap = read.values.get('--bootstrap-server');
  if (!bootstrap) return problem(toolAt, 'Missing required argument "[bootstrap-server]"', '--bootstrap-server kafka:9092');
  const group = read.values.get('--group');
  if (!group) return problem(toolAt, 'Option [reset-offsets] takes one of these options: [all-groups], [group]', '--group <group>');
  const topic = read.values.get('--topic');
  if (!topic) return problem(toolAt, 'One of the reset scopes should be defined: --all-topics, --topic.', '--topic <topic> (the simulated groups read one topic)');
  // The same options the terminal's kafka-consumer-groups reads (simulator/shell/commands/reset-offsets.ts).
  const options = parseOptions(args, ['describe', 'list', ...RESET_FLAGS]);
  const given = RESET_SPECS.filter((s) => options.flags.has(s) || options.values.has(s));
  if (given.length !== 1) return problem(toolAt, `Option [reset-offsets] takes exactly one of these options: ${RESET_SPECS.map((s) => `[${s}]`).join(', ')}`);
  const spec = given[0]!;
  if (spec === 'to-datetime' || spec === 'by-duration' || spec === 'from-file') {
    return problem(read.values.get(`--${spec}`)?.where ?? toolAt, `--${spec} is not simulated`, 'use --to-earliest, --to-latest, --to-current, --to-offset or --shift-by');
  }
  if (spec === 'to-offset' || spec === 'shift-by') {
    const v = read.values.get(`--${spec}`)!;
    if (!/^-?\d+$/.test(v.value)) return problem(v.where, `Option ${spec} expects an integer, got '${v.value}'.`);
  }
  if (read.flags.has('--execute') && read.flags.has('--dry-run')) return problem(toolAt, 'Option [dry-run] cannot be used with option [execute]');
  return { ok: true, op: { kind: 'reset-offsets', bootstrap: bootstrap.value, group: group.value, topic: topic.value, options, execute: read.flags.has('--execute') } };
}

function flink(args: readonly string[], at: At, problem: Problem, toolAt: { column: number; endColumn: number }): Parsed {
  const [action, ...rest] = args;
  if (action === undefined) return problem(toolAt, 'Please specify an action.', 'flink stop --savepointPath <dir> <jobId>  |  flink cancel <jobId>  |  flink run [-s <savepoint>] [-p <n>] <jar>');
  const actionAt = at(action);
  if (action === 'stop') {
    const read = readFlags(rest, FLINK_STOP_FLAGS, at, 'flink stop');
    if ('message' in read) return { ok: false, problem: read };
    const dir = read.values.get('--savepointPath') ?? read.values.get('-p');
    if (!dir) return problem(actionAt, 'a runbook stops a job with a savepoint: --savepointPath <dir> is missing', 'flink stop --savepointPath s3://flink/savepoints <jobId>');
    const job = read.positional[0];
    if (!job) return problem(actionAt, 'Missing JobID. Specify a Job ID to stop a job.');
    if (!/^[0-9a-f]{32}$/.test(job.word)) return problem(job.where, `Cannot parse JobID ${job.word}. JobID must be a 32-character hexadecimal string.`, 'the id curl localhost:8081/jobs shows');
    return { ok: true, op: { kind: 'flink-stop', savepointDir: dir.value.replace(/\/+$/, ''), jobId: job.word } };
  }
  if (action === 'cancel') {
    // `flink cancel <jobId>`: the job ends at once, its state with it (CANCELED); no savepoint.
    const read = readFlags(rest, FLINK_CANCEL_FLAGS, at, 'flink cancel');
    if ('message' in read) return { ok: false, problem: read };
    if (read.flags.has('-s') || read.flags.has('--withSavepoint')) {
      return problem(actionAt, 'cancel with a savepoint (-s) is deprecated in Flink and not simulated', 'stop the job with a savepoint instead: flink stop --savepointPath <dir> <jobId>');
    }
    const job = read.positional[0];
    if (!job) return problem(actionAt, 'Missing JobID. Specify a Job ID to cancel a job.');
    if (!/^[0-9a-f]{32}$/.test(job.word)) return problem(job.where, `Cannot parse JobID ${job.word}. JobID must be a 32-character hexadecimal string.`, 'the id curl localhost:8081/jobs shows');
    return { ok: true, op: { kind: 'flink-cancel', jobId: job.word } };
  }
  if (action === 'run') {
    const read = readFlags(rest, FLINK_RUN_FLAGS, at, 'flink run');
    if ('message' in read) return { ok: false, problem: read };
    // Without -s the job is submitted anew: no state, its sources start at their configured offsets.
    const savepoint = read.values.get('--fromSavepoint') ?? read.values.get('-s');
    const p = read.values.get('--parallelism') ?? read.values.get('-p');
    if (p && !/^[1-9]\d*$/.test(p.value)) return problem(p.where, `The parallelism must be a positive number: ${p.value}`);
    const jar = read.positional[0];
    if (!jar) return problem(actionAt, 'No JAR file specified.', 'flink run [-s <savepoint>] [-p <n>] [-m <host>:8081] /opt/flink/usrlib/job.jar');
    const jobmanager = read.values.get('--jobmanager') ?? read.values.get('-m');
    return { ok: true, op: { kind: 'flink-run', savepoint: savepoint?.value.replace(/\/+$/, ''), parallelism: p ? Number(p.value) : undefined, jar: jar.word, jobmanager: jobmanager?.value } };
  }
  return problem(actionAt, `"${action}" is not a valid action.`, 'a runbook runs flink stop, flink cancel or flink run');
}

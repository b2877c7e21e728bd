/**
 * topics.sh: `kafka-topics.sh --create` lines, tokenized with `shell-quote`, flags as the real tool
 * reads them (Kafka 4.0 TopicCommand.TopicCommandOptions, jopt-simple: an unknown flag is
 * "x is not a recognized option"). Topic configs checked against Kafka's topic-level config names.
 */
import { parse as parseShell } from 'shell-quote';
import { closest } from '../../spec/suggest.js';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { scriptCommands } from '../shared/shell-script.js';

export interface TopicCommand {
  topic: string;
  partitions?: number;
  replicationFactor?: number;
  configs: Map<string, { value: string; loc: Loc }>;
  bootstrap?: { text: string; loc: Loc };
  loc: Loc;
}

/** Flags of kafka-topics.sh and whether each takes a value. */
export const KAFKA_TOPICS_FLAGS: Readonly<Record<string, boolean>> = {
  '--bootstrap-server': true, '--command-config': true, '--create': false, '--alter': false, '--delete': false, '--describe': false, '--list': false,
  '--topic': true, '--topic-id': true, '--partitions': true, '--replication-factor': true, '--replica-assignment': true, '--config': true,
  '--delete-config': true, '--if-exists': false, '--if-not-exists': false, '--exclude-internal': false, '--at-min-isr-partitions': false,
  '--under-replicated-partitions': false, '--under-min-isr-partitions': false, '--unavailable-partitions': false, '--topics-with-overrides': false,
  '--help': false, '--version': false, '--partition-size-limit-per-response': true,
};

/** Topic-level configs simulated (→ the internal topic) and the other valid ones (Kafka 4.0 TopicConfig). */
const SIMULATED_CONFIGS = ['retention.ms', 'min.insync.replicas', 'cleanup.policy', 'segment.ms', 'segment.bytes'];
const OTHER_CONFIGS = ['retention.bytes', 'segment.jitter.ms', 'segment.index.bytes', 'max.message.bytes', 'compression.type', 'compression.gzip.level', 'compression.lz4.level', 'compression.zstd.level', 'delete.retention.ms', 'file.delete.delay.ms', 'flush.messages', 'flush.ms', 'index.interval.bytes', 'max.compaction.lag.ms', 'min.compaction.lag.ms', 'min.cleanable.dirty.ratio', 'message.timestamp.type', 'message.timestamp.before.max.ms', 'message.timestamp.after.max.ms', 'preallocate', 'unclean.leader.election.enable', 'local.retention.ms', 'local.retention.bytes', 'remote.storage.enable', 'follower.replication.throttled.replicas', 'leader.replication.throttled.replicas', 'message.downconversion.enable'];

/** Commands in the file; lines ending in `\` continue. Comments, `#!`, `set …` and blank lines are skipped. */
export function readTopicsScript(text: string, problems: Problems): TopicCommand[] {
  const commands: TopicCommand[] = [];
  for (const c of scriptCommands(text)) {
    const loc = { line: c.line, column: c.indent + 1, endLine: c.endLine, endColumn: c.lastLineLength + 1 };
    const cmd = readCommand(c.text, c.line, loc, problems);
    if (cmd) commands.push(cmd);
  }
  return commands;
}

function readCommand(command: string, line: number, loc: Loc, problems: Problems): TopicCommand | undefined {
  const tokens = parseShell(command).filter((t): t is string => typeof t === 'string');
  // Where a token is on the (first) line, for messages; continuation lines fall back to the command.
  let searchFrom = 0;
  const at = (token: string): Loc => {
    const idx = command.indexOf(token, searchFrom);
    if (idx < 0) return loc;
    searchFrom = idx + token.length;
    return { line, column: idx + 1, endLine: line, endColumn: idx + 1 + token.length };
  };
  const tool = tokens.shift();
  const toolLoc = at(tool ?? '');
  if (!tool || !/(^|\/)kafka-topics(\.sh)?$/.test(tool)) {
    problems.warn(toolLoc, `\`${tool ?? ''}\` is not simulated: topics.sh runs kafka-topics.sh commands only`);
    return undefined;
  }
  const cmd: TopicCommand = { topic: '', configs: new Map(), loc };
  let action: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const flag = tokens[i]!;
    const flagLoc = at(flag);
    const [name, inline] = flag.includes('=') && flag.startsWith('--') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    if (!(name in KAFKA_TOPICS_FLAGS)) {
      const guess = closest(name, Object.keys(KAFKA_TOPICS_FLAGS));
      problems.error(flagLoc, `${name.replace(/^--?/, '')} is not a recognized option`, guess ? `did you mean ${guess}?` : 'run kafka-topics.sh --help');
      return undefined;
    }
    let value: string | undefined;
    let valueLoc = flagLoc;
    if (KAFKA_TOPICS_FLAGS[name]) {
      value = inline ?? tokens[++i];
      if (value === undefined) {
        problems.error(flagLoc, `Option ${name} requires an argument`);
        return undefined;
      }
      if (inline === undefined) valueLoc = at(value);
    }
    switch (name) {
      case '--create': case '--alter': case '--delete': case '--describe': case '--list':
        action = name;
        break;
      case '--topic': cmd.topic = value!; break;
      case '--bootstrap-server': cmd.bootstrap = { text: value!, loc: valueLoc }; break;
      case '--partitions':
      case '--replication-factor': {
        const n = Number(value);
        if (!/^\d+$/.test(value!) || n < 1) {
          problems.error(valueLoc, `${name === '--partitions' ? 'The partitions' : 'The replication factor'} must be greater than 0`);
          return undefined;
        }
        if (name === '--partitions') cmd.partitions = n;
        else cmd.replicationFactor = n;
        break;
      }
      case '--config': {
        const eq = value!.indexOf('=');
        if (eq < 1) {
          problems.error(valueLoc, `Invalid topic config: all configs to be added must be in the format "key=val"`);
          return undefined;
        }
        const key = value!.slice(0, eq);
        if (!SIMULATED_CONFIGS.includes(key) && !OTHER_CONFIGS.includes(key)) {
          const guess = closest(key, [...SIMULATED_CONFIGS, ...OTHER_CONFIGS]);
          problems.error(valueLoc, `Unknown topic config name: ${key}`, guess ? `did you mean ${guess}?` : undefined);
          return undefined;
        }
        if (!SIMULATED_CONFIGS.includes(key)) problems.warn(valueLoc, `topic config ${key} is valid but not simulated`);
        else cmd.configs.set(key, { value: value!.slice(eq + 1), loc: valueLoc });
        break;
      }
      case '--replica-assignment':
        problems.warn(flagLoc, '--replica-assignment is valid but not simulated: replicas are spread over the brokers');
        break;
      default:
        break;
    }
  }
  if (action !== '--create') {
    problems.warn(loc, `only kafka-topics.sh --create is simulated${action ? `; ${action} is left out` : ''}`);
    return undefined;
  }
  if (!cmd.topic) {
    problems.error(loc, 'Missing required argument "[topic]"', '--topic <name>');
    return undefined;
  }
  if (!cmd.bootstrap) {
    problems.error(loc, 'Missing required argument "[bootstrap-server]"', '--bootstrap-server kafka:9092');
    return undefined;
  }
  return cmd;
}

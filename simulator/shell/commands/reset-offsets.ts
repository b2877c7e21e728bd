/**
 * `kafka-consumer-groups --reset-offsets`: the plan (group, topic, partition → new offset) as
 * kafka-consumer-groups.sh computes it, with its clamping to the retained range. Apache Kafka's tool
 * refuses unless the group is inactive (Empty or Dead), prints the plan without --execute (a dry run)
 * and commits it with --execute; here committing means the session's view of the group's offsets.
 */
import type { Options } from '../tokenize.js';
import type { GroupDescription, KafkaClusterHandle } from '../../nodes/kafka/client-api.js';

export interface ResetRow {
  topic: string;
  partition: number;
  offset: number;
}

/** Key of one group's committed offset in ShellSession.offsets. */
export const offsetKey = (group: string, topic: string, partition: number): string => `${group}\t${topic}\t${partition}`;

export const RESET_SPECS = ['to-earliest', 'to-latest', 'to-current', 'to-offset', 'shift-by', 'to-datetime', 'by-duration', 'from-file'] as const;

/** The options of this mode that take no value (the rest of the tool's flags live with the command). */
export const RESET_FLAGS = ['reset-offsets', 'execute', 'dry-run', 'to-earliest', 'to-latest', 'to-current', 'all-topics', 'export'];

/** `--topic logs` or `--topic logs:0,2`, as the real tool accepts. */
function scope(o: Options, topics: readonly string[]): { topic: string; partitions?: number[] }[] | string {
  const raw = o.values.get('topic');
  if (o.flags.has('all-topics')) return topics.map((topic) => ({ topic }));
  if (raw === undefined) return 'One of the reset scopes should be defined: --all-topics, --topic.';
  return raw.split(/,(?=[^\d])/).map((t) => {
    const [topic, parts] = t.split(':') as [string, string | undefined];
    return parts === undefined ? { topic } : { topic, partitions: parts.split(',').map(Number) };
  });
}

/**
 * The new offsets, or an error text. `current` is the committed offset the session sees (after
 * earlier resets); a partition with none resets from the log end, as the real tool's --to-current does.
 */
export function planReset(
  o: Options,
  descriptions: readonly GroupDescription[],
  cluster: KafkaClusterHandle,
  current: (topic: string, partition: number) => number | null,
): { rows: ResetRow[]; warnings: string[] } | { error: string } {
  const given = RESET_SPECS.filter((s) => o.flags.has(s) || o.values.has(s));
  if (given.length !== 1) return { error: `Option [reset-offsets] takes exactly one of these options: ${RESET_SPECS.map((s) => `[${s}]`).join(', ')}` };
  const spec = given[0]!;
  if (spec === 'to-datetime' || spec === 'by-duration' || spec === 'from-file') {
    return { error: `--${spec} is not available in this terminal; use --to-earliest, --to-latest, --to-current, --to-offset or --shift-by.` };
  }
  const wanted = scope(o, descriptions.map((d) => d.topic));
  if (typeof wanted === 'string') return { error: wanted };
  const rows: ResetRow[] = [];
  const warnings: string[] = [];
  for (const { topic, partitions } of wanted) {
    const known = cluster.describe().topics.find((t) => t.topic === topic);
    if (!known) return { error: `Error: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.` };
    const starts = cluster.logStartOffsets(topic);
    const ends = cluster.logEndOffsets(topic);
    for (const p of partitions ?? known.partitions.map((x) => x.partition)) {
      if (!(p >= 0 && p < known.partitions.length)) return { error: `Error: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.` };
      const start = starts[p] ?? 0;
      const end = ends[p] ?? 0;
      const committed = current(topic, p) ?? end;
      let target: number;
      if (spec === 'to-earliest') target = start;
      else if (spec === 'to-latest') target = end;
      else if (spec === 'to-current') target = committed;
      else {
        const n = Number(o.values.get(spec));
        if (!Number.isInteger(n)) return { error: `Option ${spec} expects an integer, got '${o.values.get(spec)}'.` };
        target = spec === 'to-offset' ? n : committed + n;
      }
      // The tool clamps to the retained range and says so (ResetOffsets' checkOffsetRange).
      if (target < start) {
        warnings.push(`New offset (${target}) is lower than earliest offset for topic partition ${topic}-${p}. Value will be set to ${start}`);
        target = start;
      } else if (target > end) {
        warnings.push(`New offset (${target}) is higher than latest offset for topic partition ${topic}-${p}. Value will be set to ${end}`);
        target = end;
      }
      rows.push({ topic, partition: p, offset: target });
    }
  }
  return { rows, warnings };
}

/** The plan as the tool prints it: `%-30s %-30s %-10s %-15s` under a GROUP TOPIC PARTITION NEW-OFFSET header. */
export function formatPlan(group: string, rows: readonly ResetRow[]): string {
  const line = (cells: string[]) => `${cells[0]!.padEnd(30)} ${cells[1]!.padEnd(30)} ${cells[2]!.padEnd(10)} ${cells[3]!}`.trimEnd();
  return ['', line(['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET']), ...rows.map((r) => line([group, r.topic, String(r.partition), String(r.offset)]))].join('\n');
}

/** Without --execute or --dry-run the tool warns that it only printed the plan. */
export const NO_EXECUTE_WARNING =
  'WARN: No action will be performed as the --execute option is missing. In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.';

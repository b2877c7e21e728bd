/**
 * `kafka-consumer-groups --describe --group g`, in kafka-consumer-groups.sh's layout:
 * per partition the committed offset (CURRENT-OFFSET), the log end and the LAG between them.
 * Lag is what a restarted consumer would read again or still has to read (SEMANTICS §3).
 * `--reset-offsets` plans (and with --execute commits, in this session's view) new offsets
 * for an inactive group; --describe shows them afterwards.
 */
import { ok, fail, NO_RUN, emptySession, type Command, type ShellSession } from '../types.js';
import { parseOptions } from '../tokenize.js';
import { columns, kafkaClusters } from '../view.js';
import { formatPlan, NO_EXECUTE_WARNING, offsetKey, planReset, RESET_FLAGS } from './reset-offsets.js';
import type { GroupDescription } from '../../nodes/kafka/client-api.js';

/** The committed offset the session sees: a reset executed in this terminal, else the run's. */
function committedIn(session: ShellSession | undefined, group: string, g: GroupDescription, partition: number): number | null {
  const reset = session?.offsets.get(offsetKey(group, g.topic, partition));
  return reset ?? g.committed.find((c) => c.partition === partition)?.offset ?? null;
}

function describeGroup(group: string, mine: readonly GroupDescription[], session: ShellSession | undefined): string {
  const rows: string[][] = [['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']];
  let active = false;
  for (const g of mine) {
    for (const c of g.committed) {
      const member = g.members.find((m) => m.partitions.includes(c.partition));
      if (member) active = true;
      const offset = committedIn(session, group, g, c.partition);
      rows.push([
        group,
        g.topic,
        String(c.partition),
        offset === null ? '-' : String(offset),
        String(c.logEndOffset),
        offset === null ? '-' : String(c.logEndOffset - offset),
        member?.memberId ?? '-',
        member ? `/${member.host}` : '-',
        member ? member.memberId.replace(/-[^-]*$/, '') : '-',
      ]);
    }
  }
  const note = active ? '' : `Consumer group '${group}' has no active members.\n\n`;
  return `\n${note}${columns(rows)}`;
}

export const kafkaConsumerGroups: Command = {
  name: 'kafka-consumer-groups',
  summary: 'consumer groups: committed offsets, log end and lag per partition; reset offsets of a stopped group',
  usage: [
    'kafka-consumer-groups --describe --group <group>  |  kafka-consumer-groups --list',
    'kafka-consumer-groups --group <group> --reset-offsets (--to-earliest | --to-latest | --to-current | --to-offset <n> | --shift-by <n>)',
    '    (--topic <topic>[:<partitions>] | --all-topics) [--dry-run | --execute]',
    '  Without --execute the plan is only printed. --execute commits it in this terminal (what --describe shows',
    '  afterwards); it does not re-run the pipeline. Like the real tool it refuses while the group has members.',
  ].join('\n'),
  run(args, { handle, session }) {
    if (!handle) return fail(NO_RUN);
    const o = parseOptions(args, ['describe', 'list', ...RESET_FLAGS]);
    if (o.errors.length) return fail(o.errors.join('\n'));
    const clusters = kafkaClusters(handle);
    if (clusters.length === 0) return fail('kafka-consumer-groups: this pipeline has no Kafka cluster.');
    const groups = clusters.flatMap(({ cluster }) => cluster.describe().groups);
    if (o.flags.has('list')) return ok([...new Set(groups.map((g) => g.group))].join('\n'));
    const group = o.values.get('group');
    const reset = o.flags.has('reset-offsets');
    if ((!o.flags.has('describe') && !reset) || group === undefined) return fail(`usage: ${this.usage}`);
    const mine = groups.filter((g) => g.group === group);
    if (mine.length === 0) return fail(`Error: Consumer group '${group}' does not exist.`);
    if (!reset) return ok(describeGroup(group, mine, session));

    // A group with members at the end of the run is Stable: its consumers would overwrite any reset.
    if (mine.some((g) => g.members.length > 0)) {
      return fail(`\nError: Assignments can only be reset if the group '${group}' is inactive, but the current state is Stable.`);
    }
    const cluster = clusters.find(({ cluster: c }) => c.describe().groups.some((g) => g.group === group))!.cluster;
    const plan = planReset(o, mine, cluster, (topic, p) => {
      const g = mine.find((d) => d.topic === topic);
      return g ? committedIn(session, group, g, p) : (session?.offsets.get(offsetKey(group, topic, p)) ?? null);
    });
    if ('error' in plan) return fail(plan.error);
    const execute = o.flags.has('execute');
    const head = !execute && !o.flags.has('dry-run') ? [NO_EXECUTE_WARNING] : [];
    const text = [...head, ...plan.warnings, formatPlan(group, plan.rows)].join('\n');
    if (!execute) return ok(text);
    const base = session ?? emptySession(handle);
    const offsets = new Map(base.offsets);
    for (const r of plan.rows) offsets.set(offsetKey(group, r.topic, r.partition), r.offset);
    return { text, status: 0, session: { ...base, offsets } };
  },
  complete(args, { handle }) {
    if (args[args.length - 1] === '--group' && handle) {
      return [...new Set(kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().groups.map((g) => g.group)))];
    }
    if (args[args.length - 1] === '--topic' && handle) return kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().topics.map((t) => t.topic));
    return ['--describe', '--group', '--list', '--bootstrap-server', '--reset-offsets', '--to-earliest', '--to-latest', '--to-current', '--to-offset', '--shift-by', '--topic', '--all-topics', '--dry-run', '--execute'];
  },
};

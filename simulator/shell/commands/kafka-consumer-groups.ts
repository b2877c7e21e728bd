/**
 * `kafka-consumer-groups --describe --group g`, in kafka-consumer-groups.sh's layout:
 * per partition the committed offset (CURRENT-OFFSET), the log end and the LAG between them.
 * Lag is what a restarted consumer would read again or still has to read (SEMANTICS §3).
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { parseOptions } from '../tokenize.js';
import { columns, kafkaClusters } from '../view.js';

export const kafkaConsumerGroups: Command = {
  name: 'kafka-consumer-groups',
  summary: 'describe a consumer group: committed offsets, log end offsets and lag per partition',
  usage: 'kafka-consumer-groups --describe --group <group>  |  kafka-consumer-groups --list',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const o = parseOptions(args, ['describe', 'list']);
    if (o.errors.length) return fail(o.errors.join('\n'));
    const clusters = kafkaClusters(handle);
    if (clusters.length === 0) return fail('kafka-consumer-groups: this pipeline has no Kafka cluster.');
    const groups = clusters.flatMap(({ cluster }) => cluster.describe().groups);
    if (o.flags.has('list')) return ok([...new Set(groups.map((g) => g.group))].join('\n'));
    const group = o.values.get('group');
    if (!o.flags.has('describe') || group === undefined) return fail(`usage: ${this.usage}`);
    const mine = groups.filter((g) => g.group === group);
    if (mine.length === 0) return fail(`Error: Consumer group '${group}' does not exist.`);
    const rows: string[][] = [['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']];
    let active = false;
    for (const g of mine) {
      for (const c of g.committed) {
        const member = g.members.find((m) => m.partitions.includes(c.partition));
        if (member) active = true;
        rows.push([
          group,
          g.topic,
          String(c.partition),
          c.offset === null ? '-' : String(c.offset),
          String(c.logEndOffset),
          c.offset === null ? '-' : String(c.lag),
          member?.memberId ?? '-',
          member ? `/${member.host}` : '-',
          member ? member.memberId.replace(/-[^-]*$/, '') : '-',
        ]);
      }
    }
    const note = active ? '' : `Consumer group '${group}' has no active members.\n\n`;
    return ok(`\n${note}${columns(rows)}`);
  },
  complete(args, { handle }) {
    if (args[args.length - 1] === '--group' && handle) {
      return [...new Set(kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().groups.map((g) => g.group)))];
    }
    return ['--describe', '--group', '--list', '--bootstrap-server'];
  },
};

/**
 * A Kafka cluster's log (`/var/log/<kafka>.log`: its brokers, its controller and its group
 * coordinator) in the broker's log4j layout, with the messages kafka.cluster.Partition,
 * the KRaft controller and the classic GroupCoordinator write for the events the simulator models.
 */
import type { LogLine } from '../../run/result.js';
import type { RunHandle } from '../../run/run.js';
import { kafkaLine } from './layouts.js';

/** `offsets.topic.num.partitions` default: the __consumer_offsets partition a group lives on. */
const OFFSETS_PARTITIONS = 50;

/** Java's String.hashCode, for GroupMetadataManager.partitionFor (Utils.abs(hash) % partitions). */
function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export function offsetsPartitionOf(groupId: string): number {
  const h = javaHash(groupId);
  return (h === -2147483648 ? 0 : Math.abs(h)) % OFFSETS_PARTITIONS;
}

/** The ISR of `key` in the controller's last sample before `atMs` (bit b-1 set: broker b in sync). */
function isrBefore(handle: RunHandle, cluster: string, key: string, atMs: number): number[] | undefined {
  let mask: number | undefined;
  for (const s of handle.result.samples) {
    if (s.timeMs >= atMs) break;
    mask = s.stages[`${cluster}/broker-1`]?.[`partition:${key}:isr`] ?? mask;
  }
  if (mask === undefined) return undefined;
  const out: number[] = [];
  for (let b = 1; mask >> (b - 1) > 0; b++) if (mask & (1 << (b - 1))) out.push(b);
  return out;
}

/** Per cluster: each group's generation as the coordinator last announced it. */
export class KafkaLog {
  private readonly generations = new Map<string, number>();
  private readonly coordinator: string;

  constructor(private readonly handle: RunHandle, cluster: string) {
    // The coordinator is the leader of the group's __consumer_offsets partition, which the simulator
    // does not model (its coordinator is the cluster): the broker id is known only with one broker.
    const brokers = (handle.spec.nodes[cluster] as { brokers?: number } | undefined)?.brokers ?? 1;
    this.coordinator = brokers === 1 ? '[GroupCoordinator 1]:' : '[GroupCoordinator]:';
  }

  /** The real lines for one run-log line, or undefined when Kafka has no line of its own for it. */
  format(l: LogLine): string[] | undefined {
    const [cluster, role] = l.source.split('/') as [string, string | undefined];
    const broker = role?.startsWith('broker-') ? Number(role.slice('broker-'.length)) : undefined;
    const t = l.timeMs;

    let m = /^(.+)-(\d+): ISR shrunk to \[([\d,]*)\]/.exec(l.text);
    if (m && broker !== undefined) {
      const key = `${m[1]}-${m[2]}`;
      const from = isrBefore(this.handle, cluster, key, t);
      // The leader writes it at INFO; the high watermark and end offsets it adds are not in the run log.
      if (!from || from.join(',') === m[3]) return undefined;
      return [kafkaLine(t, 'info', 'kafka.cluster.Partition', `[Partition ${key} broker=${broker}] Shrinking ISR from ${from.join(',')} to ${m[3]}.`)];
    }

    m = /^broker (\d+) fenced: no heartbeat for broker\.session\.timeout\.ms$/.exec(l.text);
    // The `[QuorumController id=N]` it starts with is left out: the simulated controller has no node id.
    if (m && role === 'controller') return [kafkaLine(t, 'info', 'org.apache.kafka.controller.ReplicationControlManager', `Fencing broker ${m[1]} because its session has timed out.`)];

    m = /^group (\S+): member (\S+) (left the group|sent no heartbeat within session\.timeout\.ms \(\d+ ms\)); rebalancing$/.exec(l.text);
    if (m && role === undefined) {
      const [, group, member, why] = m as unknown as [string, string, string, string];
      const left = why === 'left the group';
      const gen = this.generations.get(group) ?? 0;
      return [
        this.said(t, left ? `Member[group.instance.id None, member.id ${member}] in group ${group} has left, removing it from the group` : `Member ${member} in group ${group} has failed, removing it from the group`),
        this.said(t, `Preparing to rebalance group ${group} in state PreparingRebalance with old generation ${gen} (__consumer_offsets-${offsetsPartitionOf(group)}) (reason: removing member ${member} on ${left ? 'LeaveGroup' : 'heartbeat expiration'})`),
      ];
    }

    m = /^group (\S+) generation (\d+): (.*)$/.exec(l.text);
    if (m && role === undefined) {
      const [, group, gen, members] = m as unknown as [string, string, string, string];
      this.generations.set(group, Number(gen));
      const n = members.split(' ').filter((s) => s !== '').length;
      return [this.said(t, `Stabilized group ${group} generation ${gen} (__consumer_offsets-${offsetsPartitionOf(group)}) with ${n} members`)];
    }
    return undefined;
  }

  private said(t: number, message: string): string {
    return kafkaLine(t, 'info', 'kafka.coordinator.group.GroupCoordinator', `${this.coordinator} ${message}`);
  }
}

